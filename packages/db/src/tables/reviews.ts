import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { texts, timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { improvements } from './improvement.ts';

/**
 * Management reviews (6.1–6.3, 4.2.3.e, 5.1.g): planned at the organization's
 * interval, inputs compiled from the ISMS and frozen, minutes with decisions,
 * approved by top management.
 */
export const managementReviews = pgTable(
  'management_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (shown as MR-0001). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    location: text('location').notNull().default(''),
    agenda: texts('agenda'),
    /**
     * 'planned' → 'inputs_prepared' → 'held' → 'submitted' (minutes awaiting
     * approval) → 'approved'; 'cancelled' from planned or inputs_prepared.
     * A rejected approval returns the minutes to 'held'.
     */
    status: text('status').notNull().default('planned'),
    /** Start of the period the inputs cover: the previous review's date, or one interval back. */
    periodStart: date('period_start', { mode: 'string' }),
    inputsPreparedAt: timestamp('inputs_prepared_at', { withTimezone: true }),
    inputsPreparedBy: uuid('inputs_prepared_by').references(() => users.id),
    heldOn: date('held_on', { mode: 'string' }),
    /** General remarks of the minutes (discussion per input lives on each input section). */
    minutesSummary: text('minutes_summary').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    /** Approved minutes distributed to every member of the organization (staff may then read them). */
    distributedAt: timestamp('distributed_at', { withTimezone: true }),
    distributedBy: uuid('distributed_by').references(() => users.id),
    cancelReason: text('cancel_reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('management_reviews_number_key').on(t.organizationId, t.number),
    index('management_reviews_org_planned_idx').on(t.organizationId, t.plannedOn),
    check(
      'management_reviews_status_check',
      sql`${t.status} in ('planned', 'inputs_prepared', 'held', 'submitted', 'approved', 'cancelled')`,
    ),
  ],
);

/** Who is invited and who attended (recorded with the minutes). */
export const managementReviewAttendees = pgTable(
  'management_review_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => managementReviews.id),
    /** A user of Mamoru, or null for a guest named below. */
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull().default(''),
    /** 'top_management' | 'isms_manager' | 'other'. */
    role: text('role').notNull(),
    /** Null until the minutes record attendance. */
    attended: boolean('attended'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('management_review_attendees_review_idx').on(t.reviewId, t.position),
    uniqueIndex('management_review_attendees_user_key')
      .on(t.reviewId, t.userId)
      .where(sql`${t.userId} is not null`),
    check(
      'management_review_attendees_role_check',
      sql`${t.role} in ('top_management', 'isms_manager', 'other')`,
    ),
    check(
      'management_review_attendees_who_check',
      sql`${t.userId} is not null or length(${t.name}) > 0`,
    ),
  ],
);

/**
 * The input pack, one row per section (6.2.a–h and the extra figures), written
 * once when the inputs are prepared: `figures` and `items` never change after;
 * `discussion` is the minutes' record of what was said about the section.
 */
export const managementReviewInputs = pgTable(
  'management_review_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => managementReviews.id),
    /** 'a'…'h' (6.2.a–h), 'readiness', 'incidents', 'objectives'. */
    section: text('section').notNull(),
    /** False when the area that would feed the section does not exist yet. */
    available: boolean('available').notNull().default(true),
    figures: jsonb('figures').$type<Record<string, number>>().notNull().default({}),
    /** Source objects, each with a link (see contracts ReviewInputItem). */
    items: jsonb('items').$type<unknown[]>().notNull().default([]),
    /** Items beyond the stored cap (the figures still count them). */
    omitted: integer('omitted').notNull().default(0),
    discussion: text('discussion').notNull().default(''),
    compiledAt: timestamp('compiled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('management_review_inputs_section_key').on(t.reviewId, t.section),
    check(
      'management_review_inputs_section_check',
      sql`${t.section} in ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'readiness', 'incidents', 'objectives')`,
    ),
  ],
);

/**
 * Decisions as outputs (6.3.a–c). On approval of the minutes each becomes an
 * accepted improvement with its owner and due date, which the next review's
 * input f follows.
 */
export const managementReviewDecisions = pgTable(
  'management_review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => managementReviews.id),
    /** 1, 2, 3… within the review. */
    number: integer('number').notNull(),
    /** 'effectiveness' (6.3.a) | 'procedure' (6.3.b) | 'resources' (6.3.c). */
    output: text('output').notNull(),
    /** For 'procedure': 'business' | 'security' | 'process' | 'legal' | 'risk_level' (6.3.b.1–5). */
    procedureReason: text('procedure_reason'),
    /** For 'resources': the amount needed, in whole units of `currency`. */
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency').notNull().default('JPY'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The input sections the decision answers ('a'…'h'). */
    inputSections: texts('input_sections'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The tracked action, created when the minutes are approved. */
    improvementId: uuid('improvement_id').references(() => improvements.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('management_review_decisions_number_key').on(t.reviewId, t.number),
    index('management_review_decisions_org_idx').on(t.organizationId, t.reviewId),
    check(
      'management_review_decisions_output_check',
      sql`${t.output} in ('effectiveness', 'procedure', 'resources')`,
    ),
    check(
      'management_review_decisions_reason_check',
      sql`(${t.output} = 'procedure') = (${t.procedureReason} is not null) and (${t.procedureReason} is null or ${t.procedureReason} in ('business', 'security', 'process', 'legal', 'risk_level'))`,
    ),
    check(
      'management_review_decisions_amount_check',
      sql`${t.amount} is null or (${t.output} = 'resources' and ${t.amount} >= 0)`,
    ),
  ],
);

/** Per-organization settings: how often top management reviews the ISMS. */
export const reviewSettings = pgTable(
  'review_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    /** Months between reviews; the standard asks for at least once a year. */
    intervalMonths: integer('interval_months').notNull().default(12),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [check('review_settings_interval_check', sql`${t.intervalMonths} between 1 and 12`)],
);

/** Interested parties whose feedback is an input of the review (6.2.b). */
export const interestedParties = pgTable(
  'interested_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    /** 'customer' | 'regulator' | 'employee' | 'supplier' | 'shareholder' | 'partner' | 'community' | 'other'. */
    kind: text('kind').notNull(),
    /** What the party expects of the organization's information security. */
    expectations: text('expectations').notNull().default(''),
    contact: text('contact').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('interested_parties_name_key').on(t.organizationId, t.name),
    check(
      'interested_parties_kind_check',
      sql`${t.kind} in ('customer', 'regulator', 'employee', 'supplier', 'shareholder', 'partner', 'community', 'other')`,
    ),
  ],
);

/** Feedback received from an interested party, and the organization's response. */
export const interestedPartyFeedback = pgTable(
  'interested_party_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => interestedParties.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** 'meeting' | 'email' | 'survey' | 'complaint' | 'audit' | 'other'. */
    channel: text('channel').notNull().default('other'),
    content: text('content').notNull(),
    /** 'positive' | 'neutral' | 'negative'. */
    sentiment: text('sentiment').notNull().default('neutral'),
    response: text('response').notNull().default(''),
    /** Null while the feedback awaits a response. */
    respondedOn: date('responded_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('interested_party_feedback_org_idx').on(t.organizationId, t.receivedOn),
    index('interested_party_feedback_party_idx').on(t.partyId, t.receivedOn),
    check(
      'interested_party_feedback_channel_check',
      sql`${t.channel} in ('meeting', 'email', 'survey', 'complaint', 'audit', 'other')`,
    ),
    check(
      'interested_party_feedback_sentiment_check',
      sql`${t.sentiment} in ('positive', 'neutral', 'negative')`,
    ),
  ],
);
