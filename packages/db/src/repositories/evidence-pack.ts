import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * What the evidence pack reads "as of" a moment: the versions in force, the
 * audits and reviews concluded by then, and the audit chain's head. `before`
 * is the instant just after the as-of day (its end, exclusive). Every query
 * takes the organization.
 */

/** The latest statement version approved before the instant (approved or superseded since). */
export async function soaVersionInForce(db: Executor, organizationId: string, before: Date) {
  const [row] = await queryRows<{ soa_id: string; version_id: string; number: number }>(
    db,
    sql`select soa_id, id as version_id, number from soa_versions
        where organization_id = ${organizationId}
          and status in ('approved', 'superseded')
          and approved_at < ${before.toISOString()}::timestamptz
        order by approved_at desc limit 1`,
  );
  return row ? { soaId: row.soa_id, versionId: row.version_id, number: Number(row.number) } : null;
}

/** The scope version approved last before the instant. */
export async function scopeVersionIdInForce(db: Executor, organizationId: string, before: Date) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from scope_versions
        where organization_id = ${organizationId}
          and status in ('approved', 'superseded')
          and approved_at < ${before.toISOString()}::timestamptz
        order by approved_at desc limit 1`,
  );
  return row?.id ?? null;
}

/** The information security policy's version issued last before the instant. */
export async function policyVersionInForce(db: Executor, organizationId: string, before: Date) {
  const at = before.toISOString();
  const [row] = await queryRows<{ document_id: string; version_id: string }>(
    db,
    sql`select v.document_id, v.id as version_id
        from document_versions v join documents d on d.id = v.document_id
        where v.organization_id = ${organizationId} and d.organization_id = ${organizationId}
          and d.isms_policy
          and v.issued_at < ${at}::timestamptz
          and (v.withdrawn_at is null or v.withdrawn_at >= ${at}::timestamptz)
        order by v.issued_at desc limit 1`,
  );
  return row ? { documentId: row.document_id, versionId: row.version_id } : null;
}

export interface RegisterRow {
  code: string;
  title: string;
  type: string;
  ismsPolicy: boolean;
  ownerName: string | null;
  revision: number | null;
  issuedAt: Date | null;
  approvedAt: Date | null;
  approverName: string | null;
  nextReviewDate: string | null;
  external: boolean;
}

/**
 * The document register as of the instant: each document created by then,
 * with the version issued last before it (none: a document still in draft).
 */
export async function documentRegister(
  db: Executor,
  organizationId: string,
  before: Date,
): Promise<RegisterRow[]> {
  const at = before.toISOString();
  const rows = await queryRows<{
    code: string;
    title: string;
    type: string;
    isms_policy: boolean;
    owner_name: string | null;
    revision: number | null;
    issued_at: string | Date | null;
    approved_at: string | Date | null;
    approver_name: string | null;
    next_review_date: string | null;
    external_origin: boolean;
  }>(
    db,
    sql`select d.code, d.title, d.type, d.isms_policy, o.display_name as owner_name,
               v.revision, v.issued_at, v.approved_at, a.display_name as approver_name,
               d.next_review_date::text as next_review_date, d.external_origin
        from documents d
        left join users o on o.id = d.owner_user_id
        left join lateral (
          select revision, issued_at, approved_at, approved_by from document_versions
          where organization_id = ${organizationId} and document_id = d.id
            and issued_at < ${at}::timestamptz
            and (withdrawn_at is null or withdrawn_at >= ${at}::timestamptz)
          order by issued_at desc limit 1
        ) v on true
        left join users a on a.id = v.approved_by
        where d.organization_id = ${organizationId} and d.created_at < ${at}::timestamptz
        order by d.code`,
  );
  const date = (v: string | Date | null) => (v == null ? null : new Date(v));
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    type: r.type,
    ismsPolicy: r.isms_policy,
    ownerName: r.owner_name,
    revision: r.revision == null ? null : Number(r.revision),
    issuedAt: date(r.issued_at),
    approvedAt: date(r.approved_at),
    approverName: r.approver_name,
    nextReviewDate: r.next_review_date,
    external: r.external_origin,
  }));
}

export interface RecordIndexRow {
  typeCode: string;
  typeNameJa: string;
  typeNameEn: string;
  title: string;
  recordDate: string;
  retentionEnd: string;
  legalHold: boolean;
  status: string;
  storageLocation: string;
  files: number;
}

/** The records dated on or before the day, with their type and number of evidence files. */
export async function recordsIndex(
  db: Executor,
  organizationId: string,
  asOf: string,
): Promise<RecordIndexRow[]> {
  const rows = await queryRows<{
    code: string;
    name_ja: string;
    name_en: string;
    title: string;
    record_date: string;
    retention_end: string;
    legal_hold: boolean;
    status: string;
    storage_location: string;
    files: number;
  }>(
    db,
    sql`select t.code, t.name_ja, t.name_en, r.title, r.record_date::text as record_date,
               r.retention_end::text as retention_end, r.legal_hold, r.status,
               t.storage_location,
               (select count(*)::int from files f
                 where f.organization_id = ${organizationId}
                   and f.owner_type = 'record' and f.owner_id = r.id) as files
        from records r join record_types t on t.id = r.type_id
        where r.organization_id = ${organizationId} and r.record_date <= ${asOf}::date
        order by t.code, r.record_date, r.title`,
  );
  return rows.map((r) => ({
    typeCode: r.code,
    typeNameJa: r.name_ja,
    typeNameEn: r.name_en,
    title: r.title,
    recordDate: r.record_date,
    retentionEnd: r.retention_end,
    legalHold: r.legal_hold,
    status: r.status,
    storageLocation: r.storage_location,
    files: Number(r.files),
  }));
}

/** Audits whose report was approved before the instant, oldest first. */
export async function auditsWithApprovedReports(
  db: Executor,
  organizationId: string,
  before: Date,
) {
  const rows = await queryRows<{ id: string; code: string }>(
    db,
    sql`select a.id, a.code from audits a join audit_reports r on r.audit_id = a.id
        where a.organization_id = ${organizationId} and r.organization_id = ${organizationId}
          and r.status in ('approved', 'acknowledged')
          and r.approved_at < ${before.toISOString()}::timestamptz
        order by a.planned_start, a.code`,
  );
  return rows;
}

/** An audit's day for the pack: its report's approval, else its close, else its planned end. */
export async function auditDay(db: Executor, organizationId: string, auditId: string) {
  const [row] = await queryRows<{ day: string }>(
    db,
    sql`select coalesce(
               (r.approved_at at time zone 'UTC')::date,
               (a.closed_at at time zone 'UTC')::date,
               a.planned_end)::text as day
        from audits a left join audit_reports r
          on r.audit_id = a.id and r.organization_id = ${organizationId}
          and r.status in ('approved', 'acknowledged')
        where a.organization_id = ${organizationId} and a.id = ${auditId}::uuid`,
  );
  return row?.day ?? null;
}

/** Management reviews held on or before the day (minutes exist), oldest first. */
export async function reviewsHeldBy(db: Executor, organizationId: string, asOf: string) {
  return queryRows<{ id: string; number: number }>(
    db,
    sql`select id, number from management_reviews
        where organization_id = ${organizationId}
          and status in ('held', 'submitted', 'approved')
          and held_on <= ${asOf}::date
        order by held_on, number`,
  );
}

/** The last audit event recorded before the instant: the chain's head at that moment. */
export async function auditHeadBefore(db: Executor, organizationId: string, before: Date) {
  const [row] = await queryRows<{ seq: number; hash: string; occurred_at: string | Date }>(
    db,
    sql`select seq, hash, occurred_at from audit_events
        where organization_id = ${organizationId}
          and occurred_at < ${before.toISOString()}::timestamptz
        order by seq desc limit 1`,
  );
  return row
    ? { seq: Number(row.seq), hash: row.hash, at: new Date(row.occurred_at).toISOString() }
    : null;
}
