import { and, desc, eq, getTableColumns, gte, lte, or, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { InvalidCursorError, decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { securityEvents } from '../tables/security.ts';

export type SecurityEventRow = typeof securityEvents.$inferSelect & { userName: string | null };
export type NewSecurityEvent = typeof securityEvents.$inferInsert;

export async function insertSecurityEvent(db: Executor, event: NewSecurityEvent) {
  await db.insert(securityEvents).values(event);
}

export interface SecurityEventFilter {
  kind?: string | undefined;
  userId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Newest first, keyset-paginated on (occurred_at, id). */
export async function listSecurityEvents(
  db: Executor,
  organizationId: string,
  filter: SecurityEventFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const t = securityEvents;
  const conditions: SQL[] = [eq(t.organizationId, organizationId)];
  if (filter.kind) conditions.push(eq(t.kind, filter.kind));
  if (filter.userId) conditions.push(eq(t.userId, filter.userId));
  if (filter.from) conditions.push(gte(t.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(t.occurredAt, filter.to));
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    const [at, id] = after;
    const time = new Date(String(at));
    if (Number.isNaN(time.getTime()) || typeof id !== 'string' || !UUID.test(id)) {
      throw new InvalidCursorError('invalid cursor');
    }
    conditions.push(or(lt(t.occurredAt, time), and(eq(t.occurredAt, time), lt(t.id, id)))!);
  }
  const rows = await db
    .select({ ...getTableColumns(t), userName: users.displayName })
    .from(t)
    .leftJoin(users, eq(users.id, t.userId))
    .where(and(...conditions))
    .orderBy(desc(t.occurredAt), desc(t.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.occurredAt.toISOString(), r.id]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
