import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import type { EvidenceLink } from '../tables/records.ts';

/** Findings of internal audits as lists show them: with their audit, unit and people. */

export interface FindingView {
  id: string;
  auditId: string;
  auditCode: string;
  auditTitle: string;
  auditStatus: string;
  lineId: string | null;
  number: number;
  kind: string;
  requirementId: string | null;
  controlId: string | null;
  unitId: string | null;
  unitName: string | null;
  description: string;
  evidence: EvidenceLink[];
  dueDate: string | null;
  overdue: boolean;
  status: string;
  correction: string;
  correctedBy: string | null;
  correctedByName: string | null;
  correctedAt: Date | string | null;
  verifiedBy: string | null;
  verifiedByName: string | null;
  verifiedAt: Date | string | null;
  verificationNote: string;
  nonconformityId: string | null;
  version: number;
  createdAt: Date | string;
}

export interface FindingFilter {
  auditId?: string | undefined;
  findingId?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  unitId?: string | undefined;
  requirementId?: string | undefined;
  controlId?: string | undefined;
  overdue?: boolean | undefined;
  /**
   * 'own' reach: only findings of audits the user is on the team of, or whose
   * auditee units (or the finding's unit) include the user's unit.
   */
  visibleTo?: string | undefined;
}

const select = (org: string, today: string) => sql`
  select f.id, f.audit_id as "auditId", a.code as "auditCode", a.title as "auditTitle",
    a.status as "auditStatus", f.line_id as "lineId", f.number, f.kind,
    f.requirement_id as "requirementId", f.control_id as "controlId", f.unit_id as "unitId",
    ou.name as "unitName", f.description, f.evidence, f.due_date::text as "dueDate",
    (f.due_date < ${today}::date and f.status in ('open', 'corrected')) as overdue,
    f.status, f.correction, f.corrected_by as "correctedBy", cu.display_name as "correctedByName",
    f.corrected_at as "correctedAt", f.verified_by as "verifiedBy",
    vu.display_name as "verifiedByName", f.verified_at as "verifiedAt",
    f.verification_note as "verificationNote", f.nonconformity_id as "nonconformityId",
    f.version, f.created_at as "createdAt"
  from audit_findings f
  join audits a on a.id = f.audit_id and a.organization_id = f.organization_id
  left join org_units ou on ou.id = f.unit_id and ou.organization_id = f.organization_id
  left join users cu on cu.id = f.corrected_by
  left join users vu on vu.id = f.verified_by
  where f.organization_id = ${org}::uuid`;

function conditions(f: FindingFilter, today: string): SQL[] {
  const c: SQL[] = [];
  if (f.auditId) c.push(sql`f.audit_id = ${f.auditId}::uuid`);
  if (f.findingId) c.push(sql`f.id = ${f.findingId}::uuid`);
  if (f.status) c.push(sql`f.status = ${f.status}`);
  if (f.kind) c.push(sql`f.kind = ${f.kind}`);
  if (f.unitId) c.push(sql`f.unit_id = ${f.unitId}::uuid`);
  if (f.requirementId) c.push(sql`f.requirement_id = ${f.requirementId}`);
  if (f.controlId) c.push(sql`f.control_id = ${f.controlId}`);
  if (f.overdue !== undefined) {
    const overdue = sql`(f.due_date < ${today}::date and f.status in ('open', 'corrected'))`;
    c.push(f.overdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (f.visibleTo) {
    c.push(sql`(a.lead_auditor_id = ${f.visibleTo}::uuid
      or exists (select 1 from audit_team_members m
        where m.audit_id = a.id and m.user_id = ${f.visibleTo}::uuid)
      or exists (select 1 from users u where u.id = ${f.visibleTo}::uuid
        and (u.org_unit_id = any(a.auditee_unit_ids) or u.org_unit_id = f.unit_id)))`);
  }
  return c;
}

const and = (c: SQL[]) => (c.length ? sql` and ${sql.join(c, sql` and `)}` : sql``);

/** One page of findings, newest audit first, then by number (one query). */
export async function listFindings(
  db: Executor,
  org: string,
  today: string,
  filter: FindingFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const c = conditions(filter, today);
  const after = decodeCursor(page.cursor, 3, ['text', 'int', 'uuid']);
  if (after) {
    c.push(sql`(a.code, f.number, f.id) > (${String(after[0])}, ${Number(after[1])}::int,
      ${String(after[2])}::uuid)`);
  }
  const rows = await queryRows<FindingView>(
    db,
    sql`${select(org, today)}${and(c)} order by a.code, f.number, f.id limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) => [r.auditCode, r.number, r.id]);
}

/** Every finding of one audit, by number. */
export async function findingsOfAudit(db: Executor, org: string, today: string, auditId: string) {
  return queryRows<FindingView>(
    db,
    sql`${select(org, today)} and f.audit_id = ${auditId}::uuid order by f.number`,
  );
}

export async function findingView(db: Executor, org: string, today: string, findingId: string) {
  const [row] = await queryRows<FindingView>(
    db,
    sql`${select(org, today)} and f.id = ${findingId}::uuid`,
  );
  return row ?? null;
}
