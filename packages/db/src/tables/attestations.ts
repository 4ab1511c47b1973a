import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';

/**
 * Attestations of requirement items whose evidence lives outside Mamoru: a
 * statement with evidence files (files.owner_type 'attestation') and a validity
 * period, requested by one person and decided by another (the check below
 * keeps the two apart even if the domain were bypassed).
 */
export const conformityAttestations = pgTable(
  'conformity_attestations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** A requirement item ID of the criteria (`4.2.2.f`) or `1.2`. */
    itemId: text('item_id').notNull(),
    statement: text('statement').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** 'pending' | 'approved' | 'rejected' | 'revoked'. */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('conformity_attestations_item_idx').on(t.organizationId, t.itemId, t.validUntil),
    index('conformity_attestations_list_idx').on(t.organizationId, t.validUntil, t.id),
    // The engine reads the approved ones on every evaluation.
    index('conformity_attestations_approved_idx')
      .on(t.organizationId, t.validUntil)
      .where(sql`${t.status} = 'approved'`),
    check(
      'conformity_attestations_status_check',
      sql`${t.status} in ('pending', 'approved', 'rejected', 'revoked')`,
    ),
    check('conformity_attestations_period_check', sql`${t.validUntil} >= ${t.validFrom}`),
    check(
      'conformity_attestations_decider_check',
      sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`,
    ),
  ],
);
