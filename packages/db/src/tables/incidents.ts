import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assets } from './assets.ts';
import { texts, timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { ismsRoles } from './people.ts';
import { recordTypes } from './records.ts';
import { risks } from './risks.ts';
import { locations, orgUnits } from './scope.ts';

/**
 * Information security incidents, weaknesses and malfunctions (4.2.2.g,
 * 4.2.3.a, 4.3.3; annex 6.3, 8.1.3): reported by anyone, triaged by the incident
 * team on a severity × urgency matrix, worked through containment, eradication
 * and recovery, quantified, and closed with lessons learned.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (shown as INC-0001). */
    number: integer('number').notNull(),
    /** 'incident' | 'suspected' | 'weakness' | 'malfunction' | 'near_miss'. */
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** When it happened (may be unknown), when the organization learned of it (starts the clocks). */
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reporterId: uuid('reporter_id').references(() => users.id),
    /** 'web' | 'api' (a monitoring tool with a reporting token). */
    channel: text('channel').notNull().default('web'),
    /** The reporting tool's own reference: a second report while the first is open is merged. */
    externalRef: text('external_ref'),
    /** Further reports merged into this one (API deduplication). */
    repeatCount: integer('repeat_count').notNull().default(0),
    unitId: uuid('unit_id').references(() => orgUnits.id),
    locationId: uuid('location_id').references(() => locations.id),
    /** Where, in the reporter's words, when no registered location fits. */
    place: text('place').notNull().default(''),
    /** 'reported' → 'triaged' → 'contained' → 'eradicated' → 'recovered' → 'closed'. */
    status: text('status').notNull().default('reported'),
    /** Set at triage: 'low' | 'medium' | 'high' | 'critical' (impact) and urgency; priority from the matrix. */
    severity: text('severity'),
    urgency: text('urgency'),
    /** 1 (highest) … 4. */
    priority: integer('priority'),
    /** Visible only to the incident team and top management (e.g. names an employee). */
    confidential: boolean('confidential').notNull().default(false),
    affectsConfidentiality: boolean('affects_confidentiality').notNull().default(false),
    affectsIntegrity: boolean('affects_integrity').notNull().default(false),
    affectsAvailability: boolean('affects_availability').notNull().default(false),
    personalData: boolean('personal_data').notNull().default(false),
    personalRecords: integer('personal_records'),
    personalDataCategories: texts('personal_data_categories'),
    /** The breach may have been done with wrongful intent (APPI: longer final-report deadline). */
    wrongfulIntent: boolean('wrongful_intent').notNull().default(false),
    assigneeId: uuid('assignee_id').references(() => users.id),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    triagedBy: uuid('triaged_by').references(() => users.id),
    containedAt: timestamp('contained_at', { withTimezone: true }),
    eradicatedAt: timestamp('eradicated_at', { withTimezone: true }),
    recoveredAt: timestamp('recovered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** Quantities (annex 6.3.4): what was affected (count and unit), how long, what it cost (yen). */
    volume: integer('volume'),
    volumeUnit: text('volume_unit').notNull().default(''),
    downtimeMinutes: integer('downtime_minutes'),
    costResponse: bigint('cost_response', { mode: 'number' }),
    costRecovery: bigint('cost_recovery', { mode: 'number' }),
    costLoss: bigint('cost_loss', { mode: 'number' }),
    rootCause: text('root_cause').notNull().default(''),
    lessonsLearned: text('lessons_learned').notNull().default(''),
    /** Actions decided against recurrence (4.2.3.a.4), when no nonconformity or improvement is raised. */
    recurrencePrevention: text('recurrence_prevention').notNull().default(''),
    /** The record made in the records area at closing (4.3.3). */
    recordId: uuid('record_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('incidents_number_key').on(t.organizationId, t.number),
    // One open incident per external reference: repeated tool reports merge into it.
    uniqueIndex('incidents_external_ref_open_key')
      .on(t.organizationId, t.externalRef)
      .where(sql`${t.externalRef} is not null and ${t.status} <> 'closed'`),
    index('incidents_org_status_idx').on(t.organizationId, t.status, t.discoveredAt),
    index('incidents_org_reporter_idx').on(t.organizationId, t.reporterId),
    check(
      'incidents_type_check',
      sql`${t.type} in ('incident', 'suspected', 'weakness', 'malfunction', 'near_miss')`,
    ),
    check(
      'incidents_status_check',
      sql`${t.status} in ('reported', 'triaged', 'contained', 'eradicated', 'recovered', 'closed')`,
    ),
    check(
      'incidents_severity_check',
      sql`${t.severity} is null or ${t.severity} in ('low', 'medium', 'high', 'critical')`,
    ),
    check(
      'incidents_urgency_check',
      sql`${t.urgency} is null or ${t.urgency} in ('low', 'medium', 'high', 'critical')`,
    ),
    check('incidents_priority_check', sql`${t.priority} is null or ${t.priority} between 1 and 4`),
    check('incidents_channel_check', sql`${t.channel} in ('web', 'api')`),
    // Closing needs lessons learned (4.2.3.a, annex 6.3.4).
    check(
      'incidents_closed_lessons_check',
      sql`${t.status} <> 'closed' or length(btrim(${t.lessonsLearned})) > 0`,
    ),
  ],
);

/** Assets involved in an incident. */
export const incidentAssets = pgTable(
  'incident_assets',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.assetId] })],
);

