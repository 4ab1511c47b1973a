import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { controlCheckResults, controlChecks, controlOperations } from '../tables/controls.ts';
import { users } from '../tables/identity.ts';
import { nonconformities } from '../tables/improvement.ts';
import { DUE_SOON_DAYS } from './controls-register.ts';

/** Control operations, checks and their results (4.2.2.c, 4.2.3.b); SQL only here. */

export type ControlOperationRow = typeof controlOperations.$inferSelect;
export type ControlCheckRow = typeof controlChecks.$inferSelect;
export type ControlCheckResultRow = typeof controlCheckResults.$inferSelect;
type Page = { limit: number; cursor?: string | undefined };

// ---- operations -----------------------------------------------------------------------

const owner = alias(users, 'owner');
const editor = alias(users, 'editor');

export async function getOperation(db: Executor, org: string, controlId: string) {
  const [row] = await db
    .select({
      operation: controlOperations,
      ownerName: owner.displayName,
      updatedByName: editor.displayName,
    })
    .from(controlOperations)
    .leftJoin(owner, eq(owner.id, controlOperations.ownerUserId))
    .leftJoin(editor, eq(editor.id, controlOperations.updatedBy))
    .where(
      and(eq(controlOperations.organizationId, org), eq(controlOperations.controlId, controlId)),
    );
  return row ?? null;
}
export type ControlOperationView = NonNullable<Awaited<ReturnType<typeof getOperation>>>;

export async function insertOperation(
  db: Executor,
  values: Omit<typeof controlOperations.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(controlOperations).values(values).returning();
  return row!;
}

