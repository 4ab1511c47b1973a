import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Conformity facts of improvement (7.1, 7.2, 7.3, 4.2.4): nonconformities and
 * their workflow, actions, effectiveness reviews, preventive proposals, the
 * improvement register and the communication log. Read only, a few set-based
 * queries whatever the register's size.
 */

/** The most objects a fault names; its count is always complete. */
export const FAULT_REFS_LIMIT = 20;

/** Days a proposed improvement may wait for its decision. */
export const UNDECIDED_DAYS = 30;

export type NcKind = 'nonconformity' | 'potential';

/** An object at fault: a nonconformity, an action (of a nonconformity), a finding. */
export interface FaultRef {
  id: string;
  /** NC-0003, IMP-0002, or an action's NC code and title. */
  label: string;
  /** The nonconformity the object belongs to (actions), or of the object itself. */
  parentId: string | null;
}
export interface Fault {
  count: number;
  refs: FaultRef[];
}
export type FaultsByKind = Record<NcKind, Fault>;

export interface ImprovementFacts {
  /** Codes of issued procedures tagged with 7.2 (or one of its items) / with 7.3. */
  correctiveProcedures: string[];
  preventiveProcedures: string[];
  /** Nonconformities and potential ones, and how many of them are closed. */
  recorded: Record<NcKind, number>;
  closed: Record<NcKind, number>;
  /** Actions (not cancelled) and effectiveness reviews. */
  actions: Record<NcKind, number>;
  reviews: number;
  /** Nonconformity findings of internal audits not taken over into the register. */
  findingsNotTakenOver: Fault;
  /** Past containment without a root cause for the cycle in force. */
  withoutCause: FaultsByKind;
  /** Evaluated or later without a decision on the need for action (and its reason). */
  withoutEvaluation: FaultsByKind;
  /** Action found needed, but no action planned in the cycle. */
  withoutAction: FaultsByKind;
  /** Planned actions past their due date. */
  actionsOverdue: FaultsByKind;
  /** Implemented actions recording neither a result nor evidence. */
  withoutResult: FaultsByKind;
  /** Implemented actions past their review date with no effectiveness review. */
  reviewOverdue: FaultsByKind;
  /** Closed while an action of the cycle in force is not found effective. */
  closedNotEffective: FaultsByKind;
  proposals: { total: number; decided: number };
  proposalsOpen: Fault;
  improvements: {
    total: number;
    implemented: number;
    /** From lessons of own incidents or others' (4.2.4.b), in either register. */
    lessons: number;
  };
  /** Proposed more than UNDECIDED_DAYS ago and still not decided. */
  improvementsUndecided: Fault;
  improvementsOverdue: Fault;
  /** Implemented improvements with no evidence of the effect. */
  improvementsWithoutEvidence: Fault;
  communications: number;
  /** Communications whose parties have not answered yet / objected. */
  communicationsPending: Fault;
  communicationsObjected: Fault;
  /** Closed nonconformities and implemented improvements never communicated. */
  notCommunicated: Fault;
}

const emptyFault = (): Fault => ({ count: 0, refs: [] });

/**
 * Counts and names the rows of `rows` (columns kind, id, label, parent_id,
 * sort) per kind, the first FAULT_REFS_LIMIT by sort.
 */
async function faultsByKind(db: Executor, rows: SQL): Promise<FaultsByKind> {
  const found = await queryRows<{ kind: NcKind; count: number; refs: FaultRef[] | null }>(
    db,
    sql`
    select kind, count(*)::int as count,
      jsonb_agg(jsonb_build_object('id', id, 'label', label, 'parentId', parent_id) order by sort)
        filter (where rn <= ${FAULT_REFS_LIMIT}) as refs
    from (select f.*, row_number() over (partition by kind order by sort) as rn from (${rows}) f) x
    group by kind`,
  );
  const out: FaultsByKind = { nonconformity: emptyFault(), potential: emptyFault() };
  for (const f of found) out[f.kind] = { count: f.count, refs: f.refs ?? [] };
  return out;
}

async function fault(db: Executor, rows: SQL): Promise<Fault> {
  const byKind = await faultsByKind(
    db,
    sql`select 'nonconformity'::text as kind, id, label, parent_id, sort from (${rows}) r`,
  );
  return byKind.nonconformity;
}

const ncLabel = sql.raw(`'NC-' || lpad(n.number::text, 4, '0')`);
const impLabel = sql.raw(`'IMP-' || lpad(i.number::text, 4, '0')`);
const actionLabel = sql.raw(`'NC-' || lpad(n.number::text, 4, '0') || ' ' || a.title`);

