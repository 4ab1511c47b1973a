import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Omit<typeof users.$inferInsert, 'id'>;

export async function insertUser(db: Executor, values: NewUser) {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function getUser(db: Executor, organizationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  return row ?? null;
}

/** Log-on looks a user up by email before any organization is known. */
export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function emailTaken(db: Executor, email: string, exceptUserId?: string) {
  const conditions: SQL[] = [sql`lower(${users.email}) = lower(${email})`];
  if (exceptUserId) conditions.push(sql`${users.id} <> ${exceptUserId}`);
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(...conditions));
  return Boolean(row);
}

export async function listUsers(
  db: Executor,
  organizationId: string,
  filter: { q?: string | undefined; role?: string | undefined; orgUnitId?: string | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [eq(users.organizationId, organizationId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern))!);
  }
  if (filter.role) conditions.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.orgUnitId) conditions.push(eq(users.orgUnitId, filter.orgUnitId));
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    conditions.push(
      or(
        gt(users.displayName, String(after[0])),
        and(eq(users.displayName, String(after[0])), gt(users.id, String(after[1]))),
      )!,
    );
  }
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.displayName, r.id]);
}

export async function updateUser(
  db: Executor,
  organizationId: string,
  userId: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewUser, 'organizationId'>>,
) {
  const conditions: SQL[] = [eq(users.organizationId, organizationId), eq(users.id, userId)];
  if (expectedVersion !== null) conditions.push(eq(users.version, expectedVersion));
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function countActiveAdmins(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.active, true),
        sql`'admin' = any(${users.roles})`,
      ),
    );
  return row?.n ?? 0;
}

/** Display names of users by id, for presenting many rows with one query. */
export async function displayNames(db: Executor, organizationId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
