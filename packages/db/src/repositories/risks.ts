import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { riskControls, riskScores, risks } from '../tables/risks.ts';
import { finder, idList } from './lookups.ts';
import { affected, type CompiledMethod } from './risks-compute.ts';
import { assignScores } from './risks-scores.ts';

/** The values a risk reads from its key. */
export const scoreValues = {
  assetValue: riskScores.assetValue,
  value: riskScores.value,
  level: riskScores.level,
  evaluation: riskScores.evaluation,
  residualValue: riskScores.residualValue,
  residualLevel: riskScores.residualLevel,
  residualEvaluation: riskScores.residualEvaluation,
};
/**
 * A risk as readers get it: its own columns and the values of its key, read
 * through `join risk_scores on risk_scores.id = risks.score_id` (scoreOfRisk).
 */
export const riskColumns = {
  ...getTableColumns(risks),
  ...scoreValues,
};
// The organization on both sides lets the planner bound the keys' indexes by it too.
export const scoreOfRisk = and(
  eq(riskScores.id, risks.scoreId),
  eq(riskScores.organizationId, risks.organizationId),
)!;
export type RiskRow = typeof risks.$inferSelect & {
  assetValue: number | null;
  value: number | null;
  level: number | null;
  evaluation: string | null;
  residualValue: number | null;
  residualLevel: number | null;
  residualEvaluation: string | null;
};
export type NewRisk = Omit<typeof risks.$inferInsert, 'id' | 'seq' | 'code' | 'scoreId'>;
export type RiskControlRow = typeof riskControls.$inferSelect;

/** The names a risk refers to: its asset, threat, vulnerability and owner. */
export interface RiskNames {
  assetCode: string;
  assetName: string;
  assetCategory: string;
  threatCode: string;
  threatNameJa: string;
  threatNameEn: string;
  threatAffects: string[];
  vulnerabilityCode: string | null;
  vulnerabilityNameJa: string | null;
  vulnerabilityNameEn: string | null;
  ownerName: string | null;
}
export type RiskView = RiskRow & RiskNames;

type NameRow = {
  kind: 'a' | 't' | 'v' | 'u';
  id: string;
  a: string;
  b: string | null;
  c: string | null;
  d: string[] | null;
};

/**
 * Adds the names of the assets, threats, vulnerabilities and owners the rows
 * refer to, read in one query over just these rows: a page is read from the
 * risks table alone first, which plans in a fraction of the five-way join.
 */
export async function withRiskNames<T extends RiskRow>(
  db: Executor,
  organizationId: string,
  rows: T[],
): Promise<(T & RiskNames)[]> {
  if (rows.length === 0) return [];
  const found = await queryRows<NameRow>(
    db,
    sql`
      select 'a' as kind, id, code as a, name as b, category as c, null::text[] as d from assets
        where organization_id = ${organizationId} and id = any(${idList(rows.map((r) => r.assetId))})
      union all
      select 't', id, code, name_ja, name_en, affects from threats
        where organization_id = ${organizationId} and id = any(${idList(rows.map((r) => r.threatId))})
      union all
      select 'v', id, code, name_ja, name_en, null from vulnerabilities
        where organization_id = ${organizationId}
          and id = any(${idList(rows.map((r) => r.vulnerabilityId))})
      union all
      select 'u', id, display_name, null, null, null from users
        where organization_id = ${organizationId} and id = any(${idList(rows.map((r) => r.ownerUserId))})`,
  );
  const get = finder(found);
  return rows.map((r) => {
    const asset = get('a', r.assetId);
    const threat = get('t', r.threatId);
    const vulnerability = get('v', r.vulnerabilityId);
    // Onto the driver's row: spreading wide rows into new objects is slow.
    return Object.assign(r, {
      assetCode: asset?.a ?? '',
      assetName: asset?.b ?? '',
      assetCategory: asset?.c ?? '',
      threatCode: threat?.a ?? '',
      threatNameJa: threat?.b ?? '',
      threatNameEn: threat?.c ?? '',
      threatAffects: threat?.d ?? [],
      vulnerabilityCode: vulnerability?.a ?? null,
      vulnerabilityNameJa: vulnerability?.b ?? null,
      vulnerabilityNameEn: vulnerability?.c ?? null,
      ownerName: get('u', r.ownerUserId)?.a ?? null,
    });
  });
}