/**
 * Risks related to an incident; the team may ask for their reassessment
 * (4.2.3.c), which counts as done once the risk is updated after the request.
 */
export const incidentRisks = pgTable(
  'incident_risks',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id),
    reassessmentRequestedAt: timestamp('reassessment_requested_at', { withTimezone: true }),
    reassessmentRequestedBy: uuid('reassessment_requested_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.riskId] })],
);

/**
 * The incident's timeline: status changes (written by the workflow), actions
 * taken and notes (who, when, what). `at` is when it happened, which may be
 * earlier than when it was written down.
 */
export const incidentTimeline = pgTable(
  'incident_timeline',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** 'status' | 'action' | 'note' | 'notification' | 'report' (a merged repeat report). */
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    text: text('text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incident_timeline_incident_idx').on(t.incidentId, t.at),
    check(
      'incident_timeline_kind_check',
      sql`${t.kind} in ('status', 'action', 'note', 'notification', 'report')`,
    ),
  ],
);

/**
 * A notification obligation (e.g. APPI's reports to the Personal Information
 * Protection Commission): which incidents it applies to and its clock from
 * discovery, in calendar days of the organization's time zone or in hours.
 * `deadlineDays`/`deadlineHours` both null: "promptly", tracked without a clock.
 */
export const incidentObligations = pgTable(
  'incident_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Set for shipped presets ('appi_preliminary'…), null for the organization's own. */
    presetKey: text('preset_key'),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** To whom (the authority, the persons concerned, a customer under contract). */
    recipient: text('recipient').notNull().default(''),
    appliesToTypes: texts('applies_to_types'),
    /** Only incidents involving personal data. */
    requiresPersonalData: boolean('requires_personal_data').notNull().default(false),
    deadlineDays: integer('deadline_days'),
    /** The deadline when the breach may have been done with wrongful intent (APPI: 60 days). */
    deadlineDaysWrongfulIntent: integer('deadline_days_wrongful_intent'),
    deadlineHours: integer('deadline_hours'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('incident_obligations_preset_key')
      .on(t.organizationId, t.presetKey)
      .where(sql`${t.presetKey} is not null`),
    check(
      'incident_obligations_deadline_check',
      sql`(${t.deadlineDays} is null or ${t.deadlineDays} >= 0) and (${t.deadlineHours} is null or ${t.deadlineHours} >= 0)`,
    ),
  ],
);

/** What was sent to whom and when, for an obligation or on the team's own initiative. */
export const incidentNotifications = pgTable(
  'incident_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    obligationId: uuid('obligation_id').references(() => incidentObligations.id),
    recipient: text('recipient').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** 'email' | 'web_form' | 'letter' | 'phone' | 'in_person' | 'other'. */
    channel: text('channel').notNull().default('other'),
    summary: text('summary').notNull().default(''),
    sentBy: uuid('sent_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_notifications_incident_idx').on(t.incidentId, t.sentAt)],
);

/** Severity × urgency → priority (1 highest), rows severity low…critical, columns urgency low…critical. */
export type PriorityMatrix = number[][];

/** One row per organization: the incident team, the triage target, the matrix, the records type. */
export const incidentSettings = pgTable('incident_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** The incident team: holders of this ISMS role, and/or members of this unit. */
  teamRoleId: uuid('team_role_id').references(() => ismsRoles.id),
  teamUnitId: uuid('team_unit_id').references(() => orgUnits.id),
  /** Reports should be triaged within this many hours (4.2.3.a.2). */
  triageTargetHours: integer('triage_target_hours').notNull().default(24),
  priorityMatrix: jsonb('priority_matrix').$type<PriorityMatrix>(),
  /** Calendar days of notification deadlines are counted in this IANA time zone. */
  timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
  /** The record type incident records are kept under (created on first use, 4.3.3). */
  recordTypeId: uuid('record_type_id').references(() => recordTypes.id),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
