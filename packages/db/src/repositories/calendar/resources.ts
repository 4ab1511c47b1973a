import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * The resource plan of the current and the coming fiscal year while not
 * approved: due a month into its year, when the dashboard starts counting it
 * overdue (domain/resources/fiscal.ts, PLAN_GRACE_MONTHS).
 */
export const resourcePlan: Fragment = {
  kind: 'resource_plan',
  area: 'resources',
  select: ({ org, today }) => sql`${itemColumns({
    kind: 'resource_plan',
    area: 'resources',
    subject: sql`'FY' || y.fy`,
    title: sql`'FY' || y.fy`,
    dueOn: sql`make_date(y.fy, s.m, 1) + interval '1 month'`,
    responsible: sql`null`,
    href: sql`'/resources'`,
  })}
  from (select coalesce((select fiscal_year_start_month from resource_settings
      where organization_id = ${org}), 4) as m) s
  cross join lateral generate_series(
    extract(year from ${today}::date)::int
      - (case when extract(month from ${today}::date) >= s.m then 0 else 1 end),
    extract(year from ${today}::date)::int
      - (case when extract(month from ${today}::date) >= s.m then 0 else 1 end) + 1) y(fy)
  where not exists (select 1 from resource_plans p where p.organization_id = ${org}
    and p.fiscal_year = y.fy and p.status = 'approved')`,
};
