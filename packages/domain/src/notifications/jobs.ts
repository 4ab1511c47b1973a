import type { JobLog, ScheduledJob } from '../jobs/schedules.ts';
import { dispatchImmediate, sendDigests } from './dispatch.ts';
import { notifyDueItems, notifyIncidentDeadlines, type DueItemProvider } from './scheduled.ts';

// The registry's shape (jobs/schedules.ts): the server schedules these once across instances.
const failureLog = (log: JobLog) => (msg: string, error: unknown) =>
  log.error({ error: error instanceof Error ? error.message : String(error) }, msg);

/** Sends pending immediate mails and retries failed ones (their backoff decides when). */
export const dispatchEmailJob: ScheduledJob = {
  name: 'notifications.dispatch-email',
  cron: '* * * * *',
  async run({ db, log }) {
    const r = await dispatchImmediate(db, failureLog(log));
    if (r.sent + r.failed + r.suppressed > 0) log.info(r, 'notification emails');
  },
};

/** Hourly: each user's digest goes at the first run after their daily or weekly slot. */
export const digestEmailJob: ScheduledJob = {
  name: 'notifications.digest-email',
  cron: '5 * * * *',
  async run({ db, now, log }) {
    const r = await sendDigests(db, now, failureLog(log));
    if (r.sent + r.failed + r.suppressed > 0) log.info(r, 'notification digests');
  },
};

/** Every 15 minutes: incident notification clocks due within a day or passed. */
export const incidentDeadlineJob: ScheduledJob = {
  name: 'notifications.incident-deadlines',
  cron: '*/15 * * * *',
  async run({ db, log }) {
    const created = await notifyIncidentDeadlines(db);
    if (created > 0) log.info({ created }, 'incident deadline notifications');
  },
};

/** Daily (before the usual digest hour): due-soon, overdue and escalation notifications. */
export function reminderJob(provider: DueItemProvider): ScheduledJob {
  return {
    name: 'notifications.reminders',
    cron: '30 6 * * *',
    async run({ db, now, log }) {
      const created = await notifyDueItems(db, provider, now);
      if (created > 0) log.info({ created }, 'reminder notifications');
    },
  };
}

/** Every job of this area, given the due-item provider of the calendar area. */
export function notificationJobs(provider: DueItemProvider): ScheduledJob[] {
  return [dispatchEmailJob, digestEmailJob, incidentDeadlineJob, reminderJob(provider)];
}
