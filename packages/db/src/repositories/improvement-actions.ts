import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import {
  effectivenessReviews,
  improvementActions,
  nonconformities,
} from '../tables/improvement.ts';

/** Corrective and preventive actions (7.2.d, 7.3.b) and their effectiveness reviews. */

export type ActionRow = typeof improvementActions.$inferSelect;
export type NewAction = Omit<typeof improvementActions.$inferInsert, 'id'>;
export type ReviewRow = typeof effectivenessReviews.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

const actionOwner = alias(users, 'action_owner');
const implementer = alias(users, 'implementer');

const actionOverdue = sql<boolean>`((${improvementActions.status} = 'planned' and ${improvementActions.dueDate} < current_date)
  or (${improvementActions.status} = 'implemented' and ${improvementActions.reviewDue} < current_date))`;

const actionView = {
  ...getTableColumns(improvementActions),
  ownerName: actionOwner.displayName,
  implementedByName: implementer.displayName,
  nonconformityNumber: nonconformities.number,
  nonconformityTitle: nonconformities.title,
  overdue: actionOverdue,
};
export type ActionView = ActionRow & {
  ownerName: string | null;
  implementedByName: string | null;
  nonconformityNumber: number;
  nonconformityTitle: string;
  overdue: boolean;
};

const selectActions = (db: Executor) =>
  db
    .select(actionView)
    .from(improvementActions)
    .innerJoin(nonconformities, eq(nonconformities.id, improvementActions.nonconformityId))
    .leftJoin(actionOwner, eq(actionOwner.id, improvementActions.ownerId))
    .leftJoin(implementer, eq(implementer.id, improvementActions.implementedBy));

export async function insertAction(db: Executor, values: NewAction) {
  const [row] = await db.insert(improvementActions).values(values).returning();
  return row!;
}

export async function getAction(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(improvementActions)
    .where(
      and(eq(improvementActions.organizationId, organizationId), eq(improvementActions.id, id)),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getActionView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectActions(db).where(
    and(eq(improvementActions.organizationId, organizationId), eq(improvementActions.id, id)),
  );
  return (row as ActionView | undefined) ?? null;
}

export async function updateAction(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewAction, 'organizationId'>>,
) {
  const conditions = [
    eq(improvementActions.organizationId, organizationId),
    eq(improvementActions.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(improvementActions.version, expectedVersion));
  const [row] = await db
    .update(improvementActions)
    .set({ ...values, version: sql`${improvementActions.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** The statuses of the actions of one cycle, oldest first (what the workflow decides on). */
export async function actionStatusesOfCycle(
  db: Executor,
  organizationId: string,
  nonconformityId: string,
  cycle: number,
) {
  const rows = await db
    .select({ status: improvementActions.status })
    .from(improvementActions)
    .where(
      and(
        eq(improvementActions.organizationId, organizationId),
        eq(improvementActions.nonconformityId, nonconformityId),
        eq(improvementActions.cycle, cycle),
      ),
    )
    .orderBy(asc(improvementActions.createdAt), asc(improvementActions.id));
  return rows.map((r) => r.status);
}

/** Every action of a nonconformity, all cycles. */
export async function actionsOf(db: Executor, organizationId: string, nonconformityId: string) {
  return (await selectActions(db)
    .where(
      and(
        eq(improvementActions.organizationId, organizationId),
        eq(improvementActions.nonconformityId, nonconformityId),
      ),
    )
    .orderBy(asc(improvementActions.cycle), asc(improvementActions.createdAt))) as ActionView[];
}

export interface ActionFilter {
  status?: string | undefined;
  ownerId?: string | undefined;
  overdue?: boolean | undefined;
}

/** Actions across the register, earliest due first, keyset-paginated on (due date, id). */
export async function listActions(
  db: Executor,
  organizationId: string,
  f: ActionFilter,
  page: Page,
) {
  const conditions: SQL[] = [eq(improvementActions.organizationId, organizationId)];
  if (f.status) conditions.push(eq(improvementActions.status, f.status));
  if (f.ownerId) conditions.push(eq(improvementActions.ownerId, f.ownerId));
  if (f.overdue !== undefined)
    conditions.push(f.overdue ? actionOverdue : sql`not ${actionOverdue}`);
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${improvementActions.dueDate}, ${improvementActions.id}) > (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = (await selectActions(db)
    .where(and(...conditions))
    .orderBy(asc(improvementActions.dueDate), asc(improvementActions.id))
    .limit(page.limit + 1)) as ActionView[];
  return toPage(rows, page.limit, (r) => [r.dueDate, r.id]);
}

// ---- effectiveness reviews -----------------------------------------------------------

const reviewer = alias(users, 'reviewer');

export async function insertReview(db: Executor, values: Omit<ReviewRow, 'id' | 'reviewedAt'>) {
  const [row] = await db.insert(effectivenessReviews).values(values).returning();
  return row!;
}

export type ReviewView = ReviewRow & { reviewerName: string | null };

/** The reviews of the given actions, newest first, in one query. */
export async function reviewsOf(db: Executor, organizationId: string, actionIds: string[]) {
  if (actionIds.length === 0) return [] as ReviewView[];
  return db
    .select({ ...getTableColumns(effectivenessReviews), reviewerName: reviewer.displayName })
    .from(effectivenessReviews)
    .leftJoin(reviewer, eq(reviewer.id, effectivenessReviews.reviewerId))
    .where(
      and(
        eq(effectivenessReviews.organizationId, organizationId),
        inArray(effectivenessReviews.actionId, actionIds),
      ),
    )
    .orderBy(desc(effectivenessReviews.reviewedAt));
}
