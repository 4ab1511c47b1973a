import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import {
  riskFacts,
  treatmentFacts,
  type RiskFacts,
  type TreatmentFacts,
} from './conformity-areas.ts';
import {
  documentFacts,
  recordFacts,
  soaFacts,
  type DocumentFacts,
  type RecordFacts,
  type SoaFacts,
} from './conformity-documents.ts';
import { internalAuditFacts, type AuditFacts } from './conformity-audits.ts';
import { improvementFacts, type ImprovementFacts } from './conformity-improvement.ts';
import { managementReviewFacts, type ReviewFacts } from './conformity-reviews.ts';
import { attestationFacts, type AttestationFacts } from './conformity-attestations.ts';
import { peopleFacts, type PeopleFacts } from './conformity-people.ts';
import {
  eventLogFacts,
  incidentFacts,
  type EventLogFacts,
  type IncidentFacts,
} from './conformity-incidents.ts';
import { deepFacts, type DeepFacts } from './conformity-rules.ts';
import { resourceFacts, type ResourceFacts } from './conformity-resources.ts';
import { objectiveFacts, type ObjectiveFacts } from './conformity-objectives.ts';
import { legalFacts, type LegalFacts } from './conformity-legal.ts';
import { controlOperationFacts, type ControlOperationFacts } from './conformity-controls.ts';
export type { ControlOperationFacts };

export type { DocumentFacts, RecordFacts, RiskFacts, SoaFacts, TreatmentFacts };
export type { AuditFacts };
export type { ImprovementFacts };
export type { ReviewFacts };
export type { AttestationFacts, AttestationInForce } from './conformity-attestations.ts';
export type { PeopleFacts };
export type { EventLogFacts, IncidentFacts };
export type { DeepFacts };
export type { ResourceFacts };
export type { ObjectiveFacts };
export type { LegalFacts };

/**
 * The facts the conformity rules evaluate, read with a few set-based
 * aggregate queries: counts and short id lists, never whole tables, so the
 * check stays fast at 100,000 assets. Only reads other areas' tables.
 */

export interface ScopeFacts {
  latestNumber: number | null;
  latestStatus: string | null;
  approvedNumber: number | null;
  approvedAt: string | null;
  /** Whether the decider of the scope approval held the top management role. */
  approvedByTopManagement: boolean;
  /** Which of the five viewpoints (and boundaries) the approved version fills. */
  filled: {
    business: boolean;
    organization: boolean;
    locations: boolean;
    assets: boolean;
    technology: boolean;
    boundaries: boolean;
  } | null;
}

export interface ExclusionFacts {
  /** The scope version the exclusions belong to (the approved one, else the latest). */
  scopeNumber: number | null;
  scopeApproved: boolean;
  controlIds: string[];
  withoutReason: number;
  /** Exclusions whose risk was accepted by a user who is no longer active. */
  acceptedByInactive: string[];
}

export interface AssetFacts {
  inUse: number;
  unclassified: number;
  withoutValue: number;
  /** Assets whose owning user or unit is deactivated. */
  ownerInactive: number;
  /** Up to five such owners (user or unit ids), for links to the filtered register. */
  inactiveOwnerIds: string[];
}

export interface ApprovalTypeFacts {
  approved: number;
  pending: number;
  lastApprovedAt: string | null;
  /** Whether the latest approval was decided by a user holding top management. */
  lastApprovedByTopManagement: boolean;
}

export interface ConformityFacts {
  scope: ScopeFacts;
  exclusions: ExclusionFacts;
  assets: AssetFacts;
  /** Per approval type (scope, isms_policy, risk_method, soa, …). */
  approvals: Record<string, ApprovalTypeFacts>;
  /** Changes Mamoru recorded in the audit trail over the last 90 days. */
  auditEvents90d: number;
  risks: RiskFacts;
  treatment: TreatmentFacts;
  /** null before the first statement. */
  soa: SoaFacts | null;
  documents: DocumentFacts;
  records: RecordFacts;
  /** Internal audits (4.2.3.d, 6.4). */
  audits: AuditFacts;
  improvement: ImprovementFacts;
  /** Management reviews (6.1–6.3, 4.2.3.b/e, 5.1.g). */
  reviews: ReviewFacts;
  /** ISMS roles, competence and training (5.1.c–d, 4.2.2.d, 5.2.2). */
  people: PeopleFacts;
  /** Incidents (4.2.2.g, 4.2.3.a, 4.3.3). */
  incidents: IncidentFacts;
  /** The ISMS event log (4.2.3.f). */
  eventLog: EventLogFacts;
  /** Facts that deepen rules across areas (4.2.2.b, 4.2.3.c, 4.3.1–4.3.2, 5.2.1.e–f). */
  deep: DeepFacts;
  /** ISMS resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a). */
  resources: ResourceFacts;
  /** Approved attestations in force, and items whose attestation lapsed. */
  attestations: AttestationFacts;
  /** ISMS objectives and their measurements (5.1.b). */
  objectives: ObjectiveFacts;
  /** The register of legal, regulatory and contractual obligations (5.2.1.c). */
  legal: LegalFacts;
  /** Control operation and checks (4.2.2.c, 4.2.2.e, 5.2.1.b, 5.2.1.d). */
  controls: ControlOperationFacts;
}

