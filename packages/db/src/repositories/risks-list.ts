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
import type { Executor } from '../client.ts';
import { decodeCursor, toPage, type CursorType } from '../pagination.ts';
import { riskScores, risks } from '../tables/risks.ts';
import { riskColumns, scoreOfRisk, scoreValues, withRiskNames } from './risks.ts';

/** The register: its filters, sorts and pages, its batches for exports and its heat map. */

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

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
type Page = { limit: number; cursor?: string | undefined };

/** Conditions on the keys alone (risk_scores). */
function keyConditions(f: RiskFilter): SQL[] {
  const c: SQL[] = [];
  if (f.level !== undefined) c.push(eq(riskScores.level, f.level));
  if (f.evaluation) c.push(eq(riskScores.evaluation, f.evaluation));
  return c;
}

/** Conditions on the risks (the impact one reads its key's asset value too). */
function ownConditions(organizationId: string, f: RiskFilter): SQL[] {
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

/** Conditions on risks joined to their keys (riskScores). */
export function riskConditions(organizationId: string, f: RiskFilter): SQL[] {
  return [...ownConditions(organizationId, f), ...keyConditions(f)];
}

const row = (list: SQL[]) => sql`(${sql.join(list, sql`, `)})`;
// Never generated (a random UUID carries its version digit): bounds that pass every id.
const MIN_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export async function listRisks(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  order: { sort: RiskSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  const { expr, type, byKey } = sortKeys[order.sort];
  const asc_ = order.direction === 'asc';
  const dir = asc_ ? asc : desc;
  if (!byKey) {
    const conditions = riskConditions(organizationId, filter);
    const after = decodeCursor(page.cursor, 2, [type, 'uuid']);
    if (after) {
      const keys = row([expr, sql`${risks.id}`]);
      const values = row([sql`${String(after[0])}::${sql.raw(type)}`, sql`${after[1]}::uuid`]);
      conditions.push(asc_ ? sql`${keys} > ${values}` : sql`${keys} < ${values}`);
    }
    const rows = await db
      .select({ ...riskColumns, sortKey: sql<string>`(${expr})::text` })
      .from(risks)
      .innerJoin(riskScores, scoreOfRisk)
      .where(and(...conditions))
      .orderBy(dir(expr), dir(risks.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
    return { ...result, items: await withRiskNames(db, organizationId, result.items) };
  }
  return valuePage(db, organizationId, filter, { expr, type, dir, asc: asc_ }, page);
}

/**
 * A value sort walks the keys in value order (their index) and, for each key,
 * at most a page of its risks in id order (risks_score_idx), rows included:
 * no risk beyond the page is read, and no row twice. The cursor is (value,
 * key, risk): the walk starts at the cursor's key, and that key alone resumes
 * after the cursor's risk.
 */
async function valuePage(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  o: { expr: SQL; type: CursorType; dir: typeof asc; asc: boolean },
  page: Page,
) {
  const keyConds = [eq(riskScores.organizationId, organizationId), ...keyConditions(filter)];
  const ownConds = [...ownConditions(organizationId, filter), eq(risks.scoreId, riskScores.id)];
  const after = decodeCursor(page.cursor, 3, [o.type, 'uuid', 'uuid']);
  if (after) {
    const [value, key, risk] = after;
    const bound = row([sql`${String(value)}::${sql.raw(o.type)}`, sql`${key}::uuid`]);
    const at = row([o.expr, sql`${riskScores.id}`]);
    keyConds.push(o.asc ? sql`${at} >= ${bound}` : sql`${at} <= ${bound}`);
    // An index bound on the risk's id, through the outer key: only the cursor's key is cut.
    const edge = o.asc ? MIN_UUID : MAX_UUID;
    const from = sql`case when ${riskScores.id} = ${key}::uuid then ${risk}::uuid else ${edge}::uuid end`;
    ownConds.push(o.asc ? sql`${risks.id} > ${from}` : sql`${risks.id} < ${from}`);
  }
  const own = db
    .select(getTableColumns(risks))
    .from(risks)
    .where(and(...ownConds))
    .orderBy(o.dir(risks.id))
    .limit(page.limit + 1)
    .as('own');
  // The subquery's columns, each read through its alias (the proxy rewrites the table).
  const ownFields = Object.fromEntries(
    Object.keys(getTableColumns(risks)).map((k) => [k, own[k as keyof typeof own]]),
  ) as unknown as typeof own._.selectedFields;
  const rows = await db
    .select({
      ...ownFields,
      ...scoreValues,
      sortKey: sql<string>`(${o.expr})::text`,
    })
    .from(riskScores)
    .innerJoinLateral(own, sql`true`)
    .where(and(...keyConds))
    .orderBy(o.dir(o.expr), o.dir(riskScores.id), o.dir(own.id))
    .limit(page.limit + 1);
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

/**
 * A heat-map cell's likelihood and impact, and the highest level in it, read
 * from the risks' keys: a key holds every input a cell needs (likelihood,
 * impact, the residual ones, whether a treatment is set).
 */
function cellOfKey(residual: boolean) {
  const s = riskScores;
  const planned = (col: SQL, now: SQL) =>
    residual ? sql`case when ${s.treated} then coalesce(${col}, ${now}) else ${now} end` : now;
  const impact = sql`coalesce(${s.impact}, ${s.assetValue})`;
  const level = residual ? sql`coalesce(${s.residualLevel}, ${s.level})` : sql`${s.level}`;
  return {
    likelihood: sql<number>`(${planned(sql`${s.residualLikelihood}`, sql`${s.likelihood}`)})::int`,
    impact: sql<number | null>`(${planned(sql`${s.residualImpact}`, impact)})::int`,
    maxLevel: sql<number | null>`max(${level})::int`,
  };
}

/**
 * The heat map: risks counted by likelihood and impact. Without filters on the
 * risks themselves the risks are only counted per key and the few thousand keys
 * are grouped; a filter on the risks groups the risks joined to their keys.
 */
export async function riskHeatmap(
  db: Executor,
  organizationId: string,
  filter: RiskFilter,
  residual: boolean,
) {
  const { likelihood, impact, maxLevel } = cellOfKey(residual);
  // Beyond the organization's own condition, any condition on the risks needs their rows.
  if (ownConditions(organizationId, filter).length > 1) {
    return db
      .select({ likelihood, impact, count: sql<number>`count(*)::int`, maxLevel })
      .from(risks)
      .innerJoin(riskScores, scoreOfRisk)
      .where(and(...riskConditions(organizationId, filter)))
      .groupBy(sql`1`, sql`2`)
      .orderBy(sql`1`, sql`2`);
  }
  // Each key's risks are counted by a range of risks_score_idx (an index-only
  // scan per key): the planner reads a count over all risks with a sequential
  // scan and a hash: 176–194 ms against 74–80 ms on a million risks.
  const counts = db
    .select({ n: sql<number>`count(*)`.as('n') })
    .from(risks)
    .where(and(eq(risks.organizationId, organizationId), eq(risks.scoreId, riskScores.id)))
    .as('counts');
  return db
    .select({ likelihood, impact, count: sql<number>`sum(${counts.n})::int`, maxLevel })
    .from(riskScores)
    .innerJoinLateral(counts, sql`true`)
    .where(
      and(
        eq(riskScores.organizationId, organizationId),
        sql`${counts.n} > 0`,
        ...keyConditions(filter),
      ),
    )
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
}
