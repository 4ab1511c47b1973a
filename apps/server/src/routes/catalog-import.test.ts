import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CatalogImportJob, CatalogTree, CatalogTreeNode } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

const FIXTURES = new URL('../../../../packages/catalog/src/formats/fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));
/** Files over this size are imported as a job in this suite (the default is 5 MiB). */
const SYNC_MAX = 16 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const walk = (nodes: CatalogTreeNode[]): CatalogTreeNode[] =>
  nodes.flatMap((n) => [n, ...walk(n.children)]);

describeEachDatabase('catalog import API: formats, dry run, jobs', (ctx) => {
  let app: App;
  let admin: Client;
  let adminJa: Client; // the same organization, Japanese UI
  let staff: Client;
  let adminB: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { catalogImportMaxBytes: SYNC_MAX });
    ({ admin } = await setupOrganization(app));
    adminJa = await createUserAndLogin(admin, { roles: ['isms_manager'], locale: 'ja' });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    ({ admin: adminB } = await addOrganization(app));
  });
  afterAll(() => app.close());

  async function rowCounts() {
    const [row] = await queryRows<Record<string, number>>(
      ctx.database.db,
      sql`select (select count(*)::int from catalog_libraries) as libraries,
        (select count(*)::int from catalog_nodes) as nodes,
        (select count(*)::int from audit_events) as events`,
    );
    return row!;
  }

  const upload = (client: Client, body: Buffer | string, type: string, query = {}) =>
    client.post('/api/v1/catalogs/import', body, { headers: { 'content-type': type }, query });

  async function finished(client: Client, id: string): Promise<CatalogImportJob> {
    for (let i = 0; i < 200; i++) {
      const res = await client.get(`/api/v1/catalogs/import/jobs/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const job = res.json<CatalogImportJob>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the job did not finish');
  }

  describe('formats', () => {
    it('imports OSCAL YAML and OSCAL XML, whatever the content type says', async () => {
      const yaml = await upload(admin, fixture('mini.oscal.yaml'), 'application/yaml', {
        libraryId: 'mini-yaml',
      });
      expect(yaml.statusCode, yaml.body).toBe(201);
      expect(yaml.json()).toMatchObject({
        id: 'mini-yaml',
        origin: 'oscal',
        counts: { controls: 3 },
      });
      const xml = await upload(admin, fixture('mini.oscal.xml'), 'text/plain', {
        libraryId: 'mini-xml',
      });
      expect(xml.statusCode, xml.body).toBe(201);
      const trees = await Promise.all(
        ['mini-yaml', 'mini-xml'].map(async (id) => {
          const res = await admin.get(`/api/v1/catalogs/${id}`);
          return walk(res.json<CatalogTree>().controlGroups).map((n) => [n.id, n.kind, n.title]);
        }),
      );
      expect(trees[1]).toEqual(trees[0]);
      expect(trees[0]!.map((n) => n[0])).toEqual(['ac', 'ac-1', 'ac-1.1', 'ac-2']);
    });

    it('imports a CISO Assistant framework with its hierarchy and languages', async () => {
      const res = await upload(admin, fixture('ciso-framework.yaml'), 'application/x-yaml');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        id: 'suite-baseline',
        origin: 'native',
        languages: ['ja', 'en'],
        counts: { groups: 3, controls: 4 },
      });
      const tree = (await admin.get('/api/v1/catalogs/suite-baseline')).json<CatalogTree>();
      const outline = (n: CatalogTreeNode): unknown => [
        n.displayId,
        n.kind,
        ...(n.children.length ? [n.children.map(outline)] : []),
      ];
      expect(tree.controlGroups.map(outline)).toEqual([
        [
          'GOV',
          'group',
          [['GOV.1', 'group', [['GOV.1.a', 'control', [['GOV.1.a.i', 'control']]]]]],
        ],
        [
          'OPS',
          'group',
          [
            ['OPS.1', 'control'],
            ['OPS.2', 'control'],
          ],
        ],
      ]);
      const [event] = await queryRows<{ after: { format: string } }>(
        ctx.database.db,
        sql`select after from audit_events where action = 'catalog.imported' order by occurred_at desc limit 1`,
      );
      expect(event!.after.format).toBe('ciso-yaml');
    });

    it('names what a file that is not a catalog looks like, in the caller’s language', async () => {
      const before = await rowCounts();
      const png = await upload(adminJa, PNG, 'image/png');
      expect(png.statusCode).toBe(422);
      expect(png.json()).toMatchObject({ code: 'catalog_file_binary' });
      expect(png.json().title).toMatch(/^このファイルはPNG 画像のようです。/);
      const yaml = await upload(admin, 'name: list\nitems: [1]\n', 'application/yaml');
      expect(yaml.json().title).toMatch(
        /^This looks like YAML, but not an OSCAL catalog or a CISO Assistant library \(top-level keys: name, items\)\. Supported:/,
      );
      const xml = await upload(adminJa, '<rss version="2.0"/>', 'application/xml');
      expect(xml.json()).toMatchObject({ code: 'catalog_xml_root' });
      expect(xml.json().title).toContain('ルート要素が <rss>');
      const empty = await upload(admin, '', 'application/octet-stream');
      expect(empty.json()).toMatchObject({
        code: 'catalog_file_empty',
        title: 'The file is empty.',
      });
      expect(await rowCounts()).toEqual(before);
    });

    it('points a problem into the user’s XML file', async () => {
      const xml = fixture('mini.oscal.xml')
        .toString()
        .replace('<title>Account management</title>', '');
      const res = await upload(admin, xml, 'application/xml', { libraryId: 'broken-xml' });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: '/catalog/group[1]/control[2] (line 81)' }),
      ]);
    });
  });

  describe('dry run', () => {
    it('reports what would be imported and writes nothing', async () => {
      const before = await rowCounts();
      const res = await upload(admin, fixture('ciso-framework.yaml'), 'application/yaml', {
        dryRun: 'true',
        libraryId: 'baseline-copy',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        format: 'ciso-yaml',
        libraryId: 'baseline-copy',
        version: '3',
        name: { en: 'Suite security baseline', ja: 'テスト用セキュリティ基準' },
        languages: ['en', 'ja'],
        counts: { groups: 3, controls: 4, requirements: 0, params: 0, parts: 0 },
        warnings: [
          expect.objectContaining({ code: 'catalog_warning_ciso_fields' }),
          expect.objectContaining({ code: 'catalog_warning_ciso_untranslated' }),
        ],
        conflict: null,
      });
      expect(await rowCounts()).toEqual(before);
    });

    it('says when the ID is taken, in the caller’s language', async () => {
      const res = await upload(adminJa, fixture('ciso-framework.yaml'), 'application/yaml', {
        dryRun: 'true',
      });
      expect(res.json().conflict).toEqual({
        code: 'catalog_id_taken',
        message: expect.stringContaining('suite-baseline'),
      });
      expect(res.json().warnings[1].message).toMatch(/翻訳がない/);
    });
  });

  describe('large files as jobs', () => {
    it('imports a file over the in-request size as a job and reports the library', async () => {
      const json = JSON.parse(fixture('mini.oscal.json').toString()) as object;
      const padded = JSON.stringify(json, null, 2) + ' '.repeat(SYNC_MAX);
      const res = await upload(admin, padded, 'application/json', { libraryId: 'mini-job' });
      expect(res.statusCode, res.body).toBe(202);
      const job = res.json<CatalogImportJob>();
      expect(res.headers.location).toBe(`/api/v1/catalogs/import/jobs/${job.id}`);
      const done = await finished(admin, job.id);
      expect(done).toMatchObject({ status: 'succeeded', error: null, issues: [] });
      expect(done.library).toMatchObject({ id: 'mini-job', origin: 'oscal' });
      expect((await admin.get('/api/v1/catalogs/mini-job')).statusCode).toBe(200);
    });

    it('reports a refused file’s problems on the job', async () => {
      const broken = fixture('mini.oscal.xml')
        .toString()
        .replace('<title>Access control</title>', '');
      const res = await upload(adminJa, broken + ' '.repeat(SYNC_MAX), 'application/xml');
      expect(res.statusCode).toBe(202);
      // Worded in the language of whoever reads the job.
      const done = await finished(adminJa, res.json<CatalogImportJob>().id);
      expect(done).toMatchObject({ status: 'failed', library: null });
      expect(done.error).toMatchObject({
        code: 'catalog_invalid',
        message: expect.stringMatching(/^カタログ/),
      });
      expect(done.issues[0]).toMatchObject({ field: '/catalog/group[1] (line 33)' });
    });
  });

  describe('permissions and tenants', () => {
    it('refuses staff the import, the dry run and the jobs (403)', async () => {
      const before = await rowCounts();
      for (const query of [{}, { dryRun: 'true' }]) {
        const res = await upload(staff, fixture('mini.oscal.yaml'), 'application/yaml', query);
        expect(res.statusCode).toBe(403);
      }
      const jobs = await staff.get(
        '/api/v1/catalogs/import/jobs/00000000-0000-4000-8000-000000000000',
      );
      expect(jobs.statusCode).toBe(403);
      expect(await rowCounts()).toEqual(before);
    });

    it('keeps each organization’s jobs and IDs to itself', async () => {
      const padded = fixture('ciso-framework.yaml').toString() + '\n#'.repeat(SYNC_MAX);
      const res = await upload(admin, padded, 'application/yaml', { libraryId: 'tenant-a-only' });
      expect(res.statusCode).toBe(202);
      const id = res.json<CatalogImportJob>().id;
      await finished(admin, id);
      expect((await adminB.get(`/api/v1/catalogs/import/jobs/${id}`)).statusCode).toBe(404);
      // B's dry run does not see A's library ID as taken.
      const preview = await upload(adminB, fixture('ciso-framework.yaml'), 'application/yaml', {
        dryRun: 'true',
        libraryId: 'tenant-a-only',
      });
      expect(preview.json().conflict).toBeNull();
    });
  });
});
