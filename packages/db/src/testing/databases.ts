import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database } from '../client.ts';
import { migrate } from '../migrate.ts';
import { testDatabaseAfterMigrate } from './after-migrate.ts';
import { pgliteTemplate, postgresTemplate } from './templates.ts';

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
  if (kind === 'pglite') {
    const template = await pgliteTemplate();
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
  const { default: pg } = await import('pg');
  // The pid lets a later run tell leftovers of dead processes from live ones (leftovers.ts).
  const name = `mamoru_t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  let template: string | undefined;
  try {
    template = await postgresTemplate(admin, urlOf);
    await createDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const url = urlOf(name);
  const database = await openDatabase({ url, dataDir: '', poolMax: 5 });
  if (!template) await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
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
 */
export function describeEachDatabase(name: string, suite: (ctx: DatabaseContext) => void) {
  for (const kind of ['pglite', 'postgres'] as const) {
    if (kind === 'postgres' && unavailable) {
      describe.skip(`${name} [postgres: skipped, server unreachable: ${unavailable}]`, () =>
        suite({ kind, database: undefined as unknown as Database }));
      continue;
    }
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
      }, 180_000);
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
