import fp from 'fastify-plugin';
import { backup, queuedJobs, scheduledJobs, useJobQueue } from '@mamoru/domain';
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
  // The scheduled backup's folder and count come from the environment (MAMORU_BACKUP_*),
  // its cron through the overrides; MAMORU_JOBS_SCHEDULES still wins, as for any job.
  backup.configureBackups(
    config.backup.dir ? { dir: config.backup.dir, keep: config.backup.keep } : null,
  );
  const backupCron: Record<string, string> = config.backup.cron
    ? { [backup.BACKUP_JOB]: config.backup.cron }
    : {};
  const jobs = new BackgroundJobs({
    database,
    log: app.log.child({ component: 'jobs' }),
    scheduled: scheduledJobs,
    queued: queuedJobs,
    workers: config.jobWorkers,
    pollSeconds: config.jobPollSeconds,
    cronOverrides: { ...backupCron, ...config.jobSchedules },
  });
  app.decorate('backgroundJobs', jobs);
  useJobQueue(database.db, jobs);
  if (config.jobWorkers) app.addHook('onReady', () => jobs.start());
  // Before the pool closes, with half the shutdown time for running jobs.
  app.addHook('preClose', async () => {
    useJobQueue(database.db, undefined);
    await jobs.stop(Math.max(1_000, Math.floor(config.shutdownTimeoutMs / 2)));
    backup.configureBackups(null);
  });
});
