import { and, asc, count, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { improvements } from '../tables/improvement.ts';
import type { managementReviewAttendees } from '../tables/reviews.ts';
import { managementReviewDecisions, managementReviewInputs } from '../tables/reviews.ts';

/**
 * The minutes of a management review: attendance, the discussion of each
 * input (the only column of the frozen input rows that may change), and the
 * decisions (outputs 6.3.a–c) with their owners and tracked improvements.
 */

export type AttendeeRow = typeof managementReviewAttendees.$inferSelect;
export type DecisionRow = typeof managementReviewDecisions.$inferSelect;
export type NewDecision = Omit<typeof managementReviewDecisions.$inferInsert, 'id' | 'number'>;

type Page = { limit: number; cursor?: string | undefined };

// ---- attendance --------------------------------------------------------------------

/** Records who attended, one statement for the whole list. */
export async function setAttendance(
  db: Executor,
  org: string,
  reviewId: string,
  attendance: readonly { attendeeId: string; attended: boolean }[],
) {
  if (attendance.length === 0) return;
  const values = sql.join(
    attendance.map((a) => sql`(${a.attendeeId}::uuid, ${a.attended}::boolean)`),
    sql`, `,
  );
  await db.execute(sql`update management_review_attendees a set attended = v.attended
    from (values ${values}) as v(id, attended)
    where a.id = v.id and a.organization_id = ${org} and a.review_id = ${reviewId}`);
}

// ---- discussion of the inputs --------------------------------------------------------

/** The sections of the review's input pack and what the minutes say of each. */
export async function inputDiscussions(db: Executor, org: string, reviewId: string) {
  return db
    .select({
      section: managementReviewInputs.section,
      discussion: managementReviewInputs.discussion,
    })
    .from(managementReviewInputs)
    .where(
      and(
        eq(managementReviewInputs.organizationId, org),
        eq(managementReviewInputs.reviewId, reviewId),
      ),
    );
}

/** Writes the discussion of one section; the snapshot's trigger keeps everything else frozen. */
export async function setDiscussion(
  db: Executor,
  org: string,
  reviewId: string,
  section: string,
  text: string,
) {
  await db
    .update(managementReviewInputs)
    .set({ discussion: text })
    .where(
      and(
        eq(managementReviewInputs.organizationId, org),
        eq(managementReviewInputs.reviewId, reviewId),
        eq(managementReviewInputs.section, section),
      ),
    );
}

// ---- decisions ------------------------------------------------------------------------

const decisionOwner = alias(users, 'decision_owner');

const decisionView = {
  ...getTableColumns(managementReviewDecisions),
  ownerName: decisionOwner.displayName,
  improvementNumber: improvements.number,
  improvementStatus: improvements.status,
  improvementDueDate: improvements.dueDate,
};
export type DecisionView = DecisionRow & {
  ownerName: string | null;
  improvementNumber: number | null;
  improvementStatus: string | null;
  improvementDueDate: string | null;
};

const selectDecisions = (db: Executor) =>
  db
    .select(decisionView)
    .from(managementReviewDecisions)
    .leftJoin(decisionOwner, eq(decisionOwner.id, managementReviewDecisions.ownerId))
    .leftJoin(improvements, eq(improvements.id, managementReviewDecisions.improvementId));

const ofReview = (org: string, reviewId: string) =>
  and(
    eq(managementReviewDecisions.organizationId, org),
    eq(managementReviewDecisions.reviewId, reviewId),
  );

/** The decisions of a review in their numbered order, keyset-paginated by number. */
export async function listDecisions(db: Executor, org: string, reviewId: string, page: Page) {
  const c: (SQL | undefined)[] = [ofReview(org, reviewId)];
  const after = decodeCursor(page.cursor, 1, ['int']);
  if (after) c.push(gt(managementReviewDecisions.number, Number(after[0])));
  const rows = await selectDecisions(db)
    .where(and(...c))
    .orderBy(asc(managementReviewDecisions.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

/** Every decision of a review (the approval turns each into an improvement). */
export async function allDecisions(db: Executor, org: string, reviewId: string) {
  return db
    .select()
    .from(managementReviewDecisions)
    .where(ofReview(org, reviewId))
    .orderBy(asc(managementReviewDecisions.number));
}

/** Every decision of a review with owner and tracked improvement (for the minutes export). */
export async function allDecisionViews(
  db: Executor,
  org: string,
  reviewId: string,
): Promise<DecisionView[]> {
  return selectDecisions(db)
    .where(ofReview(org, reviewId))
    .orderBy(asc(managementReviewDecisions.number));
}

export async function countDecisions(db: Executor, org: string, reviewId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(managementReviewDecisions)
    .where(ofReview(org, reviewId));
  return row?.n ?? 0;
}

export async function getDecision(
  db: Executor,
  org: string,
  reviewId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(managementReviewDecisions)
    .where(and(ofReview(org, reviewId), eq(managementReviewDecisions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getDecisionView(db: Executor, org: string, id: string) {
  const [row] = await selectDecisions(db).where(
    and(eq(managementReviewDecisions.organizationId, org), eq(managementReviewDecisions.id, id)),
  );
  return row ?? null;
}

/** Numbers the decision after the review's last one (the caller holds the review's row lock). */
export async function insertDecision(db: Executor, values: NewDecision) {
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${managementReviewDecisions.number}), 0)::int + 1` })
    .from(managementReviewDecisions)
    .where(eq(managementReviewDecisions.reviewId, values.reviewId));
  const [row] = await db
    .insert(managementReviewDecisions)
    .values({ ...values, number: next!.n })
    .returning();
  return row!;
}

/** Writes the decision at `expectedVersion` (null: any, for system updates); null when stale. */
export async function updateDecision(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewDecision, 'organizationId' | 'reviewId'>>,
) {
  const [row] = await db
    .update(managementReviewDecisions)
    .set({
      ...values,
      version: sql`${managementReviewDecisions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(managementReviewDecisions.organizationId, org),
        eq(managementReviewDecisions.id, id),
        expectedVersion === null
          ? undefined
          : eq(managementReviewDecisions.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Removes a decision and closes the gap in the numbering, so the minutes read
 * 1, 2, 3. The unique number index is checked row by row, hence two steps.
 */
export async function deleteDecision(db: Executor, org: string, decision: DecisionRow) {
  await db
    .delete(managementReviewDecisions)
    .where(
      and(
        eq(managementReviewDecisions.organizationId, org),
        eq(managementReviewDecisions.id, decision.id),
      ),
    );
  const later = and(
    ofReview(org, decision.reviewId),
    gt(managementReviewDecisions.number, decision.number),
  );
  await db
    .update(managementReviewDecisions)
    .set({ number: sql`-${managementReviewDecisions.number}` })
    .where(later);
  await db
    .update(managementReviewDecisions)
    .set({ number: sql`-${managementReviewDecisions.number} - 1` })
    .where(and(ofReview(org, decision.reviewId), sql`${managementReviewDecisions.number} < 0`));
}

/** Which of these users are active users of the organization. */
export async function activeUsersIn(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, org), inArray(users.id, [...ids]), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}
