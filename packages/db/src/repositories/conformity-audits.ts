import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the internal audits (4.2.3.d, 6.4): the programme in
 * force, what the cycle audited, reports, independence and overdue findings.
 * A few set-based queries; lists are capped so the check stays fast.
 */

const LIST_CAP = 20;
const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

export interface AuditRef {
  id: string;
  code: string;
}

/** A requirement item or control: its ID and how the standard prints it. */
export interface CatalogRef {
  id: string;
  displayId: string;
}

export interface AuditProgrammeFacts {
  id: string;
  fiscalYear: number;
  number: number;
  periodStart: string;
  periodEnd: string;
  approvedAt: string | null;
  approvedByTopManagement: boolean;
  cycleMonths: number;
}

export interface AuditConflictRef {
  auditId: string;
  code: string;
  userId: string;
  userName: string;
}

export interface OverdueFindingRef {
  id: string;
  auditId: string;
  code: string;
  number: number;
  dueDate: string;
  requirementId: string | null;
  controlId: string | null;
}

export interface AuditFacts {
  /** The approved programme whose period holds today (the current cycle), else null. */
  programme: AuditProgrammeFacts | null;
  /** Status of the latest programme version when none is approved for today. */
  latestProgrammeStatus: string | null;
  cycleMonths: number;
  /** Audits of the current programme (planned or done). */
  programmeAudits: number;
  /** Audits with an approved (or acknowledged) report inside the cycle. */
  reportedAudits: number;
  /** Audits past their end date without an approved report. */
  unreported: number;
  unreportedAudits: AuditRef[];
  /** Requirement items of 第4–第7 and how many an approved report's checklist covered in the cycle. */
  requirementItems: number;
  unauditedRequirements: CatalogRef[];
  /** Applicable controls of the SoA in force, and those not audited in the cycle. */
  applicableControls: number;
  unauditedControls: CatalogRef[];
  /** Team members who audit their own unit, assets or documents. */
  conflicts: number;
  conflictRefs: AuditConflictRef[];
  /** Findings past their due date that are neither verified nor transferred. */
  overdueFindings: number;
  overdueFindingRefs: OverdueFindingRef[];
}

const DEFAULT_CYCLE_MONTHS = 12;

async function programmeFacts(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with current as (
      select * from audit_programmes where organization_id = ${org} and status = 'approved'
        and period_start <= ${today}::date and period_end >= ${today}::date
      order by fiscal_year desc, number desc limit 1)
    select c.id, c.fiscal_year, c.number, c.period_start::text as period_start,
      c.period_end::text as period_end, ${iso('c.approved_at')} as approved_at, c.cycle_months,
      coalesce('top_management' = any(u.roles), false) as by_top,
      -- Audits of the programme's fiscal year: a later version of the programme, or an
      -- audit planned without naming it, still belongs to the cycle.
      (select count(*)::int from audits a where a.organization_id = ${org}
        and a.fiscal_year = c.fiscal_year) as audits,
      (select p.status from audit_programmes p where p.organization_id = ${org}
        order by p.fiscal_year desc, p.number desc limit 1) as latest_status
    from (select 1) one
    left join current c on true
    left join users u on u.id = c.approved_by`,
  );
  const r = row!;
  const programme: AuditProgrammeFacts | null = r.id
    ? {
        id: r.id as string,
        fiscalYear: r.fiscal_year as number,
        number: r.number as number,
        periodStart: r.period_start as string,
        periodEnd: r.period_end as string,
        approvedAt: (r.approved_at as string | null) ?? null,
        approvedByTopManagement: r.by_top === true,
        cycleMonths: r.cycle_months as number,
      }
    : null;
  return {
    programme,
    latestProgrammeStatus: (r.latest_status as string | null) ?? null,
    programmeAudits: programme ? Number(r.audits ?? 0) : 0,
  };
}

/** Reports and coverage of the cycle: lines answered in audits whose report is approved. */
async function coverageFacts(db: Executor, org: string, today: string, cycle: number) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with since as (select (${today}::date - make_interval(months => ${cycle}))::date as d),
    reported as (
      select a.id from audits a join audit_reports r on r.audit_id = a.id
      where a.organization_id = ${org} and r.status in ('approved', 'acknowledged')
        and r.approved_at >= (select d from since)),
    lines as (
      select l.kind, l.ref_id from audit_checklist_lines l
      where l.organization_id = ${org} and l.result is not null and l.ref_id is not null
        and l.audit_id in (select id from reported)),
    items as (
      select n.node_id, n.display_id, n.ancestor_ids, n.position from catalog_nodes n
      join catalog_libraries lib on lib.id = n.library_id
      where lib.library_id = 'jipdec-isms-2.0' and lib.organization_id is null
        and n.organization_id is null and n.namespace = 'requirement'
        and n.node_id ~ '^[4-7]\\.'
        and not exists (select 1 from catalog_nodes c where c.library_id = n.library_id
          and c.namespace = 'requirement' and c.parent_id = n.node_id)),
    unaudited_items as (
      select i.node_id, i.display_id, i.position from items i where not exists (select 1 from lines l
        where l.kind = 'requirement' and (l.ref_id = i.node_id or l.ref_id = any(i.ancestor_ids)))),
    soa as (
      select v.id from soa_versions v where v.organization_id = ${org} and v.status = 'approved'
      order by v.approved_at desc nulls last limit 1),
    controls as (
      select e.control_id from soa_entries e
      where e.soa_version_id = (select id from soa) and e.applicable),
    unaudited_controls as (
      select c.control_id, coalesce(
          (select n.display_id from catalog_nodes n where n.namespace = 'control'
            and n.node_id = c.control_id
            and (n.organization_id is null or n.organization_id = ${org}) limit 1),
          c.control_id) as display_id
      from controls c where not exists (select 1 from lines l
        where l.kind = 'control' and l.ref_id = c.control_id)),
    unreported as (
      select a.id, a.code from audits a left join audit_reports r on r.audit_id = a.id
      where a.organization_id = ${org} and a.planned_end < ${today}::date
        and coalesce(r.status, 'draft') = 'draft')
    select
      (select count(*)::int from reported) as reported,
      (select count(*)::int from items) as items,
      (select coalesce(json_agg(json_build_object('id', node_id, 'displayId', display_id)
        order by position), '[]') from unaudited_items) as unaudited_items,
      (select count(*)::int from controls) as controls,
      (select coalesce(json_agg(json_build_object('id', control_id, 'displayId', display_id)
        order by string_to_array(control_id, '.')), '[]') from unaudited_controls)
        as unaudited_controls,
      (select count(*)::int from unreported) as unreported,
      (select coalesce(json_agg(json_build_object('id', id, 'code', code) order by code), '[]')
        from (select * from unreported order by code limit ${LIST_CAP}) u) as unreported_refs`,
  );
  const r = row!;
  return {
    reportedAudits: Number(r.reported ?? 0),
    requirementItems: Number(r.items ?? 0),
    unauditedRequirements: parseJson<CatalogRef[]>(r.unaudited_items),
    applicableControls: Number(r.controls ?? 0),
    unauditedControls: parseJson<CatalogRef[]>(r.unaudited_controls),
    unreported: Number(r.unreported ?? 0),
    unreportedAudits: parseJson<AuditRef[]>(r.unreported_refs),
  };
}

