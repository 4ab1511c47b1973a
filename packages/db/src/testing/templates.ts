import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../client.ts';
import { migrate } from '../migrate.ts';
import { testDatabaseAfterMigrate } from './after-migrate.ts';

/**
 * Migrating (and syncing the catalog into) every test database costs seconds
 * per suite; a test run does it once per kind instead and clones the result.
 * The global setup (leftovers.ts) names the run: MAMORU_TEST_RUN_DIR for the
 * PGlite dump and MAMORU_TEST_TEMPLATE_DB for the PostgreSQL template, both
 * removed when the run ends, so a template never outlives the code it came from.
 * Without them (a file run outside the configured vitest) suites migrate afresh.
 */
export const RUN_DIR_ENV = 'MAMORU_TEST_RUN_DIR';
export const TEMPLATE_DB_ENV = 'MAMORU_TEST_TEMPLATE_DB';

/**
 * The dump as this worker last read it. Reading the 50 MB file into a new Blob
 * cost ~0.5 s of CPU for every test file; a Blob is immutable, so the files a
 * worker runs one after another (isolate: false) share one.
 */
let loaded: { file: string; dump: Blob } | undefined;

/** The migrated PGlite data folder of this run, as a dump to start new databases from. */
export async function pgliteTemplate(): Promise<Blob | undefined> {
  const dir = process.env[RUN_DIR_ENV];
  if (!dir) return undefined;
  const file = join(dir, 'pglite-template.tar');
  if (loaded?.file === file) return loaded.dump;
  if (!existsSync(file)) {
    // Two workers may build it at once; each writes its own file and renames it
    // into place, so a reader never sees half a dump.
    const database = await openDatabase({ dataDir: 'memory://', pgliteThread: 'inline' });
    await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
    const client = (
      database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }
    ).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  loaded = { file, dump: new Blob([readFileSync(file)]) };
  return loaded.dump;
}

type PgClient = {
  query<T = unknown>(sql: string): Promise<{ rows: T[] }>;
};

/**
 * The migrated PostgreSQL template database of this run (created by the first
 * suite that needs it, under an advisory lock), or undefined to migrate afresh.
 */
export async function postgresTemplate(
  admin: PgClient,
  databaseUrl: (name: string) => string,
): Promise<string | undefined> {
  const name = process.env[TEMPLATE_DB_ENV];
  if (!name) return undefined;
  const lock = createHash('sha256').update(name).digest().readInt32BE(0);
  await admin.query(`select pg_advisory_lock(${lock})`);
  try {
    const { rows } = await admin.query(
      `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`,
    );
    if (rows.length === 0) {
      await admin.query(`create database ${name}`);
      const database = await openDatabase({ url: databaseUrl(name), dataDir: '', poolMax: 1 });
      try {
        await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
      } catch (error) {
        await database.close();
        await admin.query(`drop database if exists ${name}`);
        throw error;
      }
      await database.close();
    }
  } finally {
    await admin.query(`select pg_advisory_unlock(${lock})`);
  }
  return name;
}

/**
 * Fills an empty folder with this run's migrated PGlite database, for code that
 * opens a data folder itself (a CLI run, a `mamoru serve` process) where the
 * test is not about migrating: it starts as after its first start, without the
 * seconds of migrations and catalog loading. False without a template (a file
 * run outside the configured vitest): the folder stays empty and migrates afresh.
 */
export async function fillDataDirFromTemplate(dataDir: string): Promise<boolean> {
  const dump = await pgliteTemplate();
  if (!dump) return false;
  const database = await openDatabase({ dataDir, loadDataDir: dump, pgliteThread: 'inline' });
  await database.close();
  return true;
}
