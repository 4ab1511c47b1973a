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
      expect(io.stdout()).toContain('shipped catalogs loaded: jipdec-isms-2.0');
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
        /^jipdec-isms-2\.0\s+2\.0\s+shipped\s+134\s+0\s+ISMS Certification Criteria Ver\.2\.0$/,
      ),
    ]);
    io.clear();
    expect(await run(['catalog', 'list', '--json'])).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual([
      expect.objectContaining({ id: 'jipdec-isms-2.0', origin: 'shipped' }),
    ]);
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
    expect(io.stderr()).toMatch(/not-json\.json: cannot read it as JSON/);
    io.clear();
    expect(await run(['catalog', 'import', file('acme.json')])).toBe(1);
    expect(io.stderr()).toMatch(/already has a catalog with the ID acme-controls/);
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
      'jipdec-isms-2.0',
      'acme-controls',
    ]);
    io.clear();
    expect(await run(['catalog', 'list', '--organization', 'beta'])).toBe(1);
    expect(io.stderr()).toMatch(/--organization must be an organization id/);
  });
});
