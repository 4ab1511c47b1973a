import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { visibleIncidentsSql, type IncidentVisibility } from './incidents-access.ts';
import { overdueClocksSql } from './incidents-clocks.ts';

/**
 * The incident register an auditor asks for (4.3.3; annex 6.3): every visible
 * incident matching the list's filters, one query, its times already in the
 * organization's time zone.
 */

export interface RegisterFilter {
  status?: string[];
  type?: string;
  severity?: string;
  unitId?: string;
  mine?: 'reported' | 'assigned';
  open?: boolean;
  confidential?: boolean;
  /** Discovery dates (YYYY-MM-DD, in the organization's time zone), both included. */
  from?: string;
  to?: string;
  q?: string;
}

export interface RegisterRow {
  number: number;
  type: string;
  title: string;
  status: string;
  severity: string | null;
  urgency: string | null;
  priority: number | null;
  confidential: boolean;
  personalData: boolean;
  personalRecords: number | null;
  affects: string;
  unitName: string | null;
  place: string;
  discoveredAt: string;
  reportedAt: string;
  triagedAt: string | null;
  closedAt: string | null;
  reporterName: string | null;
  assigneeName: string | null;
  downtimeMinutes: number | null;
  costResponse: number | null;
  costRecovery: number | null;
  costLoss: number | null;
  rootCause: string;
  lessonsLearned: string;
  notificationsSent: number;
  overdueClocks: number;
}

function filterSql(f: RegisterFilter, userId: string | null, tz: string): SQL[] {
  const day = sql`(i.discovered_at at time zone ${tz})::date`;
  const where: SQL[] = [];
  if (f.status?.length) where.push(sql`i.status = any(${sql.param(f.status)}::text[])`);
  if (f.type) where.push(sql`i.type = ${f.type}`);
  if (f.severity) where.push(sql`i.severity = ${f.severity}`);
  if (f.unitId) where.push(sql`i.unit_id = ${f.unitId}`);
  if (f.mine === 'reported') where.push(sql`i.reporter_id = ${userId}`);
  if (f.mine === 'assigned') where.push(sql`i.assignee_id = ${userId}`);
  if (f.open !== undefined)
    where.push(f.open ? sql`i.status <> 'closed'` : sql`i.status = 'closed'`);
  if (f.confidential !== undefined) where.push(sql`i.confidential = ${f.confidential}`);
  if (f.from) where.push(sql`${day} >= ${f.from}::date`);
  if (f.to) where.push(sql`${day} <= ${f.to}::date`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(i.title ilike ${like} or i.description ilike ${like}
      or ('INC-' || lpad(i.number::text, 4, '0')) ilike ${like})`);
  }
  return where;
}

/** The register's rows, oldest number first, at most `limit`. */
export async function incidentRegister(
  db: Executor,
  org: string,
  visibility: IncidentVisibility,
  filter: RegisterFilter,
  tz: string,
  limit: number,
): Promise<RegisterRow[]> {
  const at = (column: string) =>
    sql`to_char(${sql.raw(column)} at time zone ${tz}, 'YYYY-MM-DD HH24:MI')`;
  const where = [
    sql`i.organization_id = ${org}`,
    visibleIncidentsSql(sql`i`, visibility),
    ...filterSql(filter, visibility.userId, tz),
  ];
  const rows = await queryRows<RegisterRow>(
    db,
    sql`select i.number, i.type, i.title, i.status, i.severity, i.urgency, i.priority,
        i.confidential, i.personal_data as "personalData", i.personal_records as "personalRecords",
        concat_ws('', case when i.affects_confidentiality then 'C' end,
          case when i.affects_integrity then 'I' end,
          case when i.affects_availability then 'A' end) as affects,
        u.name as "unitName", i.place,
        ${at('i.discovered_at')} as "discoveredAt", ${at('i.reported_at')} as "reportedAt",
        ${at('i.triaged_at')} as "triagedAt", ${at('i.closed_at')} as "closedAt",
        rp.display_name as "reporterName", asg.display_name as "assigneeName",
        i.downtime_minutes as "downtimeMinutes", i.cost_response as "costResponse",
        i.cost_recovery as "costRecovery", i.cost_loss as "costLoss",
        i.root_cause as "rootCause", i.lessons_learned as "lessonsLearned",
        (select count(*)::int from incident_notifications n where n.incident_id = i.id)
          as "notificationsSent",
        ${overdueClocksSql(sql`i`, sql`${tz}::text`)} as "overdueClocks"
      from incidents i
        left join org_units u on u.id = i.unit_id
        left join users rp on rp.id = i.reporter_id
        left join users asg on asg.id = i.assignee_id
      where ${sql.join(where, sql` and `)}
      order by i.number
      limit ${limit}`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    ...r,
    costResponse: num(r.costResponse),
    costRecovery: num(r.costRecovery),
    costLoss: num(r.costLoss),
    notificationsSent: Number(r.notificationsSent),
    overdueClocks: Number(r.overdueClocks),
  }));
}
