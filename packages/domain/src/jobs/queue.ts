import type { Db } from '@mamoru/db';
import type { JobContext } from './schedules.ts';

/**
 * Work queued by the product (send this mail, recompute that) and run by any
 * instance's workers. Retries back off exponentially from retryDelaySeconds
 * (with jitter); after the last attempt the job stays failed in pg-boss's
 * tables. A handler must be safe to run twice: an instance killed mid-run
 * leaves its job active until it expires, and then it runs again.
 */
export interface QueuedJob<T extends object = object> {
  /** The queue name: letters, digits, '.', '_' and '-'; unique. */
  name: string;
  /** Attempts after the first (default 3). */
  retryLimit?: number;
  /** The first retry's delay; each later one doubles (default 30). */
  retryDelaySeconds?: number;
  /** A run taking longer is failed (and retried) by the supervisor (default 900). */
  expireInSeconds?: number;
  run(ctx: JobContext & { data: T; attempt: number }): Promise<void>;
}

export interface EnqueueOptions {
  /** Not before this time. */
  startAfter?: Date;
}

/** What the server's job runner offers the domain. */
export interface JobQueue {
  /** The new job's id. */
  enqueue(name: string, data: object, options?: EnqueueOptions): Promise<string | null>;
}

// Keyed by the database handle, as tests run several apps (databases) in one process.
const queues = new WeakMap<Db, JobQueue>();

/** Called by the server's runner for its database; undefined detaches it. */
export function useJobQueue(db: Db, queue: JobQueue | undefined) {
  if (queue) queues.set(db, queue);
  else queues.delete(db);
}

/**
 * Queues work for a handler listed in queuedJobs (handlers.ts). Call it after the
 * transaction that made the work necessary has committed: the queue is not
 * part of that transaction, and a handler must find the rows it needs.
 */
export async function enqueue(db: Db, name: string, data: object, options?: EnqueueOptions) {
  const queue = queues.get(db);
  if (!queue) throw new Error(`no job queue for this database (enqueue ${name})`);
  return queue.enqueue(name, data, options);
}
