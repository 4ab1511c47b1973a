import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { residualAcceptances, riskAssessments } from '../tables/risks.ts';
import { affected } from './risks-compute.ts';

export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
export type ResidualAcceptanceRow = typeof residualAcceptances.$inferSelect;
type Page = { limit: number; cursor?: string | undefined };

// ---- assessment runs (4.2.3.c) -----------------------------------------------------------

export async function listRiskAssessments(db: Executor, org: string, page: Page) {
  const c: SQL[] = [eq(riskAssessments.organizationId, org)];
  const after = decodeCursor(page.cursor, 1);
  if (after) c.push(sql`${riskAssessments.number} < ${Number(after[0])}`);
  const rows = await db
    .select()
    .from(riskAssessments)
    .where(and(...c))
    .orderBy(desc(riskAssessments.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

export async function getRiskAssessment(db: Executor, org: string, id: string) {
  const [row] = await db
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organizationId, org), eq(riskAssessments.id, id)));
  return row ?? null;
}

/**
 * Records a run: the run row, then the whole register copied into its entries
 * in one insert … select, then the counts. The run starts from the last one.
 */
export async function snapshotRiskAssessment(
  db: Executor,
  org: string,
  values: {
    title: string;
    assessedOn: string;
    reasons: string[];
    reasonText: string;
    methodId: string | null;
    createdBy: string | null;
  },
) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`risk_assessments:${org}`}))`);
  const [prev] = await db
    .select({ id: riskAssessments.id, number: riskAssessments.number })
    .from(riskAssessments)
    .where(eq(riskAssessments.organizationId, org))
    .orderBy(desc(riskAssessments.number))
    .limit(1);
  const [run] = await db
    .insert(riskAssessments)
    .values({
      organizationId: org,
      number: (prev?.number ?? 0) + 1,
      previousId: prev?.id ?? null,
      ...values,
    })
    .returning();
  await db.execute(sql`
    insert into risk_assessment_entries (assessment_id, organization_id, risk_id, code, asset_name,
      threat_code, likelihood, vulnerability_level, asset_value, value, level, evaluation,
      treatment_option, residual_value)
    select ${run!.id}::uuid, r.organization_id, r.id, r.code, a.name, t.code, r.likelihood,
      r.vulnerability_level, rs.asset_value, rs.value, rs.level, rs.evaluation, r.treatment_option,
      rs.residual_value
    from risks r join risk_scores rs on rs.id = r.score_id join assets a on a.id = r.asset_id join threats t on t.id = r.threat_id
    where r.organization_id = ${org} and r.status <> 'closed'`);
  const [counted] = await db
    .update(riskAssessments)
    .set({
      riskCount: sql`(select count(*)::int from risk_assessment_entries e where e.assessment_id = ${run!.id})`,
      treatCount: sql`(select count(*)::int from risk_assessment_entries e where e.assessment_id = ${run!.id} and e.evaluation = 'treat')`,
    })
    .where(eq(riskAssessments.id, run!.id))
    .returning();
  return counted!;
}

export interface DiffEntry {
  riskId: string;
  code: string;
  assetName: string;
  threatCode: string;
  change: 'added' | 'removed' | 'changed';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const DIFF_COLUMNS = [
  'likelihood',
  'vulnerability_level',
  'asset_value',
  'value',
  'level',
  'evaluation',
  'treatment_option',
  'residual_value',
];
const snapshotJson = (alias: string) =>
  sql.raw(`jsonb_build_object(${DIFF_COLUMNS.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`);

/** What changed between two runs, as a full outer join of their entries, keyset-paged by code. */
export async function diffRiskAssessments(
  db: Executor,
  org: string,
  fromId: string,
  toId: string,
  change: string | undefined,
  page: Page,
) {
  const after = decodeCursor(page.cursor, 1);
  const same = sql.raw(
    `(${DIFF_COLUMNS.map((c) => `f.${c}`).join(', ')}) is not distinct from (${DIFF_COLUMNS.map((c) => `t.${c}`).join(', ')})`,
  );
  const rows = await queryRows<DiffEntry & { sortCode: string }>(
    db,
    sql`
    select * from (
      select coalesce(t.risk_id, f.risk_id) as "riskId", coalesce(t.code, f.code) as code,
        coalesce(t.asset_name, f.asset_name) as "assetName",
        coalesce(t.threat_code, f.threat_code) as "threatCode",
        case when f.risk_id is null then 'added' when t.risk_id is null then 'removed'
          else 'changed' end as change,
        case when f.risk_id is null then null else ${snapshotJson('f')} end as before,
        case when t.risk_id is null then null else ${snapshotJson('t')} end as after,
        coalesce(t.code, f.code) as "sortCode"
      from (select * from risk_assessment_entries where assessment_id = ${fromId} and organization_id = ${org}) f
      full join (select * from risk_assessment_entries where assessment_id = ${toId} and organization_id = ${org}) t
        on t.risk_id = f.risk_id
      where f.risk_id is null or t.risk_id is null or not ${same}
    ) d
    where ${change ? sql`d.change = ${change}` : sql`true`}
      ${after ? sql`and d."sortCode" > ${String(after[0])}` : sql``}
    order by d."sortCode" limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) => [r.sortCode]);
}

