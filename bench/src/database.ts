import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database, type Db } from '@mamoru/db';

/** Where the bench runs: a fresh PostgreSQL database it creates and drops, or a PGlite folder. */
export interface BenchTarget {
  kind: 'postgres' | 'pglite';
  /** postgres://… of the fresh database (PostgreSQL only). */
  url?: string;
  /** PGlite data folder (embedded only). */
  dataDir?: string;
  open(): Promise<Database>;
  /** Removes the database or folder. */
  drop(): Promise<void>;
}

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function adminQuery(serverUrl: string, text: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTarget(embedded: boolean, serverUrl: string): Promise<BenchTarget> {
  if (embedded) {
    const dataDir = await mkdtemp(join(tmpdir(), 'mamoru-bench-'));
    return {
      kind: 'pglite',
      dataDir,
      open: () => openDatabase({ dataDir }),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  // Named apart from the test suites' mamoru_t_* so their clean-up never touches it.
  const name = `mamoru_bench_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    open: () => openDatabase({ url: url.toString(), dataDir: '', poolMax: 10 }),
    drop: async () => {
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The server's version string, for the results' machine facts. */
export async function serverVersion(database: Database): Promise<string> {
  const { sql } = await import('drizzle-orm');
  const result = (await database.db.execute(sql`select version() as v`)) as unknown as {
    rows: { v: string }[];
  };
  return result.rows[0]!.v;
}

/**
 * What autovacuum does on its own within a minute or so of a bulk write:
 * refreshes the planner's statistics (without them the first queries after a
 * load of 100,000 rows are planned as if the tables were empty) and clears the
 * dead row versions a million-row update leaves in the heap and every index
 * (an index scan for a list page steps over them one by one).
 */
export async function analyze(db: Db) {
  const { sql } = await import('drizzle-orm');
  await db.execute(sql`vacuum (analyze)`);
}
