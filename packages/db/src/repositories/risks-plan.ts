import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { likePattern } from './scope.ts';
import {
  risks,
  treatmentActionControls,
  treatmentActionRisks,
  treatmentActions,
} from '../tables/risks.ts';

export type TreatmentActionRow = typeof treatmentActions.$inferSelect;
export type NewTreatmentAction = Omit<typeof treatmentActions.$inferInsert, 'id' | 'seq' | 'code'>;
type Page = { limit: number; cursor?: string | undefined };

const openSql = sql<boolean>`(${treatmentActions.status} in ('planned', 'in_progress'))`;
/** What the conformity snapshot counts as a plan fault (treatmentFacts), action by action. */
const missingSql = {
  owner: sql`${treatmentActions.ownerUserId} is null`,
  dueDate: sql`${treatmentActions.dueDate} is null`,
  resources: sql`(length(trim(${treatmentActions.resources})) = 0 and ${treatmentActions.budget} is null)`,
} as const;

/** Open and past its due date; computed in SQL so it filters and sorts there too. */
const overdueSql = sql<boolean>`(${treatmentActions.status} in ('planned', 'in_progress') and ${treatmentActions.dueDate} < current_date)`;

const actionView = {
  ...getTableColumns(treatmentActions),
  ownerName: users.displayName,
  overdue: overdueSql,
  riskIds: sql<
    string[]
  >`coalesce((select array_agg(tr.risk_id::text order by tr.risk_id) from treatment_action_risks tr where tr.action_id = ${treatmentActions.id}), '{}')`,
  controlIds: sql<
    string[]
  >`coalesce((select array_agg(tc.control_id order by tc.control_id) from treatment_action_controls tc where tc.action_id = ${treatmentActions.id}), '{}')`,
};
export type TreatmentActionView = TreatmentActionRow & {
  ownerName: string | null;
  overdue: boolean;
  riskIds: string[];
  controlIds: string[];
};

const PRIORITY_RANK = sql`case ${treatmentActions.priority} when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`;
const sortKeys = {
  code: { expr: sql`${treatmentActions.code}`, type: 'text' },
  dueDate: { expr: sql`coalesce(${treatmentActions.dueDate}, '9999-12-31'::date)`, type: 'date' },
  priority: { expr: PRIORITY_RANK, type: 'int' },
} as const;
export type ActionSort = keyof typeof sortKeys;

export interface ActionFilter {
  q?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  ownerUserId?: string | undefined;
  overdue?: boolean | undefined;
  open?: boolean | undefined;
  missing?: 'owner' | 'dueDate' | 'resources' | undefined;
  riskId?: string | undefined;
  controlId?: string | undefined;
}

function actionConditions(org: string, f: ActionFilter): SQL[] {
  const c: SQL[] = [eq(treatmentActions.organizationId, org)];
  if (f.q) {
    const like = likePattern(f.q);
    c.push(
      sql`(${treatmentActions.code} ilike ${like} or ${treatmentActions.title} ilike ${like})`,
    );
  }
  if (f.status) c.push(eq(treatmentActions.status, f.status));
  if (f.priority) c.push(eq(treatmentActions.priority, f.priority));
  if (f.ownerUserId) c.push(eq(treatmentActions.ownerUserId, f.ownerUserId));
  if (f.overdue !== undefined) c.push(f.overdue ? overdueSql : sql`not ${overdueSql}`);
  if (f.open !== undefined) c.push(f.open ? openSql : sql`not ${openSql}`);
  if (f.missing) c.push(missingSql[f.missing]);
  if (f.riskId)
    c.push(
      sql`exists (select 1 from treatment_action_risks tr where tr.action_id = ${treatmentActions.id} and tr.risk_id = ${f.riskId})`,
    );
  if (f.controlId)
    c.push(
      sql`exists (select 1 from treatment_action_controls tc where tc.action_id = ${treatmentActions.id} and tc.control_id = ${f.controlId})`,
    );
  return c;
}

