import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/** Corrective and preventive actions still planned, by their due date. */
export const correctiveAction: Fragment = {
  kind: 'improvement_action',
  area: 'correctiveActions',
  select: ({ org }) => sql`${itemColumns({
    kind: 'improvement_action',
    area: 'correctiveActions',
    subject: sql`a.id`,
    title: sql`a.title`,
    dueOn: sql`a.due_date`,
    responsible: sql`a.owner_id`,
    href: sql`'/corrective-actions/' || a.nonconformity_id`,
  })}
  from improvement_actions a
  where a.organization_id = ${org} and a.status = 'planned'`,
};

/** Accepted improvements of the register not yet implemented, by their due date. */
export const registerImprovement: Fragment = {
  kind: 'improvement_action',
  area: 'improvement',
  select: ({ org }) => sql`${itemColumns({
    kind: 'improvement_action',
    area: 'improvement',
    subject: sql`m.id`,
    title: sql`'IMP-' || lpad(m.number::text, 4, '0') || ' ' || m.title`,
    dueOn: sql`m.due_date`,
    responsible: sql`m.owner_id`,
    href: sql`'/improvement/' || m.id`,
  })}
  from improvements m
  where m.organization_id = ${org} and m.status = 'accepted' and m.due_date is not null`,
};
