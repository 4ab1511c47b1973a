import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './identity.ts';

/**
 * Security events (failed log-ins, refused requests) of an organization's
 * users. Not part of the audit trail: they record attempts, not changes, and an
 * attacker must not be able to grow the hash chain at will. Events without an
 * organization (a log-in for an unknown account, a request without a session)
 * only go to the log. Append-only like the audit trail.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    kind: text('kind').notNull(),
    userId: uuid('user_id'),
    /** The account named in a log-in attempt, as typed. */
    account: text('account'),
    address: text('address').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    reason: text('reason').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('security_events_time_idx').on(t.organizationId, t.occurredAt, t.id),
    index('security_events_kind_idx').on(t.organizationId, t.kind, t.occurredAt),
  ],
);
