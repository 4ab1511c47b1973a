import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { overdueClocksSql, timeZoneSql } from './incidents-clocks.ts';
import {
  cappedItems,
  dayIn,
  dayOf,
  figuresOf,
  type InputPeriod,
  type SectionFacts,
} from './reviews-inputs.ts';

/**
 * The management review's incident input: incidents discovered in the period
 * by type and severity, those closed in it, those open on the day, and
 * notification clocks overdue. Confidential incidents stay out of figures and
 * items alike: the pack is frozen and read by everyone who reads reviews
 * (auditors too), and the statistics leave them out for such readers, so a
 * difference between the two must not betray one. The team brings them to top
 * management directly. Items: incidents closed in the period with their
 * lessons learned, then the open ones.
 */

const incCode = sql.raw(`'INC-' || lpad(i.number::text, 4, '0')`);

export async function incidentInputs(db: Executor, p: InputPeriod): Promise<SectionFacts> {
  const found = dayIn('i.discovered_at', p);
  const closed = sql`i.status = 'closed' and ${dayIn('i.closed_at', p)}`;
  const openOnDay = sql`(i.discovered_at at time zone 'UTC')::date <= ${p.asOf}::date
    and (i.closed_at is null or (i.closed_at at time zone 'UTC')::date > ${p.asOf}::date)`;
  const typed = (t: string) => sql`count(*) filter (where ${found} and i.type = ${t})::int`;
  const severe = (s: string) => sql`count(*) filter (where ${found} and i.severity = ${s})::int`;
  const figures = await figuresOf(
    db,
    sql`select count(*) filter (where ${found})::int as "incidentsReported",
      ${typed('incident')} as "typeIncident", ${typed('suspected')} as "typeSuspected",
      ${typed('weakness')} as "typeWeakness", ${typed('malfunction')} as "typeMalfunction",
      ${typed('near_miss')} as "typeNearMiss",
      ${severe('critical')} as "severityCritical", ${severe('high')} as "severityHigh",
      ${severe('medium')} as "severityMedium", ${severe('low')} as "severityLow",
      count(*) filter (where ${found} and i.personal_data)::int as "incidentsPersonalData",
      count(*) filter (where ${closed})::int as "incidentsClosed",
      count(*) filter (where ${openOnDay})::int as "incidentsOpen",
      coalesce(sum(${overdueClocksSql(sql`i`, timeZoneSql(p.org))}), 0)::int as "clocksOverdue"
    from incidents i where i.organization_id = ${p.org} and not i.confidential`,
  );
  const { items, omitted } = await cappedItems(
    db,
    sql`select 'incident' as kind, i.id, ${incCode} as ref, i.title, i.status,
      ${dayOf('i.closed_at')} as date, '/incidents/' || i.id as href, null as change,
      left(i.lessons_learned, 300) as detail, '0' || lpad(i.number::text, 8, '0') as sort
    from incidents i
    where i.organization_id = ${p.org} and not i.confidential and ${closed}
    union all
    select 'incident', i.id, ${incCode}, i.title, i.status, ${dayOf('i.discovered_at')},
      '/incidents/' || i.id, null, null, '1' || lpad(i.number::text, 8, '0')
    from incidents i
    where i.organization_id = ${p.org} and not i.confidential and ${openOnDay}`,
  );
  return { figures, items, omitted };
}
