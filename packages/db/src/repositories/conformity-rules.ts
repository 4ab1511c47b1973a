import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts that deepen rules over data other areas hold: treatment
 * progress (4.2.2.b), reviews of change (4.2.3.c.1–5), the documentation the
 * standard requires (4.3.1.d–f, 4.3.2.a/e/h), existing controls (4.2.1.e.2),
 * and reacting to results (5.2.1.e–f). Read only; a few aggregates, short id lists.
 */

/** An object at fault, named in a link. */
export interface Ref {
  id: string;
  label: string;
}
export interface Counted {
  count: number;
  refs: Ref[];
}
const REFS = 10;

export interface ChangeKindFacts {
  /** The latest review of this kind within the last 12 months, if any. */
  latest: {
    id: string;
    reviewedOn: string;
    outcome: 'changed' | 'no_change';
    assessmentId: string | null;
  } | null;
  /** Changes within the interval with no reassessment linked. */
  changedWithoutAssessment: Counted;
}

export interface DeepFacts {
  changes: Record<string, ChangeKindFacts>;
  treatmentProgress: {
    /** Open actions: past due, without owner, without budget or resources. */
    overdue: Counted;
    withoutOwner: Counted;
    unfunded: Counted;
    averageProgress: number | null;
    done: number;
  };
  /** Codes of issued documents tagged with each requirement (or one of its items). */
  requiredProcedures: Record<'4.2.2.g' | '7.2' | '7.3' | '4.3.2' | '4.3.3', string[]>;
  /** Records per type the standard requires (4.3.1.f). */
  requiredRecords: { audit: number; review: number; training: number; incident: number };
  /** Issued documents whose version in force has no approver. */
  issuedUnapproved: Counted;
  /** Issued documents lacking code, title or revision, or with neither body nor file. */
  unidentifiable: Counted;
  /** Obsolete documents still distributed or still carrying a version in force. */
  obsoleteStillDistributed: Counted;
  /** Assessed open risks, and those with existing controls recorded. */
  assessedRisks: number;
  withExistingControls: number;
  withoutExistingControls: Counted;
  /** Within the last 12 months. */
  yearImprovementsImplemented: number;
  yearImprovementsWithEvidence: number;
  yearActionsReviewedEffective: number;
  yearActionsReviewedNotEffective: number;
}

type Row = Record<string, unknown>;
const counted = (v: unknown): Counted => {
  const c = (typeof v === 'string' ? JSON.parse(v) : v) as Counted | null;
  return { count: Number(c?.count ?? 0), refs: c?.refs ?? [] };
};
/** A json {count, refs} over the rows of `from` (which selects id and label). */
const faultJson = (from: ReturnType<typeof sql>) => sql`(select json_build_object(
  'count', (select count(*)::int from (${from}) f),
  'refs', coalesce((select json_agg(json_build_object('id', f.id, 'label', f.label))
    from (select * from (${from}) g order by g.label limit ${REFS}) f), '[]'::json)))`;