export async function updateOperation(
  db: Executor,
  org: string,
  controlId: string,
  expectedVersion: number,
  values: Partial<Omit<typeof controlOperations.$inferInsert, 'id' | 'organizationId'>>,
) {
  const [row] = await db
    .update(controlOperations)
    .set({ ...values, version: sql`${controlOperations.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(controlOperations.organizationId, org),
        eq(controlOperations.controlId, controlId),
        eq(controlOperations.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- checks ---------------------------------------------------------------------------

const checker = alias(users, 'checker');

/** A check with its checker's name and its latest result, as one row per check. */
function selectChecks(db: Executor) {
  return db
    .select({
      check: controlChecks,
      checkerName: checker.displayName,
      lastId: sql<string | null>`last.id`,
      lastResult: sql<string | null>`last.result`,
      lastPerformedOn: sql<string | null>`last.performed_on::text`,
    })
    .from(controlChecks)
    .leftJoin(checker, eq(checker.id, controlChecks.checkerUserId))
    .leftJoin(
      sql`lateral (select r.id, r.result, r.performed_on from control_check_results r
        where r.organization_id = ${controlChecks.organizationId}
          and r.check_id = ${controlChecks.id}
        order by r.performed_on desc, r.created_at desc limit 1) last`,
      sql`true`,
    );
}
export type ControlCheckView = Awaited<ReturnType<typeof listControlChecks>>[number];

export async function insertCheck(
  db: Executor,
  values: Omit<typeof controlChecks.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(controlChecks).values(values).returning();
  return row!;
}

export async function getCheck(db: Executor, org: string, id: string) {
  const [row] = await selectChecks(db).where(
    and(eq(controlChecks.organizationId, org), eq(controlChecks.id, id)),
  );
  return row ?? null;
}

export async function listControlChecks(db: Executor, org: string, controlId: string) {
  return selectChecks(db)
    .where(and(eq(controlChecks.organizationId, org), eq(controlChecks.controlId, controlId)))
    .orderBy(desc(controlChecks.active), controlChecks.nextDue, controlChecks.id);
}

export async function updateCheck(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<typeof controlChecks.$inferInsert, 'id' | 'organizationId'>>,
) {
  const [row] = await db
    .update(controlChecks)
    .set({ ...values, version: sql`${controlChecks.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(controlChecks.organizationId, org),
        eq(controlChecks.id, id),
        eq(controlChecks.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export interface CheckBoardFilter {
  due?: 'overdue' | 'soon' | undefined;
  checkerId?: string | undefined;
  controlId?: string | undefined;
  active?: boolean | undefined;
  /** Reach 'own': checks of this user, or of controls they own. */
  visibleTo?: string | undefined;
}

/** The checks board by next due date, keyset-paginated. */
export async function listChecks(
  db: Executor,
  org: string,
  f: CheckBoardFilter,
  page: Page,
  today: string,
) {
  const where: SQL[] = [eq(controlChecks.organizationId, org)];
  if (f.active !== undefined) where.push(eq(controlChecks.active, f.active));
  if (f.due) where.push(eq(controlChecks.active, true));
  if (f.due === 'overdue') where.push(sql`${controlChecks.nextDue} < ${today}::date`);
  if (f.due === 'soon') {
    where.push(sql`${controlChecks.nextDue} >= ${today}::date
      and ${controlChecks.nextDue} <= ${today}::date + ${DUE_SOON_DAYS}::int`);
  }
  if (f.checkerId) where.push(eq(controlChecks.checkerUserId, f.checkerId));
  if (f.controlId) where.push(eq(controlChecks.controlId, f.controlId));
  if (f.visibleTo) {
    where.push(sql`(${controlChecks.checkerUserId} = ${f.visibleTo}::uuid or exists (
      select 1 from control_operations o where o.organization_id = ${org}
        and o.control_id = ${controlChecks.controlId} and o.owner_user_id = ${f.visibleTo}::uuid))`);
  }
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    where.push(
      sql`(${controlChecks.nextDue}, ${controlChecks.id}) > (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectChecks(db)
    .where(and(...where))
    .orderBy(controlChecks.nextDue, controlChecks.id)
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.check.nextDue, r.check.id]);
}

// ---- results --------------------------------------------------------------------------

const resultChecker = alias(users, 'result_checker');
const recorder = alias(users, 'recorder');

function selectResults(db: Executor) {
  return db
    .select({
      result: controlCheckResults,
      checkTitle: controlChecks.title,
      checkerName: resultChecker.displayName,
      recordedByName: recorder.displayName,
      nonconformityNumber: nonconformities.number,
      fileCount: sql<number>`(select count(*)::int from files f
        where f.organization_id = ${controlCheckResults.organizationId}
          and f.owner_type = 'control_check_result' and f.owner_id = ${controlCheckResults.id})`,
    })
    .from(controlCheckResults)
    .innerJoin(controlChecks, eq(controlChecks.id, controlCheckResults.checkId))
    .leftJoin(resultChecker, eq(resultChecker.id, controlCheckResults.checkerUserId))
    .leftJoin(recorder, eq(recorder.id, controlCheckResults.recordedBy))
    .leftJoin(nonconformities, eq(nonconformities.id, controlCheckResults.nonconformityId));
}
export type ControlCheckResultView = NonNullable<Awaited<ReturnType<typeof getResult>>>;

export async function insertResult(
  db: Executor,
  values: Omit<typeof controlCheckResults.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(controlCheckResults).values(values).returning();
  return row!;
}

export async function getResult(db: Executor, org: string, id: string) {
  const [row] = await selectResults(db).where(
    and(eq(controlCheckResults.organizationId, org), eq(controlCheckResults.id, id)),
  );
  return row ?? null;
}

/** The latest results of a control across its checks, newest first. */
export async function recentResults(db: Executor, org: string, controlId: string, limit = 20) {
  return selectResults(db)
    .where(
      and(
        eq(controlCheckResults.organizationId, org),
        eq(controlCheckResults.controlId, controlId),
      ),
    )
    .orderBy(desc(controlCheckResults.performedOn), desc(controlCheckResults.createdAt))
    .limit(limit);
}

/** Links a result to the nonconformity raised from it, once (null when already linked). */
export async function linkNonconformity(
  db: Executor,
  org: string,
  resultId: string,
  nonconformityId: string,
) {
  const [row] = await db
    .update(controlCheckResults)
    .set({ nonconformityId })
    .where(
      and(
        eq(controlCheckResults.organizationId, org),
        eq(controlCheckResults.id, resultId),
        sql`${controlCheckResults.nonconformityId} is null`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Every check with its latest result (exports), capped. */
export async function allChecks(db: Executor, org: string) {
  return selectChecks(db)
    .where(eq(controlChecks.organizationId, org))
    .orderBy(controlChecks.controlId, controlChecks.nextDue, controlChecks.id)
    .limit(10000);
}

/** Active checks due within DUE_SOON_DAYS or overdue (the dashboard's line). */
export async function checkDueCounts(
  db: Executor,
  org: string,
  today: string,
  visibleTo: string | undefined,
) {
  const mine = visibleTo
    ? sql`and (k.checker_user_id = ${visibleTo}::uuid or exists (select 1
        from control_operations o where o.organization_id = ${org}
          and o.control_id = k.control_id and o.owner_user_id = ${visibleTo}::uuid))`
    : sql``;
  const [row] = await queryRows<{ due: number; overdue: number }>(
    db,
    sql`select (count(*) filter (where k.next_due <= ${today}::date + ${DUE_SOON_DAYS}::int))::int
        as due, (count(*) filter (where k.next_due < ${today}::date))::int as overdue
      from control_checks k where k.organization_id = ${org} and k.active ${mine}`,
  );
  return { due: row?.due ?? 0, overdue: row?.overdue ?? 0 };
}
