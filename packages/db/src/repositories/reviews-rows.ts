import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { managementReviews } from '../tables/reviews.ts';

/**
 * The management review row itself, shared by the area's use-cases (planning,
 * inputs, minutes, exports): read or lock it, and write it under its version.
 */

export type ReviewRow = typeof managementReviews.$inferSelect;
export type NewReview = typeof managementReviews.$inferInsert;

export async function getReviewRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(managementReviews)
    .where(and(eq(managementReviews.organizationId, org), eq(managementReviews.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Writes the row when its version is still `expectedVersion`; null on a stale version. */
export async function updateReviewRow(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewReview, 'organizationId' | 'id' | 'number'>>,
) {
  const [row] = await db
    .update(managementReviews)
    .set({ ...values, version: sql`${managementReviews.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(managementReviews.organizationId, org),
        eq(managementReviews.id, id),
        eq(managementReviews.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** The next review number of the organization, under a transaction lock (MR-0001, MR-0002…). */
export async function nextReviewNumber(db: Executor, org: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`management_reviews:${org}`}))`);
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as next from management_reviews
      where organization_id = ${org}`,
  );
  return row!.next;
}

/** MR-0001. */
export function reviewCode(number: number) {
  return `MR-${String(number).padStart(4, '0')}`;
}
