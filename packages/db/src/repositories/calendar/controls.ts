import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Active checks of effectiveness by their next due date (controls' checkDueCounts). */
export const controlCheck: Fragment = {
  kind: 'control_check',
  area: 'controls',
  select: ({ org }) => sql`${itemColumns({
    kind: 'control_check',
    area: 'controls',
    subject: sql`k.id`,
    title: sql`k.control_id || ' ' || k.title`,
    dueOn: sql`k.next_due`,
    responsible: sql`k.checker_user_id`,
    href: sql`'/controls/' || k.control_id`,
    recurring: true,
  })}
  from control_checks k
  where k.organization_id = ${org} and k.active`,
};
