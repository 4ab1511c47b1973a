import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { savedViews } from '../tables/views.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type NewSavedView = Omit<typeof savedViews.$inferInsert, 'id'>;

/** The views belong to one user: every query names the organization and the user. */
const mine = (organizationId: string, userId: string) =>
  and(eq(savedViews.organizationId, organizationId), eq(savedViews.userId, userId));

export async function insertSavedView(db: Executor, values: NewSavedView) {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

export async function getSavedView(
  db: Executor,
  organizationId: string,
  userId: string,
  id: string,
) {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(mine(organizationId, userId), eq(savedViews.id, id)));
  return row ?? null;
}

/** The user's views of one list, by name. */
export async function listSavedViews(
  db: Executor,
  organizationId: string,
  userId: string,
  area: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(page.cursor, 2);
  const rows = await db
    .select()
    .from(savedViews)
    .where(
      and(
        mine(organizationId, userId),
        eq(savedViews.area, area),
        after
          ? sql`(${savedViews.name}, ${savedViews.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.name, r.id]);
}

export async function updateSavedView(
  db: Executor,
  organizationId: string,
  userId: string,
  id: string,
  expectedVersion: number,
  values: { name?: string | undefined; definition?: unknown },
) {
  const [row] = await db
    .update(savedViews)
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.definition !== undefined ? { definition: values.definition } : {}),
      version: sql`${savedViews.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        mine(organizationId, userId),
        eq(savedViews.id, id),
        eq(savedViews.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteSavedView(
  db: Executor,
  organizationId: string,
  userId: string,
  id: string,
  expectedVersion: number,
) {
  const [row] = await db
    .delete(savedViews)
    .where(
      and(
        mine(organizationId, userId),
        eq(savedViews.id, id),
        eq(savedViews.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}
