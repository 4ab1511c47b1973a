import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the incidents area and the ISMS event log (4.2.2.g,
 * 4.2.3.a, 4.2.3.f, 4.3.3): the issued response procedure, reports of the
 * last twelve months, triage against the organization's target, actions
 * decided against recurrence, the records kept at closing, and the event
 * log's entries. Two set-based queries; every list at fault is capped.
 */

export const INCIDENT_LINK_CAP = 5;

/**
 * An incident at fault, named by its number and type only: the conformity view
 * is read more widely than the incidents themselves (confidential ones, and
 * owners who see only their own reports), so titles stay out of it.
 */
export interface IncidentRef {
  id: string;
  number: number;
  /** 'incident' | 'suspected' | 'weakness' | 'malfunction' | 'near_miss'. */
  type: string;
}

interface Counted<T> {
  count: number;
  refs: T[];
}

export interface IncidentFacts {
  /** Codes of issued procedures tagged with 4.2.2.g. */
  procedures: string[];
  /** Hours within which a report should be triaged (the settings' default without a row). */
  triageTargetHours: number;
  /** Incidents ever recorded, and those reported in the last 12 months by type and channel. */
  total: number;
  reported12m: number;
  /** Breaches, suspected breaches and weaknesses: what 4.2.3.a.2 asks to identify. */
  breaches12m: number;
  malfunctions12m: number;
  /** Reports filed by a monitoring tool (API token). */
  toolReports12m: number;
  /** Reports of the last 12 months triaged so far, and those triaged after the target. */
  triaged12m: number;
  triagedLate: Counted<IncidentRef>;
  /** Reports still waiting for triage past the target. */
  untriagedLate: Counted<IncidentRef>;
  /** Triaged incidents still open with nothing done for 30 days (no timeline entry). */
  stalled: Counted<IncidentRef>;
  /** Closed incidents, and those closed with a nonconformity or improvement raised. */
  closed: number;
  closedWithRaised: number;
  /** Closed incidents with neither an action against recurrence written nor anything raised. */
  withoutRecurrenceAction: Counted<IncidentRef>;
  /** Closed incidents whose record in the records area is missing. */
  withoutRecord: Counted<IncidentRef>;
}

export interface EventLogFacts {
  /** Entries of the last 12 months written from Mamoru's own actions and by hand. */
  auto12m: number;
  manual12m: number;
  /** When the latest entry made by hand happened (ISO), null without one. */
  lastManualAt: string | null;
}

// PGlite returns json parsed, node-postgres too; strings only from older drivers.
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const counted = (count: unknown, refs: unknown): Counted<IncidentRef> => ({
  count: Number(count ?? 0),
  refs: parseJson<IncidentRef[]>(refs ?? []),
});

/** Count and the first few incidents (in number order) of the boolean column `flag` of `facts`. */
const fault = (flag: string) =>
  sql.raw(`(select count(*) from facts where ${flag})::int as ${flag},
    (select coalesce(json_agg(json_build_object('id', x.id, 'number', x.number,
        'type', x.type) order by x.number), '[]')
      from (select id, number, type from facts where ${flag}
        order by number limit ${INCIDENT_LINK_CAP}) x) as ${flag}_refs`);

export async function incidentFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<IncidentFacts> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with target as (
      select h as hours, make_interval(hours => h) as target
      from (select coalesce((select triage_target_hours from incident_settings
        where organization_id = ${org}), 24) as h) x
    ), raised as (
      -- Incidents a nonconformity or an improvement was raised from (one pass each).
      select (source_link->>'id') as id from nonconformities
        where organization_id = ${org} and source_link->>'type' = 'incident'
      union
      select (source_link->>'id') from improvements
        where organization_id = ${org} and source_link->>'type' = 'incident'
    ), activity as (
      select l.incident_id, max(l.at) as last_entry from incident_timeline l
        where l.organization_id = ${org} group by l.incident_id
    ), facts as (
      select i.id, i.number, i.type, i.channel, i.status,
        i.reported_at >= ${today}::date - interval '12 months' as recent,
        i.triaged_at is not null as triaged,
        i.status = 'closed' and r.id is not null as raised,
        i.reported_at >= ${today}::date - interval '12 months'
          and i.triaged_at > i.reported_at + t.target as triaged_late,
        i.status = 'reported' and i.reported_at + t.target < now() as untriaged_late,
        i.status not in ('reported', 'closed')
          and greatest(i.triaged_at, i.contained_at, i.eradicated_at, i.recovered_at, a.last_entry)
            < now() - interval '30 days' as stalled,
        i.status = 'closed' and r.id is null and length(btrim(i.recurrence_prevention)) = 0
          as without_action,
        i.status = 'closed' and rec.id is null as without_record
      from incidents i cross join target t
      left join raised r on r.id = i.id::text
      left join activity a on a.incident_id = i.id
      left join records rec on rec.id = i.record_id and rec.organization_id = ${org}
      where i.organization_id = ${org}
    )
    select
      coalesce((select array_agg(code order by code) from documents d
        where d.organization_id = ${org} and d.status = 'issued' and d.type = 'procedure'
          and exists (select 1 from unnest(d.requirement_ids) r
            where r = '4.2.2.g' or r like '4.2.2.g.%')), '{}') as procedures,
      (select hours from target) as target_hours,
      (select count(*) from facts)::int as total,
      (select count(*) from facts where recent)::int as reported,
      (select count(*) from facts where recent
        and type in ('incident', 'suspected', 'weakness'))::int as breaches,
      (select count(*) from facts where recent and type = 'malfunction')::int as malfunctions,
      (select count(*) from facts where recent and channel = 'api')::int as tool_reports,
      (select count(*) from facts where recent and triaged)::int as triaged,
      (select count(*) from facts where status = 'closed')::int as closed,
      (select count(*) from facts where raised)::int as closed_raised,
      ${fault('triaged_late')}, ${fault('untriaged_late')}, ${fault('stalled')},
      ${fault('without_action')}, ${fault('without_record')}`,
  );
  const r = row!;
  const n = (k: string) => Number(r[k] ?? 0);
  const c = (k: string) => counted(r[k], r[`${k}_refs`]);
  return {
    procedures: (r.procedures as string[] | null) ?? [],
    triageTargetHours: n('target_hours'),
    total: n('total'),
    reported12m: n('reported'),
    breaches12m: n('breaches'),
    malfunctions12m: n('malfunctions'),
    toolReports12m: n('tool_reports'),
    triaged12m: n('triaged'),
    triagedLate: c('triaged_late'),
    untriagedLate: c('untriaged_late'),
    stalled: c('stalled'),
    closed: n('closed'),
    closedWithRaised: n('closed_raised'),
    withoutRecurrenceAction: c('without_action'),
    withoutRecord: c('without_record'),
  };
}

/** The event log's entries of the last 12 months, by who wrote them. */
export async function eventLogFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<EventLogFacts> {
  const [row] = await queryRows<{ auto: number; manual: number; last_manual: unknown }>(
    db,
    sql`
    select count(*) filter (where source = 'auto')::int as auto,
      count(*) filter (where source = 'manual')::int as manual,
      (select max(occurred_at) from isms_events where organization_id = ${org}
        and source = 'manual') as last_manual
    from isms_events
    where organization_id = ${org} and occurred_at >= ${today}::date - interval '12 months'`,
  );
  const last = row?.last_manual;
  return {
    auto12m: row?.auto ?? 0,
    manual12m: row?.manual ?? 0,
    lastManualAt: last == null ? null : new Date(last as string | Date).toISOString(),
  };
}
