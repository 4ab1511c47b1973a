import {
  CALENDAR_MAX_DAYS,
  type Calendar,
  type CalendarQuery,
  type DueItem,
  type DueItemKind,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import { listDueItems } from '@mamoru/db/repositories/calendar/index';
import { getUser } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { invalid } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { actorForUser, userMayAct } from '../identity/sessions.ts';
import { visibilityOf } from './kinds.ts';

/** Items one answer holds at most (a busy year of a large organization fits). */
export const CALENDAR_LIMIT = 2000;

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

interface Range {
  from: string;
  to: string;
  area?: string | undefined;
  personId?: string | undefined;
  kind?: DueItemKind | undefined;
  includeOverdue?: boolean | undefined;
  limit?: number | undefined;
}

/** The items of a range the reader may see (their areas, 'own' reach narrowed to themselves). */
async function visibleItems(db: Executor, ctx: RequestContext, r: Range) {
  const v = await visibilityOf(db, ctx);
  const kinds = r.kind ? v.kinds.filter((k) => k === r.kind) : v.kinds;
  if (kinds.length === 0) return { items: [] as DueItem[], truncated: false };
  const page = await listDueItems(db, ctx.actor.organizationId, {
    from: r.from,
    to: r.to,
    today: todayUtc(),
    kinds,
    areas: r.area ? [r.area] : undefined,
    responsibleId: r.personId,
    ownOnly: ctx.actor.userId ? { userId: ctx.actor.userId, kinds: v.ownKinds } : undefined,
    includeOverdue: r.includeOverdue,
    incidents: v.incidents,
    approver: v.approver,
    limit: r.limit ?? CALENDAR_LIMIT,
  });
  return { items: page.items as DueItem[], truncated: page.truncated };
}

/** GET /calendar: the reader's items between two days (at most CALENDAR_MAX_DAYS). */
export async function listCalendar(
  db: Executor,
  ctx: RequestContext,
  q: CalendarQuery,
): Promise<Calendar> {
  authorize(ctx.actor, 'organization:read');
  if (q.to < q.from) throw invalid([{ field: 'to', code: 'calendar_range_reversed' }]);
  if (dayCount(q.from, q.to) > CALENDAR_MAX_DAYS) {
    throw invalid([
      { field: 'to', code: 'calendar_range_too_long', params: { max: CALENDAR_MAX_DAYS } },
    ]);
  }
  const personId = q.person === 'me' ? (ctx.actor.userId ?? undefined) : q.person;
  const page = await visibleItems(db, ctx, {
    from: q.from,
    to: q.to,
    area: q.area,
    personId,
    kind: q.kind,
    includeOverdue: q.overdue === 'true',
  });
  return { today: todayUtc(), ...page };
}

/**
 * A user's own items due up to `until`, overdue ones included: what reminders
 * and digests are built from. Null when the user may no longer act. Read with
 * the user's own permissions, so nothing reaches them they could not open.
 */
export async function dueItemsForUser(
  db: Executor,
  organizationId: string,
  userId: string,
  until: string,
): Promise<DueItem[] | null> {
  const user = await getUser(db, organizationId, userId);
  if (!user || !userMayAct(user)) return null;
  const ctx: RequestContext = { actor: actorForUser(user), requestId: null };
  const today = todayUtc();
  const page = await visibleItems(db, ctx, {
    from: today,
    to: until < today ? today : until,
    personId: userId,
    includeOverdue: true,
  });
  return page.items;
}

export { visibleItems as calendarItemsOf };
