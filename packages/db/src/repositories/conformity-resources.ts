import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the resources register (4.2.2.f, 5.1.e, 5.2.1.a): the
 * current fiscal year's register and plan approval, the coming year's plan,
 * and whether the previous year's usage was recorded. Three small queries.
 */

export const RESOURCE_LINK_CAP = 5;

export interface ResourceYearFacts {
  fiscalYear: number;
  items: number;
  /** null while the year has no plan row (nothing planned yet). */
  planStatus: 'draft' | 'submitted' | 'approved' | null;
  /** The latest approval of the year's plan (kept when a later change reopened it). */
  approvedAt: string | null;
  /** Whether its decider holds top management (the role as held now). */
  approvedByTopManagement: boolean;
  /** Activities (establish, operate, monitor, improve) with something planned. */
  activities: string[];
  withoutOwner: number;
  /** Up to five resources without an owner, for links. */
  withoutOwnerIds: string[];
  usageRecorded: number;
  /** Up to five resources whose usage is not recorded, for links. */
  withoutUsageIds: string[];
  plannedAmount: number;
  usedAmount: number;
}

export interface ResourceFacts {
  startMonth: number;
  current: ResourceYearFacts;
  previous: ResourceYearFacts;
  nextPlanStatus: 'draft' | 'submitted' | 'approved' | null;
  /** Treatment actions due within the current year (not cancelled), and those funded. */
  treatmentActions: number;
  treatmentFunded: number;
}

interface YearRow {
  fiscal_year: number;
  items: number | null;
  plan_status: string | null;
  approved_at: string | null;
  by_top: boolean | null;
  activities: string[] | null;
  without_owner: number | null;
  without_owner_ids: string[] | null;
  usage_recorded: number | null;
  without_usage_ids: string[] | null;
  planned_amount: string | number | null;
  used_amount: string | number | null;
}

const ymd = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

export async function resourceFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ResourceFacts> {
  const [settings] = await queryRows<{ m: number }>(
    db,
    sql`select fiscal_year_start_month as m from resource_settings where organization_id = ${org}`,
  );
  const startMonth = settings?.m ?? 4;
  const year = Number(today.slice(0, 4));
  const current = Number(today.slice(5, 7)) >= startMonth ? year : year - 1;
  const rows = await queryRows<YearRow>(
    db,
    sql`
    select y.fiscal_year, r.items, p.status as plan_status,
      to_char(p.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as approved_at,
      'top_management' = any(u.roles) as by_top,
      r.activities, r.without_owner, r.without_owner_ids, r.usage_recorded, r.without_usage_ids,
      r.planned_amount, r.used_amount
    from (select unnest(array[${current - 1}::int, ${current}::int, ${current + 1}::int])
      as fiscal_year) y
    left join resource_plans p on p.organization_id = ${org} and p.fiscal_year = y.fiscal_year
    left join users u on u.id = p.approved_by
    left join lateral (
      select count(*)::int as items,
        array_agg(distinct activity) as activities,
        (count(*) filter (where owner_user_id is null))::int as without_owner,
        (array_agg(id order by title, id) filter (where owner_user_id is null))
          [1:${RESOURCE_LINK_CAP}] as without_owner_ids,
        (count(*) filter (where used_amount is not null or used_hours is not null))::int
          as usage_recorded,
        (array_agg(id order by title, id)
          filter (where used_amount is null and used_hours is null))
          [1:${RESOURCE_LINK_CAP}] as without_usage_ids,
        coalesce(sum(planned_amount), 0)::bigint as planned_amount,
        coalesce(sum(used_amount), 0)::bigint as used_amount
      from isms_resources
      where organization_id = ${org} and fiscal_year = y.fiscal_year
    ) r on true
    order by y.fiscal_year`,
  );
  const facts = (fy: number): ResourceYearFacts => {
    const r = rows.find((x) => Number(x.fiscal_year) === fy);
    return {
      fiscalYear: fy,
      items: r?.items ?? 0,
      planStatus: (r?.plan_status ?? null) as ResourceYearFacts['planStatus'],
      approvedAt: r?.approved_at ?? null,
      approvedByTopManagement: r?.by_top === true,
      activities: (r?.activities ?? []).filter((a) => a !== null).sort(),
      withoutOwner: r?.without_owner ?? 0,
      withoutOwnerIds: (r?.without_owner_ids ?? []).map(String),
      usageRecorded: r?.usage_recorded ?? 0,
      withoutUsageIds: (r?.without_usage_ids ?? []).map(String),
      plannedAmount: Number(r?.planned_amount ?? 0),
      usedAmount: Number(r?.used_amount ?? 0),
    };
  };
  const next = ymd(current + 1, startMonth);
  const [treatment] = await queryRows<{ actions: number; funded: number }>(
    db,
    sql`
    select count(*)::int as actions,
      (count(*) filter (where budget is not null or resources <> ''))::int as funded
    from treatment_actions
    where organization_id = ${org} and status <> 'cancelled'
      and due_date >= ${ymd(current, startMonth)}::date and due_date < ${next}::date`,
  );
  return {
    startMonth,
    current: facts(current),
    previous: facts(current - 1),
    nextPlanStatus: facts(current + 1).planStatus,
    treatmentActions: treatment?.actions ?? 0,
    treatmentFunded: treatment?.funded ?? 0,
  };
}
