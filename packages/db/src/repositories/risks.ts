import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  isNull,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage, type CursorType } from '../pagination.ts';
import { riskControls, riskScores, risks } from '../tables/risks.ts';
import { finder, idList } from './lookups.ts';
import { affected, type CompiledMethod } from './risks-compute.ts';
import { assignScores } from './risks-scores.ts';

/** The values a risk reads from its key. */
const scoreValues = {
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

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
type Page = { limit: number; cursor?: string | undefined };

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

// ---- the register ---------------------------------------------------------------------

export const RISK_SORTS = ['code', 'value', 'residualValue', 'updatedAt'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];
const sortKeys: Record<RiskSort, { expr: SQL; type: CursorType; byKey?: boolean }> = {
  code: { expr: sql`${risks.code}`, type: 'text' },
  value: { expr: sql`coalesce(${riskScores.value}, -1)`, type: 'int', byKey: true },
  residualValue: {
    expr: sql`coalesce(${riskScores.residualValue}, -1)`,
    type: 'int',
    byKey: true,
  },
  updatedAt: { expr: sql`${risks.updatedAt}`, type: 'timestamptz' },
};

export interface RiskFilter {
  q?: string | undefined;
  assetId?: string | undefined;
  /** Risks of assets of this category (information, software, …). */
  assetCategory?: string | undefined;
  threatId?: string | undefined;
  vulnerabilityId?: string | undefined;
  level?: number | undefined;
  evaluation?: string | undefined;
  status?: string | undefined;
  /** Only risks not closed. */
  open?: boolean | undefined;
  ownerUserId?: string | undefined;
  treatmentOption?: string | undefined;
  residualAcceptance?: string | undefined;
  likelihood?: number | undefined;
  impact?: number | undefined;
  controlId?: string | undefined;
}

/** Conditions on risks joined to their keys (riskScores). */
export function riskConditions(organizationId: string, f: RiskFilter): SQL[] {
  const c: SQL[] = [eq(risks.organizationId, organizationId)];
  if (f.q) {
    const p = likePattern(f.q);
    // The asset's code or name through a sub-select, so callers need not join assets.
    c.push(
      or(
        ilike(risks.code, p),
        sql`${risks.assetId} in (select a.id from assets a where a.organization_id = ${organizationId}
          and (a.code ilike ${p} or a.name ilike ${p}))`,
      )!,
    );
  }
  if (f.assetId) c.push(eq(risks.assetId, f.assetId));
  if (f.assetCategory)
    c.push(sql`${risks.assetId} in (select a.id from assets a where a.organization_id = ${organizationId}
      and a.category = ${f.assetCategory})`);
  if (f.threatId) c.push(eq(risks.threatId, f.threatId));
  if (f.vulnerabilityId) c.push(eq(risks.vulnerabilityId, f.vulnerabilityId));
  if (f.level !== undefined) c.push(eq(riskScores.level, f.level));
  if (f.evaluation) c.push(eq(riskScores.evaluation, f.evaluation));
  if (f.status) c.push(eq(risks.status, f.status));
  if (f.open) c.push(ne(risks.status, 'closed'));
  if (f.ownerUserId) c.push(eq(risks.ownerUserId, f.ownerUserId));
  if (f.treatmentOption === 'none') c.push(isNull(risks.treatmentOption));
  else if (f.treatmentOption) c.push(eq(risks.treatmentOption, f.treatmentOption));
  if (f.residualAcceptance) c.push(eq(risks.residualStatus, f.residualAcceptance));
  if (f.likelihood !== undefined) c.push(eq(risks.likelihood, f.likelihood));
  if (f.impact !== undefined)
    c.push(sql`coalesce(${risks.impact}, ${riskScores.assetValue}) = ${f.impact}::int`);
  if (f.controlId) {
    c.push(sql`exists (select 1 from risk_controls rc where rc.risk_id = ${risks.id}
      and rc.organization_id = ${organizationId} and rc.role = 'selected'
      and rc.control_id = ${f.controlId})`);
  }
  return c;
}

export async function listRisks(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  order: { sort: RiskSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  const conditions = riskConditions(organizationId, filter);
  const { expr, type, byKey } = sortKeys[order.sort];
  const asc_ = order.direction === 'asc';
  const dir = asc_ ? asc : desc;
  // A value sort walks the keys in value order and each key's risks by id,
  // so the cursor carries the key too: (value, score id, risk id).
  const keys = byKey ? [expr, sql`${risks.scoreId}`, sql`${risks.id}`] : [expr, sql`${risks.id}`];
  const types: CursorType[] = byKey ? [type, 'uuid', 'uuid'] : [type, 'uuid'];
  const after = decodeCursor(page.cursor, keys.length, types);
  if (after) {
    const values = after.map((v, i) => sql`${String(v)}::${sql.raw(types[i]!)}`);
    const row = (list: SQL[]) => sql`(${sql.join(list, sql`, `)})`;
    conditions.push(asc_ ? sql`${row(keys)} > ${row(values)}` : sql`${row(keys)} < ${row(values)}`);
    // The same bound on the key alone, so the walk over the keys' index starts there.
    if (byKey) {
      const key = row([expr, sql`${riskScores.id}`]);
      const bound = row(values.slice(0, 2));
      conditions.push(asc_ ? sql`${key} >= ${bound}` : sql`${key} <= ${bound}`);
    }
  }
  if (!byKey) {
    const rows = await db
      .select({ ...riskColumns, sortKey: sql<string>`(${expr})::text` })
      .from(risks)
      .innerJoin(riskScores, scoreOfRisk)
      .where(and(...conditions))
      .orderBy(...keys.map((k) => dir(k)))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
    return { ...result, items: await withRiskNames(db, organizationId, result.items) };
  }
  // The page's ids first, from the indexes alone (a key's risks are read in
  // id order from risks_score_idx without visiting their rows), then its rows.
  // The key's values come along from the first step.
  const ids = db
    .select({
      pageId: sql<string>`${risks.id}`.as('page_id'),
      pageScore: sql<string>`${risks.scoreId}`.as('page_score'),
      sortValue: sql`${expr}`.as('sort_value'),
      ...scoreValues,
    })
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(...conditions))
    .orderBy(...keys.map((k) => dir(k)))
    .limit(page.limit + 1)
    .as('page');
  const rows = await db
    .select({
      ...getTableColumns(risks),
      assetValue: ids.assetValue,
      value: ids.value,
      level: ids.level,
      evaluation: ids.evaluation,
      residualValue: ids.residualValue,
      residualLevel: ids.residualLevel,
      residualEvaluation: ids.residualEvaluation,
      sortKey: sql<string>`(${ids.sortValue})::text`,
    })
    .from(ids)
    .innerJoin(risks, eq(risks.id, ids.pageId))
    .orderBy(dir(ids.sortValue), dir(ids.pageScore), dir(ids.pageId));
  const result = toPage(rows, page.limit, (r) => [r.sortKey, r.scoreId!, r.id]);
  return { ...result, items: await withRiskNames(db, organizationId, result.items) };
}

/** Every matching risk in code order, a batch at a time (exports stream this). */
export async function* eachRisk(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  batch = 1000,
) {
  let cursor: string | undefined;
  for (;;) {
    const page = await listRisks(
      db,
      organizationId,
      filter,
      { sort: 'code', direction: 'asc' },
      { limit: batch, cursor },
    );
    yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** The heat map: risks counted by likelihood and impact in one GROUP BY. */
export async function riskHeatmap(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  residual: boolean,
) {
  const planned = (col: SQL, current: SQL) =>
    residual
      ? sql`case when ${risks.treatmentOption} is null then ${current} else coalesce(${col}, ${current}) end`
      : current;
  const likelihood = planned(sql`${risks.residualLikelihood}`, sql`${risks.likelihood}`);
  const impact = planned(
    sql`${risks.residualImpact}`,
    sql`coalesce(${risks.impact}, ${riskScores.assetValue})`,
  );
  const level = residual
    ? sql`coalesce(${riskScores.residualLevel}, ${riskScores.level})`
    : sql`${riskScores.level}`;
  return db
    .select({
      likelihood: sql<number>`(${likelihood})::int`,
      impact: sql<number | null>`(${impact})::int`,
      count: sql<number>`count(*)::int`,
      maxLevel: sql<number | null>`max(${level})::int`,
    })
    .from(risks)
    .innerJoin(riskScores, scoreOfRisk)
    .where(and(...riskConditions(organizationId, filter)))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
}

export async function countRisks(db: Executor, organizationId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from risks where organization_id = ${organizationId}`,
  );
  return row?.n ?? 0;
}

export { affected };
