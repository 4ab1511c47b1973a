import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of the risk, SoA, document and record areas: one
 * aggregate query per area (a single pass over the risk register), read only.
 */

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

export interface RiskFacts {
  method: {
    latestStatus: string | null;
    approvedNumber: number | null;
    approvedAt: string | null;
    approvedByTopManagement: boolean;
    hasAcceptableLevel: boolean;
  };
  threats: number;
  vulnerabilities: number;
  assessments: number;
  lastAssessedOn: string | null;
  /** A residual-risk submission was accepted with authorization to operate (4.2.1.i). */
  operationAuthorized: boolean;
  lastAcceptedAt: string | null;
  /** Open risks (not closed) and what is missing on them. */
  risks: number;
  withoutVulnerability: number;
  notAssessed: number;
  notEvaluated: number;
  treat: number;
  accept: number;
  treatWithoutOption: number;
  options: { apply_controls: number; retain: number; avoid: number; transfer: number };
  applyWithoutControls: number;
  retainNotApproved: number;
  transferWithoutParty: number;
  withoutOwner: number;
  residualAccepted: number;
  residualPending: number;
  applyWithoutAction: number;
  /** In-use assets no open risk names. */
  assetsWithoutRisk: number;
  /** Distinct controls selected to treat risks (at most the annex). */
  selectedControlIds: string[];
}