interface ScopeRow {
  latest_number: number | null;
  latest_status: string | null;
  approved_id: string | null;
  approved_number: number | null;
  approved_at: string | null;
  approved_by_top: boolean | null;
  business: boolean | null;
  organization: boolean | null;
  locations: boolean | null;
  assets: boolean | null;
  technology: boolean | null;
  boundaries: boolean | null;
  ex_number: number | null;
  ex_approved: boolean | null;
  ex_controls: string[] | null;
  ex_without_reason: number | null;
  ex_inactive: string[] | null;
}

async function scopeFacts(db: Executor, org: string) {
  const [row] = await queryRows<ScopeRow>(
    db,
    sql`
    with latest as (
      select * from scope_versions where organization_id = ${org} order by number desc limit 1
    ), approved as (
      select * from scope_versions where organization_id = ${org} and status = 'approved'
      order by number desc limit 1
    ), basis as (
      select id, number, status = 'approved' as approved from approved
      union all
      select id, number, false from latest where not exists (select 1 from approved)
    )
    select
      (select number from latest) as latest_number,
      (select status from latest) as latest_status,
      a.id as approved_id, a.number as approved_number,
      to_char(a.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as approved_at,
      (select 'top_management' = any(coalesce((select p.decided_by_roles from approvals p
        where p.organization_id = ${org} and p.entity_id = a.id::text
          and p.decided_by = u.id and p.status = 'approved'
        order by p.decided_at desc limit 1), u.roles)) from users u where u.id = a.approved_by)
        as approved_by_top,
      length(trim(a.business_activities)) > 0 as business,
      cardinality(a.org_unit_ids) > 0 or length(trim(a.organization_note)) > 0 as organization,
      cardinality(a.location_ids) > 0 or length(trim(a.location_note)) > 0 as locations,
      cardinality(a.asset_categories) > 0 or length(trim(a.asset_note)) > 0 as assets,
      length(trim(a.technology)) > 0 as technology,
      length(trim(a.boundaries)) > 0 as boundaries,
      b.number as ex_number, b.approved as ex_approved,
      (select coalesce(array_agg(e.control_id order by e.control_id), '{}') from scope_exclusions e
        where e.scope_version_id = b.id) as ex_controls,
      (select count(*)::int from scope_exclusions e
        where e.scope_version_id = b.id and length(trim(e.reason)) = 0) as ex_without_reason,
      (select coalesce(array_agg(e.control_id order by e.control_id), '{}') from scope_exclusions e
        join users u on u.id = e.risk_accepted_by
        where e.scope_version_id = b.id and not u.active) as ex_inactive
    from (select 1) one
    left join approved a on true
    left join basis b on true`,
  );
  const r = row!;
  const scope: ScopeFacts = {
    latestNumber: r.latest_number,
    latestStatus: r.latest_status,
    approvedNumber: r.approved_number,
    approvedAt: r.approved_at,
    approvedByTopManagement: r.approved_by_top === true,
    filled: r.approved_id
      ? {
          business: r.business === true,
          organization: r.organization === true,
          locations: r.locations === true,
          assets: r.assets === true,
          technology: r.technology === true,
          boundaries: r.boundaries === true,
        }
      : null,
  };
  const exclusions: ExclusionFacts = {
    scopeNumber: r.ex_number,
    scopeApproved: r.ex_approved === true,
    controlIds: r.ex_controls ?? [],
    withoutReason: r.ex_without_reason ?? 0,
    acceptedByInactive: r.ex_inactive ?? [],
  };
  return { scope, exclusions };
}

