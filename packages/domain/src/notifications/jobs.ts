import type { Db } from '@mamoru/db';
import { dispatchImmediate, sendDigests } from './dispatch.ts';
import { notifyDueItems, notifyIncidentDeadlines, type DueItemProvider } from './scheduled.ts';

/**
 * The notifications area's scheduled work, in the shape of the job
 * registry (issue 22). The interface is declared here until the job system
 * lands; the lead unifies it with the registry's at merge.
 */
export interface ScheduledJob {
  name: string;
  /** Five-field cron, server time (UTC in containers). */
  cron: string;
  run(ctx: {
    db: Db;
    now: Date;
    log: { info(msg: string, data?: object): void; error(msg: string, data?: object): void };
  }): Promise<void>;
}

type Log = Parameters<ScheduledJob['run']>[0]['log'];
const failureLog = (log: Log) => (msg: string, error: unknown) =>
  log.error(msg, { error: error instanceof Error ? error.message : String(error) });

/** Sends pending immediate mails and retries failed ones (their backoff decides when). */
export const dispatchEmailJob: ScheduledJob = {
  name: 'notifications.dispatch-email',
  cron: '* * * * *',
  async run({ db, log }) {
    const r = await dispatchImmediate(db, failureLog(log));
    if (r.sent + r.failed + r.suppressed > 0) log.info('notification emails', r);
  },
};

/** Hourly: each user's digest goes at the first run after their daily or weekly slot. */
export const digestEmailJob: ScheduledJob = {
  name: 'notifications.digest-email',
  cron: '5 * * * *',
  async run({ db, now, log }) {
    const r = await sendDigests(db, now, failureLog(log));
    if (r.sent + r.failed + r.suppressed > 0) log.info('notification digests', r);
  },
};

/** Every 15 minutes: incident notification clocks due within a day or passed. */
export const incidentDeadlineJob: ScheduledJob = {
  name: 'notifications.incident-deadlines',
  cron: '*/15 * * * *',
  async run({ db, log }) {
    const created = await notifyIncidentDeadlines(db);
    if (created > 0) log.info('incident deadline notifications', { created });
  },
};

/** Daily (before the usual digest hour): due-soon, overdue and escalation notifications. */
export function reminderJob(provider: DueItemProvider): ScheduledJob {
  return {
    name: 'notifications.reminders',
    cron: '30 6 * * *',
    async run({ db, now, log }) {
      const created = await notifyDueItems(db, provider, now);
      if (created > 0) log.info('reminder notifications', { created });
    },
  };
}

/** Every job of this area, given the due-item provider of the calendar area. */
export function notificationJobs(provider: DueItemProvider): ScheduledJob[] {
  return [dispatchEmailJob, digestEmailJob, incidentDeadlineJob, reminderJob(provider)];
}
