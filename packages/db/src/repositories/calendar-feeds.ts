import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { calendarFeeds } from '../tables/calendar.ts';

/** Users' iCalendar feeds: only the token's hash is stored. SQL only here. */

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export async function feedOfUser(db: Executor, org: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organizationId, org), eq(calendarFeeds.userId, userId)));
  return row ?? null;
}

/** Creates the user's feed or gives it a new token (the old one stops working at once). */
export async function setFeedToken(db: Executor, org: string, userId: string, tokenHash: string) {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ organizationId: org, userId, tokenHash })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash, rotatedAt: sql`now()`, revokedAt: null, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function revokeFeed(db: Executor, org: string, userId: string) {
  const [row] = await db
    .update(calendarFeeds)
    .set({ tokenHash: null, revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(calendarFeeds.organizationId, org), eq(calendarFeeds.userId, userId)))
    .returning();
  return row ?? null;
}

/**
 * The active feed a token hash opens (the public feed route's only way in);
 * marks when it was last fetched. The caller checks its owner may still act.
 */
export async function feedByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await queryRows<{ feedId: string; organizationId: string; userId: string }>(
    db,
    sql`update calendar_feeds set last_fetched_at = now()
      where token_hash = ${tokenHash}
      returning id as "feedId", organization_id as "organizationId", user_id as "userId"`,
  );
  return row ?? null;
}
