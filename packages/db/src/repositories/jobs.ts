import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { jobs } from '../tables/jobs.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function insertJob(
  db: Executor,
  values: { organizationId: string; kind: string; createdBy: string | null; status?: string },
) {
  const [row] = await db.insert(jobs).values(values).returning();
  return row!;
}

export async function getJob(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organizationId, organizationId), eq(jobs.id, id)));
  return row ?? null;
}

/** Progress and heartbeat of a running job. */
export async function updateJobProgress(
  db: Executor,
  organizationId: string,
  id: string,
  progress: {
    phase: string;
    processed: number;
    total: number | null;
    status?: 'queued' | 'running';
  },
) {
  await db
    .update(jobs)
    .set({ status: 'running', ...progress, heartbeatAt: sql`now()` })
    .where(and(eq(jobs.organizationId, organizationId), eq(jobs.id, id)));
}

export async function finishJob(
  db: Executor,
  organizationId: string,
  id: string,
  outcome: {
    status: 'succeeded' | 'failed';
    result: unknown;
    error: string | null;
    processed?: number;
    total?: number | null;
  },
) {
  const [row] = await db
    .update(jobs)
    .set({
      ...outcome,
      phase: null,
      heartbeatAt: sql`now()`,
      finishedAt: sql`now()`,
    })
    .where(and(eq(jobs.organizationId, organizationId), eq(jobs.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Ends every open job (queued or running) whose heartbeat is older than
 * `staleBefore` as failed with `errorCode`: its instance stopped. A system
 * sweep over all organizations, the one query here without one; the rows
 * carry their organization and nothing is read across tenants.
 */
export async function failStaleJobs(db: Executor, staleBefore: Date, errorCode: string) {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', phase: null, error: errorCode, finishedAt: sql`now()` })
    .where(
      and(
        sql`${jobs.status} in ('queued', 'running')`,
        sql`${jobs.heartbeatAt} < ${staleBefore.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: jobs.id, organizationId: jobs.organizationId, kind: jobs.kind });
  return rows;
}
