import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import type { PriorityMatrix } from '../tables/incidents.ts';

/**
 * What every part of the incidents area reads the same way: the settings (with
 * their defaults when the organization has no row yet), the active notification
 * obligations, the notifications sent, and the SQL form of a notification
 * clock's deadline (the same rule as the domain's `deadlineOf`: calendar days
 * end at the end of the last day in the organization's time zone).
 */

export const DEFAULT_TRIAGE_TARGET_HOURS = 24;
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export interface IncidentSettingsRow {
  teamRoleId: string | null;
  teamUnitId: string | null;
  triageTargetHours: number;
  priorityMatrix: PriorityMatrix | null;
  timeZone: string;
  recordTypeId: string | null;
  /** 0 while the organization has no row yet. */
  version: number;
}

export async function incidentSettingsOf(db: Executor, org: string): Promise<IncidentSettingsRow> {
  const [row] = await queryRows<IncidentSettingsRow>(
    db,
    sql`select team_role_id as "teamRoleId", team_unit_id as "teamUnitId",
        triage_target_hours as "triageTargetHours", priority_matrix as "priorityMatrix",
        time_zone as "timeZone", record_type_id as "recordTypeId", version
      from incident_settings where organization_id = ${org}`,
  );
  return (
    row ?? {
      teamRoleId: null,
      teamUnitId: null,
      triageTargetHours: DEFAULT_TRIAGE_TARGET_HOURS,
      priorityMatrix: null,
      timeZone: DEFAULT_TIME_ZONE,
      recordTypeId: null,
      version: 0,
    }
  );
}

export interface ObligationRow {
  id: string;
  presetKey: string | null;
  name: string;
  nameEn: string;
  recipient: string;
  appliesToTypes: string[];
  requiresPersonalData: boolean;
  deadlineDays: number | null;
  deadlineDaysWrongfulIntent: number | null;
  deadlineHours: number | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

/** The organization's obligations in their order (active ones only unless asked). */
export async function obligationsOf(db: Executor, org: string, activeOnly = true) {
  return queryRows<ObligationRow>(
    db,
    sql`select id, preset_key as "presetKey", name, name_en as "nameEn", recipient,
        applies_to_types as "appliesToTypes", requires_personal_data as "requiresPersonalData",
        deadline_days as "deadlineDays",
        deadline_days_wrongful_intent as "deadlineDaysWrongfulIntent",
        deadline_hours as "deadlineHours", sort_order as "sortOrder", active, version
      from incident_obligations
      where organization_id = ${org} ${activeOnly ? sql`and active` : sql``}
      order by sort_order, name`,
  );
}

export interface NotificationRow {
  id: string;
  incidentId: string;
  obligationId: string | null;
  recipient: string;
  sentAt: Date;
  channel: string;
  summary: string;
  sentById: string | null;
  sentByName: string | null;
}

/** Notifications sent for the given incidents, oldest first. */
export async function notificationsOf(db: Executor, org: string, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  const rows = await queryRows<NotificationRow & { sentAt: string | Date }>(
    db,
    sql`select n.id, n.incident_id as "incidentId", n.obligation_id as "obligationId",
        n.recipient, n.sent_at as "sentAt", n.channel, n.summary,
        n.sent_by as "sentById", u.display_name as "sentByName"
      from incident_notifications n left join users u on u.id = n.sent_by
      where n.organization_id = ${org} and n.incident_id = any(${sql.param([...incidentIds])}::uuid[])
      order by n.sent_at, n.created_at`,
  );
  return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt) }));
}

/** The organization's time zone for clocks, as SQL (the default without settings). */
export const timeZoneSql = (org: SQL | string) =>
  sql`coalesce((select time_zone from incident_settings where organization_id = ${org}), ${DEFAULT_TIME_ZONE})`;

/**
 * The deadline of obligation `o` for incident `i` (aliases, trusted SQL), or
 * null for "promptly". `tz` is SQL yielding the time zone name.
 */
export function clockDueSql(i: SQL, o: SQL, tz: SQL): SQL {
  const days = sql`case when ${i}.wrongful_intent and ${o}.deadline_days_wrongful_intent is not null
    then ${o}.deadline_days_wrongful_intent else ${o}.deadline_days end`;
  return sql`case
    when ${o}.deadline_hours is not null
      then ${i}.discovered_at + make_interval(hours => ${o}.deadline_hours)
    when (${days}) is not null
      then ((((${i}.discovered_at at time zone ${tz})::date + (${days}) + 1)::timestamp
        at time zone ${tz}) - interval '1 millisecond')
    end`;
}

/** Whether obligation `o` applies to incident `i` (the domain's `obligationApplies`). */
export function obligationAppliesSql(i: SQL, o: SQL): SQL {
  return sql`(${o}.active and ${i}.type = any(${o}.applies_to_types)
    and (not ${o}.requires_personal_data or ${i}.personal_data))`;
}

/**
 * The number of incident `i`'s clocks past their deadline with nothing sent for
 * them; with `withinHours`, also those due within that many hours from now.
 */
export function overdueClocksSql(i: SQL, tz: SQL, withinHours = 0): SQL {
  const o = sql`ob`;
  const due = clockDueSql(i, o, tz);
  const horizon = withinHours ? sql`now() + make_interval(hours => ${withinHours})` : sql`now()`;
  return sql`(select count(*)::int from incident_obligations ob
    where ob.organization_id = ${i}.organization_id and ${obligationAppliesSql(i, o)}
      and (${due}) < ${horizon}
      and not exists (select 1 from incident_notifications nn
        where nn.incident_id = ${i}.id and nn.obligation_id = ob.id))`;
}
