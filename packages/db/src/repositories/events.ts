import { and, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { ismsEvents } from '../tables/events.ts';
import { users } from '../tables/identity.ts';
import { likePattern } from './scope.ts';

export type IsmsEventRow = typeof ismsEvents.$inferSelect;
export type IsmsEventInsert = typeof ismsEvents.$inferInsert;
export type IsmsEventView = IsmsEventRow & { recordedByName: string | null };

type Page = { limit: number; cursor?: string | undefined };

/** Appends event-log entries in one insert (the audit trail's hook and manual entries). */
export async function insertIsmsEvents(db: Executor, rows: IsmsEventInsert[]) {
  if (rows.length === 0) return [];
  return db.insert(ismsEvents).values(rows).returning();
}

const selectEvents = (db: Executor) =>
  db
    .select({
      ...getTableColumns(ismsEvents),
      recordedByName: users.displayName,
      // Full microseconds, so the keyset cursor matches the row exactly.
      sortKey: sql<string>`${ismsEvents.occurredAt}::text`,
    })
    .from(ismsEvents)
    .leftJoin(users, eq(users.id, ismsEvents.recordedBy));

export interface IsmsEventFilter {
  category?: string | undefined;
  source?: string | undefined;
  /** UTC days, both ends included (as the management review's period). */
  from?: string | undefined;
  to?: string | undefined;
  /** A substring of title, description or impact. */
  q?: string | undefined;
}

function conditionsOf(org: string, f: IsmsEventFilter): SQL[] {
  const t = ismsEvents;
  const c: SQL[] = [eq(t.organizationId, org)];
  if (f.category) c.push(eq(t.category, f.category));
  if (f.source) c.push(eq(t.source, f.source));
  if (f.from) c.push(sql`${t.occurredAt} >= (${f.from}::date at time zone 'UTC')`);
  if (f.to) c.push(sql`${t.occurredAt} < ((${f.to}::date + 1) at time zone 'UTC')`);
  if (f.q) {
    const p = likePattern(f.q);
    c.push(or(ilike(t.title, p), ilike(t.description, p), ilike(t.impact, p))!);
  }
  return c;
}

/** One page of the log, newest first, filtered in SQL, keyset-paginated on (occurred_at, id). */
export async function listIsmsEvents(
  db: Executor,
  organizationId: string,
  f: IsmsEventFilter,
  page: Page,
) {
  const c = conditionsOf(organizationId, f);
  const after = decodeCursor(page.cursor, 2, ['timestamptz', 'uuid']);
  if (after) {
    c.push(
      sql`(${ismsEvents.occurredAt}, ${ismsEvents.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectEvents(db)
    .where(and(...c))
    .orderBy(desc(ismsEvents.occurredAt), desc(ismsEvents.id))
    .limit(page.limit + 1);
  const paged = toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
  return { items: paged.items.map(withoutSortKey), nextCursor: paged.nextCursor };
}

/** Every entry matching the filter, newest first, up to `max` (the export). */
export async function exportIsmsEvents(
  db: Executor,
  organizationId: string,
  f: IsmsEventFilter,
  max: number,
) {
  const rows = await selectEvents(db)
    .where(and(...conditionsOf(organizationId, f)))
    .orderBy(desc(ismsEvents.occurredAt), desc(ismsEvents.id))
    .limit(max);
  return rows.map(withoutSortKey);
}

function withoutSortKey<T extends { sortKey: string }>(row: T): Omit<T, 'sortKey'> {
  const { sortKey: _s, ...view } = row;
  return view;
}

export async function getIsmsEvent(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<IsmsEventView | null> {
  const [row] = await selectEvents(db).where(
    and(eq(ismsEvents.organizationId, organizationId), eq(ismsEvents.id, id)),
  );
  return row ? withoutSortKey(row) : null;
}

/** Locks an entry for an edit (last write wins: the log has no version column). */
export async function lockIsmsEvent(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(ismsEvents)
    .where(and(eq(ismsEvents.organizationId, organizationId), eq(ismsEvents.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateIsmsEvent(
  db: Executor,
  organizationId: string,
  id: string,
  values: Partial<
    Pick<IsmsEventInsert, 'occurredAt' | 'category' | 'title' | 'description' | 'impact'>
  >,
) {
  const [row] = await db
    .update(ismsEvents)
    .set(values)
    .where(and(eq(ismsEvents.organizationId, organizationId), eq(ismsEvents.id, id)))
    .returning();
  return row ?? null;
}