export async function diffCounts(db: Executor, org: string, fromId: string, toId: string) {
  const same = sql.raw(
    `(${DIFF_COLUMNS.map((c) => `f.${c}`).join(', ')}) is not distinct from (${DIFF_COLUMNS.map((c) => `t.${c}`).join(', ')})`,
  );
  const [row] = await queryRows<{ added: number; removed: number; changed: number }>(
    db,
    sql`
    select count(*) filter (where f.risk_id is null)::int as added,
      count(*) filter (where t.risk_id is null)::int as removed,
      count(*) filter (where f.risk_id is not null and t.risk_id is not null and not ${same})::int as changed
    from (select * from risk_assessment_entries where assessment_id = ${fromId} and organization_id = ${org}) f
    full join (select * from risk_assessment_entries where assessment_id = ${toId} and organization_id = ${org}) t
      on t.risk_id = f.risk_id`,
  );
  return row ?? { added: 0, removed: 0, changed: 0 };
}

// ---- residual risk acceptance (4.2.1.i) --------------------------------------------------

export async function insertResidualAcceptance(
  db: Executor,
  values: typeof residualAcceptances.$inferInsert,
) {
  const [row] = await db.insert(residualAcceptances).values(values).returning();
  return row!;
}

export async function getResidualAcceptance(db: Executor, org: string, id: string) {
  const [row] = await db
    .select()
    .from(residualAcceptances)
    .where(and(eq(residualAcceptances.organizationId, org), eq(residualAcceptances.id, id)));
  return row ?? null;
}

export async function updateResidualAcceptance(
  db: Executor,
  org: string,
  id: string,
  values: Partial<typeof residualAcceptances.$inferInsert>,
) {
  const [row] = await db
    .update(residualAcceptances)
    .set(values)
    .where(and(eq(residualAcceptances.organizationId, org), eq(residualAcceptances.id, id)))
    .returning();
  return row ?? null;
}

export async function listResidualAcceptances(
  db: Executor,
  org: string,
  status: string | undefined,
  page: Page,
) {
  const c: SQL[] = [eq(residualAcceptances.organizationId, org)];
  if (status) c.push(eq(residualAcceptances.status, status));
  const after = decodeCursor(page.cursor, 2);
  if (after)
    c.push(
      sql`(${residualAcceptances.createdAt}, ${residualAcceptances.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select({
      ...getTableColumns(residualAcceptances),
      sortKey: sql<string>`${residualAcceptances.createdAt}::text`,
    })
    .from(residualAcceptances)
    .where(and(...c))
    .orderBy(desc(residualAcceptances.createdAt), desc(residualAcceptances.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
}

/**
 * Attaches risks to a submission: the explicit ids, or every risk with a
 * treatment decision whose residual is not accepted or pending. Returns how many.
 */
export async function attachRisksToAcceptance(
  db: Executor,
  org: string,
  acceptanceId: string,
  riskIds: string[] | undefined,
) {
  const which = riskIds
    ? sql`id = any(${sql.param(riskIds)}::uuid[])`
    : sql`treatment_option is not null and residual_status in ('none', 'rejected')`;
  const result = await db.execute(sql`
    update risks set residual_status = 'pending', residual_acceptance_id = ${acceptanceId},
      version = version + 1, updated_at = now()
    where organization_id = ${org} and ${which} and residual_status <> 'pending'
      and status <> 'closed'`);
  return affected(result);
}

/**
 * Records the decision on every risk of a submission in one statement; a
 * withdrawn request ('none') leaves the risks free to be sent again.
 */
export async function decideAcceptanceRisks(
  db: Executor,
  org: string,
  acceptanceId: string,
  approvalId: string,
  outcome: 'accepted' | 'rejected' | 'none',
  decidedBy: string | null,
) {
  const accepted = outcome === 'accepted';
  const result = await db.execute(sql`
    update risks set residual_status = ${outcome},
      residual_approval_id = ${outcome === 'none' ? null : approvalId},
      residual_acceptance_id = case when ${outcome} = 'none' then null else residual_acceptance_id end,
      residual_accepted_by = ${accepted ? decidedBy : null},
      residual_accepted_at = ${accepted ? sql`now()` : sql`null`},
      status = case when ${accepted} then 'accepted' else status end,
      version = version + 1, updated_at = now()
    where organization_id = ${org} and residual_acceptance_id = ${acceptanceId}
      and residual_status = 'pending'`);
  return affected(result);
}