export async function deepFacts(db: Executor, org: string, today: string): Promise<DeepFacts> {
  const since = sql`(${today}::date - interval '12 months')::date`;
  const changeRows = await queryRows<Row>(
    db,
    sql`
    select k.kind, l.id, l.reviewed_on::text as reviewed_on, l.outcome, l.assessment_id,
      ${faultJson(sql`select c.id, c.reviewed_on::text || ' ' || c.kind as label
        from risk_change_reviews c where c.organization_id = ${org} and c.kind = k.kind
          and c.outcome = 'changed' and c.assessment_id is null and c.reviewed_on > ${since}`)}
        as without_assessment
    from (values ('organization'), ('technology'), ('business'), ('threats'), ('external')) k(kind)
    left join lateral (select * from risk_change_reviews c where c.organization_id = ${org}
      and c.kind = k.kind and c.reviewed_on > ${since} and c.reviewed_on <= ${today}::date
      order by c.reviewed_on desc, c.created_at desc limit 1) l on true`,
  );
  const changes: Record<string, ChangeKindFacts> = {};
  for (const r of changeRows) {
    changes[r.kind as string] = {
      latest: r.id
        ? {
            id: r.id as string,
            reviewedOn: r.reviewed_on as string,
            outcome: r.outcome as 'changed' | 'no_change',
            assessmentId: (r.assessment_id as string | null) ?? null,
          }
        : null,
      changedWithoutAssessment: counted(r.without_assessment),
    };
  }
  const open = sql`organization_id = ${org} and status in ('planned', 'in_progress')`;
  const tagged = (item: string) => sql`(select coalesce(array_agg(d.code order by d.code), '{}')
    from documents d where d.organization_id = ${org} and d.status = 'issued'
      and exists (select 1 from unnest(d.requirement_ids) r
        where r = ${item} or r like ${`${item}.%`}))`;
  const issued = sql`from documents d where d.organization_id = ${org}`;
  const [r] = await queryRows<Row>(
    db,
    sql`
    select
      ${faultJson(sql`select id, code as label from treatment_actions where ${open}
        and due_date < ${today}::date`)} as overdue,
      ${faultJson(sql`select id, code as label from treatment_actions where ${open}
        and owner_user_id is null`)} as without_owner,
      ${faultJson(sql`select id, code as label from treatment_actions where ${open}
        and budget is null and length(trim(resources)) = 0`)} as unfunded,
      (select round(avg(progress))::int from treatment_actions
        where organization_id = ${org} and status <> 'cancelled') as average_progress,
      (select count(*)::int from treatment_actions where organization_id = ${org}
        and status = 'done') as done,
      ${tagged('4.2.2.g')} as p_incident, ${tagged('7.2')} as p_corrective,
      ${tagged('7.3')} as p_preventive, ${tagged('4.3.2')} as p_documents,
      ${tagged('4.3.3')} as p_records,
      (select count(*)::int from audit_reports where organization_id = ${org}) as r_audit,
      (select count(*)::int from management_reviews where organization_id = ${org}
        and status in ('approved', 'acknowledged')) as r_review,
      (select count(*)::int from training_attendance where organization_id = ${org}
        and status = 'attended') as r_training,
      (select count(*)::int from incidents where organization_id = ${org}
        and status = 'closed') as r_incident,
      ${faultJson(sql`select d.id, d.code as label ${issued} and d.status = 'issued'
        and not exists (select 1 from document_versions v where v.id = d.current_version_id
          and v.approved_by is not null)`)} as issued_unapproved,
      ${faultJson(sql`select d.id, coalesce(nullif(trim(d.code), ''), d.id::text) as label
        ${issued} and d.status = 'issued' and (length(trim(d.code)) = 0
          or length(trim(d.title)) = 0 or d.current_revision is null
          or not exists (select 1 from document_versions v where v.id = d.current_version_id
            and (length(trim(v.body)) > 0 or exists (select 1 from files f
              where f.organization_id = ${org} and f.owner_id = v.id))))`)} as unidentifiable,
      ${faultJson(sql`select d.id, d.code as label ${issued} and d.status = 'obsolete'
        and (d.current_version_id is not null or exists (select 1
          from document_acknowledgements a join document_versions v on v.id = a.version_id
          where v.document_id = d.id and a.acknowledged_at is null))`)} as obsolete_distributed`,
  );
  const [k] = await queryRows<Row>(
    db,
    sql`
    with existing as (select distinct risk_id from risk_controls
        where organization_id = ${org} and role = 'existing'),
      counted as (select count(*)::int as assessed, count(e.risk_id)::int as with_existing
        from risks r join risk_scores rs on rs.id = r.score_id
          and rs.organization_id = r.organization_id
        left join existing e on e.risk_id = r.id
        where r.organization_id = ${org} and r.status <> 'closed' and rs.value is not null)
    -- One pass counts both; the first risks lacking existing controls are read
    -- in code order (its index), stopping at the few the gap names.
    select c.assessed, c.with_existing,
      json_build_object('count', c.assessed - c.with_existing, 'refs',
        coalesce((select json_agg(json_build_object('id', f.id, 'label', f.label))
          from (select r.id, r.code as label from risks r join risk_scores rs
              on rs.id = r.score_id and rs.organization_id = r.organization_id
            where r.organization_id = ${org} and r.status <> 'closed' and rs.value is not null
              and not exists (select 1 from risk_controls x where x.risk_id = r.id
                and x.role = 'existing')
            order by r.code limit ${REFS}) f), '[]'::json)) as without_existing,
      (select count(*)::int from improvements where organization_id = ${org}
        and status = 'implemented' and implemented_at > ${since}) as imp_year,
      (select count(*)::int from improvements where organization_id = ${org}
        and status = 'implemented' and implemented_at > ${since}
        and jsonb_array_length(evidence) > 0) as imp_evidence,
      (select count(*)::int from effectiveness_reviews where organization_id = ${org}
        and effective and reviewed_at > ${since}) as eff_year,
      (select count(*)::int from effectiveness_reviews where organization_id = ${org}
        and not effective and reviewed_at > ${since}) as not_eff_year
    from counted c`,
  );
  const codes = (v: unknown) => (v as string[] | null) ?? [];
  return {
    changes,
    treatmentProgress: {
      overdue: counted(r?.overdue),
      withoutOwner: counted(r?.without_owner),
      unfunded: counted(r?.unfunded),
      averageProgress: (r?.average_progress as number | null) ?? null,
      done: Number(r?.done ?? 0),
    },
    requiredProcedures: {
      '4.2.2.g': codes(r?.p_incident),
      '7.2': codes(r?.p_corrective),
      '7.3': codes(r?.p_preventive),
      '4.3.2': codes(r?.p_documents),
      '4.3.3': codes(r?.p_records),
    },
    requiredRecords: {
      audit: Number(r?.r_audit ?? 0),
      review: Number(r?.r_review ?? 0),
      training: Number(r?.r_training ?? 0),
      incident: Number(r?.r_incident ?? 0),
    },
    issuedUnapproved: counted(r?.issued_unapproved),
    unidentifiable: counted(r?.unidentifiable),
    obsoleteStillDistributed: counted(r?.obsolete_distributed),
    assessedRisks: Number(k?.assessed ?? 0),
    withExistingControls: Number(k?.with_existing ?? 0),
    withoutExistingControls: counted(k?.without_existing),
    yearImprovementsImplemented: Number(k?.imp_year ?? 0),
    yearImprovementsWithEvidence: Number(k?.imp_evidence ?? 0),
    yearActionsReviewedEffective: Number(k?.eff_year ?? 0),
    yearActionsReviewedNotEffective: Number(k?.not_eff_year ?? 0),
  };
}
