import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { riskChangeReviews } from '../tables/risk-changes.ts';
import { riskAssessments } from '../tables/risks.ts';

/** Reviews of change (4.2.3.c): newest first, with the decider's name and the run number. */

export type RiskChangeReviewRow = typeof riskChangeReviews.$inferSelect;
export type RiskChangeReviewView = RiskChangeReviewRow & {
  assessmentNumber: number | null;
  decidedByName: string | null;
};
type Values = Omit<
  typeof riskChangeReviews.$inferInsert,
  'id' | 'organizationId' | 'version' | 'createdAt' | 'updatedAt'
>;

function selectViews(db: Executor) {
  return db
    .select({
      ...getTableColumns(riskChangeReviews),
      assessmentNumber: riskAssessments.number,
      decidedByName: users.displayName,
    })
    .from(riskChangeReviews)
    .leftJoin(riskAssessments, eq(riskAssessments.id, riskChangeReviews.assessmentId))
    .leftJoin(users, eq(users.id, riskChangeReviews.decidedBy));
}

export async function listRiskChangeReviews(
  db: Executor,
  org: string,
  q: {
    kind?: string | undefined;
    outcome?: string | undefined;
    from?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const c: SQL[] = [eq(riskChangeReviews.organizationId, org)];
  if (q.kind) c.push(eq(riskChangeReviews.kind, q.kind));
  if (q.outcome) c.push(eq(riskChangeReviews.outcome, q.outcome));
  if (q.from) c.push(sql`${riskChangeReviews.reviewedOn} >= ${q.from}::date`);
  const after = decodeCursor(q.cursor, 2, ['date', 'uuid']);
  if (after) {
    c.push(
      sql`(${riskChangeReviews.reviewedOn}, ${riskChangeReviews.id}) < (${after[0]}::date, ${after[1]}::uuid)`,
    );
  }
  const rows = await selectViews(db)
    .where(and(...c))
    .orderBy(sql`${riskChangeReviews.reviewedOn} desc, ${riskChangeReviews.id} desc`)
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.reviewedOn, r.id]);
}

export async function getRiskChangeReview(
  db: Executor,
  org: string,
  id: string,
): Promise<RiskChangeReviewView | null> {
  const [row] = await selectViews(db).where(
    and(eq(riskChangeReviews.organizationId, org), eq(riskChangeReviews.id, id)),
  );
  return row ?? null;
}

export async function insertRiskChangeReview(db: Executor, org: string, values: Values) {
  const [row] = await db
    .insert(riskChangeReviews)
    .values({ ...values, organizationId: org })
    .returning();
  return row!;
}

/** Null when the row is gone or its version moved on (the caller tells which). */
export async function updateRiskChangeReview(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Values>,
) {
  const [row] = await db
    .update(riskChangeReviews)
    .set({ ...values, version: sql`${riskChangeReviews.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(riskChangeReviews.organizationId, org),
        eq(riskChangeReviews.id, id),
        eq(riskChangeReviews.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether the run belongs to the organization (a link never crosses tenants). */
export async function assessmentExists(db: Executor, org: string, id: string) {
  const [row] = await db
    .select({ id: riskAssessments.id })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, org), eq(riskAssessments.id, id)));
  return !!row;
}
