import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/jobs';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import { DomainError, notFound } from '../errors.ts';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';

/**
 * Jobs: long-running work recorded as rows, so any server instance can report
 * progress. The instance that runs a job bumps its heartbeat with every
 * progress report; a queued or running job without a heartbeat for
 * STALE_AFTER_MS (its instance stopped) is reported as failed, `job_interrupted`.
 */
export const STALE_AFTER_MS = 5 * 60_000;

export async function createJob(db: Db, ctx: RequestContext, kind: string) {
  return repo.insertJob(db, {
    organizationId: ctx.actor.organizationId,
    kind,
    createdBy: ctx.actor.userId,
  });
}

export async function getJob(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getJob(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('job');
  return withInterruption(withLiveProgress(row));
}

/**
 * Progress of jobs whose writing transaction is open in this process. While a
 * transaction holds its connection, a progress report must not ask the pool
 * for a second one: with every connection held by such transactions (waiting
 * on each other's audit-chain lock) that request would wait forever. So
 * reports go here and GET /jobs/{id} on this instance reads them; the row
 * gets them again when the transaction has ended.
 */
const live = new Map<string, Progress & { at: number }>();

export function withLiveProgress(row: JobRow): JobRow {
  const progress = live.get(row.id);
  if (!progress || row.status !== 'running') return row;
  const { at, ...rest } = progress;
  return { ...row, ...rest, heartbeatAt: new Date(Math.max(at, row.heartbeatAt.getTime())) };
}

/** Progress kept in memory, for reports made while a transaction is open. */
export function memoryProgressReporter(jobId: string) {
  return (progress: Progress) => {
    live.set(jobId, { ...progress, at: Date.now() });
    return Promise.resolve();
  };
}

/** Marks a job as waiting for a free slot (see slots.ts); its heartbeat stays fresh. */
export async function markWaiting(db: Db, job: JobRow) {
  await repo.updateJobProgress(db, job.organizationId, job.id, {
    phase: 'waiting',
    processed: 0,
    total: null,
    status: 'queued',
  });
}

/** A job whose runner went away says so instead of "running" forever. */
export function withInterruption(row: JobRow, now = Date.now()): JobRow {
  const open = row.status === 'queued' || row.status === 'running';
  if (!open || now - row.heartbeatAt.getTime() < STALE_AFTER_MS) return row;
  return { ...row, status: 'failed', phase: null, error: 'job_interrupted' };
}

export interface Progress {
  phase: string;
  processed: number;
  total: number | null;
}

/**
 * Reports progress at most every `everyMs` (and always when forced). Only for
 * work outside a transaction: inside one use memoryProgressReporter.
 */
export function progressReporter(db: Db, organizationId: string, jobId: string, everyMs = 500) {
  let last = 0;
  return async (progress: Progress, force = false) => {
    const now = Date.now();
    if (!force && now - last < everyMs) return;
    last = now;
    await repo.updateJobProgress(db, organizationId, jobId, progress);
  };
}

export type JobOutcome =
  | { status: 'succeeded'; result: unknown; processed?: number; total?: number | null }
  | { status: 'failed'; error: string; result: unknown; processed?: number; total?: number | null };

/**
 * Runs the work of a job and records how it ended. A DomainError (an
 * unreadable file) ends the job with its code; anything else ends it with
 * `job_failed` and is rethrown, to be logged.
 */
export async function runJob(
  db: Db,
  job: JobRow,
  work: () => Promise<JobOutcome>,
): Promise<JobRow> {
  const org = job.organizationId;
  await repo.updateJobProgress(db, org, job.id, { phase: 'starting', processed: 0, total: null });
  try {
    return await finish(db, job, work);
  } finally {
    live.delete(job.id);
  }
}

async function finish(db: Db, job: JobRow, work: () => Promise<JobOutcome>): Promise<JobRow> {
  const org = job.organizationId;
  try {
    const outcome = await work();
    const row = await repo.finishJob(db, org, job.id, {
      status: outcome.status,
      result: outcome.result ?? null,
      error: outcome.status === 'failed' ? outcome.error : null,
      ...(outcome.processed !== undefined ? { processed: outcome.processed } : {}),
      ...(outcome.total !== undefined ? { total: outcome.total } : {}),
    });
    return row!;
  } catch (error) {
    const known = error instanceof DomainError;
    // The params word the message ("the file has more than {limit} columns").
    const row = await repo.finishJob(db, org, job.id, {
      status: 'failed',
      result: known && Object.keys(error.params).length ? { errorParams: error.params } : null,
      error: known ? error.code : 'job_failed',
    });
    if (!known) throw error;
    return row!;
  }
}

/** A job that never got to run (its server shut down while it waited). */
export async function interrupt(db: Db, job: JobRow) {
  await repo.finishJob(db, job.organizationId, job.id, {
    status: 'failed',
    result: null,
    error: 'job_interrupted',
  });
}
