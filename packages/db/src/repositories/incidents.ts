import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { incidentAssets, incidents, incidentTimeline } from '../tables/incidents.ts';
import { overdueClocksSql, timeZoneSql } from './incidents-clocks.ts';
import { visibleIncidentsSql, type IncidentVisibility } from './incidents-access.ts';
import { likePattern } from './scope.ts';

/**
 * Incidents: numbering, the report (merged into an open incident with the same
 * external reference), updates under a version, the timeline, and the list
 * with its visibility filter, triage-overdue flag and overdue clocks in SQL.
 */

export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncident = Omit<typeof incidents.$inferInsert, 'id' | 'number'>;
export type NewTimelineEntry = typeof incidentTimeline.$inferInsert;

/** Serializes numbering per organization (numbers are shown as INC-0001). */
export async function lockNumbering(db: Executor, organizationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`incidents:${organizationId}`}))`);
}

/**
 * Inserts a report with the next number, or, when an open incident of the
 * organization holds the same external reference, counts the report on it
 * (the partial unique index decides). The caller holds lockNumbering.
 */
export async function insertOrMergeIncident(db: Executor, values: NewIncident) {
  const [row] = await db
    .insert(incidents)
    .values({
      ...values,
      number: sql`(select coalesce(max(number), 0) + 1 from incidents where organization_id = ${values.organizationId})`,
    })
    .onConflictDoUpdate({
      target: [incidents.organizationId, incidents.externalRef],
      targetWhere: sql`external_ref is not null and status <> 'closed'`,
      set: {
        repeatCount: sql`${incidents.repeatCount} + 1`,
        version: sql`${incidents.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: incidents.id, inserted: sql<boolean>`(xmax = 0)` });
  return row!;
}

export async function getIncidentRow(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, id)));
  return row ?? null;
}

