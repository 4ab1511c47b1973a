import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * The ISMS event log (4.2.3.f): actions and events that could affect the ISMS's
 * effectiveness or performance. The areas write their milestones (scope, SoA
 * and method approved, units changed, audits and reviews held, incidents
 * closed) as the audit trail records them; people add what happens outside
 * Mamoru (a reorganization, a new law, an outsourcing contract). It is the
 * source of the management review's "changes" input. Unlike the audit trail it
 * is a register of meaning, not of every write.
 */
export const ismsEvents = pgTable(
  'isms_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /**
     * 'scope' | 'policy' | 'risk' | 'soa' | 'organization' | 'people' | 'audit' |
     * 'review' | 'improvement' | 'incident' | 'legal' | 'resources' | 'technology' | 'supplier' | 'other'.
     */
    category: text('category').notNull(),
    /** 'auto' (written from the audit trail's action) | 'manual'. */
    source: text('source').notNull(),
    /** The audit action behind an automatic entry (the web words it per language). */
    action: text('action'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    /** How it may affect the ISMS (manual entries). */
    impact: text('impact').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('isms_events_org_time_idx').on(t.organizationId, t.occurredAt),
    check('isms_events_source_check', sql`${t.source} in ('auto', 'manual')`),
    check(
      'isms_events_category_check',
      sql`${t.category} in ('scope', 'policy', 'risk', 'soa', 'organization', 'people', 'audit', 'review', 'improvement', 'incident', 'legal', 'resources', 'technology', 'supplier', 'other')`,
    ),
  ],
);