export async function getRiskView(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<RiskView | null> {
  const [row] = await db
    .select(riskColumns)
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(eq(risks.organizationId, organizationId), eq(risks.id, id)));
  if (!row) return null;
  const [view] = await withRiskNames(db, organizationId, [row]);
  return view!;
}

export async function getRisk(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
): Promise<RiskRow | null> {
  const query = db
    .select(riskColumns)
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(eq(risks.organizationId, organizationId), eq(risks.id, id)));
  // Locks the risk alone: its key is shared with other risks.
  const [row] = forUpdate ? await query.for('update', { of: risks }) : await query;
  return row ?? null;
}

/** Serializes numbering of new risks within an organization. */
export async function lockRiskNumbering(db: Executor, organizationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`risks:${organizationId}`}))`);
}

export async function maxRiskSeq(db: Executor, organizationId: string) {
  const [row] = await queryRows<{ seq: number }>(
    db,
    sql`select coalesce(max(seq), 0)::int as seq from risks where organization_id = ${organizationId}`,
  );
  return row?.seq ?? 0;
}

/** 'R-000001'; longer numbers keep all their digits. */
export const riskCodeSql = (n: SQL) =>
  sql`'R-' || lpad((${n})::text, greatest(6, length((${n})::text)), '0')`;

/** Inserts a risk and points it at the key of its inputs (values by the method given). */
export async function insertRisk(db: Executor, values: NewRisk, method: CompiledMethod | null) {
  await lockRiskNumbering(db, values.organizationId);
  const seq = (await maxRiskSeq(db, values.organizationId)) + 1;
  const [row] = await db
    .insert(risks)
    .values({ ...values, seq, code: `R-${String(seq).padStart(6, '0')}` })
    .returning({ id: risks.id });
  await assignScores(db, values.organizationId, method, { ids: [row!.id] });
  return (await getRisk(db, values.organizationId, row!.id))!;
}

export async function updateRisk(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewRisk, 'organizationId'>>,
) {
  const conditions = [eq(risks.organizationId, organizationId), eq(risks.id, id)];
  if (expectedVersion !== null) conditions.push(eq(risks.version, expectedVersion));
  const [row] = await db
    .update(risks)
    .set({ ...values, version: sql`${risks.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function riskExists(db: Executor, organizationId: string, combo: NewRisk) {
  const [row] = await db
    .select({ id: risks.id })
    .from(risks)
    .where(
      and(
        eq(risks.organizationId, organizationId),
        eq(risks.assetId, combo.assetId),
        eq(risks.threatId, combo.threatId),
        combo.vulnerabilityId
          ? eq(risks.vulnerabilityId, combo.vulnerabilityId)
          : isNull(risks.vulnerabilityId),
      ),
    );
  return row?.id ?? null;
}

// ---- controls of a risk -------------------------------------------------------------

export async function riskControlsOf(db: Executor, organizationId: string, riskId: string) {
  return db
    .select()
    .from(riskControls)
    .where(and(eq(riskControls.organizationId, organizationId), eq(riskControls.riskId, riskId)))
    .orderBy(asc(riskControls.role), asc(riskControls.controlId));
}

/** Replaces the controls of one role of a risk. */
export async function replaceRiskControls(
  db: Executor,
  organizationId: string,
  riskId: string,
  role: 'existing' | 'selected',
  items: { controlId: string; justification: string }[],
) {
  await db
    .delete(riskControls)
    .where(
      and(
        eq(riskControls.organizationId, organizationId),
        eq(riskControls.riskId, riskId),
        eq(riskControls.role, role),
      ),
    );
  if (items.length === 0) return;
  await db
    .insert(riskControls)
    .values(items.map((i) => ({ organizationId, riskId, role, ...i })))
    .onConflictDoNothing();
}

/** Selected controls with the number of risks each treats (the SoA reads this). */
export async function selectedControlCounts(db: Executor, organizationId: string) {
  return queryRows<{ controlId: string; risks: number }>(
    db,
    sql`select control_id as "controlId", count(*)::int as risks from risk_controls
        where organization_id = ${organizationId} and role = 'selected'
        group by control_id order by control_id`,
  );
}

export async function countRisks(db: Executor, organizationId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from risks where organization_id = ${organizationId}`,
  );
  return row?.n ?? 0;
}

export { affected };
