// Notifications (issue 22): the notification centre, email through SMTP, reminders.
export * from './service.ts';
export { notify } from './create.ts';
export { DEFAULT_EMAIL, type NotificationDraft } from './kinds.ts';
export { remindersFrom, escalationsFrom, daysBetween, DEFAULT_REMINDERS } from './reminders.ts';
export { mayMail, createSmtpMailer, type Mailer, type MailMessage } from './mailer.ts';
export { configureMail, emailEnabled, mailSetup } from './setup.ts';
export { takeDispatchWanted } from './kick.ts';
export {
  dispatchImmediate,
  sendDigests,
  digestDue,
  latestDigestSlot,
  retryAfterSeconds,
  MAX_ATTEMPTS,
} from './dispatch.ts';
export {
  notifyIncidentDeadlines,
  notifyDueItems,
  dayIn,
  type DueItemProvider,
} from './scheduled.ts';
export * from './jobs.ts';
export { KIND_NAMES } from './wording.ts';
