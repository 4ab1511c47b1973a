import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the ISMS objectives (5.1.b, 4.2.1.b.1): objectives set,
 * those lacking an owner or a plan, measurements overdue by the objective's
 * frequency, objectives past their due date still open, and whether top
 * management set or confirmed any. One set-based query; lists are capped.
 */

export const OBJECTIVE_LINK_CAP = 5;

/** An objective at fault, named by its number (shown as OBJ-001). */
export interface ObjectiveRef {
  id: string;
  number: number;
}

interface Counted {
  count: number;
  refs: ObjectiveRef[];
}

export interface ObjectiveFacts {
  /** Objectives not withdrawn, and those still being pursued. */
  total: number;
  active: number;
  withoutOwner: Counted;
  withoutPlan: Counted;
  /** Active objectives whose next measurement (last one, or the start, plus the frequency) is past. */
  measurementOverdue: Counted;
  /** Active objectives whose next measurement falls within the next 7 days. */
  measurementDueSoon: number;
  /** Active objectives past their due date with no decision (achieved or missed) recorded. */
  pastDue: Counted;
  /** Active objectives due within the next 30 days. */
  dueSoon: number;
  /** Objectives set or last changed by a member of top management. */
  byTopManagement: number;
  /** Measurements recorded over the last 12 months. */
  measurements12m: number;
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const fault = (flag: string) =>
  sql.raw(`(select count(*) from facts where ${flag})::int as ${flag},
    (select coalesce(json_agg(json_build_object('id', x.id, 'number', x.number)
        order by x.number), '[]')
      from (select id, number from facts where ${flag}
        order by number limit ${OBJECTIVE_LINK_CAP}) x) as ${flag}_refs`);

export async function objectiveFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ObjectiveFacts> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with base as (
      select o.id, o.number, o.status, o.due_date, o.owner_id, o.plan,
        (coalesce((select max(m.measured_on) from objective_measurements m
            where m.objective_id = o.id and m.deleted_at is null), o.start_date)
          + make_interval(months => case o.frequency when 'monthly' then 1
              when 'quarterly' then 3 when 'half_yearly' then 6 else 12 end))::date as next_due,
        exists (select 1 from users u where u.id in (o.created_by, o.updated_by)
          and 'top_management' = any(u.roles)) as by_top
      from objectives o
      where o.organization_id = ${org} and o.status <> 'withdrawn'
    ), facts as (
      select id, number, status, by_top, next_due, due_date,
        owner_id is null as without_owner,
        btrim(plan) = '' as without_plan,
        (status = 'active' and next_due < ${today}::date) as measurement_overdue,
        (status = 'active' and due_date < ${today}::date) as past_due
      from base
    )
    select (select count(*) from facts)::int as total,
      (select count(*) from facts where status = 'active')::int as active,
      (select count(*) from facts where by_top)::int as by_top,
      (select count(*) from facts where status = 'active' and not measurement_overdue
        and next_due <= ${today}::date + 7)::int as measurement_due_soon,
      (select count(*) from facts where status = 'active' and not past_due
        and due_date <= ${today}::date + 30)::int as due_soon,
      (select count(*) from objective_measurements m where m.organization_id = ${org}
        and m.deleted_at is null
        and m.measured_on > ${today}::date - interval '12 months')::int as measurements_12m,
      ${fault('without_owner')}, ${fault('without_plan')},
      ${fault('measurement_overdue')}, ${fault('past_due')}`,
  );
  const r = row ?? {};
  const counted = (flag: string): Counted => ({
    count: Number(r[flag] ?? 0),
    refs: parseJson<ObjectiveRef[]>(r[`${flag}_refs`] ?? []),
  });
  return {
    total: Number(r.total ?? 0),
    active: Number(r.active ?? 0),
    withoutOwner: counted('without_owner'),
    withoutPlan: counted('without_plan'),
    measurementOverdue: counted('measurement_overdue'),
    measurementDueSoon: Number(r.measurement_due_soon ?? 0),
    pastDue: counted('past_due'),
    dueSoon: Number(r.due_soon ?? 0),
    byTopManagement: Number(r.by_top ?? 0),
    measurements12m: Number(r.measurements_12m ?? 0),
  };
}
