import { sql } from 'drizzle-orm';
import { visibleIncidentsSql } from '../incidents-access.ts';
import { clockDueSql, obligationAppliesSql, timeZoneSql } from '../incidents-clocks.ts';
import { itemColumns, type Fragment } from './fragment.ts';

/**
 * Notification clocks of open incidents with nothing sent yet for them: the
 * deadline's day in the organization's time zone (the clocks' own rule).
 * The title names the incident by number and the recipient, never its
 * (possibly confidential) title.
 */
export const incidentClock: Fragment = {
  kind: 'incident_clock',
  area: 'incidents',
  select: ({ org, incidents }) => {
    const tz = sql`z.tz`;
    const due = clockDueSql(sql`i`, sql`ob`, tz);
    const visible = incidents ? visibleIncidentsSql(sql`i`, incidents) : sql`true`;
    return sql`${itemColumns({
      kind: 'incident_clock',
      area: 'incidents',
      subject: sql`i.id || ':' || ob.id`,
      title: sql`'INC-' || lpad(i.number::text, 4, '0') || ' ' || ob.name`,
      dueOn: sql`((${due}) at time zone ${tz})::date`,
      responsible: sql`i.assignee_id`,
      href: sql`'/incidents/' || i.id`,
    })}
    from incidents i
    cross join (select ${timeZoneSql(org)} as tz) z
    join incident_obligations ob on ob.organization_id = i.organization_id
      and ${obligationAppliesSql(sql`i`, sql`ob`)}
    where i.organization_id = ${org} and i.status <> 'closed' and ${visible}
      and (${due}) is not null
      and not exists (select 1 from incident_notifications nn
        where nn.incident_id = i.id and nn.obligation_id = ob.id)`;
  },
};
