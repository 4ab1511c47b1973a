import type { Db, Executor } from '@mamoru/db';
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
  return withInterruption(row);
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
 * Reports progress at most every `everyMs` (and always when forced). With no
 * executor the reports are dropped: inside a long transaction on the embedded
 * database there is no second connection to write them with, and no one else
 * could read them before the commit anyway.
 */
export function progressReporter(
  db: Executor | null,
  organizationId: string,
  jobId: string,
  everyMs = 500,
) {
  let last = 0;
  return async (progress: Progress, force = false) => {
    if (!db) return;
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
    const row = await repo.finishJob(db, org, job.id, {
      status: 'failed',
      result: null,
      error: known ? error.code : 'job_failed',
    });
    if (!known) throw error;
    return row!;
  }
}
