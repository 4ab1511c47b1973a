import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Read-only facts for risk-based audit planning and the audits dashboard: when
 * each clause, control and unit was last audited, what is planned, open
 * findings and risk levels. One statement each, whatever the number of rows.
 */

/** Audits count as audited once reported: their checklist results are final. */
const REPORTED = sql.raw(`('reported', 'follow_up', 'closed')`);
const UPCOMING = sql.raw(`('planned', 'in_progress')`);
/** A finding waits for follow-up until verified (or taken over by the improvement area). */
const OPEN_FINDING = sql.raw(`('open', 'corrected')`);
const day = (expr: string) => sql.raw(`to_char(${expr}, 'YYYY-MM-DD')`);

/** The latest audited date of each requirement item or control with a result. */
export async function auditedRefs(db: Executor, org: string) {
  return queryRows<{ kind: 'requirement' | 'control'; ref_id: string; last_on: string }>(
    db,
    sql`
    select l.kind, l.ref_id,
      ${day(`max(coalesce((l.answered_at at time zone 'UTC')::date, a.planned_end))`)} as last_on
    from audit_checklist_lines l
    join audits a on a.id = l.audit_id and a.organization_id = l.organization_id
    where l.organization_id = ${org} and l.result is not null and l.ref_id is not null
      and l.kind in ('requirement', 'control') and a.status in ${REPORTED}
    group by l.kind, l.ref_id`,
  );
}

export interface PlannedAuditScope {
  id: string;
  planned_start: string;
  requirement_ids: string[];
  control_ids: string[];
  auditee_unit_ids: string[];
}

/** Audits still to run in the programme: linked to it, or starting in its period. */
export async function plannedAuditScopes(
  db: Executor,
  org: string,
  programme: { id: string; periodStart: string; periodEnd: string },
) {
  return queryRows<PlannedAuditScope>(
    db,
    sql`
    select id, ${day('planned_start')} as planned_start, requirement_ids, control_ids,
      auditee_unit_ids
    from audits
    where organization_id = ${org} and status in ${UPCOMING}
      and (programme_id = ${programme.id}
        or planned_start between ${programme.periodStart}::date and ${programme.periodEnd}::date)
    order by planned_start`,
  );
}

/** Findings waiting for follow-up, per requirement item or control. */
export async function openFindingsByRef(db: Executor, org: string) {
  return queryRows<{ kind: 'requirement' | 'control'; ref_id: string; open: number }>(
    db,
    sql`
    select case when control_id is not null then 'control' else 'requirement' end as kind,
      coalesce(control_id, requirement_id) as ref_id, count(*)::int as open
    from audit_findings
    where organization_id = ${org} and status in ${OPEN_FINDING}
      and coalesce(control_id, requirement_id) is not null
    group by 1, 2`,
  );
}

/** The highest level among the open risks each control treats or is to treat. */
export async function controlRiskLevels(db: Executor, org: string) {
  return queryRows<{ control_id: string; level: number }>(
    db,
    sql`
    select rc.control_id, max(rs.level)::int as level
    from risk_controls rc join risks r on r.id = rc.risk_id and r.organization_id = rc.organization_id
      join risk_scores rs on rs.id = r.score_id
    where rc.organization_id = ${org} and r.status <> 'closed' and rs.level is not null
    group by rc.control_id`,
  );
}

/**
 * Per unit (the programme's scope units, or every active unit when it names
 * none): last audited, next planned, open findings and its highest risk level.
 */
export async function unitPlanning(
  db: Executor,
  org: string,
  programme: { id: string; periodStart: string; periodEnd: string; scopeUnitIds: string[] },
) {
  const units: SQL = programme.scopeUnitIds.length
    ? sql`u.id = any(${sql.param(programme.scopeUnitIds)}::uuid[])`
    : sql`u.active`;
  return queryRows<{
    id: string;
    code: string;
    name: string;
    last_on: string | null;
    planned_on: string | null;
    open_findings: number;
    highest_risk_level: number | null;
  }>(
    db,
    sql`
    select u.id, u.code, u.name,
      (select ${day(`max(coalesce((l.answered_at at time zone 'UTC')::date, a.planned_end))`)}
        from audits a join audit_checklist_lines l on l.audit_id = a.id
        where a.organization_id = ${org} and u.id = any(a.auditee_unit_ids)
          and a.status in ${REPORTED} and l.result is not null) as last_on,
      (select ${day('min(a.planned_start)')} from audits a
        where a.organization_id = ${org} and u.id = any(a.auditee_unit_ids)
          and a.status in ${UPCOMING}
          and (a.programme_id = ${programme.id} or a.planned_start
            between ${programme.periodStart}::date and ${programme.periodEnd}::date)) as planned_on,
      (select count(*)::int from audit_findings f join audits a on a.id = f.audit_id
        where f.organization_id = ${org} and f.status in ${OPEN_FINDING}
          and (f.unit_id = u.id or (f.unit_id is null and u.id = any(a.auditee_unit_ids))))
        as open_findings,
      (select max(rs.level)::int from risks r join risk_scores rs on rs.id = r.score_id join assets s on s.id = r.asset_id
        where r.organization_id = ${org} and r.status <> 'closed'
          and (s.org_unit_id = u.id or s.owner_unit_id = u.id)) as highest_risk_level
    from org_units u
    where u.organization_id = ${org} and ${units}
    order by u.code`,
  );
}

/** Audits the user may see with 'own' reach: on the team, or their unit is audited. */
function visibleTo(userId: string | null): SQL {
  if (!userId) return sql`true`;
  return sql`(exists (select 1 from audit_team_members m
      where m.audit_id = a.id and m.user_id = ${userId})
    or a.auditee_unit_ids && array(select org_unit_id from users
      where id = ${userId} and org_unit_id is not null))`;
}

/** The next audits to run: planned or in progress, not yet past their end, earliest first. */
export async function nextAudits(
  db: Executor,
  org: string,
  today: string,
  ownUserId: string | null,
  limit: number,
) {
  return queryRows<{
    id: string;
    code: string;
    title: string;
    status: string;
    planned_start: string;
    planned_end: string;
  }>(
    db,
    sql`
    select a.id, a.code, a.title, a.status, ${day('a.planned_start')} as planned_start,
      ${day('a.planned_end')} as planned_end
    from audits a
    where a.organization_id = ${org} and a.status in ${UPCOMING}
      and a.planned_end >= ${today}::date and ${visibleTo(ownUserId)}
    order by a.planned_start, a.code
    limit ${limit}`,
  );
}

/** Findings past their due date and not yet verified, oldest due first, with their count. */
export async function overdueFindings(
  db: Executor,
  org: string,
  today: string,
  ownUserId: string | null,
  limit: number,
) {
  return queryRows<{
    id: string;
    audit_id: string;
    audit_code: string;
    number: number;
    kind: string;
    status: string;
    requirement_id: string | null;
    control_id: string | null;
    due_date: string;
    total: number;
  }>(
    db,
    sql`
    select f.id, f.audit_id, a.code as audit_code, f.number, f.kind, f.status,
      f.requirement_id, f.control_id, ${day('f.due_date')} as due_date,
      (count(*) over ())::int as total
    from audit_findings f join audits a on a.id = f.audit_id and a.organization_id = f.organization_id
    where f.organization_id = ${org} and f.status in ${OPEN_FINDING}
      and f.due_date < ${today}::date and ${visibleTo(ownUserId)}
    order by f.due_date, a.code, f.number
    limit ${limit}`,
  );
}
