import type { Db } from '@mamoru/db';
import { organizationDueItems } from '../calendar/reminders.ts';
import { notificationJobs } from '../notifications/jobs.ts';
import { sweepInterruptedJobs } from './sweep.ts';
import { pruneSignInState } from '../authentication/prune.ts';
import { backupJob } from '../backup/job.ts';

/**
 * The logger a job gets: pino's (the server's, with the job's name bound).
 * Written out so the domain needs no logging library; a pino Logger fits.
 */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** What every background job is given. */
export interface JobContext {
  /** The database (not a transaction): a job opens its own transactions. */
  db: Db;
  /** When this run started; a scheduled job computes "due" against it. */
  now: Date;
  log: JobLog;
}

/**
 * Work run on a schedule. Whatever the number of server instances, one run
 * per tick happens on one of them (pg-boss: the cron tick becomes one job,
 * which one worker takes). Ticks are at most one a minute.
 * A run that throws is retried with backoff (see runner); it must be safe to
 * run again (idempotent), since a killed instance's run is retried too.
 */
export interface ScheduledJob {
  /** The queue name: letters, digits, '.', '_' and '-'; unique. */
  name: string;
  /** Five-field cron in UTC, e.g. '0 0 * * *' (09:00 in Japan). */
  cron: string;
  run(ctx: JobContext): Promise<void>;
}

/**
 * Every scheduled job of the product. An area adds its job here (one import
 * and one entry); the server schedules exactly this list at start and
 * removes schedules no longer listed.
 */
export const scheduledJobs: readonly ScheduledJob[] = [
  sweepInterruptedJobs,
  pruneSignInState,
  // Whole-instance backups to MAMORU_BACKUP_DIR (off without it), rotated.
  backupJob,
  // Mail, digests, incident deadlines and reminders of what the calendar holds.
  ...notificationJobs(organizationDueItems),
];