/** Nonconformities with the analysis of the cycle in force (alias n, y). */
const ncWithAnalysis = (org: string) => sql`
  from nonconformities n
  left join nonconformity_analyses y on y.nonconformity_id = n.id and y.cycle = n.cycle
  where n.organization_id = ${org}`;

/** Actions of the cycle in force of their nonconformity (alias a, n). */
const actionsInForce = (org: string) => sql`
  from improvement_actions a
  join nonconformities n on n.id = a.nonconformity_id and n.cycle = a.cycle
  where a.organization_id = ${org} and a.status <> 'cancelled'`;

const communicationsIn = (db: Executor, org: string, agreement: string) =>
  fault(
    db,
    sql`select m.id, m.audience as label, null::uuid as parent_id, m.communicated_on::text as sort
      from improvement_communications m
      where m.organization_id = ${org} and m.agreement = ${agreement}`,
  );

export async function improvementFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ImprovementFacts> {
  const [counts] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select
      coalesce((select array_agg(code order by code) from documents d
        where d.organization_id = ${org} and d.status = 'issued' and d.type = 'procedure'
          and exists (select 1 from unnest(d.requirement_ids) r where r = '7.2' or r like '7.2.%')),
        '{}') as corrective_procedures,
      coalesce((select array_agg(code order by code) from documents d
        where d.organization_id = ${org} and d.status = 'issued' and d.type = 'procedure'
          and exists (select 1 from unnest(d.requirement_ids) r where r = '7.3' or r like '7.3.%')),
        '{}') as preventive_procedures,
      (select count(*) from nonconformities where organization_id = ${org} and kind = 'nonconformity')::int as nc,
      (select count(*) from nonconformities where organization_id = ${org} and kind = 'potential')::int as pnc,
      (select count(*) from nonconformities where organization_id = ${org} and kind = 'nonconformity' and status = 'closed')::int as nc_closed,
      (select count(*) from nonconformities where organization_id = ${org} and kind = 'potential' and status = 'closed')::int as pnc_closed,
      (select count(*) from improvement_actions a join nonconformities n on n.id = a.nonconformity_id
        where a.organization_id = ${org} and a.status <> 'cancelled' and n.kind = 'nonconformity')::int as nc_actions,
      (select count(*) from improvement_actions a join nonconformities n on n.id = a.nonconformity_id
        where a.organization_id = ${org} and a.status <> 'cancelled' and n.kind = 'potential')::int as pnc_actions,
      (select count(*) from effectiveness_reviews where organization_id = ${org})::int as reviews,
      (select count(*) from preventive_proposals where organization_id = ${org})::int as proposals,
      (select count(*) from preventive_proposals where organization_id = ${org} and status <> 'proposed')::int as decided,
      (select count(*) from improvements where organization_id = ${org})::int as improvements,
      (select count(*) from improvements where organization_id = ${org} and status = 'implemented')::int as implemented,
      ((select count(*) from improvements where organization_id = ${org}
          and source in ('incident_lesson', 'external_lesson'))
        + (select count(*) from nonconformities where organization_id = ${org} and source = 'incident'))::int as lessons,
      (select count(*) from improvement_communications where organization_id = ${org})::int as communications`,
  );
  const c = counts!;
  const n = (k: string) => Number(c[k] ?? 0);
  return {
    correctiveProcedures: (c.corrective_procedures as string[]) ?? [],
    preventiveProcedures: (c.preventive_procedures as string[]) ?? [],
    recorded: { nonconformity: n('nc'), potential: n('pnc') },
    closed: { nonconformity: n('nc_closed'), potential: n('pnc_closed') },
    actions: { nonconformity: n('nc_actions'), potential: n('pnc_actions') },
    reviews: n('reviews'),
    findingsNotTakenOver: await fault(
      db,
      sql`select f.id, u.code || ' #' || f.number::text as label, f.audit_id as parent_id,
          f.created_at::text as sort
        from audit_findings f join audits u on u.id = f.audit_id
        where f.organization_id = ${org} and f.kind in ('major_nc', 'minor_nc')
          and f.nonconformity_id is null
          and not exists (select 1 from nonconformities n where n.audit_finding_id = f.id)`,
    ),
    withoutCause: await faultsByKind(
      db,
      sql`select n.kind, n.id, ${ncLabel} as label, n.id as parent_id, n.number as sort
        ${ncWithAnalysis(org)}
          and n.status in ('analysed', 'evaluated', 'in_action', 'in_review', 'closed')
          and (y.id is null or length(trim(y.root_cause)) = 0)`,
    ),
    withoutEvaluation: await faultsByKind(
      db,
      sql`select n.kind, n.id, ${ncLabel} as label, n.id as parent_id, n.number as sort
        ${ncWithAnalysis(org)}
          and n.status in ('evaluated', 'in_action', 'in_review', 'closed')
          and (y.action_needed is null or length(trim(y.evaluation_reason)) = 0)`,
    ),
    withoutAction: await faultsByKind(
      db,
      sql`select n.kind, n.id, ${ncLabel} as label, n.id as parent_id, n.number as sort
        ${ncWithAnalysis(org)}
          and n.status in ('evaluated', 'in_action', 'in_review', 'closed') and y.action_needed
          and not exists (select 1 from improvement_actions a where a.nonconformity_id = n.id
            and a.cycle = n.cycle and a.status <> 'cancelled')`,
    ),
    actionsOverdue: await faultsByKind(
      db,
      sql`select n.kind, a.id, ${actionLabel} as label, n.id as parent_id, a.due_date::text as sort
        ${actionsInForce(org)} and a.status = 'planned' and a.due_date < ${today}::date`,
    ),
    withoutResult: await faultsByKind(
      db,
      sql`select n.kind, a.id, ${actionLabel} as label, n.id as parent_id, a.implemented_at::text as sort
        ${actionsInForce(org)} and a.status in ('implemented', 'effective', 'not_effective')
          and length(trim(a.implementation_note)) = 0 and jsonb_array_length(a.evidence) = 0`,
    ),
    reviewOverdue: await faultsByKind(
      db,
      sql`select n.kind, a.id, ${actionLabel} as label, n.id as parent_id, a.implemented_at::text as sort
        ${actionsInForce(org)} and a.status = 'implemented'
          and coalesce(a.review_due, (a.implemented_at at time zone 'UTC')::date + a.review_interval_days) < ${today}::date
          and not exists (select 1 from effectiveness_reviews r where r.action_id = a.id)`,
    ),
    closedNotEffective: await faultsByKind(
      db,
      sql`select n.kind, n.id, ${ncLabel} as label, n.id as parent_id, n.number as sort
        from nonconformities n
        where n.organization_id = ${org} and n.status = 'closed'
          and exists (select 1 from improvement_actions a where a.nonconformity_id = n.id
            and a.cycle = n.cycle and a.status not in ('effective', 'cancelled'))`,
    ),
    proposals: { total: n('proposals'), decided: n('decided') },
    proposalsOpen: await fault(
      db,
      sql`select p.id, k.code as label, p.risk_id as parent_id, p.created_at::text as sort
        from preventive_proposals p join risks k on k.id = p.risk_id
        where p.organization_id = ${org} and p.status = 'proposed'`,
    ),
    improvements: {
      total: n('improvements'),
      implemented: n('implemented'),
      lessons: n('lessons'),
    },
    improvementsUndecided: await fault(
      db,
      sql`select i.id, ${impLabel} as label, null::uuid as parent_id, i.number as sort
        from improvements i where i.organization_id = ${org} and i.status = 'proposed'
          and i.created_at < ${today}::date - ${UNDECIDED_DAYS}::int`,
    ),
    improvementsOverdue: await fault(
      db,
      sql`select i.id, ${impLabel} as label, null::uuid as parent_id, i.number as sort
        from improvements i where i.organization_id = ${org} and i.status = 'accepted'
          and i.due_date < ${today}::date`,
    ),
    improvementsWithoutEvidence: await fault(
      db,
      sql`select i.id, ${impLabel} as label, null::uuid as parent_id, i.number as sort
        from improvements i where i.organization_id = ${org} and i.status = 'implemented'
          and jsonb_array_length(i.evidence) = 0`,
    ),
    communications: n('communications'),
    communicationsPending: await communicationsIn(db, org, 'pending'),
    communicationsObjected: await communicationsIn(db, org, 'objected'),
    notCommunicated: await fault(
      db,
      sql`select n.id, ${ncLabel} as label, n.id as parent_id, 'a' || lpad(n.number::text, 9, '0') as sort
        from nonconformities n
        where n.organization_id = ${org} and n.status = 'closed'
          and not exists (select 1 from improvement_communications m where m.nonconformity_id = n.id)
        union all
        select i.id, ${impLabel} as label, null::uuid as parent_id, 'b' || lpad(i.number::text, 9, '0') as sort
        from improvements i
        where i.organization_id = ${org} and i.status = 'implemented'
          and not exists (select 1 from improvement_communications m where m.improvement_id = i.id)`,
    ),
  };
}
