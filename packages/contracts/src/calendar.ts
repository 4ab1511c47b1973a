import { z } from 'zod';

/**
 * One thing with a date that someone must do or attend (issue 22): the one
 * model the PDCA calendar, the iCalendar feed, reminders and digests share.
 * Each area computes its own items in SQL (db/repositories/calendar/), none
 * is copied by hand.
 */

/** Deadlines and planned events, by the area that computes them. */
export const DUE_ITEM_KINDS = [
  // Plan
  'document_review',
  'risk_review',
  'treatment_action',
  'resource_plan',
  // Do
  'control_check',
  'training_session',
  'training_renewal',
  'competence_expiry',
  'incident_clock',
  'legal_review',
  // Check
  'audit',
  'audit_followup',
  'management_review',
  'objective_measurement',
  'objective',
  'attestation_expiry',
  // Act
  'improvement_action',
  // Across all
  'approval',
] as const;
export const dueItemKindSchema = z.enum(DUE_ITEM_KINDS);
export type DueItemKind = z.infer<typeof dueItemKindSchema>;

export const dueItemSchema = z.object({
  kind: dueItemKindSchema,
  /** The navigation area the item belongs to (its key in `areas.*`), for filtering and colour. */
  area: z.string(),
  /** The object the item is about (a document, a check, an audit…). */
  subjectId: z.string(),
  /** Stable across runs: `${kind}:${subjectId}[:${dueOn}]`, so reminders are sent once. */
  key: z.string(),
  /** The object's own name or display ID (user data, shown as is). */
  title: z.string(),
  /** The day it is due or takes place (YYYY-MM-DD, organization time). */
  dueOn: z.iso.date(),
  /** A planned event (an audit, a review meeting, a training session) rather than a deadline. */
  event: z.boolean(),
  /** Who must act; null when no one is named (shown as a gap). */
  responsibleId: z.uuid().nullable(),
  responsibleName: z.string().nullable(),
  /** The page where it is done, within the web app. */
  href: z.string(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

/** Notification kinds a user can choose how to receive (in-app always; email immediate/digest/off). */
export const NOTIFICATION_KINDS = [
  /** An approval waits for the user's decision. */
  'approval_requested',
  /** An incident's clock (a notification deadline) is near or passed. */
  'incident_deadline',
  /** Something the user is responsible for is due soon. */
  'due_soon',
  /** Something the user is responsible for is overdue. */
  'overdue',
  /** Something a member of the user's unit is responsible for is overdue by N days (escalation). */
  'escalation',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** The longest range one calendar request may cover (a year view plus its edges). */
export const CALENDAR_MAX_DAYS = 400;

/** GET /api/v1/calendar: due items and planned events between two days. */
export const calendarQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** A navigation area key (`documents`, `internalAudits`…). */
  area: z.string().trim().min(1).max(40).optional(),
  /** Only items this person is responsible for ('me': the caller). */
  person: z.union([z.uuid(), z.literal('me')]).optional(),
  kind: dueItemKindSchema.optional(),
  /** Also items due before `from` that are still open. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarSchema = z
  .object({
    /** The day the server takes as today (YYYY-MM-DD): items before it are overdue. */
    today: z.iso.date(),
    items: z.array(dueItemSchema),
    /** More items matched than one answer holds: narrow the range or the filters. */
    truncated: z.boolean(),
  })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof calendarSchema>;

/** The caller's iCalendar feed: whether one is active (the URL itself is shown only once). */
export const calendarFeedSchema = z
  .object({
    active: z.boolean(),
    createdAt: z.iso.datetime().nullable(),
    rotatedAt: z.iso.datetime().nullable(),
    lastFetchedAt: z.iso.datetime().nullable(),
    /** Only in the answer that creates or rotates it: the secret subscription path. */
    path: z.string().optional(),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const calendarFeedParamsSchema = z.object({
  /** `<token>.ics` */
  file: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]{20,80}\.ics$/),
});
