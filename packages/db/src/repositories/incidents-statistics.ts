import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { visibleIncidentsSql, type IncidentVisibility } from './incidents-access.ts';
import { overdueClocksSql } from './incidents-clocks.ts';

/**
 * Incident statistics (annex 6.3.4) as a few grouped queries. An incident
 * belongs to the month of its discovery in the organization's time zone
 * (the day the organization learned of it, which also starts its clocks).
 * Every query takes the caller's visibility filter, so counts never reveal
 * confidential incidents the caller may not see.
 */

export interface StatisticsScope {
  org: string;
  /** First and last month, YYYY-MM, both included. */
  from: string;
  to: string;
  timeZone: string;
  visibility: IncidentVisibility;
  unitId?: string;
  triageTargetHours: number;
}

/** The period's bounds as instants: the start of `from` and of the month after `to`, in the zone. */
function periodOf(s: StatisticsScope) {
  const start = sql`((${s.from} || '-01')::date::timestamp at time zone ${s.timeZone})`;
  const end = sql`((((${s.to} || '-01')::date + interval '1 month')::date)::timestamp
    at time zone ${s.timeZone})`;
  return { start, end };
}

/** The incidents the caller sees (and of the unit asked for), over alias `i`. */
function scoped(s: StatisticsScope): SQL {
  return sql`i.organization_id = ${s.org} and ${visibleIncidentsSql(sql`i`, s.visibility)}
    ${s.unitId ? sql`and i.unit_id = ${s.unitId}` : sql``}`;
}

const cost = sql`(coalesce(i.cost_response, 0) + coalesce(i.cost_recovery, 0) + coalesce(i.cost_loss, 0))`;

export interface MonthRow {
  month: string;
  type: string | null;
  count: number;
  cost: number;
}

/** Per month of the period (every month, even empty ones) and type: count and total cost. */
export async function monthsOf(db: Executor, s: StatisticsScope) {
  const { start, end } = periodOf(s);
  const rows = await queryRows<MonthRow>(
    db,
    sql`with m as (
        select to_char(g, 'YYYY-MM') as month
        from generate_series((${s.from} || '-01')::date, (${s.to} || '-01')::date,
          interval '1 month') g),
      x as (
        select to_char(i.discovered_at at time zone ${s.timeZone}, 'YYYY-MM') as month,
          i.type, count(*)::int as count, sum(${cost})::float8 as cost
        from incidents i
        where ${scoped(s)} and i.discovered_at >= ${start} and i.discovered_at < ${end}
        group by 1, 2)
      select m.month, x.type, coalesce(x.count, 0)::int as count, coalesce(x.cost, 0)::float8 as cost
      from m left join x on x.month = m.month
      order by m.month, x.type`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count), cost: Number(r.cost) }));
}

