// The worker thread that owns the embedded database (see pglite-proxy.ts).
// Plain JavaScript: a worker starts without the TypeScript loader of the main
// thread (tsx in production, vite in tests).
import { Blob } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const { dataDir, loadDataDir, settings } = workerData;
const ready = PGlite.create(dataDir, {
  extensions: { pg_trgm },
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  // postgresql.conf lines (shared_buffers), written before the database starts.
  ...(settings?.length ? { postgresqlconf: settings } : {}),
});

/** Open transactions by id: their own queries run on the tx object. */
const transactions = new Map();
let nextTx = 1;

/** PostgreSQL's fields (code, constraint, detail…) survive; structured clone keeps only the message. */
function serializeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const out = { name: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'queryOptions' || typeof value === 'function') continue;
    out[key] = value;
  }
  return out;
}

/**
 * The caller's own parsers (functions) cannot cross the thread boundary: the
 * worker hands those columns over as PostgreSQL's text and the proxy applies them.
 */
function queryOptions(message) {
  const options = {};
  if (message.rowMode) options.rowMode = message.rowMode;
  if (message.rawTypes?.length) {
    options.parsers = Object.fromEntries(message.rawTypes.map((oid) => [oid, (v) => v]));
  }
  if (message.blob) options.blob = new Blob([message.blob]);
  return options;
}

/** Rows and fields only; a COPY TO's blob travels as bytes. */
async function plain(result) {
  const out = { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
  if (result.blob) out.blob = await result.blob.arrayBuffer();
  return out;
}

const rollbackRequested = Symbol('rollback');

function begin(pg) {
  return new Promise((resolveBegun, rejectBegun) => {
    const id = nextTx++;
    pg.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          transactions.set(id, { tx, commit, rollback });
          resolveBegun({ tx: id });
        }),
    )
      .then(
        () => transactions.get(id)?.ended.resolve(),
        (error) => {
          const ended = transactions.get(id)?.ended;
          if (error === rollbackRequested) ended?.resolve();
          else if (ended) ended.reject(error);
          else rejectBegun(error);
        },
      )
      .finally(() => transactions.delete(id));
  });
}

/** Commits or rolls back, and answers once PGlite has released its transaction lock. */
function end(id, commit) {
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  return new Promise((resolve, reject) => {
    open.ended = { resolve: () => resolve({}), reject };
    if (commit) open.commit();
    else open.rollback(rollbackRequested);
  });
}

function target(pg, message) {
  if (message.tx === undefined) return pg;
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`transaction ${message.tx} is not open`);
  return open.tx;
}

async function handle(message) {
  const pg = await ready;
  switch (message.op) {
    case 'query':
      return plain(
        await target(pg, message).query(message.text, message.params, queryOptions(message)),
      );
    case 'exec':
      return Promise.all(
        (await target(pg, message).exec(message.text, queryOptions(message))).map(plain),
      );
    case 'begin':
      return begin(pg);
    case 'commit':
      return end(message.tx, true);
    case 'rollback':
      return end(message.tx, false);
    case 'dump': {
      const dump = await pg.dumpDataDir(message.compression);
      return { bytes: await dump.arrayBuffer() };
    }
    case 'close':
      await pg.close();
      return {};
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

// Messages are handled concurrently: PGlite's own locks order them, so a query
// from outside an open transaction waits while the transaction's queries run.
parentPort.on('message', (message) => {
  handle(message).then(
    (result) => {
      parentPort.postMessage({ id: message.id, result });
      if (message.op === 'close') parentPort.close();
    },
    (error) => parentPort.postMessage({ id: message.id, error: serializeError(error) }),
  );
});
