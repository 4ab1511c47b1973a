import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Takes over audit findings of kind major_nc / minor_nc as nonconformities
 * (source internal_audit), set-based: one INSERT … SELECT numbers them in
 * finding order, one UPDATE links the findings to them. A finding taken over
 * already (nonconformity_id set, or a nonconformity pointing at it) is skipped,
 * so calling again changes nothing. The finding keeps its status: the audit's
 * follow-up (correction verified by an auditor who did not make it, 6.4) still
 * runs in the audit, while cause analysis and corrective action run here.
 * The caller holds the numbering lock (improvement.ts lockNumbering).
 */
export async function takeOverFindings(
  db: Executor,
  organizationId: string,
  which: { auditId: string } | { findingId: string },
) {
  const only: SQL =
    'auditId' in which ? sql`f.audit_id = ${which.auditId}` : sql`f.id = ${which.findingId}`;
  const created = await queryRows<{ id: string; number: number; audit_finding_id: string }>(
    db,
    sql`insert into nonconformities (organization_id, number, kind, source, source_link,
        audit_finding_id, title, description, severity, requirement_ids, control_ids, unit_id,
        evidence, detected_on, reported_by)
      select f.organization_id,
        (select coalesce(max(n.number), 0) from nonconformities n
          where n.organization_id = ${organizationId}) + row_number() over (order by a.code, f.number),
        'nonconformity', 'internal_audit',
        jsonb_build_object('type', 'audit_finding', 'id', f.id::text,
          'label', a.code || ' #' || f.number::text),
        f.id,
        left(split_part(f.description, E'\n', 1), 200),
        f.description,
        case f.kind when 'major_nc' then 'major' else 'minor' end,
        case when f.requirement_id is null then '{}'::text[] else array[f.requirement_id] end,
        case when f.control_id is null then '{}'::text[] else array[f.control_id] end,
        f.unit_id, f.evidence, f.created_at::date, f.created_by
      from audit_findings f
      join audits a on a.id = f.audit_id and a.organization_id = f.organization_id
      where f.organization_id = ${organizationId} and ${only}
        and f.kind in ('major_nc', 'minor_nc') and f.nonconformity_id is null
        and not exists (select 1 from nonconformities x where x.audit_finding_id = f.id)
      returning id, number, audit_finding_id`,
  );
  if (created.length === 0) return [];
  await db.execute(sql`update audit_findings f
    set nonconformity_id = n.id, version = f.version + 1, updated_at = now()
    from nonconformities n
    where n.audit_finding_id = f.id and n.organization_id = ${organizationId}
      and f.organization_id = ${organizationId} and ${only} and f.nonconformity_id is null`);
  return created.map((r) => ({
    id: r.id,
    number: Number(r.number),
    auditFindingId: r.audit_finding_id,
  }));
}

/** The finding as the manual takeover needs it (kind, to refuse observations and OFIs). */
export async function findingForTakeover(db: Executor, organizationId: string, findingId: string) {
  const [row] = await queryRows<{ id: string; kind: string; nonconformity_id: string | null }>(
    db,
    sql`select id, kind, nonconformity_id from audit_findings
      where organization_id = ${organizationId} and id = ${findingId}`,
  );
  return row ?? null;
}

/** Whether the audit exists in the organization. */
export async function auditExists(db: Executor, organizationId: string, auditId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from audits where organization_id = ${organizationId} and id = ${auditId}`,
  );
  return rows.length > 0;
}

/** The nonconformities taken over from an audit's findings, in finding order. */
export async function nonconformitiesOfAudit(
  db: Executor,
  organizationId: string,
  auditId: string,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select f.nonconformity_id as id from audit_findings f
      where f.organization_id = ${organizationId} and f.audit_id = ${auditId}
        and f.nonconformity_id is not null
      order by f.number`,
  );
  return rows.map((r) => r.id);
}