/** Incidents of the period per unit (null: no unit given), most first. */
export async function unitsOf(db: Executor, s: StatisticsScope) {
  const { start, end } = periodOf(s);
  const rows = await queryRows<{ unitId: string | null; unitName: string | null; total: number }>(
    db,
    sql`select u.id as "unitId", u.name as "unitName", count(*)::int as total
      from incidents i left join org_units u on u.id = i.unit_id
      where ${scoped(s)} and i.discovered_at >= ${start} and i.discovered_at < ${end}
      group by u.id, u.name
      order by total desc, u.name nulls last`,
  );
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

export interface TotalsRow {
  reported: number;
  closed: number;
  personalData: number;
  costResponse: number;
  costRecovery: number;
  costLoss: number;
  medianHoursToTriage: number | null;
  medianHoursToRecover: number | null;
  triaged: number;
  triagedWithinTarget: number;
  /** Now, whatever the period: open incidents and clocks past their deadline with nothing sent. */
  open: number;
  overdueClocks: number;
}

/**
 * The period's totals (by discovery, except `closed`: closed within the period)
 * and the state today (open incidents, overdue clocks).
 */
export async function totalsOf(db: Executor, s: StatisticsScope): Promise<TotalsRow> {
  const { start, end } = periodOf(s);
  const inPeriod = sql`i.discovered_at >= ${start} and i.discovered_at < ${end}`;
  const hours = (from: SQL, to: SQL) => sql`extract(epoch from (${to} - ${from})) / 3600.0`;
  const toTriage = hours(sql`i.reported_at`, sql`i.triaged_at`);
  const [row] = await queryRows<Record<keyof TotalsRow, string | number | null>>(
    db,
    sql`select
        count(*) filter (where ${inPeriod})::int as reported,
        count(*) filter (where i.closed_at >= ${start} and i.closed_at < ${end})::int as closed,
        count(*) filter (where ${inPeriod} and i.personal_data)::int as "personalData",
        coalesce(sum(i.cost_response) filter (where ${inPeriod}), 0)::float8 as "costResponse",
        coalesce(sum(i.cost_recovery) filter (where ${inPeriod}), 0)::float8 as "costRecovery",
        coalesce(sum(i.cost_loss) filter (where ${inPeriod}), 0)::float8 as "costLoss",
        (percentile_cont(0.5) within group (order by ${toTriage})
          filter (where ${inPeriod} and i.triaged_at is not null))::float8 as "medianHoursToTriage",
        (percentile_cont(0.5) within group (order by ${hours(sql`i.discovered_at`, sql`i.recovered_at`)})
          filter (where ${inPeriod} and i.recovered_at is not null))::float8 as "medianHoursToRecover",
        count(*) filter (where ${inPeriod} and i.triaged_at is not null)::int as triaged,
        count(*) filter (where ${inPeriod} and i.triaged_at is not null
          and ${toTriage} <= ${s.triageTargetHours})::int as "triagedWithinTarget",
        count(*) filter (where i.status <> 'closed')::int as open,
        coalesce(sum(${overdueClocksSql(sql`i`, sql`${s.timeZone}::text`)}), 0)::int
          as "overdueClocks"
      from incidents i where ${scoped(s)}`,
  );
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  const median = (v: string | number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
  return {
    reported: n(row?.reported),
    closed: n(row?.closed),
    personalData: n(row?.personalData),
    costResponse: n(row?.costResponse),
    costRecovery: n(row?.costRecovery),
    costLoss: n(row?.costLoss),
    medianHoursToTriage: median(row?.medianHoursToTriage),
    medianHoursToRecover: median(row?.medianHoursToRecover),
    triaged: n(row?.triaged),
    triagedWithinTarget: n(row?.triagedWithinTarget),
    open: n(row?.open),
    overdueClocks: n(row?.overdueClocks),
  };
}

/** The current month in the zone, YYYY-MM (the default end of the period). */
export async function currentMonthIn(db: Executor, timeZone: string) {
  const [row] = await queryRows<{ month: string }>(
    db,
    sql`select to_char(now() at time zone ${timeZone}, 'YYYY-MM') as month`,
  );
  return row!.month;
}

export interface IncidentDueCounts {
  /** Clocks with nothing sent whose deadline is within `soonHours` or past. */
  clocksDue: number;
  clocksOverdue: number;
  /** Reports not yet triaged, and those past the triage target. */
  untriaged: number;
  triageOverdue: number;
}

/**
 * What waits for the incident team: notification clocks due soon or overdue,
 * and reports waiting for triage. `filter` is the caller's visibility (and,
 * for someone handling only what is assigned to them, that condition).
 */
export async function dueCountsOf(
  db: Executor,
  org: string,
  who: { visibility: IncidentVisibility; assignedOnly: boolean },
  timeZone: string,
  triageTargetHours: number,
  soonHours = 24,
): Promise<IncidentDueCounts> {
  // Handlers off the team count only the incidents assigned to them.
  const visible = visibleIncidentsSql(sql`i`, who.visibility);
  const filter = who.assignedOnly
    ? sql`${visible} and i.assignee_id = ${who.visibility.userId}`
    : visible;
  const tz = sql`${timeZone}::text`;
  const [row] = await queryRows<Record<keyof IncidentDueCounts, number>>(
    db,
    sql`select
        (select coalesce(sum(${overdueClocksSql(sql`i`, tz, soonHours)}), 0) from incidents i
          where i.organization_id = ${org} and ${filter})::int as "clocksDue",
        (select coalesce(sum(${overdueClocksSql(sql`i`, tz)}), 0) from incidents i
          where i.organization_id = ${org} and ${filter})::int as "clocksOverdue",
        (select count(*) from incidents i where i.organization_id = ${org} and ${filter}
          and i.status = 'reported')::int as untriaged,
        (select count(*) from incidents i where i.organization_id = ${org} and ${filter}
          and i.status = 'reported'
          and i.reported_at + make_interval(hours => ${triageTargetHours}) < now())::int
          as "triageOverdue"`,
  );
  return {
    clocksDue: Number(row?.clocksDue ?? 0),
    clocksOverdue: Number(row?.clocksOverdue ?? 0),
    untriaged: Number(row?.untriaged ?? 0),
    triageOverdue: Number(row?.triageOverdue ?? 0),
  };
}
