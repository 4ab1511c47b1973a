import { and, asc, desc, eq, getTableColumns, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { assets } from '../tables/assets.ts';
import { users } from '../tables/identity.ts';
import { riskControls, risks, threats, vulnerabilities } from '../tables/risks.ts';
import { affected } from './risks-compute.ts';

export type RiskRow = typeof risks.$inferSelect;
export type NewRisk = Omit<typeof risks.$inferInsert, 'id' | 'seq' | 'code'>;
export type RiskControlRow = typeof riskControls.$inferSelect;

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
type Page = { limit: number; cursor?: string | undefined };

/** A risk with the names of its asset, threat, vulnerability and owner. */
const riskView = {
  ...getTableColumns(risks),
  assetCode: assets.code,
  assetName: assets.name,
  assetCategory: assets.category,
  threatCode: threats.code,
  threatNameJa: threats.nameJa,
  threatNameEn: threats.nameEn,
  threatAffects: threats.affects,
  vulnerabilityCode: vulnerabilities.code,
  vulnerabilityNameJa: vulnerabilities.nameJa,
  vulnerabilityNameEn: vulnerabilities.nameEn,
  ownerName: users.displayName,
};

function selectRiskView(db: Executor, sortKey: SQL = sql`''`) {
  return db
    .select({ ...riskView, sortKey: sql<string>`(${sortKey})::text` })
    .from(risks)
    .innerJoin(assets, eq(assets.id, risks.assetId))
    .innerJoin(threats, eq(threats.id, risks.threatId))
    .leftJoin(vulnerabilities, eq(vulnerabilities.id, risks.vulnerabilityId))
    .leftJoin(users, eq(users.id, risks.ownerUserId));
}
export type RiskView = Awaited<ReturnType<typeof getRiskView>> & {};

export async function getRiskView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectRiskView(db).where(
    and(eq(risks.organizationId, organizationId), eq(risks.id, id)),
  );
  return row ?? null;
}

export async function getRisk(db: Executor, organizationId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(risks)
    .where(and(eq(risks.organizationId, organizationId), eq(risks.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
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

export async function insertRisk(db: Executor, values: NewRisk) {
  await lockRiskNumbering(db, values.organizationId);
  const seq = (await maxRiskSeq(db, values.organizationId)) + 1;
  const [row] = await db
    .insert(risks)
    .values({ ...values, seq, code: `R-${String(seq).padStart(6, '0')}` })
    .returning();
  return row!;
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
const sortKeys: Record<RiskSort, { expr: SQL; type: string }> = {
  code: { expr: sql`${risks.code}`, type: 'text' },
  value: { expr: sql`coalesce(${risks.value}, -1)`, type: 'int' },
  residualValue: { expr: sql`coalesce(${risks.residualValue}, -1)`, type: 'int' },
  updatedAt: { expr: sql`${risks.updatedAt}`, type: 'timestamptz' },
};

export interface RiskFilter {
  q?: string | undefined;
  assetId?: string | undefined;
  threatId?: string | undefined;
  vulnerabilityId?: string | undefined;
  level?: number | undefined;
  evaluation?: string | undefined;
  status?: string | undefined;
  ownerUserId?: string | undefined;
  treatmentOption?: string | undefined;
  residualAcceptance?: string | undefined;
  likelihood?: number | undefined;
  impact?: number | undefined;
  controlId?: string | undefined;
}

export function riskConditions(organizationId: string, f: RiskFilter): SQL[] {
  const c: SQL[] = [eq(risks.organizationId, organizationId)];
  if (f.q) {
    const p = likePattern(f.q);
    c.push(or(ilike(risks.code, p), ilike(assets.code, p), ilike(assets.name, p))!);
  }
  if (f.assetId) c.push(eq(risks.assetId, f.assetId));
  if (f.threatId) c.push(eq(risks.threatId, f.threatId));
  if (f.vulnerabilityId) c.push(eq(risks.vulnerabilityId, f.vulnerabilityId));
  if (f.level !== undefined) c.push(eq(risks.level, f.level));
  if (f.evaluation) c.push(eq(risks.evaluation, f.evaluation));
  if (f.status) c.push(eq(risks.status, f.status));
  if (f.ownerUserId) c.push(eq(risks.ownerUserId, f.ownerUserId));
  if (f.treatmentOption === 'none') c.push(isNull(risks.treatmentOption));
  else if (f.treatmentOption) c.push(eq(risks.treatmentOption, f.treatmentOption));
  if (f.residualAcceptance) c.push(eq(risks.residualStatus, f.residualAcceptance));
  if (f.likelihood !== undefined) c.push(eq(risks.likelihood, f.likelihood));
  if (f.impact !== undefined)
    c.push(sql`coalesce(${risks.impact}, ${risks.assetValue}) = ${f.impact}::int`);
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
  const { expr, type } = sortKeys[order.sort];
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    const key = sql`(${expr}, ${risks.id})`;
    const cursor = sql`(${String(after[0])}::${sql.raw(type)}, ${String(after[1])}::uuid)`;
    conditions.push(order.direction === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`);
  }
  const dir = order.direction === 'asc' ? asc : desc;
  const rows = await selectRiskView(db, expr)
    .where(and(...conditions))
    .orderBy(dir(expr), dir(risks.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
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
    sql`coalesce(${risks.impact}, ${risks.assetValue})`,
  );
  const level = residual
    ? sql`coalesce(${risks.residualLevel}, ${risks.level})`
    : sql`${risks.level}`;
  const needsAsset = Boolean(filter.q);
  const base = db
    .select({
      likelihood: sql<number>`(${likelihood})::int`,
      impact: sql<number | null>`(${impact})::int`,
      count: sql<number>`count(*)::int`,
      maxLevel: sql<number | null>`max(${level})::int`,
    })
    .from(risks);
  const query = needsAsset ? base.innerJoin(assets, eq(assets.id, risks.assetId)) : base;
  return query
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
