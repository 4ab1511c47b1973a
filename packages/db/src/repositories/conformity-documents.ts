import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/** Conformity facts of the SoA, the document register and the records (read only). */

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

export interface SoaFacts {
  /** The version judged: the latest approved one, else the latest. */
  number: number;
  status: string;
  approvedAt: string | null;
  approvedByTopManagement: boolean;
  entries: number;
  controlIds: string[];
  notApplicableIds: string[];
  undecided: number;
  applicableWithoutReason: number;
  excludedWithoutReason: number;
  excludedWithoutAcceptance: number;
  proposed: number;
  /**
   * Controls of the statement's own library with no entry (the library a
   * migrated statement follows is not Ver.2.0's annex).
   */
  missingControlIds?: string[];
}

export async function soaFacts(db: Executor, org: string): Promise<SoaFacts | null> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with approved as (select * from soa_versions where organization_id = ${org}
        and status = 'approved' order by approved_at desc nulls last limit 1),
      latest as (select * from soa_versions where organization_id = ${org}
        order by created_at desc, number desc limit 1),
      basis as (select * from approved
        union all select * from latest where not exists (select 1 from approved))
    select b.number, b.status, ${iso('b.approved_at')} as approved_at,
      coalesce('top_management' = any(coalesce((select p.decided_by_roles from approvals p
        where p.organization_id = ${org} and p.entity_id = b.id::text
          and p.decided_by = u.id and p.status = 'approved'
        order by p.decided_at desc limit 1), u.roles)), false) as by_top, e.*
    from basis b
    left join users u on u.id = b.approved_by
    left join lateral (
      select count(*)::int as entries,
        coalesce(array_agg(control_id order by control_id), '{}') as control_ids,
        coalesce(array_agg(control_id order by control_id) filter (where applicable = false), '{}')
          as not_applicable_ids,
        (count(*) filter (where applicable is null))::int as undecided,
        (count(*) filter (where applicable and jsonb_array_length(reasons) = 0))::int
          as applicable_without_reason,
        (count(*) filter (where applicable = false
          and length(trim(exclusion_reason)) = 0))::int as excluded_without_reason,
        (count(*) filter (where applicable = false and risk_accepted_by is null))::int
          as excluded_without_acceptance,
        (count(*) filter (where proposed))::int as proposed
      from soa_entries where soa_version_id = b.id) e on true
    left join lateral (
      select coalesce(array_agg(n.node_id order by n.position), '{}') as missing_ids
      from soas s
      join catalog_libraries l on l.library_id = s.library_id and l.organization_id is null
      join catalog_nodes n on n.library_id = l.id and n.namespace = 'control'
        and n.kind = 'control' and n.organization_id is null
      where s.id = b.soa_id and not exists (select 1 from soa_entries x
        where x.soa_version_id = b.id and x.control_id = n.node_id)) m on true`,
  );
  if (!row) return null;
  return {
    number: row.number as number,
    status: row.status as string,
    approvedAt: (row.approved_at as string | null) ?? null,
    approvedByTopManagement: row.by_top === true,
    entries: Number(row.entries ?? 0),
    controlIds: (row.control_ids as string[]) ?? [],
    notApplicableIds: (row.not_applicable_ids as string[]) ?? [],
    undecided: Number(row.undecided ?? 0),
    applicableWithoutReason: Number(row.applicable_without_reason ?? 0),
    excludedWithoutReason: Number(row.excluded_without_reason ?? 0),
    excludedWithoutAcceptance: Number(row.excluded_without_acceptance ?? 0),
    proposed: Number(row.proposed ?? 0),
    missingControlIds: (row.missing_ids as string[] | undefined) ?? [],
  };
}

export interface PolicyFacts {
  code: string;
  revision: number | null;
  issuedAt: string | null;
  approvedByTopManagement: boolean;
  objectivesFramework: boolean;
  obligationsConsidered: boolean;
  riskCriteriaReference: boolean;
}

export interface DocumentFacts {
  /** The issued ISMS policy (4.2.1.b), if any. */
  policy: PolicyFacts | null;
  /** ISMS policy documents in any state (a draft shows work in progress). */
  policyDocuments: number;
  issued: number;
  issuedProcedures: number;
  reviewOverdue: number;
  reviewDueSoon: number;
  reviewed: number;
  withoutDistribution: number;
  external: number;
  externalWithoutSource: number;
  obsolete: number;
  issuedWithoutApproval: number;
  revisedWithoutSummary: number;
  superseded: number;
  obsoleteWithoutReason: number;
  acknowledgementsOutstanding: number;
}

export async function documentFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<DocumentFacts> {
  const [p] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select d.code, d.current_revision as revision, ${iso('d.issued_at')} as issued_at,
      coalesce('top_management' = any(coalesce((select p.decided_by_roles from approvals p
        where p.organization_id = ${org} and p.entity_id = v.id::text
          and p.decided_by = u.id and p.status = 'approved'
        order by p.decided_at desc limit 1), u.roles)), false) as by_top,
      length(trim(coalesce(v.policy_fields ->> 'objectivesFramework', ''))) > 0 as objectives,
      length(trim(coalesce(v.policy_fields ->> 'obligationsConsidered', ''))) > 0 as obligations,
      length(trim(coalesce(v.policy_fields ->> 'riskCriteriaReference', ''))) > 0 as criteria
    from documents d
    join document_versions v on v.id = d.current_version_id
    left join users u on u.id = v.approved_by
    where d.organization_id = ${org} and d.isms_policy and d.status = 'issued'
    order by d.issued_at desc limit 1`,
  );
  const [d] = await queryRows<Record<string, number>>(
    db,
    sql`
    select
      (count(*) filter (where isms_policy))::int as policy_documents,
      (count(*) filter (where status = 'issued'))::int as issued,
      (count(*) filter (where status = 'issued' and type = 'procedure'))::int as procedures,
      (count(*) filter (where status = 'issued' and next_review_date < ${today}::date))::int
        as review_overdue,
      (count(*) filter (where status = 'issued' and next_review_date >= ${today}::date
        and next_review_date <= ${today}::date + 30))::int as review_due_soon,
      (count(*) filter (where last_reviewed_at is not null))::int as reviewed,
      (count(*) filter (where status = 'issued' and cardinality(distribution_unit_ids) = 0
        and cardinality(distribution_roles) = 0
        and cardinality(distribution_user_ids) = 0))::int as without_distribution,
      (count(*) filter (where external_origin or type = 'external'))::int as external,
      (count(*) filter (where (external_origin or type = 'external')
        and length(trim(external_source)) = 0))::int as external_without_source,
      (count(*) filter (where status = 'obsolete'))::int as obsolete,
      (select count(*)::int from document_versions v where v.organization_id = ${org}
        and v.status in ('issued', 'superseded', 'obsolete') and v.approved_by is null)
        as issued_without_approval,
      (select count(*)::int from document_versions v where v.organization_id = ${org}
        and v.status in ('issued', 'superseded', 'obsolete') and v.revision > 1
        and length(trim(v.change_summary)) = 0) as revised_without_summary,
      (select count(*)::int from document_versions v where v.organization_id = ${org}
        and v.status = 'superseded') as superseded,
      (select count(*)::int from document_versions v where v.organization_id = ${org}
        and v.status = 'obsolete' and length(trim(v.withdrawal_reason)) = 0)
        as obsolete_without_reason,
      (select count(*)::int from document_acknowledgements a
        join documents c on c.current_version_id = a.version_id
        where a.organization_id = ${org} and a.acknowledged_at is null) as acks_outstanding
    from documents where organization_id = ${org}`,
  );
  const n = (k: string) => Number(d?.[k] ?? 0);
  return {
    policy: p
      ? {
          code: p.code as string,
          revision: (p.revision as number | null) ?? null,
          issuedAt: (p.issued_at as string | null) ?? null,
          approvedByTopManagement: p.by_top === true,
          objectivesFramework: p.objectives === true,
          obligationsConsidered: p.obligations === true,
          riskCriteriaReference: p.criteria === true,
        }
      : null,
    policyDocuments: n('policy_documents'),
    issued: n('issued'),
    issuedProcedures: n('procedures'),
    reviewOverdue: n('review_overdue'),
    reviewDueSoon: n('review_due_soon'),
    reviewed: n('reviewed'),
    withoutDistribution: n('without_distribution'),
    external: n('external'),
    externalWithoutSource: n('external_without_source'),
    obsolete: n('obsolete'),
    issuedWithoutApproval: n('issued_without_approval'),
    revisedWithoutSummary: n('revised_without_summary'),
    superseded: n('superseded'),
    obsoleteWithoutReason: n('obsolete_without_reason'),
    acknowledgementsOutstanding: n('acks_outstanding'),
  };
}

export interface RecordFacts {
  types: number;
  typesWithoutStorage: number;
  records: number;
  /** Active records past their retention, not on legal hold and not yet disposed of. */
  overdueDisposal: number;
}

export async function recordFacts(db: Executor, org: string, today: string): Promise<RecordFacts> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`
    select
      (select count(*)::int from record_types where organization_id = ${org} and active) as types,
      (select count(*)::int from record_types where organization_id = ${org} and active
        and length(trim(storage_location)) = 0) as types_without_storage,
      (select count(*)::int from records where organization_id = ${org}
        and status <> 'disposed') as records,
      (select count(*)::int from records where organization_id = ${org} and status = 'active'
        and not legal_hold and retention_end < ${today}::date) as overdue_disposal`,
  );
  return {
    types: row?.types ?? 0,
    typesWithoutStorage: row?.types_without_storage ?? 0,
    records: row?.records ?? 0,
    overdueDisposal: row?.overdue_disposal ?? 0,
  };
}
