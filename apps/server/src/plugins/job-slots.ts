import fp from 'fastify-plugin';
import type { FastifyBaseLogger } from 'fastify';
import { jobs, JobSlots } from '@mamoru/domain';
import type { JobRow } from '@mamoru/db/repositories/jobs';

/** How often a waiting job's heartbeat is renewed (well inside jobs.STALE_AFTER_MS). */
const WAITING_HEARTBEAT_MS = 60_000;

/**
 * Runs imports, exports and generations within the organization's slots
 * (JobSlots): `now` for work done within the request (429 when none is free),
 * `background` for jobs, which wait as 'waiting' when the slots are taken.
 * Closing the app waits for running jobs; jobs still waiting then never start
 * and end as `job_interrupted`.
 */
export interface JobRunner {
  slots: JobSlots;
  now<T>(organizationId: string, work: () => Promise<T>): Promise<T>;
  /** Creates the job and starts or queues it (429 when the queue is full). */
  background(
    organizationId: string,
    create: () => Promise<JobRow>,
    work: (job: JobRow) => Promise<unknown>,
    log: FastifyBaseLogger,
  ): Promise<{ job: JobRow; waiting: boolean }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobRunner: JobRunner;
  }
  interface FastifyContextConfig {
    /** An export: runs in one of the organization's slots while its response streams. */
    slot?: boolean;
  }
}

export const jobSlotsPlugin = fp(async (app) => {
  const { config, database } = app;
  const db = database.db;
  const slots = new JobSlots({
    perOrganization: config.jobsPerOrganization,
    queuePerOrganization: config.jobsQueuePerOrganization,
    // The embedded database has one connection; on PostgreSQL half the pool
    // stays free for requests (log-in, /readyz) however many jobs wait.
    total: database.kind === 'pglite' ? 1 : Math.max(1, Math.floor(config.dbPoolMax / 2)),
    retryAfterSeconds: 30,
  });
  const tracked = new Set<Promise<unknown>>();
  let closing = false;

  const runner: JobRunner = {
    slots,
    async now(organizationId, work) {
      const release = slots.tryAcquire(organizationId);
      try {
        return await work();
      } finally {
        release();
      }
    },
    async background(organizationId, create, work, log) {
      // Refused (429) before the job row exists, so no job reads as queued for ever.
      const { waiting, granted } = slots.enqueue(organizationId);
      let job: JobRow;
      try {
        job = await create();
        if (waiting) await jobs.markWaiting(db, job);
      } catch (error) {
        void granted.then((release) => release());
        throw error;
      }
      const heartbeat = waiting
        ? setInterval(() => {
            jobs.markWaiting(db, job).catch((err: unknown) => log.warn({ err }, 'heartbeat'));
          }, WAITING_HEARTBEAT_MS)
        : undefined;
      const run = (async () => {
        const release = await granted.finally(() => clearInterval(heartbeat));
        try {
          if (closing) await jobs.interrupt(db, job);
          else await work(job);
        } finally {
          release();
        }
      })().catch((err: unknown) => log.error({ err, jobId: job.id }, 'job failed'));
      tracked.add(run);
      void run.finally(() => tracked.delete(run));
      return { job: waiting ? { ...job, status: 'queued', phase: 'waiting' } : job, waiting };
    },
  };
  app.decorate('jobRunner', runner);
  // Exports take a slot for as long as their response streams (429 when none is free).
  app.addHook('preHandler', async (request, reply) => {
    const org = request.actor?.organizationId;
    if (!request.routeOptions.config.slot || !org) return;
    const release = slots.tryAcquire(org);
    reply.raw.once('close', release);
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onClose', async () => {
    await Promise.allSettled([...tracked]);
  });
});
