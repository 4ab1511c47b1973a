import { failStaleJobs } from '@mamoru/db/repositories/jobs';
import type { ScheduledJob } from './schedules.ts';
import { STALE_AFTER_MS } from './service.ts';

/**
 * Imports, exports and generations run in the process that took the request
 * (their uploaded file is on its disk), so they are not pg-boss jobs; their
 * `jobs` row is bumped while they work. When that process dies the row would
 * say "running" for ever: this sweep ends such rows as failed,
 * `job_interrupted`, the same code GET /jobs/{id} already reads a stale
 * heartbeat as, so what a reader sees does not change once the row is swept.
 */
export const sweepInterruptedJobs: ScheduledJob = {
  name: 'jobs.sweep-interrupted',
  cron: '*/5 * * * *',
  async run({ db, now, log }) {
    const swept = await failStaleJobs(
      db,
      new Date(now.getTime() - STALE_AFTER_MS),
      'job_interrupted',
    );
    if (swept.length) log.warn({ jobs: swept }, 'jobs without a heartbeat marked interrupted');
  },
};