export async function riskFacts(db: Executor, org: string): Promise<RiskFacts> {
  const [m] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select
      (select status from risk_methods where organization_id = ${org}
        order by number desc limit 1) as latest_status,
      m.number as approved_number, ${iso('m.approved_at')} as approved_at,
      coalesce('top_management' = any(coalesce((select p.decided_by_roles from approvals p
        where p.organization_id = ${org} and p.entity_id = m.id::text
          and p.decided_by = u.id and p.status = 'approved'
        order by p.decided_at desc limit 1), u.roles)), false) as by_top,
      coalesce(m.definition -> 'acceptableLevel' is not null, false) as has_level,
      (select count(*)::int from threats where organization_id = ${org} and active) as threats,
      (select count(*)::int from vulnerabilities where organization_id = ${org} and active)
        as vulnerabilities,
      (select count(*)::int from risk_assessments where organization_id = ${org}) as assessments,
      (select max(assessed_on)::text from risk_assessments where organization_id = ${org})
        as last_assessed_on,
      (select coalesce(bool_or(authorize_operation), false) from residual_acceptances
        where organization_id = ${org} and status = 'accepted') as operation_authorized,
      (select ${iso('max(decided_at)')} from residual_acceptances
        where organization_id = ${org} and status = 'accepted') as last_accepted_at
    from (select 1) one
    left join lateral (select * from risk_methods where organization_id = ${org}
      and status = 'approved' order by number desc limit 1) m on true
    left join users u on u.id = m.approved_by`,
  );
  // One pass over the open risks; the sets of risks with selected controls and
  // with treatment actions are hashed once.
  const [r] = await queryRows<Record<string, number>>(
    db,
    sql`
    with sel as (select distinct risk_id from risk_controls
        where organization_id = ${org} and role = 'selected'),
      act as (select distinct risk_id from treatment_action_risks where organization_id = ${org})
    select count(*)::int as risks,
      (count(*) filter (where r.vulnerability_id is null))::int as without_vulnerability,
      (count(*) filter (where rs.value is null))::int as not_assessed,
      (count(*) filter (where rs.evaluation is null))::int as not_evaluated,
      (count(*) filter (where rs.evaluation = 'treat'))::int as treat,
      (count(*) filter (where rs.evaluation = 'accept'))::int as accept,
      (count(*) filter (where rs.evaluation = 'treat' and r.treatment_option is null))::int
        as treat_without_option,
      (count(*) filter (where r.treatment_option = 'apply_controls'))::int as apply_controls,
      (count(*) filter (where r.treatment_option = 'retain'))::int as retain,
      (count(*) filter (where r.treatment_option = 'avoid'))::int as avoid,
      (count(*) filter (where r.treatment_option = 'transfer'))::int as transfer,
      (count(*) filter (where r.treatment_option = 'apply_controls' and s.risk_id is null))::int
        as apply_without_controls,
      (count(*) filter (where r.treatment_option = 'retain'
        and r.retention_status <> 'approved'))::int as retain_not_approved,
      (count(*) filter (where r.treatment_option = 'transfer'
        and length(trim(r.transfer_to)) = 0))::int as transfer_without_party,
      (count(*) filter (where r.owner_user_id is null))::int as without_owner,
      (count(*) filter (where rs.evaluation = 'treat' and r.residual_status = 'accepted'))::int
        as residual_accepted,
      (count(*) filter (where rs.evaluation = 'treat' and r.residual_status = 'pending'))::int
        as residual_pending,
      (count(*) filter (where r.treatment_option = 'apply_controls' and a.risk_id is null))::int
        as apply_without_action
    from risks r
    join risk_scores rs on rs.id = r.score_id
    left join sel s on s.risk_id = r.id
    left join act a on a.risk_id = r.id
    where r.organization_id = ${org} and r.status <> 'closed'`,
  );
  const [a] = await queryRows<{ n: number }>(
    db,
    sql`
    -- The assets with open risks in one pass over the risks, not a probe per asset.
    select count(*)::int as n from assets a
    left join (select distinct asset_id from risks where organization_id = ${org}
        and status <> 'closed') r on r.asset_id = a.id
    where a.organization_id = ${org} and a.status = 'in_use' and r.asset_id is null`,
  );
  // Distinct selected controls by a loose index scan: one probe per control, not per row.
  const [c] = await queryRows<{ ids: string[] | null }>(
    db,
    sql`
    with recursive c(id) as (
      select min(control_id) from risk_controls
        where organization_id = ${org} and role = 'selected'
      union all
      select (select min(control_id) from risk_controls
        where organization_id = ${org} and role = 'selected' and control_id > c.id)
      from c where c.id is not null
    )
    select array_agg(id order by id) as ids from c where id is not null`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    method: {
      latestStatus: (m?.latest_status as string | null) ?? null,
      approvedNumber: (m?.approved_number as number | null) ?? null,
      approvedAt: (m?.approved_at as string | null) ?? null,
      approvedByTopManagement: m?.by_top === true,
      hasAcceptableLevel: m?.has_level === true,
    },
    threats: Number(m?.threats ?? 0),
    vulnerabilities: Number(m?.vulnerabilities ?? 0),
    assessments: Number(m?.assessments ?? 0),
    lastAssessedOn: (m?.last_assessed_on as string | null) ?? null,
    operationAuthorized: m?.operation_authorized === true,
    lastAcceptedAt: (m?.last_accepted_at as string | null) ?? null,
    risks: n('risks'),
    withoutVulnerability: n('without_vulnerability'),
    notAssessed: n('not_assessed'),
    notEvaluated: n('not_evaluated'),
    treat: n('treat'),
    accept: n('accept'),
    treatWithoutOption: n('treat_without_option'),
    options: {
      apply_controls: n('apply_controls'),
      retain: n('retain'),
      avoid: n('avoid'),
      transfer: n('transfer'),
    },
    applyWithoutControls: n('apply_without_controls'),
    retainNotApproved: n('retain_not_approved'),
    transferWithoutParty: n('transfer_without_party'),
    withoutOwner: n('without_owner'),
    residualAccepted: n('residual_accepted'),
    residualPending: n('residual_pending'),
    applyWithoutAction: n('apply_without_action'),
    assetsWithoutRisk: a?.n ?? 0,
    selectedControlIds: c?.ids ?? [],
  };
}

export interface TreatmentFacts {
  actions: number;
  open: number;
  withoutOwner: number;
  withoutDueDate: number;
  withoutResources: number;
  overdue: number;
  dueSoon: number;
}

/** The treatment plan (open = planned or in progress); due soon = within 30 days. */
export async function treatmentFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<TreatmentFacts> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`
    with t as (select *, status in ('planned', 'in_progress') as open from treatment_actions
      where organization_id = ${org})
    select count(*)::int as actions,
      (count(*) filter (where open))::int as open,
      (count(*) filter (where open and owner_user_id is null))::int as without_owner,
      (count(*) filter (where open and due_date is null))::int as without_due_date,
      (count(*) filter (where open and length(trim(resources)) = 0 and budget is null))::int
        as without_resources,
      (count(*) filter (where open and due_date < ${today}::date))::int as overdue,
      (count(*) filter (where open and due_date >= ${today}::date
        and due_date <= ${today}::date + 30))::int as due_soon
    from t`,
  );
  return {
    actions: row?.actions ?? 0,
    open: row?.open ?? 0,
    withoutOwner: row?.without_owner ?? 0,
    withoutDueDate: row?.without_due_date ?? 0,
    withoutResources: row?.without_resources ?? 0,
    overdue: row?.overdue ?? 0,
    dueSoon: row?.due_soon ?? 0,
  };
}
