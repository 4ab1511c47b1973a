import fp from 'fastify-plugin';
import { queuedJobs, scheduledJobs, useJobQueue } from '@mamoru/domain';
import { BackgroundJobs } from '../jobs/runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    backgroundJobs: BackgroundJobs;
  }
}

/**
 * Durable background work (pg-boss, see jobs/runner.ts). With
 * MAMORU_JOBS_WORKERS on (the default; test apps turn it off) the instance
 * works queues and keeps the schedules from the time it is ready; closing
 * the app stops taking work and waits for running jobs. Enqueueing works
 * either way (domain `enqueue(db, …)`).
 */
export const backgroundJobsPlugin = fp(async (app) => {
  const { config, database } = app;
  const jobs = new BackgroundJobs({
    database,
    log: app.log.child({ component: 'jobs' }),
    scheduled: scheduledJobs,
    queued: queuedJobs,
    workers: config.jobWorkers,
    pollSeconds: config.jobPollSeconds,
    cronOverrides: config.jobSchedules,
  });
  app.decorate('backgroundJobs', jobs);
  useJobQueue(database.db, jobs);
  if (config.jobWorkers) app.addHook('onReady', () => jobs.start());
  // Before the pool closes, with half the shutdown time for running jobs.
  app.addHook('preClose', async () => {
    useJobQueue(database.db, undefined);
    await jobs.stop(Math.max(1_000, Math.floor(config.shutdownTimeoutMs / 2)));
  });
});
