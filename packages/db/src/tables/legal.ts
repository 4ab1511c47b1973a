import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';
import { texts, timestamps, uuids } from './columns.ts';

/**
 * The register of legal, regulatory and contractual obligations (5.2.1.c,
 * annex 12.1): what each requires in our own words, who keeps track of it,
 * the controls and documents that answer it, and when it is reviewed next.
 */
export const legalObligations = pgTable(
  'legal_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** LEG-001, given in order of creation. */
    code: text('code').notNull(),
    /** 'law' | 'regulation' | 'contract' | 'guideline' | 'other'. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The authority that issued it, or the counterparty of a contract. */
    authority: text('authority').notNull().default(''),
    /** Articles or clauses that concern the ISMS. */
    reference: text('reference').notNull().default(''),
    /** What it requires of the organization, in the organization's own words. */
    summary: text('summary').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    appliesSince: date('applies_since', { mode: 'string' }),
    reviewIntervalMonths: integer('review_interval_months').notNull().default(12),
    nextReviewDate: date('next_review_date', { mode: 'string' }).notNull(),
    /** 'active' | 'retired'. */
    status: text('status').notNull().default('active'),
    /** Annex controls (text IDs such as '12.1.1') that answer it. */
    controlIds: texts('control_ids'),
    documentIds: uuids('document_ids'),
    /** When its substance last changed (edit of what it requires, or a review finding a change). */
    contentChangedAt: timestamp('content_changed_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('legal_obligations_code_key').on(t.organizationId, t.code),
    index('legal_obligations_review_idx').on(t.organizationId, t.nextReviewDate, t.id),
    index('legal_obligations_owner_idx').on(t.organizationId, t.ownerUserId),
    index('legal_obligations_controls_idx').using('gin', t.controlIds),
    check(
      'legal_obligations_kind_check',
      sql`${t.kind} in ('law', 'regulation', 'contract', 'guideline', 'other')`,
    ),
    check('legal_obligations_status_check', sql`${t.status} in ('active', 'retired')`),
    check('legal_obligations_interval_check', sql`${t.reviewIntervalMonths} between 1 and 120`),
  ],
);

/** Each review of an obligation: when, by whom, what was found; it sets the next review date. */
export const legalReviews = pgTable(
  'legal_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    obligationId: uuid('obligation_id')
      .notNull()
      .references(() => legalObligations.id),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id),
    /** 'unchanged' | 'changed' | 'retired'. */
    outcome: text('outcome').notNull(),
    note: text('note').notNull().default(''),
    /** The next review date the review set (null when it retired the obligation). */
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('legal_reviews_obligation_idx').on(t.obligationId, t.reviewedOn),
    index('legal_reviews_org_idx').on(t.organizationId, t.reviewedOn),
    check('legal_reviews_outcome_check', sql`${t.outcome} in ('unchanged', 'changed', 'retired')`),
  ],
);
