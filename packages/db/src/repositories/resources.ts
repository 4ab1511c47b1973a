import { and, asc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { ismsResources, resourcePlans, resourceSettings } from '../tables/resources.ts';
import { orgUnits } from '../tables/scope.ts';
import { likePattern } from './scope.ts';

export type ResourceRow = typeof ismsResources.$inferSelect;
export type NewResource = Omit<typeof ismsResources.$inferInsert, 'id'>;
export type ResourcePlanRow = typeof resourcePlans.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

// ---- the register --------------------------------------------------------------------

const view = {
  ...getTableColumns(ismsResources),
  ownerName: users.displayName,
  unitName: orgUnits.name,
};
export type ResourceView = ResourceRow & { ownerName: string | null; unitName: string | null };

const selectView = (db: Executor) =>
  db
    .select(view)
    .from(ismsResources)
    .leftJoin(users, eq(users.id, ismsResources.ownerUserId))
    .leftJoin(orgUnits, eq(orgUnits.id, ismsResources.unitId));

export async function insertResource(db: Executor, values: NewResource) {
  const [row] = await db.insert(ismsResources).values(values).returning();
  return row!;
}

export async function getResource(db: Executor, org: string, id: string, lock = false) {
  const q = db
    .select()
    .from(ismsResources)
    .where(and(eq(ismsResources.organizationId, org), eq(ismsResources.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function getResourceView(db: Executor, org: string, id: string) {
  const [row] = await selectView(db).where(
    and(eq(ismsResources.organizationId, org), eq(ismsResources.id, id)),
  );
  return row ?? null;
}

export async function updateResource(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewResource, 'organizationId'>>,
) {
  const [row] = await db
    .update(ismsResources)
    .set({ ...values, version: sql`${ismsResources.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(ismsResources.organizationId, org),
        eq(ismsResources.id, id),
        eq(ismsResources.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteResource(db: Executor, org: string, id: string) {
  await db
    .delete(ismsResources)
    .where(and(eq(ismsResources.organizationId, org), eq(ismsResources.id, id)));
}

export interface ResourceFilter {
  fiscalYear: number;
  kind?: string | undefined;
  activity?: string | undefined;
  ownerUserId?: string | undefined;
  q?: string | undefined;
}

/** One fiscal year's register, by kind then title, keyset-paginated. */
export async function listResources(db: Executor, org: string, f: ResourceFilter, page: Page) {
  const c: SQL[] = [
    eq(ismsResources.organizationId, org),
    eq(ismsResources.fiscalYear, f.fiscalYear),
  ];
  if (f.kind) c.push(eq(ismsResources.kind, f.kind));
  if (f.activity) c.push(eq(ismsResources.activity, f.activity));
  if (f.ownerUserId) c.push(eq(ismsResources.ownerUserId, f.ownerUserId));
  if (f.q) {
    const p = likePattern(f.q);
    c.push(or(ilike(ismsResources.title, p), ilike(ismsResources.description, p))!);
  }
  const after = decodeCursor(page.cursor, 3, ['text', 'text', 'uuid']);
  if (after) {
    c.push(
      sql`(${ismsResources.kind}, ${ismsResources.title}, ${ismsResources.id})
        > (${String(after[0])}, ${String(after[1])}, ${String(after[2])}::uuid)`,
    );
  }
  const rows = await selectView(db)
    .where(and(...c))
    .orderBy(asc(ismsResources.kind), asc(ismsResources.title), asc(ismsResources.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.kind, r.title, r.id]);
}

/** Every row of a year, for exports (a register is tens of rows, capped all the same). */
export async function allResourcesOf(db: Executor, org: string, fiscalYear: number) {
  return selectView(db)
    .where(and(eq(ismsResources.organizationId, org), eq(ismsResources.fiscalYear, fiscalYear)))
    .orderBy(asc(ismsResources.kind), asc(ismsResources.title), asc(ismsResources.id))
    .limit(5000);
}

export interface ResourceTotalRow {
  kind: string;
  activity: string;
  items: number;
  plannedAmount: number;
  plannedHours: number;
  usedAmount: number;
  usedHours: number;
  /** Rows whose usage (amount or hours) has been recorded. */
  usageRecorded: number;
}

/** Planned against used, per kind and activity, summed in SQL. */
export async function resourceTotals(db: Executor, org: string, fiscalYear: number) {
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`
    select kind, activity, count(*)::int as items,
      coalesce(sum(planned_amount), 0)::bigint as planned_amount,
      coalesce(sum(planned_hours), 0)::int as planned_hours,
      coalesce(sum(used_amount), 0)::bigint as used_amount,
      coalesce(sum(used_hours), 0)::int as used_hours,
      (count(*) filter (where used_amount is not null or used_hours is not null))::int
        as usage_recorded
    from isms_resources
    where organization_id = ${org} and fiscal_year = ${fiscalYear}
    group by kind, activity
    order by kind, activity`,
  );
  return rows.map((r): ResourceTotalRow => ({
    kind: String(r.kind),
    activity: String(r.activity),
    items: Number(r.items),
    plannedAmount: Number(r.planned_amount),
    plannedHours: Number(r.planned_hours),
    usedAmount: Number(r.used_amount),
    usedHours: Number(r.used_hours),
    usageRecorded: Number(r.usage_recorded),
  }));
}

export interface TreatmentRollupAction {
  id: string;
  code: string;
  title: string;
  dueDate: string;
  status: string;
  budget: number | null;
  resources: string;
}

/**
 * Treatment actions (not cancelled) due within [from, to]: their budgets summed
 * and the first 200 listed, so the plan shows what risk treatment asks of the year.
 */
export async function treatmentRollup(db: Executor, org: string, from: string, to: string) {
  const [totals] = await queryRows<{ actions: number; budget: string | number; funded: number }>(
    db,
    sql`
    select count(*)::int as actions, coalesce(sum(budget), 0)::bigint as budget,
      (count(*) filter (where budget is not null or resources <> ''))::int as funded
    from treatment_actions
    where organization_id = ${org} and status <> 'cancelled'
      and due_date between ${from}::date and ${to}::date`,
  );
  const actions = await queryRows<{
    id: string;
    code: string;
    title: string;
    due_date: string;
    status: string;
    budget: string | number | null;
    resources: string;
  }>(
    db,
    sql`
    select id, code, title, to_char(due_date, 'YYYY-MM-DD') as due_date, status, budget, resources
    from treatment_actions
    where organization_id = ${org} and status <> 'cancelled'
      and due_date between ${from}::date and ${to}::date
    order by due_date, code
    limit 200`,
  );
  return {
    actions: totals?.actions ?? 0,
    budget: Number(totals?.budget ?? 0),
    funded: totals?.funded ?? 0,
    items: actions.map((a): TreatmentRollupAction => ({
      id: a.id,
      code: a.code,
      title: a.title,
      dueDate: a.due_date,
      status: a.status,
      budget: a.budget === null ? null : Number(a.budget),
      resources: a.resources,
    })),
  };
}

// ---- settings ------------------------------------------------------------------------

export async function getResourceSettings(db: Executor, org: string) {
  const [row] = await db
    .select()
    .from(resourceSettings)
    .where(eq(resourceSettings.organizationId, org));
  return row ?? null;
}

/** Writes the settings as of `expectedVersion` (0: none stored yet); null when stale. */
export async function saveResourceSettings(
  db: Executor,
  org: string,
  expectedVersion: number,
  fiscalYearStartMonth: number,
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(resourceSettings)
      .values({ organizationId: org, fiscalYearStartMonth })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(resourceSettings)
    .set({
      fiscalYearStartMonth,
      version: sql`${resourceSettings.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(resourceSettings.organizationId, org), eq(resourceSettings.version, expectedVersion)),
    )
    .returning();
  return row ?? null;
}

// ---- the yearly plan -----------------------------------------------------------------

export async function getPlan(db: Executor, org: string, fiscalYear: number, lock = false) {
  const q = db
    .select()
    .from(resourcePlans)
    .where(and(eq(resourcePlans.organizationId, org), eq(resourcePlans.fiscalYear, fiscalYear)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function getPlanById(db: Executor, org: string, id: string, lock = false) {
  const q = db
    .select()
    .from(resourcePlans)
    .where(and(eq(resourcePlans.organizationId, org), eq(resourcePlans.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The plan row of a year, created as a draft on first use, locked for the transaction. */
export async function lockPlan(db: Executor, org: string, fiscalYear: number) {
  await db.insert(resourcePlans).values({ organizationId: org, fiscalYear }).onConflictDoNothing();
  return (await getPlan(db, org, fiscalYear, true))!;
}

export async function updatePlan(
  db: Executor,
  org: string,
  id: string,
  values: Partial<Omit<typeof resourcePlans.$inferInsert, 'id' | 'organizationId'>>,
  bumpVersion: boolean,
) {
  const [row] = await db
    .update(resourcePlans)
    .set({
      ...values,
      ...(bumpVersion ? { version: sql`${resourcePlans.version} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(resourcePlans.organizationId, org), eq(resourcePlans.id, id)))
    .returning();
  return row!;
}

export async function approverName(db: Executor, org: string, userId: string | null) {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.organizationId, org), eq(users.id, userId)));
  return row?.name ?? null;
}
