import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../client.ts';
import { migrate } from '../migrate.ts';
import { testDatabaseAfterMigrate } from './after-migrate.ts';
import { pgliteSnapshot, pgliteTemplate, postgresSnapshot, postgresTemplate } from './templates.ts';

export { setTestDatabaseAfterMigrate } from './after-migrate.ts';
export { fillDataDirFromTemplate } from './templates.ts';

/** The PostgreSQL server the test suites also run on (CI starts it). */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<string | null> | undefined;

/**
 * null when the server answers, else the reason it cannot be used (asked once
 * per process; importing this module already fails in CI without the server).
 */
export function postgresUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({
      connectionString: TEST_POSTGRES_URL,
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/** CREATE DATABASE, retried while the template's last connection is still closing. */
async function createDatabase(
  admin: { query(sql: string): Promise<unknown> },
  name: string,
  template: string | undefined,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
      return;
    } catch (error) {
      // 55006: "source database is being accessed by other users".
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

function urlOf(name: string) {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database of the given kind, with the registered after-migrate
 * step (the shipped catalog) applied; drop() removes it again.
 */
export async function openTestDatabase(
  kind: 'pglite' | 'postgres',
): Promise<Database & { url?: string }> {
  if (kind === 'pglite') return openPglite(await pgliteTemplate());
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    return await openPostgres(admin, newName(), await postgresTemplate(admin, urlOf));
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database of the given kind holding what build wrote into a migrated
 * one. build runs once per run and kind (the result is kept as a PGlite dump and
 * a PostgreSQL template database, like the migrated templates) and every call
 * gets its own copy: for suites that need the same costly data (the completed
 * demo company) and are not about how it is made. Without the run's templates (a
 * file run outside the configured vitest) build runs on each new database.
 */
export async function openSnapshotDatabase(
  kind: 'pglite' | 'postgres',
  key: string,
  build: (database: Database) => Promise<void>,
): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    const dump = await pgliteSnapshot(key, build, () => openTestDatabase('pglite'));
    if (dump) return openPglite(dump);
  } else {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const template = await postgresSnapshot(
        admin,
        key,
        async (name) => openPostgres(admin, name, await postgresTemplate(admin, urlOf), false),
        build,
      );
      if (template) return await openPostgres(admin, newName(), template);
    } finally {
      await admin.end();
    }
  }
  const database = await openTestDatabase(kind);
  await build(database);
  return database;
}

async function openPglite(template: Blob | undefined) {
  // In-thread: a test database has the thread to itself, and a worker per
  // database cost ~0.9 s more CPU to open (measured: 2.0 s vs 2.9 s).
  // MAMORU_TEST_PGLITE_THREAD=worker runs suites over the server's worker instead.
  const database = await openDatabase({
    dataDir: 'memory://',
    loadDataDir: template,
    pgliteThread: process.env.MAMORU_TEST_PGLITE_THREAD === 'worker' ? 'worker' : 'inline',
  });
  if (!template) await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
  return database;
}

/** The pid lets a later run tell leftovers of dead processes from live ones (leftovers.ts). */
function newName() {
  return `mamoru_t_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** Creates and opens database name (from template); close() drops it unless dropOnClose is false. */
async function openPostgres(
  admin: { query(sql: string): Promise<unknown> },
  name: string,
  template: string | undefined,
  dropOnClose = true,
): Promise<Database & { url: string }> {
  await createDatabase(admin, name, template);
  const url = urlOf(name);
  const database = await openDatabase({ url, dataDir: '', poolMax: 5 });
  if (!template) await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
  if (!dropOnClose) return { ...database, url };
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const { default: pg } = await import('pg');
      const dropper = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface DescribeOptions {
  open?: (kind: 'pglite' | 'postgres') => Promise<Database>;
}

export interface DatabaseContext {
  readonly database: Database;
  readonly kind: 'pglite' | 'postgres';
}

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI === 'true') {
  throw new Error(`CI needs PostgreSQL at ${TEST_POSTGRES_URL}: ${unavailable}`);
}

/**
 * Runs a suite once on embedded PGlite and once on the PostgreSQL server. Where
 * the server is unreachable (outside CI) the second run is skipped, by name.
 * Options before the suite: open replaces openTestDatabase (e.g. a copy of a
 * snapshot of openSnapshotDatabase, which may take minutes to build the first time).
 */
export function describeEachDatabase(
  name: string,
  ...args:
    | [suite: (ctx: DatabaseContext) => void]
    | [options: DescribeOptions, suite: (ctx: DatabaseContext) => void]
) {
  const [options, suite] = args.length === 1 ? [{}, args[0]] : args;
  const open = options.open ?? openTestDatabase;
  for (const kind of ['pglite', 'postgres'] as const) {
    if (kind === 'postgres' && unavailable) {
      describe.skip(`${name} [postgres: skipped, server unreachable: ${unavailable}]`, () =>
        suite({ kind, database: undefined as unknown as Database }));
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await open(kind);
      }, 600_000);
      afterAll(async () => {
        await database?.close();
      });
      suite({
        kind,
        get database() {
          if (!database) throw new Error('database not open yet');
          return database;
        },
      });
    });
  }
}
