import { and, asc, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import {
  improvementActions,
  improvementSettings,
  nonconformities,
  nonconformityAnalyses,
} from '../tables/improvement.ts';
import { orgUnits } from '../tables/scope.ts';
import { likePattern } from './scope.ts';

/**
 * The nonconformity register (7.2, 7.3) and its cause analyses; actions and
 * effectiveness reviews are in improvement-actions.ts.
 */

export type NonconformityRow = typeof nonconformities.$inferSelect;
export type NewNonconformity = Omit<typeof nonconformities.$inferInsert, 'id' | 'number'>;
export type AnalysisRow = typeof nonconformityAnalyses.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

const reporter = alias(users, 'reporter');
const ncOwner = alias(users, 'nc_owner');
const container = alias(users, 'container');
const closer = alias(users, 'closer');

/**
 * An open action of the nonconformity's current cycle past its due date (still
 * planned) or past its review date (implemented, not yet reviewed).
 */
export const overdueExpr = sql<boolean>`exists (
  select 1 from ${improvementActions} oa
  where oa.nonconformity_id = ${nonconformities.id} and oa.cycle = ${nonconformities.cycle}
    and ((oa.status = 'planned' and oa.due_date < current_date)
      or (oa.status = 'implemented' and oa.review_due < current_date)))`;

const view = {
  ...getTableColumns(nonconformities),
  reportedByName: reporter.displayName,
  ownerName: ncOwner.displayName,
  containedByName: container.displayName,
  closedByName: closer.displayName,
  unitName: orgUnits.name,
  overdue: overdueExpr,
  ageDays: sql<number>`(coalesce(${nonconformities.closedAt}::date, current_date) - ${nonconformities.detectedOn})::int`,
};
export type NonconformityView = NonconformityRow & {
  reportedByName: string | null;
  ownerName: string | null;
  containedByName: string | null;
  closedByName: string | null;
  unitName: string | null;
  overdue: boolean;
  ageDays: number;
};

const selectView = (db: Executor) =>
  db
    .select(view)
    .from(nonconformities)
    .leftJoin(reporter, eq(reporter.id, nonconformities.reportedBy))
    .leftJoin(ncOwner, eq(ncOwner.id, nonconformities.ownerId))
    .leftJoin(container, eq(container.id, nonconformities.containedBy))
    .leftJoin(closer, eq(closer.id, nonconformities.closedBy))
    .leftJoin(orgUnits, eq(orgUnits.id, nonconformities.unitId));

/** Serializes numbering per organization (numbers are shown as NC-0001). */
export async function lockNumbering(db: Executor, organizationId: string) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`nonconformities:${organizationId}`}))`,
  );
}

/** Inserts with the next number; the caller holds lockNumbering. */
export async function insertNonconformity(db: Executor, values: NewNonconformity) {
  const [row] = await db
    .insert(nonconformities)
    .values({
      ...values,
      number: sql`(select coalesce(max(number), 0) + 1 from nonconformities where organization_id = ${values.organizationId})`,
    })
    .returning();
  return row!;
}

export async function getNonconformity(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(nonconformities)
    .where(and(eq(nonconformities.organizationId, organizationId), eq(nonconformities.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getNonconformityView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectView(db).where(
    and(eq(nonconformities.organizationId, organizationId), eq(nonconformities.id, id)),
  );
  return (row as NonconformityView | undefined) ?? null;
}

/** Updates; with expectedVersion null the caller holds the row lock already. */
export async function updateNonconformity(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewNonconformity, 'organizationId'>>,
) {
  const conditions = [
    eq(nonconformities.organizationId, organizationId),
    eq(nonconformities.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(nonconformities.version, expectedVersion));
  const [row] = await db
    .update(nonconformities)
    .set({ ...values, version: sql`${nonconformities.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/**
 * 'own' reach: what the user owns, reported, or holds an action of. One
 * condition in the list query, never a list of visible ids.
 */
export function visibleTo(userId: string): SQL {
  return or(
    eq(nonconformities.ownerId, userId),
    eq(nonconformities.reportedBy, userId),
    sql`exists (select 1 from ${improvementActions} va
      where va.nonconformity_id = ${nonconformities.id} and va.owner_id = ${userId})`,
  )!;
}

export interface NonconformityFilter {
  q?: string | undefined;
  kind?: string | undefined;
  source?: string | undefined;
  status?: string | undefined;
  open?: boolean | undefined;
  severity?: string | undefined;
  unitId?: string | undefined;
  overdue?: boolean | undefined;
  /** 'own' reach: only what this user may read. */
  visibleTo?: string | undefined;
}

/** The register, newest number first, filtered in SQL and keyset-paginated on the number. */
export async function listNonconformities(
  db: Executor,
  organizationId: string,
  f: NonconformityFilter,
  page: Page,
) {
  const conditions: SQL[] = [eq(nonconformities.organizationId, organizationId)];
  if (f.q) {
    const pattern = likePattern(f.q);
    conditions.push(
      or(ilike(nonconformities.title, pattern), ilike(nonconformities.description, pattern))!,
    );
  }
  if (f.kind) conditions.push(eq(nonconformities.kind, f.kind));
  if (f.source) conditions.push(eq(nonconformities.source, f.source));
  if (f.status) conditions.push(eq(nonconformities.status, f.status));
  if (f.open !== undefined) {
    conditions.push(
      f.open ? sql`${nonconformities.status} <> 'closed'` : eq(nonconformities.status, 'closed'),
    );
  }
  if (f.severity) conditions.push(eq(nonconformities.severity, f.severity));
  if (f.unitId) conditions.push(eq(nonconformities.unitId, f.unitId));
  if (f.overdue !== undefined) conditions.push(f.overdue ? overdueExpr : sql`not ${overdueExpr}`);
  if (f.visibleTo) conditions.push(visibleTo(f.visibleTo));
  const after = decodeCursor(page.cursor, 1, ['int']);
  if (after) conditions.push(sql`${nonconformities.number} < ${Number(after[0])}`);
  const rows = (await selectView(db)
    .where(and(...conditions))
    .orderBy(desc(nonconformities.number))
    .limit(page.limit + 1)) as NonconformityView[];
  return toPage(rows, page.limit, (r) => [r.number]);
}

/** Whether the user may read the nonconformity under 'own' reach. */
export async function isVisibleTo(
  db: Executor,
  organizationId: string,
  id: string,
  userId: string,
) {
  const [row] = await db
    .select({ id: nonconformities.id })
    .from(nonconformities)
    .where(
      and(
        eq(nonconformities.organizationId, organizationId),
        eq(nonconformities.id, id),
        visibleTo(userId),
      ),
    );
  return Boolean(row);
}

// ---- cause analyses and evaluations (one per cycle) --------------------------------

const analyst = alias(users, 'analyst');
const evaluator = alias(users, 'evaluator');

export type AnalysisView = AnalysisRow & {
  analysedByName: string | null;
  evaluatedByName: string | null;
};

export async function listAnalyses(db: Executor, organizationId: string, nonconformityId: string) {
  return db
    .select({
      ...getTableColumns(nonconformityAnalyses),
      analysedByName: analyst.displayName,
      evaluatedByName: evaluator.displayName,
    })
    .from(nonconformityAnalyses)
    .leftJoin(analyst, eq(analyst.id, nonconformityAnalyses.analysedBy))
    .leftJoin(evaluator, eq(evaluator.id, nonconformityAnalyses.evaluatedBy))
    .where(
      and(
        eq(nonconformityAnalyses.organizationId, organizationId),
        eq(nonconformityAnalyses.nonconformityId, nonconformityId),
      ),
    )
    .orderBy(asc(nonconformityAnalyses.cycle));
}

export async function getAnalysis(
  db: Executor,
  organizationId: string,
  nonconformityId: string,
  cycle: number,
) {
  const [row] = await db
    .select()
    .from(nonconformityAnalyses)
    .where(
      and(
        eq(nonconformityAnalyses.organizationId, organizationId),
        eq(nonconformityAnalyses.nonconformityId, nonconformityId),
        eq(nonconformityAnalyses.cycle, cycle),
      ),
    );
  return row ?? null;
}

/** Writes the cycle's analysis (rewriting it clears an evaluation made on the old one). */
export async function upsertAnalysis(
  db: Executor,
  values: Pick<
    AnalysisRow,
    | 'organizationId'
    | 'nonconformityId'
    | 'cycle'
    | 'whySteps'
    | 'fishboneCategory'
    | 'rootCause'
    | 'analysedBy'
  >,
) {
  const [row] = await db
    .insert(nonconformityAnalyses)
    .values(values)
    .onConflictDoUpdate({
      target: [nonconformityAnalyses.nonconformityId, nonconformityAnalyses.cycle],
      set: {
        whySteps: values.whySteps,
        fishboneCategory: values.fishboneCategory,
        rootCause: values.rootCause,
        analysedBy: values.analysedBy,
        analysedAt: sql`now()`,
        actionNeeded: null,
        evaluationReason: '',
        evaluatedBy: null,
        evaluatedAt: null,
      },
    })
    .returning();
  return row!;
}

export async function setEvaluation(
  db: Executor,
  organizationId: string,
  nonconformityId: string,
  cycle: number,
  values: { actionNeeded: boolean; evaluationReason: string; evaluatedBy: string | null },
) {
  const [row] = await db
    .update(nonconformityAnalyses)
    .set({ ...values, evaluatedAt: sql`now()` })
    .where(
      and(
        eq(nonconformityAnalyses.organizationId, organizationId),
        eq(nonconformityAnalyses.nonconformityId, nonconformityId),
        eq(nonconformityAnalyses.cycle, cycle),
      ),
    )
    .returning();
  return row ?? null;
}

/** The organization's default review interval (90 days when never set). */
export async function defaultReviewInterval(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ days: improvementSettings.reviewIntervalDays })
    .from(improvementSettings)
    .where(eq(improvementSettings.organizationId, organizationId));
  return row?.days ?? 90;
}
