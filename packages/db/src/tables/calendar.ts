import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';

/**
 * A user's iCalendar feed (issue 22): one per user, reached by a secret URL
 * that calendar apps poll without a session. Only the token's SHA-256 is
 * kept; rotating replaces it, revoking clears it (the row stays, so the
 * audit trail's entity keeps one id).
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Null once revoked. */
    tokenHash: text('token_hash'),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('calendar_feeds_user_key').on(t.userId),
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_org_idx').on(t.organizationId),
  ],
);
