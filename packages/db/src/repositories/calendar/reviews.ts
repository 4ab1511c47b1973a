import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Management reviews planned (or with inputs prepared) on their planned day (events). */
export const managementReview: Fragment = {
  kind: 'management_review',
  area: 'managementReview',
  select: ({ org }) => sql`${itemColumns({
    kind: 'management_review',
    area: 'managementReview',
    subject: sql`r.id`,
    title: sql`'MR-' || lpad(r.number::text, 4, '0') || ' ' || r.title`,
    dueOn: sql`r.planned_on`,
    event: true,
    responsible: sql`null`,
    href: sql`'/management-review/' || r.id`,
  })}
  from management_reviews r
  where r.organization_id = ${org} and r.status in ('planned', 'inputs_prepared')`,
};
