import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '../client.ts';
import { migrate } from '../migrate.ts';
import { testDatabaseAfterMigrate } from './after-migrate.ts';
import { alive } from './leftovers.ts';

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
 * The dumps this worker has read, by file. Reading the 50 MB template into a new
 * Blob cost ~0.5 s of CPU for every test file; a Blob is immutable, so the files
 * a worker runs one after another (isolate: false) share one.
 */
const dumps = new Map<string, Blob>();

function readDump(file: string): Blob {
  let dump = dumps.get(file);
  if (!dump) {
    dump = new Blob([readFileSync(file)]);
    dumps.set(file, dump);
  }
  return dump;
}

/** The migrated PGlite data folder of this run, as a dump to start new databases from. */
export async function pgliteTemplate(): Promise<Blob | undefined> {
  const dir = process.env[RUN_DIR_ENV];
  if (!dir) return undefined;
  const file = join(dir, 'pglite-template.tar');
  if (!dumps.has(file) && !existsSync(file)) {
    // Two workers may build it at once; each writes its own file and renames it
    // into place, so a reader never sees half a dump.
    const database = await openDatabase({ dataDir: 'memory://', pgliteThread: 'inline' });
    await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
    await writeDump(database, file);
    await database.close();
  }
  return readDump(file);
}

/** Writes an open in-thread PGlite database's data folder to file, renamed into place. */
async function writeDump(database: Database, file: string) {
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } })
    .$client;
  const dump = await client.dumpDataDir('none');
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

/**
 * The dump of a PGlite database of this run that `build` filled (see
 * openSnapshotDatabase), made by the first worker to ask while the other waits
 * on a lock file: a snapshot costs minutes, so two must not build it at once.
 * Undefined without a run dir.
 */
export async function pgliteSnapshot(
  key: string,
  build: (database: Database) => Promise<void>,
  open: () => Promise<Database>,
): Promise<Blob | undefined> {
  const dir = process.env[RUN_DIR_ENV];
  if (!dir) return undefined;
  const file = join(dir, `pglite-${key}.tar`);
  if (dumps.has(file)) return readDump(file);
  await withLockFile(`${file}.lock`, async () => {
    if (existsSync(file)) return;
    const database = await open();
    try {
      await build(database);
      await writeDump(database, file);
    } finally {
      await database.close();
    }
  });
  return readDump(file);
}

/** Runs work holding the lock file (its content: the holder's pid; a dead holder's is taken over). */
async function withLockFile(lock: string, work: () => Promise<void>) {
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8') || 'NaN');
      if (Number.isInteger(holder) && !alive(holder)) rmSync(lock, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(lock, { force: true });
  }
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
  await buildOnceInPostgres(admin, name, async () => {
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ url: databaseUrl(name), dataDir: '', poolMax: 1 });
    try {
      await migrate(database.db, { afterMigrate: testDatabaseAfterMigrate() });
    } finally {
      await database.close();
    }
  });
  return name;
}

/**
 * The PostgreSQL template database of this run that `build` filled (see
 * openSnapshotDatabase): create(name) makes a migrated database of that name,
 * built by the first suite that asks, under an advisory lock. Undefined without
 * a run template; global-setup.ts drops it when the run ends.
 */
export async function postgresSnapshot(
  admin: PgClient,
  key: string,
  create: (name: string) => Promise<Database>,
  build: (database: Database) => Promise<void>,
): Promise<string | undefined> {
  const base = process.env[TEMPLATE_DB_ENV];
  if (!base) return undefined;
  const name = snapshotDatabaseName(base, key);
  await buildOnceInPostgres(admin, name, async () => {
    const database = await create(name);
    try {
      await build(database);
    } finally {
      await database.close();
    }
  });
  return name;
}

/** The snapshot database `key` of the run whose template database is base. */
function snapshotDatabaseName(base: string, key: string) {
  return `${base}_${key.replace(/[^a-z0-9]/g, '')}`;
}

/** Runs build unless a database of that name exists, under an advisory lock; drops it if build fails. */
async function buildOnceInPostgres(admin: PgClient, name: string, build: () => Promise<void>) {
  const lock = createHash('sha256').update(name).digest().readInt32BE(0);
  await admin.query(`select pg_advisory_lock(${lock})`);
  try {
    const { rows } = await admin.query(
      `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`,
    );
    if (rows.length > 0) return;
    try {
      await build();
    } catch (error) {
      await admin.query(`drop database if exists ${name} with (force)`);
      throw error;
    }
  } finally {
    await admin.query(`select pg_advisory_unlock(${lock})`);
  }
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
