import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from './schema.ts';
import { sqlTraceFile, traceLogger, traceStatement } from './sql-trace.ts';
import { PgliteProxy } from './pglite-proxy.ts';

export type Schema = typeof schema;
/** One type for both drivers: repositories never know which database they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** A short, password-free description for logs. */
  label: string;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Raw SQL text with $n parameters, for a library that brings its own SQL
   * (pg-boss). Text without parameters may hold several statements, as with
   * node-postgres's simple protocol; the result is the last statement's.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface DatabaseConfig {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  poolMax?: number;
  /** PostgreSQL: how long to wait for a pooled connection before PoolTimeoutError. */
  acquireTimeoutMs?: number;
  /** PostgreSQL: statement_timeout of every connection (0: none). */
  statementTimeoutMs?: number;
  /** PostgreSQL: idle_in_transaction_session_timeout of every connection (0: none). */
  idleInTransactionTimeoutMs?: number;
  /** PGlite only: start from this data folder dump (tests clone a migrated template). */
  loadDataDir?: Blob;
  /**
   * PGlite only: 'worker' (the default) runs the database on its own thread so
   * queries do not stall the server's event loop; 'inline' runs it on the
   * caller's thread (tests, where nothing else waits on the thread).
   */
  pgliteThread?: 'worker' | 'inline';
  /**
   * PGlite only: PostgreSQL's shared_buffers (e.g. '32MB'). PGlite's own default,
   * 128MB, lives in the process's memory beside the server's heap; a smaller pool
   * leaves cached pages to the operating system. Unset keeps PGlite's default.
   */
  pgliteSharedBuffers?: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) return openPostgres(config.url, config);
  const settings = config.pgliteSharedBuffers
    ? [`shared_buffers = '${config.pgliteSharedBuffers}'`]
    : [];
  return openPglite(config.dataDir, config.loadDataDir, config.pgliteThread ?? 'worker', settings);
}

/** The message pg-pool rejects with when no connection became free in time. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * True when the error (or one it wraps, as drizzle does) is the pool's acquire
 * timeout: the server is busy, not broken, and the caller may retry (503).
 */
export function isPoolTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message === POOL_TIMEOUT) return true;
  }
  return false;
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Return bigint/numeric as JS numbers where safe: counts are small enough here.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolMax ?? 10,
    // Waiting for a free connection (and connecting) is bounded: a busy pool
    // answers 503 instead of leaving requests hanging.
    connectionTimeoutMillis: config.acquireTimeoutMs ?? 5_000,
    // A runaway query or a transaction left open cannot hold a connection for ever.
    statement_timeout: config.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs ?? 60_000,
    // No JIT: a misestimated report query (the conformity check's training
    // roll-up) spent 1.4 s compiling to save milliseconds; short queries never gain.
    options: '-c jit=off',
  });
  // An idle connection the server ends (restart, failover, a dropped database) is
  // discarded by the pool; without a listener its 'error' would crash the process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL pool: idle connection lost: ${error.message}`);
  });
  const trace = sqlTraceFile();
  const db = drizzle(pool, {
    schema,
    ...(trace ? { logger: traceLogger(trace) } : {}),
  }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    label: `postgres://${parsed.host}${parsed.pathname}`,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
    executeSql: async (text, values) => {
      if (trace) traceStatement(trace, text, values);
      const result = (await pool.query(text, values)) as unknown as
        { rows: unknown[] } | { rows: unknown[] }[];
      return Array.isArray(result) ? result.at(-1)! : result;
    },
  };
}

/** The part of PGlite's API used here and by drizzle: PGlite itself or the worker's proxy. */
type PgliteClient = Pick<PgliteProxy, 'query' | 'exec' | 'transaction' | 'close'>;

async function openPglite(
  dataDir: string,
  loadDataDir: Blob | undefined,
  thread: 'worker' | 'inline',
  settings: string[],
): Promise<Database> {
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  let client: PgliteClient;
  if (thread === 'worker') {
    client = await PgliteProxy.create(dataDir, loadDataDir, settings);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    client = (await PGlite.create(dataDir, {
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
      ...(settings.length > 0 ? { postgresqlconf: settings } : {}),
    })) as unknown as PgliteClient;
  }
  // drizzle calls query (with rowMode and parsers) and transaction: the proxy has both.
  const db = drizzle(client as unknown as PGlite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    label: `pglite:${dataDir}`,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
    executeSql: async (text, values) => {
      if (values?.length) return client.query(text, values);
      // Several statements need exec. Inside PGlite's own transaction, a failing
      // statement rolls back under its lock: a bare "BEGIN; …; COMMIT;" that
      // fails would leave the one connection aborted for every later query.
      const results = await client.transaction((tx) => tx.exec(text));
      return results.at(-1) ?? { rows: [] };
    },
  };
}

/** A transaction handle; repositories accept either it or the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Lifts statement_timeout for the rest of a job's transaction: a batch of an
 * import of a million rows may take longer than request work is allowed to.
 * idle_in_transaction_session_timeout still ends a transaction left open.
 */
export async function allowLongStatements(tx: Tx) {
  await tx.execute(sql`set local statement_timeout = 0`);
}