async function assetFacts(db: Executor, org: string): Promise<AssetFacts> {
  // One pass over the organization's assets; owners are joined by primary key.
  const [row] = await queryRows<{
    in_use: number;
    unclassified: number;
    without_value: number;
    owner_inactive: number;
    inactive_owner_ids: string[] | null;
  }>(
    db,
    sql`
    with a as (
      select a.classification_id, a.value,
        coalesce(a.owner_user_id, a.owner_unit_id) as owner_id,
        coalesce(u.active, ou.active, false) = false as owner_inactive
      from assets a
      left join users u on u.id = a.owner_user_id
      left join org_units ou on ou.id = a.owner_unit_id
      where a.organization_id = ${org} and a.status = 'in_use'
    )
    select count(*)::int as in_use,
      (count(*) filter (where classification_id is null))::int as unclassified,
      (count(*) filter (where value is null))::int as without_value,
      (count(*) filter (where owner_inactive))::int as owner_inactive,
      (select array_agg(owner_id) from (
        select distinct owner_id from a where owner_inactive order by owner_id limit 5) o
      ) as inactive_owner_ids
    from a`,
  );
  return {
    inUse: row?.in_use ?? 0,
    unclassified: row?.unclassified ?? 0,
    withoutValue: row?.without_value ?? 0,
    ownerInactive: row?.owner_inactive ?? 0,
    inactiveOwnerIds: row?.inactive_owner_ids ?? [],
  };
}

async function approvalFacts(db: Executor, org: string) {
  const rows = await queryRows<{
    approval_type: string;
    approved: number;
    pending: number;
    last_approved_at: string | null;
    last_by_top: boolean | null;
  }>(
    db,
    sql`
    select p.approval_type,
      (count(*) filter (where p.status = 'approved'))::int as approved,
      (count(*) filter (where p.status = 'pending'))::int as pending,
      to_char(max(p.decided_at) filter (where p.status = 'approved') at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_approved_at,
      (array_agg('top_management' = any(coalesce(p.decided_by_roles, u.roles))
        order by p.decided_at desc)
        filter (where p.status = 'approved'))[1] as last_by_top
    from approvals p
    left join users u on u.id = p.decided_by
    where p.organization_id = ${org}
    group by p.approval_type`,
  );
  const out: Record<string, ApprovalTypeFacts> = {};
  for (const r of rows) {
    out[r.approval_type] = {
      approved: r.approved,
      pending: r.pending,
      lastApprovedAt: r.last_approved_at,
      lastApprovedByTopManagement: r.last_by_top === true,
    };
  }
  return out;
}

async function auditFacts(db: Executor, org: string) {
  // Bounded by the (organization, occurred_at) index; counting stops at 10,000.
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from (
      select 1 from audit_events
      where organization_id = ${org} and occurred_at > now() - interval '90 days'
      limit 10000) e`,
  );
  return row?.n ?? 0;
}

/** Everything the rules need about one organization. */
export async function conformityFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ConformityFacts> {
  const { scope, exclusions } = await scopeFacts(db, org);
  return {
    scope,
    exclusions,
    assets: await assetFacts(db, org),
    approvals: await approvalFacts(db, org),
    auditEvents90d: await auditFacts(db, org),
    risks: await riskFacts(db, org),
    treatment: await treatmentFacts(db, org, today),
    soa: await soaFacts(db, org),
    documents: await documentFacts(db, org, today),
    records: await recordFacts(db, org, today),
    audits: await internalAuditFacts(db, org, today),
    improvement: await improvementFacts(db, org, today),
    reviews: await managementReviewFacts(db, org, today),
    people: await peopleFacts(db, org, today),
    incidents: await incidentFacts(db, org, today),
    eventLog: await eventLogFacts(db, org, today),
    deep: await deepFacts(db, org, today),
    resources: await resourceFacts(db, org, today),
    attestations: await attestationFacts(db, org, today),
    objectives: await objectiveFacts(db, org, today),
    legal: await legalFacts(db, org, today),
    controls: await controlOperationFacts(db, org, today),
  };
}

/**
 * Approval requests this user may decide now (assigned to them or one of
 * their roles, not their own work where the type segregates authors), and
 * how many of them have waited longer than `overdueDays`.
 */
export async function approvalsWaitingFor(
  db: Executor,
  org: string,
  userId: string,
  roles: readonly string[],
  overdueDays = 14,
) {
  const [row] = await queryRows<{ waiting: number; overdue: number }>(
    db,
    sql`
    select count(*)::int as waiting,
      (count(*) filter (where p.requested_at < now() - make_interval(days => ${overdueDays})))::int
        as overdue
    from approvals p
    where p.organization_id = ${org} and p.status = 'pending'
      and (p.assignee_user_id = ${userId}
        or p.assignee_role = any(${sql.param([...roles])}::text[]))
      and not (coalesce(p.author_id, p.requested_by) = ${userId}
        and coalesce((select s.segregate_author from approval_policies s
          where s.organization_id = p.organization_id
            and s.approval_type = p.approval_type), true))`,
  );
  return { waiting: row?.waiting ?? 0, overdue: row?.overdue ?? 0 };
}
