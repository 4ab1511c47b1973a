import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import { riskAssessments } from './risks.ts';

/**
 * Reviews of change (4.2.3.c.1–5): at planned intervals the organization asks,
 * per kind of change (organization, technology, business objectives and
 * processes, threats, external events), whether anything changed. A change
 * names the reassessment made for it; "no change" is itself the recorded decision.
 */
export const riskChangeReviews = pgTable(
  'risk_change_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    /** 'organization' | 'technology' | 'business' | 'threats' | 'external'. */
    kind: text('kind').notNull(),
    /** 'changed' | 'no_change'. */
    outcome: text('outcome').notNull(),
    description: text('description').notNull().default(''),
    /** The reassessment run made for the change (required when changed). */
    assessmentId: uuid('assessment_id').references(() => riskAssessments.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('risk_change_reviews_kind_idx').on(t.organizationId, t.kind, t.reviewedOn),
    index('risk_change_reviews_reviewed_idx').on(t.organizationId, t.reviewedOn, t.id),
    check(
      'risk_change_reviews_kind_check',
      sql`${t.kind} in ('organization', 'technology', 'business', 'threats', 'external')`,
    ),
    check('risk_change_reviews_outcome_check', sql`${t.outcome} in ('changed', 'no_change')`),
  ],
);
