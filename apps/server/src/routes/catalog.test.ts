import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { flattenRequirements, shippedLibrary, type Library } from '@mamoru/catalog';
import type { CatalogControl, CatalogTree, CatalogTreeNode } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

const JIPDEC = 'jipdec-isms-2.0';
/** The shipped libraries every organization lists: the ISO editions, then Ver.2.0 (by ID). */
const SHIPPED = [
  'iso-iec-17799-2000',
  'iso-iec-27001-2005',
  'iso-iec-27001-2013',
  'iso-iec-27001-2022',
  JIPDEC,
];
const base = `/api/v1/catalogs/${JIPDEC}`;

/** A small OSCAL catalog as another tool would write it: English only, no Mamoru extensions. */
function tinyOscal() {
  return {
    catalog: {
      uuid: '0b5c1a5e-6f0e-4b8e-9d3c-4f1e2a7b9c10',
      metadata: {
        title: 'Tiny Controls',
        'last-modified': '2024-05-01T00:00:00Z',
        version: '1.0',
        'oscal-version': '1.1.2',
      },
      groups: [
        {
          id: 'ac',
          class: 'family',
          title: 'Access Control',
          controls: [
            {
              id: 'ac-1',
              title: 'Policy and Procedures',
              props: [{ name: 'label', value: 'AC-1' }],
              parts: [{ id: 'ac-1_smt', name: 'statement', prose: 'Develop an access policy.' }],
            },
            {
              id: 'ac-2',
              title: 'Stored Credentials',
              props: [{ name: 'label', value: 'AC-2' }],
              parts: [
                { id: 'ac-2_smt', name: 'statement', prose: 'Encrypt stored credentials.' },
                { id: 'ac-2_gdn', name: 'guidance', prose: 'Use a vetted algorithm.' },
              ],
            },
          ],
        },
      ],
    },
  };
}

