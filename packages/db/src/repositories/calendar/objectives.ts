import { sql } from 'drizzle-orm';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Active objectives' next measurement: the last one (or the start) plus the
 * frequency, as the conformity facts compute it.
 */
export const objectiveMeasurement: Fragment = {
  kind: 'objective_measurement',
  area: 'objectives',
  select: ({ org }) => sql`${itemColumns({
    kind: 'objective_measurement',
    area: 'objectives',
    subject: sql`o.id`,
    title: sql`'OBJ-' || lpad(o.number::text, 3, '0') || ' ' || o.title`,
    dueOn: sql`coalesce((select max(m.measured_on) from objective_measurements m
        where m.objective_id = o.id and m.deleted_at is null), o.start_date)
      + make_interval(months => case o.frequency when 'monthly' then 1
          when 'quarterly' then 3 when 'half_yearly' then 6 else 12 end)`,
    responsible: sql`o.owner_id`,
    href: sql`'/objectives/' || o.id`,
    recurring: true,
  })}
  from objectives o
  where o.organization_id = ${org} and o.status = 'active'`,
};

/** Active objectives by their due date (no decision, achieved or missed, recorded yet). */
export const objective: Fragment = {
  kind: 'objective',
  area: 'objectives',
  select: ({ org }) => sql`${itemColumns({
    kind: 'objective',
    area: 'objectives',
    subject: sql`o.id`,
    title: sql`'OBJ-' || lpad(o.number::text, 3, '0') || ' ' || o.title`,
    dueOn: sql`o.due_date`,
    responsible: sql`o.owner_id`,
    href: sql`'/objectives/' || o.id`,
  })}
  from objectives o
  where o.organization_id = ${org} and o.status = 'active'`,
};
