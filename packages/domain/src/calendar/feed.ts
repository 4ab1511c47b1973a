import type { CalendarFeed, DueItem } from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/calendar-feeds';
import { getUser } from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden } from '../errors.ts';
import { authorize, type Actor } from '../identity/actor.ts';
import { READ_ONLY_ROLES } from '../identity/permissions.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';
import { actorForUser, userMayAct } from '../identity/sessions.ts';
import { calendarItemsOf, todayUtc } from './service.ts';

/**
 * A user's iCalendar feed: a secret URL calendar apps poll without a session.
 * Only the token's hash is stored; creating, rotating and revoking are in the
 * audit trail (never the token itself).
 */

const ENTITY = 'calendar_feed' as const;
/** The feed covers two months back (recent work stays visible) and most of a year ahead. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 335;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(row: repo.CalendarFeedRow | null, token?: string): CalendarFeed {
  return {
    active: !!row?.tokenHash,
    createdAt: row ? iso(row.createdAt) : null,
    rotatedAt: row ? iso(row.rotatedAt) : null,
    lastFetchedAt: row ? iso(row.lastFetchedAt) : null,
    ...(token && { path: `/api/v1/calendar/feed/${token}.ics` }),
  };
}

/** A person signed in themselves (no API token), not in a read-only role only. */
function authorizeFeedOwner(ctx: RequestContext): string {
  const { actor } = ctx;
  authorize(actor, 'organization:read');
  if (actor.kind !== 'user' || !actor.userId) throw forbidden();
  if (actor.roles.length > 0 && actor.roles.every((r) => READ_ONLY_ROLES.includes(r))) {
    throw forbidden('calendar_feed_not_for_role');
  }
  return actor.userId;
}

export async function getFeed(db: Db, ctx: RequestContext): Promise<CalendarFeed> {
  const userId = authorizeFeedOwner(ctx);
  return present(await repo.feedOfUser(db, ctx.actor.organizationId, userId));
}

/** Creates the caller's feed, or rotates its token (the old URL stops working at once). */
export async function createOrRotateFeed(db: Db, ctx: RequestContext): Promise<CalendarFeed> {
  const userId = authorizeFeedOwner(ctx);
  const org = ctx.actor.organizationId;
  const token = newSecret(32);
  return db.transaction(async (tx) => {
    const before = await repo.feedOfUser(tx, org, userId);
    const row = await repo.setFeedToken(tx, org, userId, sha256(token));
    await recordAudit(tx, ctx, [
      {
        action: before?.tokenHash ? 'calendar_feed.rotated' : 'calendar_feed.created',
        entityType: ENTITY,
        entityId: row.id,
        after: { userId },
      },
    ]);
    return present(row, token);
  });
}

/** Revokes the caller's feed; a feed already revoked (or none) is left as it is. */
export async function revokeFeed(db: Db, ctx: RequestContext): Promise<CalendarFeed> {
  const userId = authorizeFeedOwner(ctx);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.feedOfUser(tx, org, userId);
    if (!before?.tokenHash) return present(before);
    const row = await repo.revokeFeed(tx, org, userId);
    await recordAudit(tx, ctx, [
      {
        action: 'calendar_feed.revoked',
        entityType: ENTITY,
        entityId: before.id,
        before: { userId },
      },
    ]);
    return present(row);
  });
}

const plusDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * What a feed URL shows: the owner's calendar, read with their permissions of
 * today (a user deactivated or a token revoked or rotated: null, a 404).
 */
export async function openFeed(
  db: Db,
  token: string,
): Promise<{ actor: Actor; items: DueItem[] } | null> {
  const feed = await repo.feedByTokenHash(db, sha256(token));
  if (!feed) return null;
  const user = await getUser(db, feed.organizationId, feed.userId);
  if (!user || !userMayAct(user)) return null;
  const actor = actorForUser(user);
  const today = todayUtc();
  const { items } = await calendarItemsOf(
    db,
    { actor, requestId: null },
    { from: plusDays(today, -FEED_DAYS_BACK), to: plusDays(today, FEED_DAYS_AHEAD) },
  );
  return { actor, items };
}