function selectActions(db: Executor, sortKey: SQL = sql`''`) {
  return db
    .select({ ...actionView, sortKey: sql<string>`(${sortKey})::text` })
    .from(treatmentActions)
    .leftJoin(users, eq(users.id, treatmentActions.ownerUserId));
}

export async function listTreatmentActions(
  db: Executor,
  org: string,
  filter: ActionFilter,
  order: { sort: ActionSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  const c = actionConditions(org, filter);
  const { expr, type } = sortKeys[order.sort];
  const after = decodeCursor(page.cursor, 2, [type, 'uuid']);
  if (after) {
    const key = sql`(${expr}, ${treatmentActions.id})`;
    const cursor = sql`(${String(after[0])}::${sql.raw(type)}, ${String(after[1])}::uuid)`;
    c.push(order.direction === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`);
  }
  const dir = order.direction === 'asc' ? asc : desc;
  const rows = await selectActions(db, expr)
    .where(and(...c))
    .orderBy(dir(expr), dir(treatmentActions.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
}

export async function getTreatmentActionView(db: Executor, org: string, id: string) {
  const [row] = await selectActions(db).where(
    and(eq(treatmentActions.organizationId, org), eq(treatmentActions.id, id)),
  );
  return row ?? null;
}

export async function insertTreatmentAction(db: Executor, values: NewTreatmentAction) {
  const org = values.organizationId;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`treatment_actions:${org}`}))`);
  const [next] = await queryRows<{ seq: number }>(
    db,
    sql`select coalesce(max(seq), 0)::int + 1 as seq from treatment_actions where organization_id = ${org}`,
  );
  const seq = next!.seq;
  const [row] = await db
    .insert(treatmentActions)
    .values({ ...values, seq, code: `A-${String(seq).padStart(4, '0')}` })
    .returning();
  return row!;
}

export async function updateTreatmentAction(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewTreatmentAction, 'organizationId'>>,
) {
  const [row] = await db
    .update(treatmentActions)
    .set({ ...values, version: sql`${treatmentActions.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(treatmentActions.organizationId, org),
        eq(treatmentActions.id, id),
        eq(treatmentActions.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteTreatmentAction(db: Executor, org: string, id: string) {
  const rows = await db
    .delete(treatmentActions)
    .where(and(eq(treatmentActions.organizationId, org), eq(treatmentActions.id, id)))
    .returning({ id: treatmentActions.id });
  return rows.length > 0;
}

/** Replaces the risks and controls an action is linked to. */
export async function replaceActionLinks(
  db: Executor,
  org: string,
  actionId: string,
  links: { riskIds?: string[] | undefined; controlIds?: string[] | undefined },
) {
  if (links.riskIds) {
    await db.delete(treatmentActionRisks).where(eq(treatmentActionRisks.actionId, actionId));
    if (links.riskIds.length)
      await db
        .insert(treatmentActionRisks)
        .values(links.riskIds.map((riskId) => ({ organizationId: org, actionId, riskId })))
        .onConflictDoNothing();
  }
  if (links.controlIds) {
    await db.delete(treatmentActionControls).where(eq(treatmentActionControls.actionId, actionId));
    if (links.controlIds.length)
      await db
        .insert(treatmentActionControls)
        .values(links.controlIds.map((controlId) => ({ organizationId: org, actionId, controlId })))
        .onConflictDoNothing();
  }
}

/** Of the given risk ids, those that belong to the organization. */
export async function existingRiskIds(db: Executor, org: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: risks.id })
    .from(risks)
    .where(and(eq(risks.organizationId, org), inArray(risks.id, ids)));
  return rows.map((r) => r.id);
}

/** Every matching action in due-date order, a batch at a time (exports). */
export async function* eachTreatmentAction(
  db: Executor,
  org: string,
  filter: ActionFilter,
  batch = 500,
) {
  let cursor: string | undefined;
  for (;;) {
    const page = await listTreatmentActions(
      db,
      org,
      filter,
      { sort: 'dueDate', direction: 'asc' },
      { limit: batch, cursor },
    );
    yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