/** Updates under the expected version; null when it moved on (or the row is not the org's). */
export async function updateIncident(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewIncident, 'organizationId'>>,
) {
  const [row] = await db
    .update(incidents)
    .set({ ...values, version: sql`${incidents.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(incidents.organizationId, organizationId),
        eq(incidents.id, id),
        eq(incidents.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Replaces the incident's assets with those of the organization; returns how many were found. */
export async function setIncidentAssets(
  db: Executor,
  organizationId: string,
  incidentId: string,
  assetIds: readonly string[],
) {
  await db.delete(incidentAssets).where(eq(incidentAssets.incidentId, incidentId));
  if (assetIds.length === 0) return 0;
  const rows = await queryRows<{ asset_id: string }>(
    db,
    sql`insert into incident_assets (incident_id, asset_id)
      select ${incidentId}, a.id from assets a
      where a.organization_id = ${organizationId} and a.id = any(${sql.param([...new Set(assetIds)])}::uuid[])
      returning asset_id`,
  );
  return rows.length;
}

export async function insertTimeline(db: Executor, entries: NewTimelineEntry[]) {
  if (entries.length > 0) await db.insert(incidentTimeline).values(entries);
}

/** Whether each id is an object of the organization in `table` (trusted name). */
export async function existsInOrg(
  db: Executor,
  table: 'org_units' | 'locations' | 'users',
  organizationId: string,
  id: string,
) {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from ${sql.identifier(table)}
      where organization_id = ${organizationId} and id = ${id}) as found`,
  );
  return row?.found ?? false;
}

/** The columns the list and the detail share (alias `i`). */
export const LIST_COLUMNS = sql`i.id, i.number, i.type, i.title, i.status, i.severity, i.priority,
  i.confidential, i.personal_data as "personalData", i.discovered_at as "discoveredAt",
  i.reported_at as "reportedAt", i.closed_at as "closedAt", i.unit_id as "unitId",
  un.name as "unitName", i.reporter_id as "reporterId", ru.display_name as "reporterName",
  i.assignee_id as "assigneeId", au.display_name as "assigneeName", i.channel,
  i.repeat_count as "repeatCount", i.version,
  (i.status = 'reported' and i.reported_at < now() - make_interval(hours =>
    coalesce((select s.triage_target_hours from incident_settings s
      where s.organization_id = i.organization_id), 24))) as "triageOverdue",
  (case when i.status = 'closed' then 0
    else ${overdueClocksSql(sql`i`, timeZoneSql(sql`i.organization_id`))} end) as "overdueClocks"`;

export const LIST_JOINS = sql`left join org_units un on un.id = i.unit_id
  left join users ru on ru.id = i.reporter_id
  left join users au on au.id = i.assignee_id`;

export interface IncidentListRow {
  id: string;
  number: number;
  type: string;
  title: string;
  status: string;
  severity: string | null;
  priority: number | null;
  confidential: boolean;
  personalData: boolean;
  discoveredAt: Date | string;
  reportedAt: Date | string;
  closedAt: Date | string | null;
  unitId: string | null;
  unitName: string | null;
  reporterId: string | null;
  reporterName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  channel: string;
  repeatCount: number;
  version: number;
  triageOverdue: boolean;
  overdueClocks: number;
}

export interface IncidentFilter {
  status?: readonly string[] | undefined;
  type?: string | undefined;
  severity?: string | undefined;
  unitId?: string | undefined;
  reporterId?: string | undefined;
  assigneeId?: string | undefined;
  open?: boolean | undefined;
  confidential?: boolean | undefined;
  /** Discovered on or after / before the end of (dates in the organization's time zone). */
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export type IncidentSort = 'discovered_desc' | 'priority' | 'number_desc';

/** Keyset keys per sort: the value compared and its cursor types. */
function keyset(sort: IncidentSort, after: (string | number)[] | null) {
  switch (sort) {
    case 'number_desc':
      return {
        select: sql`i.number::text as "sortKey"`,
        order: sql`i.number desc`,
        where: after ? sql`i.number < ${Number(after[0])}` : undefined,
      };
    case 'priority':
      return {
        select: sql`coalesce(i.priority, 9)::text as "sortKey"`,
        order: sql`coalesce(i.priority, 9), i.number desc`,
        where: after
          ? sql`(coalesce(i.priority, 9) > ${Number(after[0])} or (coalesce(i.priority, 9) = ${Number(after[0])} and i.number < ${Number(after[1])}))`
          : undefined,
      };
    default:
      return {
        select: sql`i.discovered_at::text as "sortKey"`,
        order: sql`i.discovered_at desc, i.number desc`,
        where: after
          ? sql`(i.discovered_at, i.number) < (${String(after[0])}::timestamptz, ${Number(after[1])})`
          : undefined,
      };
  }
}

const CURSOR_TYPES = {
  number_desc: ['int'],
  priority: ['int', 'int'],
  discovered_desc: ['timestamptz', 'int'],
} as const;

export async function listIncidents(
  db: Executor,
  organizationId: string,
  visibility: IncidentVisibility,
  f: IncidentFilter,
  sort: IncidentSort,
  page: { limit: number; cursor?: string | undefined },
) {
  const tz = timeZoneSql(organizationId);
  const where: SQL[] = [sql`i.organization_id = ${organizationId}`];
  where.push(visibleIncidentsSql(sql`i`, visibility));
  if (f.status?.length) where.push(sql`i.status = any(${sql.param([...f.status])}::text[])`);
  if (f.type) where.push(sql`i.type = ${f.type}`);
  if (f.severity) where.push(sql`i.severity = ${f.severity}`);
  if (f.unitId) where.push(sql`i.unit_id = ${f.unitId}`);
  if (f.reporterId) where.push(sql`i.reporter_id = ${f.reporterId}`);
  if (f.assigneeId) where.push(sql`i.assignee_id = ${f.assigneeId}`);
  if (f.open !== undefined)
    where.push(f.open ? sql`i.status <> 'closed'` : sql`i.status = 'closed'`);
  if (f.confidential !== undefined) where.push(sql`i.confidential = ${f.confidential}`);
  if (f.from) where.push(sql`i.discovered_at >= (${f.from}::date::timestamp at time zone ${tz})`);
  if (f.to) {
    where.push(sql`i.discovered_at < ((${f.to}::date + 1)::timestamp at time zone ${tz})`);
  }
  if (f.q) {
    const pattern = likePattern(f.q);
    where.push(sql`(i.title ilike ${pattern} or i.description ilike ${pattern}
      or i.external_ref ilike ${pattern} or ('INC-' || lpad(i.number::text, 4, '0')) ilike ${pattern})`);
  }
  const after = decodeCursor(page.cursor, CURSOR_TYPES[sort].length, CURSOR_TYPES[sort]);
  const k = keyset(sort, after);
  if (k.where) where.push(k.where);
  const rows = await queryRows<IncidentListRow & { sortKey: string }>(
    db,
    sql`select ${LIST_COLUMNS}, ${k.select} from incidents i ${LIST_JOINS}
      where ${sql.join(where, sql` and `)} order by ${k.order} limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) =>
    sort === 'number_desc'
      ? [r.number]
      : sort === 'priority'
        ? [Number(r.sortKey), r.number]
        : [r.sortKey, r.number],
  );
}

/** Stores the record type incident records are kept under (creating the settings row if need be). */
export async function setIncidentRecordType(db: Executor, organizationId: string, typeId: string) {
  await db.execute(
    sql`insert into incident_settings (organization_id, record_type_id)
      values (${organizationId}, ${typeId})
      on conflict (organization_id) do update set record_type_id = excluded.record_type_id`,
  );
}

/** Links the record kept at closing (no version bump: part of the closing write). */
export async function setIncidentRecordId(
  db: Executor,
  organizationId: string,
  id: string,
  recordId: string,
) {
  await db
    .update(incidents)
    .set({ recordId })
    .where(and(eq(incidents.organizationId, organizationId), eq(incidents.id, id)));
}

/** Serializes the first closings of an organization, so that one record type is created. */
export async function lockRecordTypeCreation(db: Executor, organizationId: string) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`incident-record-type:${organizationId}`}))`,
  );
}