// PGlite returns json as parsed values, node-postgres too; strings only from older drivers.
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * Independence: a team member of an audit still open or inside the cycle who
 * belongs to or heads an auditee unit, owns an asset in scope, or authored or
 * approved a document in scope.
 */
async function conflictFacts(db: Executor, org: string, today: string, cycle: number) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with a as (
      select * from audits where organization_id = ${org}
        and (status <> 'closed'
          or planned_end >= (${today}::date - make_interval(months => ${cycle}))::date)),
    c as (
      select distinct a.id as audit_id, a.code, u.id as user_id, u.display_name
      from a join audit_team_members t on t.audit_id = a.id
      join users u on u.id = t.user_id
      left join internal_auditors ia on ia.organization_id = ${org} and ia.user_id = u.id
      where u.org_unit_id = any(a.auditee_unit_ids)
        or coalesce(ia.unit_ids && a.auditee_unit_ids, false)
        or exists (select 1 from org_units ou where ou.id = any(a.auditee_unit_ids)
          and ou.manager_user_id = u.id)
        or exists (select 1 from assets s where s.organization_id = ${org}
          and s.id = any(a.scope_asset_ids) and s.owner_user_id = u.id)
        or exists (select 1 from document_versions v where v.organization_id = ${org}
          and v.document_id = any(a.scope_document_ids)
          and (v.created_by = u.id or v.approved_by = u.id)))
    select (select count(*)::int from c) as n,
      (select coalesce(json_agg(json_build_object('auditId', audit_id, 'code', code,
        'userId', user_id, 'userName', display_name) order by code, display_name), '[]')
        from (select * from c order by code, display_name limit ${LIST_CAP}) x) as refs`,
  );
  return {
    conflicts: Number(row?.n ?? 0),
    conflictRefs: parseJson<AuditConflictRef[]>(row?.refs ?? []),
  };
}

async function overdueFacts(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with f as (
      select f.id, f.audit_id, a.code, f.number, f.due_date::text as due_date,
        f.requirement_id, f.control_id
      from audit_findings f join audits a on a.id = f.audit_id
      where f.organization_id = ${org} and f.due_date < ${today}::date
        and f.status in ('open', 'corrected'))
    select (select count(*)::int from f) as n,
      (select coalesce(json_agg(json_build_object('id', id, 'auditId', audit_id, 'code', code,
        'number', number, 'dueDate', due_date, 'requirementId', requirement_id,
        'controlId', control_id) order by due_date, code, number), '[]')
        from (select * from f order by due_date, code, number limit ${LIST_CAP}) x) as refs`,
  );
  return {
    overdueFindings: Number(row?.n ?? 0),
    overdueFindingRefs: parseJson<OverdueFindingRef[]>(row?.refs ?? []),
  };
}

export async function internalAuditFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<AuditFacts> {
  const programme = await programmeFacts(db, org, today);
  const cycleMonths = programme.programme?.cycleMonths ?? DEFAULT_CYCLE_MONTHS;
  return {
    ...programme,
    cycleMonths,
    ...(await coverageFacts(db, org, today, cycleMonths)),
    ...(await conflictFacts(db, org, today, cycleMonths)),
    ...(await overdueFacts(db, org, today)),
  };
}
