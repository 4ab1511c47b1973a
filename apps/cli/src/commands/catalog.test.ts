import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { shippedLibrary } from '@mamoru/catalog';
import { openDatabase, queryRows, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as orgsRepo from '@mamoru/db/repositories/organizations';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';

const FORMAT_FIXTURES = new URL(
  '../../../../packages/catalog/src/formats/fixtures/',
  import.meta.url,
);

/** A small bilingual library in Mamoru's format. */
const acme = {
  formatVersion: 1,
  id: 'acme-controls',
  version: '2025.1',
  name: { ja: 'アクメ管理策', en: 'Acme controls' },
  source: { title: 'Acme internal standard' },
  requirements: [],
  controlGroups: [
    {
      id: 'A.1',
      displayId: 'A.1',
      kind: 'objective',
      title: { ja: '目的', en: 'Objective' },
      controls: [
        { id: 'A.1.1', displayId: 'A.1.1', title: { ja: '入館管理', en: 'Entry control' } },
      ],
    },
  ],
  terms: [],
};

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/**
 * The CLI opens the database itself: on PostgreSQL the suite's database by
 * URL, otherwise a PGlite data folder, which one process may hold at a time,
 * so the test opens it only between CLI runs.
 */
describeEachDatabase('mamoru catalog', (ctx) => {
  let dir: string;
  let dataDir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-catalog-cli-'));
    dataDir = join(dir, 'data');
    writeFileSync(file('acme.json'), JSON.stringify(acme));
    const broken = structuredClone(acme) as { controlGroups: { controls: object[] }[] };
    broken.controlGroups[0]!.controls[0] = { id: 'A.1.1', displayId: 'A.1.1', title: { ja: 'x' } };
    writeFileSync(file('broken.json'), JSON.stringify({ ...broken, id: 'broken-lib' }));
    writeFileSync(file('not-json.json'), '{"formatVersion": 1,');
    for (const name of ['mini.oscal.xml', 'ciso-framework.yaml'])
      writeFileSync(file(name), readFileSync(new URL(name, FORMAT_FIXTURES)));
    writeFileSync(
      file('picture.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (ctx.kind === 'postgres') {
      vi.stubEnv('DATABASE_URL', (ctx.database as Database & { url: string }).url);
    } else {
      vi.stubEnv('DATABASE_URL', '');
    }
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (ctx.kind === 'postgres') return work(ctx.database);
    const database = await openDatabase({ dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  const libraryCount = () =>
    withDatabase(async (database) => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from catalog_libraries`,
      );
      return row!.n;
    });

  it('needs a migrated database; migrate loads the shipped catalog', async () => {
    if (ctx.kind === 'pglite') {
      expect(await run(['catalog', 'list'])).toBe(1);
      expect(io.stderr()).toMatch(/not \(fully\) migrated; run `mamoru migrate` first/);
      io.clear();
      expect(await run(['migrate'])).toBe(0);
      expect(io.stdout()).toContain(
        'shipped catalogs loaded: iso-iec-17799-2000, iso-iec-27001-2005, iso-iec-27001-2013, iso-iec-27001-2022, jipdec-isms-2.0',
      );
      io.clear();
    }
    // Once loaded, a second migrate has nothing to load.
    expect(await run(['migrate'])).toBe(0);
    expect(io.stdout()).not.toContain('shipped catalogs loaded');
  });

  it('lists the shipped catalog before any organization exists', async () => {
    expect(await run(['catalog', 'list'])).toBe(0);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+VERSION\s+ORIGIN\s+CONTROLS\s+OWN\s+NAME$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^iso-iec-17799-2000\s+2000\s+shipped\s+127\s+0\s+ISO\/IEC 17799:2000 /,
      ),
      expect.stringMatching(
        /^iso-iec-27001-2005\s+2005\s+shipped\s+133\s+0\s+ISO\/IEC 27001:2005 /,
      ),
      expect.stringMatching(
        /^iso-iec-27001-2013\s+2013\s+shipped\s+114\s+0\s+ISO\/IEC 27001:2013 /,
      ),
      expect.stringMatching(/^iso-iec-27001-2022\s+2022\s+shipped\s+93\s+0\s+ISO\/IEC 27001:2022$/),
      expect.stringMatching(
        /^jipdec-isms-2\.0\s+2\.0\s+shipped\s+134\s+0\s+ISMS Certification Criteria Ver\.2\.0$/,
      ),
    ]);
    io.clear();
    expect(await run(['catalog', 'list', '--json'])).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual(
      [
        'iso-iec-17799-2000',
        'iso-iec-27001-2005',
        'iso-iec-27001-2013',
        'iso-iec-27001-2022',
        'jipdec-isms-2.0',
      ].map((id) => expect.objectContaining({ id, origin: 'shipped' })),
    );
  });

  it('exports OSCAL to standard output and native JSON to a file', async () => {
    expect(
      await run(['catalog', 'export', 'jipdec-isms-2.0', '--format', 'oscal', '--locale', 'en']),
    ).toBe(0);
    const oscal = JSON.parse(io.stdout());
    expect(oscal.catalog.metadata.title).toBe('ISMS Certification Criteria Ver.2.0');
    writeFileSync(file('jipdec.oscal.json'), io.stdout());
    io.clear();

    const out = file('jipdec.json');
    expect(
      await run(['catalog', 'export', 'jipdec-isms-2.0', '--format', 'native', '-o', out]),
    ).toBe(0);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toContain(`wrote jipdec-isms-2.0.json to ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(await shippedLibrary('jipdec-isms-2.0'));
  });

  it('refuses an export without a format (usage, 2) or of an unknown catalog (1)', async () => {
    expect(await run(['catalog', 'export', 'jipdec-isms-2.0'])).toBe(2);
    expect(io.stderr()).toMatch(/required option '--format <format>'/);
    expect(await run(['catalog', 'export', 'jipdec-isms-2.0', '--format', 'xml'])).toBe(2);
    io.clear();
    expect(await run(['catalog', 'export', 'nope', '--format', 'native'])).toBe(1);
    expect(io.stderr()).toMatch(/cannot export nope: no catalog with that ID is visible/);
  });

  it('refuses an import while there is no organization', async () => {
    expect(await run(['catalog', 'import', file('acme.json')])).toBe(1);
    expect(io.stderr()).toMatch(/there is no organization yet/);
  });

  it('imports into the only organization by default, recording who did it', async () => {
    const org = await withDatabase((database) =>
      orgsRepo.insertOrganization(database.db, { name: 'Acme Holdings', defaultLocale: 'ja' }),
    );
    expect(await run(['catalog', 'import', file('acme.json')])).toBe(0);
    expect(io.stdout()).toBe(
      `imported acme-controls 2025.1 (native: 1 controls, 0 requirements) for organization "Acme Holdings" (${org.id})\n`,
    );
    io.clear();
    expect(await run(['catalog', 'list'])).toBe(0);
    expect(io.stdout()).toMatch(/^acme-controls\s+2025\.1\s+native\s+1\s+0\s+Acme controls$/m);
    const events = await withDatabase((database) =>
      queryRows<{ action: string; actor_name: string }>(
        database.db,
        sql`select action, actor_name from audit_events where organization_id = ${org.id}`,
      ),
    );
    expect(events).toEqual([
      { action: 'catalog.imported', actor_name: 'mamoru catalog import (CLI)' },
    ]);
  });

  it('imports an OSCAL export under another ID, and refuses the shipped ID', async () => {
    expect(await run(['catalog', 'import', file('jipdec.oscal.json')])).toBe(1);
    expect(io.stderr()).toMatch(
      /jipdec\.oscal\.json: the ID jipdec-isms-2\.0 belongs to a catalog shipped with Mamoru; import it under another ID with --library-id/,
    );
    io.clear();
    expect(
      await run(['catalog', 'import', file('jipdec.oscal.json'), '--library-id', 'jipdec-copy']),
    ).toBe(0);
    expect(io.stdout()).toMatch(
      /^imported jipdec-copy 2\.0 \(oscal: 134 controls, \d+ requirements\)/,
    );
  });

  it('refuses a broken or unreadable file naming the problem, storing nothing', async () => {
    const before = await libraryCount();
    expect(await run(['catalog', 'import', file('broken.json')])).toBe(1);
    expect(io.stderr()).toContain('broken.json: not a valid catalog (1 problem(s)):');
    expect(io.stderr()).toContain(
      "  /controlGroups/0/controls/0/title: must have required property 'en'",
    );
    io.clear();
    expect(await run(['catalog', 'import', file('not-json.json')])).toBe(1);
    expect(io.stderr()).toMatch(/not-json\.json: this looks like JSON, but it cannot be read: /);
    io.clear();
    expect(await run(['catalog', 'import', file('acme.json')])).toBe(1);
    expect(io.stderr()).toMatch(/already has a catalog with the ID acme-controls/);
    expect(await libraryCount()).toBe(before);
  });

  it('reports a dry run of an XML or CISO Assistant file without writing', async () => {
    const before = await libraryCount();
    expect(await run(['catalog', 'import', '--dry-run', file('mini.oscal.xml')])).toBe(0);
    expect(io.stdout()).toBe(
      [
        'dry run of mini.oscal.xml: nothing was imported',
        'format:     OSCAL catalog (XML)',
        'library:    mini-catalog-for-the-suite 1.0 — Mini catalog for the suite',
        'languages:  en',
        'contents:   1 groups, 3 controls, 0 requirements, 2 parameters, 7 parts',
        '',
      ].join('\n'),
    );
    io.clear();
    expect(
      await run(['catalog', 'import', file('ciso-framework.yaml'), '--dry-run', '--json']),
    ).toBe(0);
    expect(JSON.parse(io.stdout())).toMatchObject({
      format: 'ciso-yaml',
      libraryId: 'suite-baseline',
      counts: { groups: 3, controls: 4 },
      warnings: [
        { code: 'catalog_warning_ciso_fields' },
        { code: 'catalog_warning_ciso_untranslated' },
      ],
      conflict: null,
    });
    io.clear();
    expect(
      await run([
        'catalog',
        'import',
        '--dry-run',
        file('acme.json'),
        '--library-id',
        'acme-controls',
      ]),
    ).toBe(0);
    expect(io.stdout()).toContain(
      'the import would be refused: the organization already has a catalog with the ID acme-controls',
    );
    io.clear();
    expect(await run(['catalog', 'import', '--dry-run', file('picture.png')])).toBe(1);
    expect(io.stderr()).toContain(
      'picture.png: this looks like a PNG image, not a catalog; supported: OSCAL catalog JSON/YAML/XML',
    );
    expect(await libraryCount()).toBe(before);
  });

  it('needs --organization once there are several', async () => {
    const beta = await withDatabase((database) =>
      orgsRepo.insertOrganization(database.db, { name: 'Beta Corp', defaultLocale: 'en' }),
    );
    expect(await run(['catalog', 'import', file('acme.json')])).toBe(1);
    expect(io.stderr()).toMatch(/the database has 2 organizations; choose one with --organization/);
    expect(await run(['catalog', 'list'])).toBe(1);
    io.clear();
    expect(await run(['catalog', 'import', file('acme.json'), '--organization', beta.id])).toBe(0);
    expect(io.stdout()).toContain(`for organization "Beta Corp" (${beta.id})`);
    io.clear();
    expect(await run(['catalog', 'list', '--organization', beta.id, '--json'])).toBe(0);
    expect(JSON.parse(io.stdout()).map((l: { id: string }) => l.id)).toEqual([
      'iso-iec-17799-2000',
      'iso-iec-27001-2005',
      'iso-iec-27001-2013',
      'iso-iec-27001-2022',
      'jipdec-isms-2.0',
      'acme-controls',
    ]);
    io.clear();
    expect(await run(['catalog', 'list', '--organization', 'beta'])).toBe(1);
    expect(io.stderr()).toMatch(/--organization must be an organization id/);
  });
});
