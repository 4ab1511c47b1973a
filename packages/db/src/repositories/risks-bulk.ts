import { and, asc, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { riskScores, risks } from '../tables/risks.ts';
import { riskColumns, scoreOfRisk } from './risks.ts';
import { riskConditions, type RiskFilter } from './risks-list.ts';

/**
 * Set-based writes over the risks a register filter selects (bulk treatment):
 * one statement per step whatever the number of risks.
 */

/** What a filter selects now; `tag` changes when the set or any of its rows changes. */
export interface RiskSelection {
  count: number;
  tag: string;
  /** Of them, risks another user owns (or nobody does). */
  notOwned: number;
  /** Of them, risks whose residual risk awaits top management's decision. */
  pending: number;
}

export async function riskSelection(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  userId: string | null,
): Promise<RiskSelection> {
  const [row] = await queryRows<RiskSelection>(
    db,
    sql`select count(*)::int as count,
          coalesce(md5(string_agg(${risks.id}::text || ':' || ${risks.version}, ',' order by ${risks.id})), '') as tag,
          (count(*) filter (where ${risks.ownerUserId} is distinct from ${userId}::uuid))::int as "notOwned",
          (count(*) filter (where ${risks.residualStatus} = 'pending'))::int as pending
        from risks join risk_scores on risk_scores.id = risks.score_id
        where ${and(...riskConditions(organizationId, filter))}`,
  );
  return row!;
}

/** Locks the selected rows (in id order, so two bulk writes cannot deadlock) and returns them. */
export async function lockSelection(db: Executor, organizationId: string, filter: RiskFilter) {
  return db
    .select(riskColumns)
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(...riskConditions(organizationId, filter)))
    .orderBy(asc(risks.id))
    .for('update', { of: risks });
}

export interface BulkTreatment {
  option: string | null;
  transferTo: string;
  rationale: string;
  residualLikelihood: number | null;
  residualVulnerabilityLevel: number | null;
  residualImpact: number | null;
  /** Undefined keeps each risk's owner. */
  ownerUserId?: string | null | undefined;
}

/** One UPDATE for every risk: the same rules as the treatment of one risk. */
export async function applyTreatment(
  db: Executor,
  organizationId: string,
  ids: string[],
  t: BulkTreatment,
) {
  if (ids.length === 0) return 0;
  // CASE expressions read the row's values before this update.
  const optionChanged = sql`${risks.treatmentOption} is distinct from ${t.option}::text`;
  const rows = await db
    .update(risks)
    .set({
      treatmentOption: t.option,
      transferTo: t.option === 'transfer' ? t.transferTo : '',
      rationale: t.rationale,
      residualLikelihood: t.residualLikelihood,
      residualVulnerabilityLevel: t.residualVulnerabilityLevel,
      residualImpact: t.residualImpact,
      residualStatus: 'none',
      residualAcceptanceId: null,
      retentionStatus: sql`case when ${optionChanged} then 'none' else ${risks.retentionStatus} end`,
      retentionApprovalId: sql`case when ${optionChanged} then null else ${risks.retentionApprovalId} end`,
      status:
        t.option === null
          ? sql`${risks.status}`
          : sql`case when ${risks.status} = 'open' then 'in_treatment' else ${risks.status} end`,
      ...(t.ownerUserId !== undefined ? { ownerUserId: t.ownerUserId } : {}),
      version: sql`${risks.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(sql`${risks.organizationId} = ${organizationId}`, inArray(risks.id, ids)))
    .returning({ id: risks.id });
  return rows.length;
}

/** Replaces the selected controls of every risk with the same controls and justification. */
export async function replaceSelectedControls(
  db: Executor,
  organizationId: string,
  ids: string[],
  controlIds: string[],
  justification: string,
) {
  if (ids.length === 0) return;
  const idArray = sql`${sql.param(ids)}::uuid[]`;
  await db.execute(
    sql`delete from risk_controls where organization_id = ${organizationId}
        and role = 'selected' and risk_id = any(${idArray})`,
  );
  if (controlIds.length === 0) return;
  await db.execute(
    sql`insert into risk_controls (organization_id, risk_id, role, control_id, justification)
        select ${organizationId}, r, 'selected', c, ${justification}
        from unnest(${idArray}) r cross join unnest(${sql.param(controlIds)}::text[]) c
        on conflict do nothing`,
  );
}

/** Risks by id, in id order (the state after a bulk write, for the audit trail). */
export async function risksByIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(riskColumns)
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(sql`${risks.organizationId} = ${organizationId}`, inArray(risks.id, ids)))
    .orderBy(asc(risks.id));
}

/**
 * Selected controls of these risks that no treatment action (other than a
 * cancelled one) covers for that risk yet, each with the risks it concerns.
 */
export async function uncoveredControls(db: Executor, organizationId: string, riskIds: string[]) {
  if (riskIds.length === 0) return [];
  return queryRows<{ controlId: string; riskIds: string[] }>(
    db,
    sql`select rc.control_id as "controlId", array_agg(rc.risk_id::text order by rc.risk_id) as "riskIds"
        from risk_controls rc
        where rc.organization_id = ${organizationId} and rc.role = 'selected'
          and rc.risk_id = any(${sql.param(riskIds)}::uuid[])
          and not exists (
            select 1 from treatment_action_risks tr
            join treatment_action_controls tc on tc.action_id = tr.action_id
            join treatment_actions ta on ta.id = tr.action_id
            where tr.organization_id = ${organizationId} and tr.risk_id = rc.risk_id
              and tc.control_id = rc.control_id and ta.status <> 'cancelled')
        group by rc.control_id order by rc.control_id`,
  );
}
