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
