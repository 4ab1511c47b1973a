import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { auditReports } from '../tables/audits.ts';

/**
 * The audit report: its row (draft → approved → acknowledged) and the reads
 * it is generated from — the audit with the caller's relation to it, the
 * team, the checklist lines with their catalog titles, and the findings.
 */

export type AuditReportRow = typeof auditReports.$inferSelect;
type CatalogTitle = { ja?: string; en?: string };

/** The shipped criteria; titles of requirement items and annex controls come from it. */
const LIBRARY_ID = 'jipdec-isms-2.0';

export interface ReportAudit {
  id: string;
  code: string;
  title: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  openingMeetingAt: string | null;
  closingMeetingAt: string | null;
  leadAuditorId: string | null;
  auditeeUnitIds: string[];
  scopeProcesses: string[];
  requirementIds: string[];
  controlIds: string[];
  /** The caller's relation to the audit (reach 'own' and the report's roles). */
  onTeam: boolean;
  isLead: boolean;
  inAuditeeUnit: boolean;
  headsAuditeeUnit: boolean;
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** The audit and how the user stands to it, in one read; null when not in the organization. */
export async function reportAudit(
  db: Executor,
  org: string,
  auditId: string,
  userId: string | null,
): Promise<ReportAudit | null> {
  const [row] = await queryRows<ReportAudit>(
    db,
    sql`
    select a.id, a.code, a.title, a.status, a.planned_start::text as "plannedStart",
      a.planned_end::text as "plannedEnd",
      ${iso('a.opening_meeting_at')} as "openingMeetingAt",
      ${iso('a.closing_meeting_at')} as "closingMeetingAt",
      a.lead_auditor_id as "leadAuditorId", a.auditee_unit_ids as "auditeeUnitIds",
      a.scope_processes as "scopeProcesses", a.requirement_ids as "requirementIds",
      a.control_ids as "controlIds",
      exists (select 1 from audit_team_members t where t.audit_id = a.id
        and t.user_id = ${userId}) as "onTeam",
      (a.lead_auditor_id = ${userId} or exists (select 1 from audit_team_members t
        where t.audit_id = a.id and t.user_id = ${userId} and t.role = 'lead')) as "isLead",
      exists (select 1 from users u where u.id = ${userId} and u.org_unit_id = any(a.auditee_unit_ids))
        as "inAuditeeUnit",
      exists (select 1 from org_units ou where ou.organization_id = ${org}
        and ou.id = any(a.auditee_unit_ids) and ou.manager_user_id = ${userId})
        as "headsAuditeeUnit"
    from audits a where a.organization_id = ${org} and a.id = ${auditId}`,
  );
  if (!row) return null;
  return { ...row, isLead: row.isLead === true };
}

export async function getReport(db: Executor, org: string, auditId: string, forUpdate = false) {
  const q = db
    .select()
    .from(auditReports)
    .where(and(eq(auditReports.organizationId, org), eq(auditReports.auditId, auditId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Whether the audit's report is approved (or acknowledged): the audit may then be reported. */
export async function reportApproved(db: Executor, org: string, auditId: string) {
  const row = await getReport(db, org, auditId);
  return row?.status === 'approved' || row?.status === 'acknowledged';
}

/** The first save of a draft; null when another save got there first. */
export async function insertReport(db: Executor, values: typeof auditReports.$inferInsert) {
  const [row] = await db.insert(auditReports).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Changes the report if it still has the expected version; null when stale. */
export async function updateReport(
  db: Executor,
  org: string,
  auditId: string,
  expectedVersion: number,
  values: Partial<Omit<typeof auditReports.$inferInsert, 'auditId' | 'organizationId'>>,
) {
  const [row] = await db
    .update(auditReports)
    .set({ ...values, version: sql`${auditReports.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(auditReports.organizationId, org),
        eq(auditReports.auditId, auditId),
        eq(auditReports.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export interface ReportTeamRow {
  id: string;
  name: string;
  role: 'lead' | 'member';
}

/** The team, the lead auditor first; a lead named only on the audit counts as lead. */
export async function reportTeam(db: Executor, org: string, auditId: string) {
  return queryRows<ReportTeamRow>(
    db,
    sql`
    select u.id, u.display_name as name,
      case when t.role = 'lead' or a.lead_auditor_id = u.id then 'lead' else 'member' end as role
    from audits a
    join users u on u.id in (select t2.user_id from audit_team_members t2 where t2.audit_id = a.id)
      or u.id = a.lead_auditor_id
    left join audit_team_members t on t.audit_id = a.id and t.user_id = u.id
    where a.organization_id = ${org} and a.id = ${auditId}
    order by (t.role = 'lead' or a.lead_auditor_id = u.id) desc, u.display_name`,
  );
}

export interface ReportLineRow {
  kind: 'requirement' | 'control' | 'custom';
  refId: string | null;
  displayId: string | null;
  title: CatalogTitle | null;
  ancestorIds: string[] | null;
  promptJa: string;
  promptEn: string;
  result: string | null;
  notes: string;
}

/** The checklist in order, each line with its catalog node (one join). */
export async function reportLines(db: Executor, org: string, auditId: string) {
  return queryRows<ReportLineRow>(
    db,
    sql`
    select l.kind, l.ref_id as "refId", n.display_id as "displayId", n.title,
      n.ancestor_ids as "ancestorIds", l.prompt_ja as "promptJa", l.prompt_en as "promptEn",
      l.result, l.notes
    from audit_checklist_lines l
    left join lateral (
      select c.display_id, c.title, c.ancestor_ids from catalog_nodes c
      join catalog_libraries lib on lib.id = c.library_id and lib.library_id = ${LIBRARY_ID}
      where c.namespace = l.kind and c.node_id = l.ref_id
        and (c.organization_id is null or c.organization_id = ${org})
      limit 1) n on true
    where l.organization_id = ${org} and l.audit_id = ${auditId}
    order by l.position, l.id`,
  );
}

export interface CatalogNodeRow {
  namespace: 'requirement' | 'control';
  id: string;
  displayId: string;
  title: CatalogTitle;
}

/** Catalog nodes by ID per namespace (clause and domain headings, scope, findings). */
export async function catalogNodes(
  db: Executor,
  org: string,
  requirementIds: string[],
  controlIds: string[],
) {
  if (requirementIds.length + controlIds.length === 0) return [];
  return queryRows<CatalogNodeRow>(
    db,
    sql`
    select c.namespace, c.node_id as id, c.display_id as "displayId", c.title
    from catalog_nodes c
    join catalog_libraries lib on lib.id = c.library_id and lib.library_id = ${LIBRARY_ID}
    where (c.organization_id is null or c.organization_id = ${org})
      and ((c.namespace = 'requirement' and c.node_id = any(${sql.param(requirementIds)}::text[]))
        or (c.namespace = 'control' and c.node_id = any(${sql.param(controlIds)}::text[])))
    order by c.namespace desc, c.position`,
  );
}

export interface ReportFindingRow {
  id: string;
  number: number;
  kind: string;
  requirementId: string | null;
  controlId: string | null;
  unit: string | null;
  description: string;
  dueDate: string | null;
  status: string;
}

export async function reportFindings(db: Executor, org: string, auditId: string) {
  return queryRows<ReportFindingRow>(
    db,
    sql`
    select f.id, f.number, f.kind, f.requirement_id as "requirementId",
      f.control_id as "controlId", ou.name as unit, f.description,
      f.due_date::text as "dueDate", f.status
    from audit_findings f
    left join org_units ou on ou.id = f.unit_id and ou.organization_id = ${org}
    where f.organization_id = ${org} and f.audit_id = ${auditId}
    order by f.number`,
  );
}

/** Names of the auditee units, in the audit's order. */
export async function unitNames(db: Executor, org: string, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; name: string }>(
    db,
    sql`
    select ou.id, ou.name from org_units ou
    where ou.organization_id = ${org} and ou.id = any(${sql.param(ids)}::uuid[])
    order by array_position(${sql.param(ids)}::uuid[], ou.id)`,
  );
}
