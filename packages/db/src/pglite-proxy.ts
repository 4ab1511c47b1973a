import { Worker } from 'node:worker_threads';

/**
 * The embedded database on its own thread. PGlite is PostgreSQL compiled to
 * WebAssembly: a query runs synchronously on the thread that owns it, so in the
 * server's thread every query stalls every request. The worker
 * (pglite-worker.mjs) owns the PGlite instance; this proxy implements the part
 * of PGlite's API that drizzle's pglite driver and our code call: query (with
 * rowMode and parsers), exec, transaction, dumpDataDir, close.
 */

type Parser = (value: string, typeId: number) => unknown;
export interface ProxyQueryOptions {
  rowMode?: 'object' | 'array';
  parsers?: Record<number, Parser>;
  /** PGlite mounts it at /dev/blob (COPY … FROM '/dev/blob'). */
  blob?: Blob;
}
interface Field {
  name: string;
  dataTypeID: number;
}
export interface ProxyResults<T = Record<string, unknown>> {
  rows: T[];
  fields: Field[];
  affectedRows?: number;
  blob?: Blob;
}
interface WireResults {
  rows: unknown[];
  fields: Field[];
  affectedRows?: number;
  blob?: ArrayBuffer;
}
type Reply = { id: number; result?: unknown; error?: Record<string, unknown> };

export interface ProxyTransaction {
  query<T>(text: string, params?: unknown[], options?: ProxyQueryOptions): Promise<ProxyResults<T>>;
  exec(text: string, options?: ProxyQueryOptions): Promise<ProxyResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** An Error with PostgreSQL's fields (code, constraint, detail…) as PGlite threw it. */
function revive(wire: Record<string, unknown>): Error {
  const error = new Error(String(wire.message));
  Object.assign(error, wire);
  return error;
}

/** Applies the caller's parsers to the columns the worker left as text. */
function parsed(wire: WireResults, options: ProxyQueryOptions | undefined): ProxyResults<never> {
  const { blob, ...rest } = wire;
  const out = rest as ProxyResults<never>;
  if (blob) out.blob = new Blob([blob]);
  const parsers = options?.parsers;
  if (!parsers) return out;
  const columns = wire.fields
    .map((field, index) => ({ field, index, parser: parsers[field.dataTypeID] }))
    .filter((c) => c.parser);
  if (columns.length === 0) return out;
  const arrayMode = options?.rowMode === 'array';
  for (const row of wire.rows as Record<string | number, unknown>[]) {
    for (const { field, index, parser } of columns) {
      const key = arrayMode ? index : field.name;
      const value = row[key];
      if (value !== null && value !== undefined) {
        row[key] = parser!(value as string, field.dataTypeID);
      }
    }
  }
  return out;
}

export class PgliteProxy {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private openTransactions = 0;
  private failure: Error | undefined;
  closed = false;

  private constructor(dataDir: string, loadDataDir: ArrayBuffer | undefined, settings: string[]) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir, loadDataDir, settings },
      transferList: loadDataDir ? [loadDataDir] : [],
    });
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`PGlite worker exited (${code})`)));
    // Idle, the worker does not keep the process alive (as PGlite in-thread does not).
    this.worker.unref();
  }

  /** Starts the worker and waits until the database has opened (PGlite.create). */
  static async create(
    dataDir: string,
    loadDataDir?: Blob,
    settings: string[] = [],
  ): Promise<PgliteProxy> {
    const proxy = new PgliteProxy(
      dataDir,
      loadDataDir ? await loadDataDir.arrayBuffer() : undefined,
      settings,
    );
    try {
      await proxy.query('select 1');
    } catch (error) {
      await proxy.worker.terminate();
      throw error;
    }
    return proxy;
  }

  private call<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // A request in flight keeps the process alive until it is answered.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        this.worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        // A parameter that cannot be copied to the worker (DataCloneError).
        this.pending.delete(id);
        this.unrefWhenIdle();
        reject(error as Error);
      }
    });
  }

  private settle(reply: Reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    this.unrefWhenIdle();
    if (reply.error) waiting.reject(revive(reply.error));
    else waiting.resolve(reply.result);
  }

  private unrefWhenIdle() {
    if (this.pending.size === 0 && this.openTransactions === 0) this.worker.unref();
  }

  private fail(error: Error) {
    this.failure ??= this.closed ? new Error('PGlite is closed') : error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  private async run<T>(
    tx: number | undefined,
    text: string,
    params: unknown[] | undefined,
    options: ProxyQueryOptions | undefined,
  ): Promise<ProxyResults<T>> {
    const blob = options?.blob ? await options.blob.arrayBuffer() : undefined;
    const wire = await this.call<WireResults>(
      { op: 'query', tx, text, params, ...wireOptions(options), blob },
      blob ? [blob] : [],
    );
    return parsed(wire, options) as ProxyResults<T>;
  }

  query<T>(text: string, params?: unknown[], options?: ProxyQueryOptions) {
    return this.run<T>(undefined, text, params, options);
  }

  async exec(text: string, options?: ProxyQueryOptions, tx?: number): Promise<ProxyResults[]> {
    const wires = await this.call<WireResults[]>({ op: 'exec', tx, text, ...wireOptions(options) });
    return wires.map((wire) => parsed(wire, options));
  }

  /**
   * Exclusive as PGlite's own: while the callback runs, queries from outside
   * wait in the worker behind PGlite's transaction lock. Commits when the
   * callback resolves, rolls back when it throws.
   */
  async transaction<T>(callback: (tx: ProxyTransaction) => Promise<T>): Promise<T> {
    // Counted from the start: the worker stays referenced while the callback runs.
    this.openTransactions++;
    try {
      const { tx: id } = await this.call<{ tx: number }>({ op: 'begin' });
      return await this.inTransaction(id, callback);
    } finally {
      this.openTransactions--;
      this.unrefWhenIdle();
    }
  }

  private async inTransaction<T>(id: number, callback: (tx: ProxyTransaction) => Promise<T>) {
    let closed = false;
    const end = async (op: 'commit' | 'rollback') => {
      if (closed) return;
      closed = true;
      await this.call({ op, tx: id });
    };
    const tx: ProxyTransaction = {
      query: (text, params, options) => this.run(id, text, params, options),
      exec: (text, options) => this.exec(text, options, id),
      rollback: () => end('rollback'),
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await end('rollback');
      throw error;
    }
    await end('commit');
    return result;
  }

  async dumpDataDir(compression: 'auto' | 'gzip' | 'none' = 'auto'): Promise<Blob> {
    const { bytes } = await this.call<{ bytes: ArrayBuffer }>({ op: 'dump', compression });
    return new Blob([bytes]);
  }

  /** Closes the database and ends the worker thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.closed = true;
      await this.worker.terminate();
    }
  }
}

/** Which column types the caller parses itself (the worker leaves them as text). */
function wireOptions(options: ProxyQueryOptions | undefined) {
  return {
    rowMode: options?.rowMode,
    rawTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined,
  };
}
