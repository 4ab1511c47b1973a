import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { currentSoaVersionSql } from './controls-register.ts';

/**
 * Conformity facts of control operation (4.2.2.c, 4.2.2.e, 5.2.1.b, 5.2.1.d):
 * per applicable control of the current SoA version, its operation, checks
 * and results, and what evidences it. One set-based query; lists at fault are
 * capped and name controls by their display ID only.
 */

export const CONTROL_LINK_CAP = 5;

export interface ControlRef {
  controlId: string;
  displayId: string;
}

interface Counted {
  count: number;
  refs: ControlRef[];
}

export interface ControlOperationFacts {
  /** Applicable controls of the current SoA version (0 without a SoA). */
  applicable: number;
  /** No operation recorded. */
  withoutOperation: Counted;
  /** Recorded, but nobody owns it. */
  withoutOwner: Counted;
  /** Recorded with a status other than in operation. */
  notInOperation: Counted;
  /** No active check planned. */
  withoutCheck: Counted;
  /** Checks planned, but no result within the interval of any active check. */
  withoutCurrentResult: Counted;
  /** Neither an issued procedure, an active record type, nor a reason. */
  uncovered: Counted;
  /** Covered by an issued procedure or an active record type. */
  coveredByEvidence: number;
  /** Covered only by a written reason. */
  coveredByReason: number;
  /** The latest result found the control partly or not effective. */
  lastNotEffective: Counted;
  /** Partly or not effective results of the last 12 months with no nonconformity raised. */
  failedWithoutNonconformity: Counted;
  /** Results recorded in the last 12 months. */
  results12m: number;
}

const counted = (row: Record<string, unknown>, key: string): Counted => ({
  count: Number(row[`${key}_count`] ?? 0),
  refs: ((row[`${key}_refs`] as ControlRef[] | null) ?? []).slice(0, CONTROL_LINK_CAP),
});

export async function controlOperationFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<ControlOperationFacts> {
  const months = sql.raw(`case k.frequency when 'monthly' then 1 when 'quarterly' then 3
    when 'half_yearly' then 6 else 12 end`);
  const agg = (name: string, condition: string) =>
    sql.raw(`(count(*) filter (where ${condition}))::int as ${name}_count,
      coalesce(json_agg(json_build_object('controlId', control_id, 'displayId', display_id)
        order by position, control_id) filter (where ${condition}), '[]') as ${name}_refs`);
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with basis as (${currentSoaVersionSql(org)}),
    ctl as (
      select e.control_id, coalesce(n.display_id, e.control_id) as display_id,
        coalesce(n.position, 2147483647) as position
      from basis b
      join soas s on s.id = b.soa_id
      join soa_entries e on e.soa_version_id = b.id and e.organization_id = ${org} and e.applicable
      left join catalog_libraries l on l.library_id = s.library_id
        and (l.organization_id is null or l.organization_id = ${org})
      left join catalog_nodes n on n.library_id = l.id and n.namespace = 'control'
        and n.node_id = e.control_id
        and (n.organization_id is null or n.organization_id = ${org})
    ),
    f as (
      select c.*, o.id is not null as has_op, o.owner_user_id is not null as has_owner,
        o.status, length(trim(coalesce(o.no_procedure_reason, ''))) > 0 as has_reason,
        exists (select 1 from documents d where d.organization_id = ${org}
          and d.type = 'procedure' and d.status = 'issued'
          and d.control_ids @> array[c.control_id]) as has_procedure,
        exists (select 1 from record_types t where t.organization_id = ${org} and t.active
          and t.control_ids @> array[c.control_id]) as has_record_type,
        exists (select 1 from control_checks k where k.organization_id = ${org}
          and k.control_id = c.control_id and k.active) as has_check,
        exists (select 1 from control_checks k join control_check_results r
            on r.check_id = k.id and r.organization_id = ${org}
          where k.organization_id = ${org} and k.control_id = c.control_id and k.active
            and r.performed_on <= ${today}::date
            and r.performed_on >= (${today}::date - make_interval(months => ${months}))::date)
          as has_current_result,
        (select r.result from control_check_results r where r.organization_id = ${org}
          and r.control_id = c.control_id order by r.performed_on desc, r.created_at desc
          limit 1) as last_result,
        exists (select 1 from control_check_results r where r.organization_id = ${org}
          and r.control_id = c.control_id and r.result <> 'effective'
          and r.nonconformity_id is null
          and r.performed_on >= (${today}::date - interval '12 months')::date) as failed_open,
        (select count(*)::int from control_check_results r where r.organization_id = ${org}
          and r.control_id = c.control_id
          and r.performed_on >= (${today}::date - interval '12 months')::date) as results12m
      from ctl c
      left join control_operations o on o.organization_id = ${org} and o.control_id = c.control_id
    )
    select count(*)::int as applicable,
      ${agg('without_operation', 'not has_op')},
      ${agg('without_owner', 'has_op and not has_owner')},
      ${agg('not_in_operation', "has_op and status <> 'in_operation'")},
      ${agg('without_check', 'not has_check')},
      ${agg('without_current_result', 'has_check and not has_current_result')},
      ${agg('uncovered', 'not has_procedure and not has_record_type and not has_reason')},
      (count(*) filter (where has_procedure or has_record_type))::int as covered_by_evidence,
      (count(*) filter (where not has_procedure and not has_record_type and has_reason))::int
        as covered_by_reason,
      ${agg('last_not_effective', "last_result in ('partly_effective', 'not_effective')")},
      ${agg('failed_open', 'failed_open')},
      coalesce(sum(results12m), 0)::int as results12m
    from f`,
  );
  const r = row ?? {};
  return {
    applicable: Number(r.applicable ?? 0),
    withoutOperation: counted(r, 'without_operation'),
    withoutOwner: counted(r, 'without_owner'),
    notInOperation: counted(r, 'not_in_operation'),
    withoutCheck: counted(r, 'without_check'),
    withoutCurrentResult: counted(r, 'without_current_result'),
    uncovered: counted(r, 'uncovered'),
    coveredByEvidence: Number(r.covered_by_evidence ?? 0),
    coveredByReason: Number(r.covered_by_reason ?? 0),
    lastNotEffective: counted(r, 'last_not_effective'),
    failedWithoutNonconformity: counted(r, 'failed_open'),
    results12m: Number(r.results12m ?? 0),
  };
}