/** A small bilingual library in Mamoru's own format. */
function tinyNative(id = 'acme-controls') {
  return {
    formatVersion: 1,
    id,
    version: '2025.1',
    name: { ja: 'アクメ管理策', en: 'Acme controls' },
    source: { title: 'Acme internal standard' },
    requirements: [
      {
        id: 'R1',
        displayId: 'R1',
        title: { ja: '要求', en: 'Rule' },
        summary: { ja: '守る。', en: 'Keep it.' },
      },
    ],
    controlGroups: [
      {
        id: 'A',
        displayId: 'A',
        kind: 'domain',
        title: { ja: '分野', en: 'Area' },
        groups: [
          {
            id: 'A.1',
            displayId: 'A.1',
            kind: 'objective',
            title: { ja: '目的', en: 'Objective' },
            controls: [
              {
                id: 'A.1.1',
                displayId: 'A.1.1',
                title: { ja: '入館管理', en: 'Entry control' },
                summary: { ja: '入館を記録する。', en: 'Record every entry.' },
              },
            ],
          },
        ],
      },
    ],
    terms: [
      {
        id: 'badge',
        term: { ja: '入館証', en: 'badge' },
        definition: { ja: 'カード。', en: 'A card.' },
      },
    ],
  };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

/** Every node of a tree, depth first. */
function walk(nodes: CatalogTreeNode[]): CatalogTreeNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

describeEachDatabase('catalog API', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: may manage the catalog
  let staff: Client;
  let auditor: Client;
  let adminB: Client; // another organization
  let lib: Library;

  beforeAll(async () => {
    lib = (await shippedLibrary(JIPDEC))!;
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    ({ admin: adminB } = await addOrganization(app));
  });
  afterAll(() => app.close());

  /** Rows that an import or overlay would add, to prove a refused one added none. */
  async function rowCounts() {
    const [row] = await queryRows<Record<string, number>>(
      ctx.database.db,
      sql`select (select count(*)::int from catalog_libraries) as libraries,
        (select count(*)::int from catalog_nodes) as nodes,
        (select count(*)::int from catalog_overlays) as overlays,
        (select count(*)::int from audit_events) as events`,
    );
    return row!;
  }

  async function searchAll(client: Client, url: string, q: string): Promise<CatalogControl[]> {
    const res = await client.get(url, { query: { q, limit: '200' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  describe('the shipped library', () => {
    it('is listed for every organization with its counts', async () => {
      for (const client of [admin, adminB, staff]) {
        const res = await client.get('/api/v1/catalogs');
        expect(res.statusCode).toBe(200);
        const items = res.json().items;
        expect(ids(items)).toEqual(SHIPPED);
        expect(items.find((i: { id: string }) => i.id === 'iso-iec-27001-2022').counts).toEqual({
          requirements: 41,
          groups: 4,
          controls: 93,
          ownControls: 0,
          overlayTexts: 0,
        });
        expect(items.filter((i: { id: string }) => i.id === JIPDEC)).toEqual([
          expect.objectContaining({
            id: JIPDEC,
            origin: 'shipped',
            languages: ['ja', 'en'],
            name: lib.name,
            counts: {
              requirements: flattenRequirements(lib).length,
              groups: 46,
              controls: 134,
              ownControls: 0,
              overlayTexts: 0,
            },
          }),
        ]);
      }
    });

    it('comes back as a tree in document order', async () => {
      const res = await staff.get(base);
      expect(res.statusCode).toBe(200);
      const tree = res.json<CatalogTree>();
      expect(tree.library.id).toBe(JIPDEC);
      expect(tree.source.title).toBe(lib.source.title);
      expect(ids(tree.controlGroups)).toEqual(lib.controlGroups.map((g) => g.id));
      const crypto = tree.controlGroups
        .find((g) => g.id === '10')!
        .children.find((g) => g.id === '10.3')!;
      expect(crypto).toMatchObject({ kind: 'objective', title: { ja: '暗号による管理策' } });
      expect(ids(crypto.children)).toEqual(['10.3.1', '10.3.2', '10.3.3', '10.3.4', '10.3.5']);
      expect(walk(tree.controlGroups).filter((n) => n.kind === 'control')).toHaveLength(134);
      expect(walk(tree.requirements)).toHaveLength(flattenRequirements(lib).length);
      expect(walk(tree.controlGroups).every((n) => n.own === false && n.official === null)).toBe(
        true,
      );
    });

    it('answers 404 for an unknown catalog', async () => {
      const res = await staff.get('/api/v1/catalogs/no-such-catalog');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    });
  });

  describe('search', () => {
    it('finds the cryptographic controls by 「暗号」, with their objective and domain', async () => {
      const found = await searchAll(staff, `${base}/controls`, '暗号');
      expect(ids(found)).toEqual(
        expect.arrayContaining(['10.3.1', '10.3.2', '10.3.3', '10.3.4', '10.3.5']),
      );
      const signature = found.find((c) => c.id === '10.3.3')!;
      expect(signature).toMatchObject({
        displayId: '10(3)③',
        objective: { id: '10.3', kind: 'objective' },
        domain: { id: '10', kind: 'domain' },
        own: false,
        official: null,
      });
      expect(ids(signature.ancestors)).toEqual(['10', '10.3']);
    });

    it('finds them in English too, whatever the case or width', async () => {
      for (const q of ['cryptograph', 'CRYPTOGRAPH', 'ｃｒｙｐｔｏｇｒａｐｈ']) {
        const found = ids(await searchAll(staff, `${base}/controls`, q));
        expect(found, q).toEqual(
          expect.arrayContaining(['10.3.1', '10.3.2', '10.3.3', '10.3.4', '10.3.5']),
        );
      }
    });

    it('needs every word, and finds by display ID', async () => {
      const keys = ids(await searchAll(staff, `${base}/controls`, '暗号 鍵'));
      expect(keys).toContain('10.3.5');
      expect(keys).not.toContain('10.3.3');
      expect(ids(await searchAll(staff, `${base}/controls`, '10(3)③'))).toEqual(['10.3.3']);
      expect(await searchAll(staff, `${base}/controls`, 'no-such-words-anywhere')).toEqual([]);
      // A LIKE wildcard is a character like any other.
      expect(await searchAll(staff, `${base}/controls`, '%')).toEqual([]);
    });

    it('pages through the results with a cursor, in document order', async () => {
      const all = ids(await searchAll(staff, `${base}/controls`, ''));
      expect(all).toHaveLength(134);
      expect(all.slice(0, 3)).toEqual(['3.1.1', '3.1.2', '3.1.3']);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '50', ...(cursor ? { cursor } : {}) };
        const res = await staff.get(`${base}/controls`, { query });
        expect(res.statusCode).toBe(200);
        const page = res.json();
        paged.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      const bad = await staff.get(`${base}/controls`, { query: { cursor: 'not-a-cursor' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('invalid_cursor');
    });
  });

  describe('one control', () => {
    it('comes with its objective, domain, official text and (empty) usage', async () => {
      const res = await staff.get(`${base}/controls/10.3.3`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: '10.3.3',
        title: { ja: 'ディジタル署名', en: 'Digital signatures' },
        objective: { id: '10.3', displayId: '10(3)' },
        domain: { id: '10' },
        official: null,
        params: [],
        usage: { risks: [], soa: [], documents: [] },
      });
    });

    it('is 404 for a group or an unknown ID', async () => {
      for (const id of ['10.3', '99.9.9']) {
        const res = await staff.get(`${base}/controls/${id}`);
        expect(res.statusCode, id).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    });
  });

  describe('export', () => {
    it('downloads OSCAL JSON in the chosen language', async () => {
      const res = await staff.get(`${base}/export`, { query: { format: 'oscal', locale: 'ja' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${JIPDEC}.oscal.ja.json"`,
      );
      const oscal = JSON.parse(res.body);
      expect(oscal.catalog.metadata.title).toBe(lib.name.ja);
      expect(oscal.catalog.groups.length).toBeGreaterThan(10);
    });

    it('defaults to the caller’s language', async () => {
      const res = await staff.get(`${base}/export`, { query: { format: 'oscal' } });
      expect(res.headers['content-disposition']).toContain('.oscal.en.json');
    });

    it('downloads the native library exactly as shipped', async () => {
      const res = await staff.get(`${base}/export`, { query: { format: 'native' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${JIPDEC}.json"`);
      expect(JSON.parse(res.body)).toEqual(lib);
      // In the format's key order, ja before en, as the file reads.
      expect(res.body.indexOf('"formatVersion"')).toBeLessThan(res.body.indexOf('"requirements"'));
      expect(Object.keys(JSON.parse(res.body).name)).toEqual(['ja', 'en']);
    });

    it('needs a format', async () => {
      const res = await staff.get(`${base}/export`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'querystring.format' })]);
    });
  });

  describe('import', () => {
    it('imports the OSCAL export of the shipped library under a new ID: the same tree', async () => {
      const exported = await admin.get(`${base}/export`, {
        query: { format: 'oscal', locale: 'ja' },
      });
      const before = await rowCounts();
      const res = await admin.post('/api/v1/catalogs/import', JSON.parse(exported.body), {
        query: { libraryId: 'jipdec-copy' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        id: 'jipdec-copy',
        origin: 'oscal',
        languages: ['ja', 'en'],
        counts: { controls: 134, groups: 46, requirements: flattenRequirements(lib).length },
      });
      const original = (await admin.get(base)).json<CatalogTree>();
      const copy = (await admin.get('/api/v1/catalogs/jipdec-copy')).json<CatalogTree>();
      expect(copy.requirements).toEqual(original.requirements);
      expect(copy.controlGroups).toEqual(original.controlGroups);
      expect(copy.source).toEqual(original.source);
      const after = await rowCounts();
      expect(after.libraries).toBe(before.libraries! + 1);
      expect(after.events).toBe(before.events! + 1);
      // The copy searches like the original.
      expect(ids(await searchAll(admin, '/api/v1/catalogs/jipdec-copy/controls', '暗号'))).toEqual(
        expect.arrayContaining(['10.3.3']),
      );
    });

    it('refuses the ID of a shipped library, and one the organization already has (409)', async () => {
      const exported = await admin.get(`${base}/export`, {
        query: { format: 'oscal', locale: 'en' },
      });
      const before = await rowCounts();
      const shipped = await admin.post('/api/v1/catalogs/import', JSON.parse(exported.body));
      expect(shipped.statusCode).toBe(409);
      expect(shipped.json()).toMatchObject({ code: 'catalog_id_shipped' });
      expect(shipped.json().title).toContain(JIPDEC);
      const taken = await admin.post('/api/v1/catalogs/import', JSON.parse(exported.body), {
        query: { libraryId: 'jipdec-copy' },
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'catalog_id_taken' });
      expect(await rowCounts()).toEqual(before);
    });

    it('imports a small OSCAL catalog written by another tool', async () => {
      const res = await admin.post('/api/v1/catalogs/import', tinyOscal());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ id: 'tiny-controls', origin: 'oscal', languages: ['en'] });
      const tree = (await admin.get('/api/v1/catalogs/tiny-controls')).json<CatalogTree>();
      expect(tree.controlGroups).toEqual([
        expect.objectContaining({
          id: 'ac',
          kind: 'group',
          title: { en: 'Access Control' },
          children: [
            expect.objectContaining({
              id: 'ac-1',
              displayId: 'AC-1',
              summary: { en: 'Develop an access policy.' },
            }),
            expect.objectContaining({
              id: 'ac-2',
              summary: { en: 'Encrypt stored credentials.' },
              guidance: { en: 'Use a vetted algorithm.' },
            }),
          ],
        }),
      ]);
      const found = await searchAll(admin, '/api/v1/catalogs/tiny-controls/controls', 'encrypt');
      expect(ids(found)).toEqual(['ac-2']);
      expect(found[0]).toMatchObject({ objective: null, domain: null, ancestors: [{ id: 'ac' }] });
      const oscal = await admin.get('/api/v1/catalogs/tiny-controls/export', {
        query: { format: 'oscal', locale: 'en' },
      });
      expect(JSON.parse(oscal.body).catalog.metadata.title).toBe('Tiny Controls');
      const ja = await admin.get('/api/v1/catalogs/tiny-controls/export', {
        query: { format: 'oscal', locale: 'ja' },
      });
      expect(ja.statusCode).toBe(422);
      expect(ja.json()).toMatchObject({ code: 'catalog_locale_unavailable' });
    });

    it('imports a native library, with its terms in the glossary', async () => {
      const res = await admin.post('/api/v1/catalogs/import', tinyNative());
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ id: 'acme-controls', origin: 'native' });
      const glossary = await admin.get('/api/v1/glossary', { query: { library: 'acme-controls' } });
      expect(glossary.json().items).toEqual([
        {
          libraryId: 'acme-controls',
          id: 'badge',
          term: { ja: '入館証', en: 'badge' },
          definition: { ja: 'カード。', en: 'A card.' },
        },
      ]);
      const native = await admin.get('/api/v1/catalogs/acme-controls/export', {
        query: { format: 'native' },
      });
      expect(JSON.parse(native.body)).toEqual(tinyNative());
    });

    it('refuses a malformed library naming the bad node, storing nothing', async () => {
      const broken = tinyNative('broken-lib');
      (broken.controlGroups[0]!.groups[0]!.controls[0] as { title: unknown }).title = {
        ja: '入館管理',
      };
      const before = await rowCounts();
      const res = await admin.post('/api/v1/catalogs/import', broken);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = res.json();
      expect(problem.code).toBe('catalog_invalid');
      expect(problem.title).toContain('/controlGroups/0/groups/0/controls/0/title');
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field: '/controlGroups/0/groups/0/controls/0/title',
          code: 'catalog_issue',
          message: expect.stringContaining("'en'"),
        }),
      ]);
      expect(await rowCounts()).toEqual(before);
      expect((await admin.get('/api/v1/catalogs/broken-lib')).statusCode).toBe(404);
    });

    it('refuses a malformed OSCAL catalog naming the path, in the caller’s language', async () => {
      const broken = tinyOscal();
      (broken.catalog.groups[0]!.controls[1] as { title: unknown }).title = 42;
      const before = await rowCounts();
      const res = await admin.post('/api/v1/catalogs/import', broken, {
        headers: { 'accept-language': 'ja' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: '/catalog/groups/0/controls/1/title' }),
      ]);
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses what is not a catalog at all, naming what it looks like', async () => {
      const before = await rowCounts();
      const unknown = await admin.post('/api/v1/catalogs/import', { hello: 'world' });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({
        code: 'catalog_format_unsupported',
        title: expect.stringMatching(/^This looks like JSON, but not an OSCAL catalog.*hello/),
      });
      const notJson = await admin.post('/api/v1/catalogs/import', '{"formatVersion": 1,', {
        headers: { 'content-type': 'application/json' },
      });
      expect(notJson.statusCode).toBe(422);
      expect(notJson.json().code).toBe('catalog_file_unreadable');
      const array = await admin.post('/api/v1/catalogs/import', [1, 2]);
      expect(array.statusCode).toBe(422);
      expect(array.json().code).toBe('catalog_format_unsupported');
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a body over the 50 MiB hard cap with 413, storing nothing', async () => {
      const before = await rowCounts();
      const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 0x20);
      const res = await admin.post('/api/v1/catalogs/import', huge, {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'body_too_large' });
      expect(res.json().title).toContain(String(50 * 1024 * 1024));
      expect(await rowCounts()).toEqual(before);
    });

    it('accepts a catalog larger than the general body limit', async () => {
      const big = { ...tinyNative('big-lib') };
      big.requirements = Array.from({ length: 4000 }, (_, i) => ({
        id: `R${i}`,
        displayId: `R${i}`,
        title: { ja: `要求 ${i}`, en: `Rule ${i}` },
        summary: {
          ja: 'ひとつの要求事項の要約。'.repeat(10),
          en: 'The summary of one requirement. '.repeat(4).trim(),
        },
      }));
      const body = JSON.stringify(big);
      expect(body.length).toBeGreaterThan(app.config.bodyLimit);
      const res = await admin.post('/api/v1/catalogs/import', body, {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
      expect(res.json().counts.requirements).toBe(4000);
    });

    it('lets one of two simultaneous imports of the same ID through, the other gets 409', async () => {
      const [a, b] = await Promise.all([
        admin.post('/api/v1/catalogs/import', tinyNative('race-lib')),
        admin.post('/api/v1/catalogs/import', tinyNative('race-lib')),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('catalog_id_taken');
    });

    it('records each import in the audit trail', async () => {
      const events = (await admin.get('/api/v1/audit/events', { query: { limit: '500' } })).json()
        .items;
      const imported = events.filter((e: { action: string }) => e.action === 'catalog.imported');
      expect(
        imported.map((e: { after: { libraryId: string } }) => e.after.libraryId).sort(),
      ).toEqual(['acme-controls', 'big-lib', 'jipdec-copy', 'race-lib', 'tiny-controls']);
    });

    it('keeps each organization’s imports to itself', async () => {
      const listB = (await adminB.get('/api/v1/catalogs')).json().items;
      expect(ids(listB)).toEqual(SHIPPED);
      expect((await adminB.get('/api/v1/catalogs/acme-controls')).statusCode).toBe(404);
      // B may import the same ID for itself.
      const res = await adminB.post('/api/v1/catalogs/import', tinyNative());
      expect(res.statusCode).toBe(201);
      expect(ids((await adminB.get('/api/v1/catalogs')).json().items)).toEqual([
        ...SHIPPED,
        'acme-controls',
      ]);
    });
  });

  describe('own controls', () => {
    const own = {
      objectiveId: '10.3',
      id: '10.3.X1',
      displayId: '10(3)独自1',
      title: { ja: '耐量子計算機暗号への移行', en: 'Migration to post-quantum algorithms' },
      summary: { ja: '移行計画を立てる。', en: 'Plan the migration.' },
    };

    it('adds a control under an objective; it shows in the tree and in search', async () => {
      const res = await admin.post(`${base}/controls`, own);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        id: '10.3.X1',
        displayId: '10(3)独自1',
        own: true,
        objective: { id: '10.3' },
        domain: { id: '10' },
        usage: { risks: [], soa: [], documents: [] },
      });
      const tree = (await staff.get(base)).json<CatalogTree>();
      const objective = walk(tree.controlGroups).find((n) => n.id === '10.3')!;
      expect(ids(objective.children)).toEqual([
        '10.3.1',
        '10.3.2',
        '10.3.3',
        '10.3.4',
        '10.3.5',
        '10.3.X1',
      ]);
      expect(objective.children.at(-1)).toMatchObject({ own: true, title: own.title });
      expect(ids(await searchAll(staff, `${base}/controls`, 'post-quantum'))).toEqual(['10.3.X1']);
      expect(ids(await searchAll(staff, `${base}/controls`, '耐量子'))).toEqual(['10.3.X1']);
      // After the library's own controls, in the order added.
      expect(ids(await searchAll(staff, `${base}/controls`, '')).at(-1)).toBe('10.3.X1');
      expect((await staff.get(`${base}/controls/10.3.X1`)).json()).toMatchObject({ own: true });
      const listed = (await staff.get('/api/v1/catalogs')).json().items;
      expect(listed.find((l: { id: string }) => l.id === JIPDEC).counts.ownControls).toBe(1);
    });

    it('refuses an ID that clashes, a missing objective and a domain as parent', async () => {
      const before = await rowCounts();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...own, id: '10.3.1' }, 'id', 'catalog_node_id_taken'],
        [{ ...own, id: '10.3' }, 'id', 'catalog_node_id_taken'],
        [own, 'id', 'catalog_node_id_taken'],
        [{ ...own, id: 'X2', objectiveId: '99.9' }, 'objectiveId', 'catalog_objective_unknown'],
        [{ ...own, id: 'X2', objectiveId: '10' }, 'objectiveId', 'catalog_not_objective'],
        [{ ...own, id: 'X2', objectiveId: '10.3.1' }, 'objectiveId', 'catalog_not_objective'],
      ];
      for (const [body, field, code] of cases) {
        const res = await admin.post(`${base}/controls`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(422);
        expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
      }
      const noText = await admin.post(`${base}/controls`, { ...own, id: 'X3', title: {} });
      expect(noText.statusCode).toBe(400);
      expect(await rowCounts()).toEqual(before);
    });

    it('adds one of two simultaneous controls with the same ID', async () => {
      const body = { objectiveId: '10.3', id: '10.3.X2', title: { en: 'Raced' } };
      const [a, b] = await Promise.all([
        admin.post(`${base}/controls`, body),
        admin.post(`${base}/controls`, body),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    });

    it('is the organization’s own: another organization sees nothing of it and may use the same ID', async () => {
      const treeB = (await adminB.get(base)).json<CatalogTree>();
      expect(walk(treeB.controlGroups).map((n) => n.id)).not.toContain('10.3.X1');
      expect(await searchAll(adminB, `${base}/controls`, 'post-quantum')).toEqual([]);
      expect((await adminB.get(`${base}/controls/10.3.X1`)).statusCode).toBe(404);
      const res = await adminB.post(`${base}/controls`, { ...own, title: { en: 'B’s own' } });
      expect(res.statusCode).toBe(201);
      expect((await staff.get(`${base}/controls/10.3.X1`)).json().title).toEqual(own.title);
    });

    it('is recorded in the audit trail', async () => {
      const events = (await admin.get('/api/v1/audit/events', { query: { limit: '500' } })).json()
        .items;
      expect(events).toContainEqual(
        expect.objectContaining({
          action: 'catalog.control_added',
          entityType: 'catalog_control',
          after: expect.objectContaining({ libraryId: JIPDEC, id: '10.3.X1', objectiveId: '10.3' }),
        }),
      );
    });
  });

  describe('the licensed-text overlay', () => {
    const official = '【公式】暗号化の方針を定めること（ライセンス文言）';

    it('shows the official text only to the organization that imported it', async () => {
      const res = await admin.put(`${base}/overlay`, {
        libraryId: JIPDEC,
        texts: [
          { namespace: 'control', id: '10.3.1', text: { ja: official } },
          {
            namespace: 'control',
            id: '10.3',
            text: { ja: '【公式】暗号による管理策', en: 'Official: crypto' },
          },
          { namespace: 'requirement', id: '4.1', text: { en: 'Official wording of 4.1' } },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ libraryId: JIPDEC, texts: 3, replaced: 0 });

      expect((await staff.get(`${base}/controls/10.3.1`)).json().official).toEqual({
        ja: official,
      });
      const tree = (await staff.get(base)).json<CatalogTree>();
      expect(walk(tree.controlGroups).find((n) => n.id === '10.3')!.official).toEqual({
        ja: '【公式】暗号による管理策',
        en: 'Official: crypto',
      });
      expect(walk(tree.requirements).find((n) => n.id === '4.1')!.official).toEqual({
        en: 'Official wording of 4.1',
      });
      // Search reaches the official wording too.
      expect(ids(await searchAll(staff, `${base}/controls`, 'ライセンス文言'))).toEqual(['10.3.1']);
      const listed = (await staff.get('/api/v1/catalogs')).json().items;
      expect(listed.find((l: { id: string }) => l.id === JIPDEC).counts.overlayTexts).toBe(3);

      // Organization B sees none of it.
      expect((await adminB.get(`${base}/controls/10.3.1`)).json().official).toBeNull();
      const treeB = (await adminB.get(base)).body;
      expect(treeB).not.toContain('【公式】');
      expect(treeB).not.toContain('Official wording');
      expect(await searchAll(adminB, `${base}/controls`, 'ライセンス文言')).toEqual([]);
    });

    it('replaces the whole overlay on the next import', async () => {
      const res = await admin.put(`${base}/overlay`, {
        texts: [{ namespace: 'control', id: '10.3.1', text: { ja: official } }],
      });
      expect(res.json()).toEqual({ libraryId: JIPDEC, texts: 1, replaced: 3 });
      expect((await staff.get(`${base}/controls/10.3.1`)).json().official).toEqual({
        ja: official,
      });
      const tree = (await staff.get(base)).json<CatalogTree>();
      expect(walk(tree.requirements).find((n) => n.id === '4.1')!.official).toBeNull();
    });

    it('refuses unknown IDs, listing them, and duplicates, changing nothing', async () => {
      const before = await rowCounts();
      const res = await admin.put(`${base}/overlay`, {
        texts: [
          { namespace: 'control', id: '10.3.1', text: { ja: 'x' } },
          { namespace: 'control', id: '99.1.1', text: { ja: 'x' } },
          { namespace: 'requirement', id: '10.3.1', text: { ja: 'x' } },
          { namespace: 'control', id: '10.3.X1', text: { ja: 'own controls take no overlay' } },
        ],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('catalog_overlay_unknown_ids');
      expect(res.json().title).toContain('control 99.1.1, requirement 10.3.1, control 10.3.X1');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'texts.1.id',
        'texts.2.id',
        'texts.3.id',
      ]);
      const duplicate = await admin.put(`${base}/overlay`, {
        texts: [
          { namespace: 'control', id: '10.3.1', text: { ja: 'a' } },
          { namespace: 'control', id: '10.3.1', text: { ja: 'b' } },
        ],
      });
      expect(duplicate.statusCode).toBe(422);
      expect(duplicate.json().errors).toEqual([
        expect.objectContaining({ field: 'texts.1.id', code: 'catalog_overlay_duplicate' }),
      ]);
      const mismatch = await admin.put(`${base}/overlay`, {
        libraryId: 'acme-controls',
        texts: [],
      });
      expect(mismatch.statusCode).toBe(422);
      expect(await rowCounts()).toEqual(before);
      expect((await staff.get(`${base}/controls/10.3.1`)).json().official).toEqual({
        ja: official,
      });
    });

    it('keeps the licensed text out of the append-only audit trail', async () => {
      const res = await admin.get('/api/v1/audit/events', { query: { limit: '500' } });
      const overlayEvents = res
        .json()
        .items.filter((e: { action: string }) => e.action === 'catalog.overlay_imported');
      expect(overlayEvents).toHaveLength(2);
      expect(overlayEvents[0].after).toMatchObject({
        libraryId: JIPDEC,
        sha256: expect.any(String),
      });
      expect(res.body).not.toContain('公式');
    });
  });

  describe('glossary', () => {
    it('lists the terms of every visible library, or of one', async () => {
      const all = (await staff.get('/api/v1/glossary')).json().items;
      const shipped = all.filter((t: { libraryId: string }) => t.libraryId === JIPDEC);
      expect(shipped).toHaveLength(12);
      expect(shipped[0]).toEqual({
        libraryId: JIPDEC,
        id: 'availability',
        term: { ja: '可用性', en: 'availability' },
        definition: lib.terms[0]!.definition,
      });
      const one = (await staff.get('/api/v1/glossary', { query: { library: JIPDEC } })).json()
        .items;
      expect(one).toEqual(shipped);
      expect(
        (await adminB.get('/api/v1/glossary', { query: { library: 'tiny-controls' } })).statusCode,
      ).toBe(404);
    });
  });

  describe('permissions', () => {
    it('lets staff and the external auditor read everything', async () => {
      for (const client of [staff, auditor]) {
        for (const url of [
          '/api/v1/catalogs',
          base,
          `${base}/controls?q=暗号`,
          `${base}/controls/10.3.1`,
          `${base}/export?format=oscal`,
          '/api/v1/glossary',
        ]) {
          expect((await client.get(encodeURI(url))).statusCode, url).toBe(200);
        }
      }
    });

    it('refuses staff and the external auditor every write (403), changing nothing', async () => {
      const before = await rowCounts();
      for (const client of [staff, auditor]) {
        const writes = [
          await client.post('/api/v1/catalogs/import', tinyNative('by-staff')),
          await client.post(`${base}/controls`, {
            objectiveId: '10.3',
            id: 'S1',
            title: { en: 'x' },
          }),
          await client.put(`${base}/overlay`, { texts: [] }),
        ];
        expect(writes.map((r) => [r.statusCode, r.json().code])).toEqual([
          [403, 'forbidden'],
          [403, 'forbidden'],
          [403, 'forbidden'],
        ]);
      }
      expect(await rowCounts()).toEqual(before);
    });
  });
});
