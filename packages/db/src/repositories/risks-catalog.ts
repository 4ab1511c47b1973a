import { and, asc, desc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { riskMethods, threats, vulnerabilities } from '../tables/risks.ts';

export type ThreatRow = typeof threats.$inferSelect;
export type NewThreat = Omit<typeof threats.$inferInsert, 'id'>;
export type VulnerabilityRow = typeof vulnerabilities.$inferSelect;
export type NewVulnerability = Omit<typeof vulnerabilities.$inferInsert, 'id'>;
export type RiskMethodRow = typeof riskMethods.$inferSelect;
export type NewRiskMethod = Omit<typeof riskMethods.$inferInsert, 'id'>;

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
type Page = { limit: number; cursor?: string | undefined };

export interface CatalogFilter {
  q?: string | undefined;
  group?: string | undefined;
  category?: string | undefined;
  active?: boolean | undefined;
  /** Vulnerabilities only: exploited by this threat code. */
  threat?: string | undefined;
}

type CatalogTable = typeof threats | typeof vulnerabilities;

function catalogConditions(t: CatalogTable, organizationId: string, f: CatalogFilter) {
  const c: SQL[] = [eq(t.organizationId, organizationId)];
  if (f.q) {
    const p = likePattern(f.q);
    c.push(or(ilike(t.code, p), ilike(t.nameJa, p), ilike(t.nameEn, p))!);
  }
  if (f.group) c.push(eq(t.groupId, f.group));
  if (f.category) c.push(sql`${f.category} = any(${t.assetCategories})`);
  if (f.active !== undefined) c.push(eq(t.active, f.active));
  return c;
}

// ---- threats ---------------------------------------------------------------------------

export async function listThreats(db: Executor, org: string, f: CatalogFilter, page: Page) {
  const c = catalogConditions(threats, org, f);
  const after = decodeCursor(page.cursor, 1);
  if (after) c.push(gt(threats.code, String(after[0])));
  const rows = await db
    .select()
    .from(threats)
    .where(and(...c))
    .orderBy(asc(threats.code))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.code]);
}

export async function getThreat(db: Executor, org: string, id: string) {
  const [row] = await db
    .select()
    .from(threats)
    .where(and(eq(threats.organizationId, org), eq(threats.id, id)));
  return row ?? null;
}

export async function insertThreat(db: Executor, values: NewThreat) {
  const [row] = await db.insert(threats).values(values).returning();
  return row!;
}

export async function updateThreat(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewThreat, 'organizationId'>>,
) {
  const [row] = await db
    .update(threats)
    .set({ ...values, version: sql`${threats.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(threats.organizationId, org),
        eq(threats.id, id),
        eq(threats.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- vulnerabilities --------------------------------------------------------------------

export async function listVulnerabilities(db: Executor, org: string, f: CatalogFilter, page: Page) {
  const c = catalogConditions(vulnerabilities, org, f);
  if (f.threat) c.push(sql`${f.threat} = any(${vulnerabilities.exploitedBy})`);
  const after = decodeCursor(page.cursor, 1);
  if (after) c.push(gt(vulnerabilities.code, String(after[0])));
  const rows = await db
    .select()
    .from(vulnerabilities)
    .where(and(...c))
    .orderBy(asc(vulnerabilities.code))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.code]);
}

export async function getVulnerability(db: Executor, org: string, id: string) {
  const [row] = await db
    .select()
    .from(vulnerabilities)
    .where(and(eq(vulnerabilities.organizationId, org), eq(vulnerabilities.id, id)));
  return row ?? null;
}

export async function insertVulnerability(db: Executor, values: NewVulnerability) {
  const [row] = await db.insert(vulnerabilities).values(values).returning();
  return row!;
}

export async function updateVulnerability(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewVulnerability, 'organizationId'>>,
) {
  const [row] = await db
    .update(vulnerabilities)
    .set({ ...values, version: sql`${vulnerabilities.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(vulnerabilities.organizationId, org),
        eq(vulnerabilities.id, id),
        eq(vulnerabilities.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- risk methods ------------------------------------------------------------------------

export async function listRiskMethods(
  db: Executor,
  org: string,
  status: string | undefined,
  page: Page,
) {
  const c: SQL[] = [eq(riskMethods.organizationId, org)];
  if (status) c.push(eq(riskMethods.status, status));
  const after = decodeCursor(page.cursor, 1);
  if (after) c.push(sql`${riskMethods.number} < ${Number(after[0])}`);
  const rows = await db
    .select()
    .from(riskMethods)
    .where(and(...c))
    .orderBy(desc(riskMethods.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

export async function getRiskMethod(db: Executor, org: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(riskMethods)
    .where(and(eq(riskMethods.organizationId, org), eq(riskMethods.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The approved method in force, if any. */
export async function approvedRiskMethod(db: Executor, org: string) {
  const [row] = await db
    .select()
    .from(riskMethods)
    .where(and(eq(riskMethods.organizationId, org), eq(riskMethods.status, 'approved')))
    .orderBy(desc(riskMethods.number))
    .limit(1);
  return row ?? null;
}

export async function insertRiskMethod(db: Executor, values: Omit<NewRiskMethod, 'number'>) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`risk_methods:${values.organizationId}`}))`,
  );
  const [row] = await db
    .insert(riskMethods)
    .values({
      ...values,
      number: sql`(select coalesce(max(number), 0) + 1 from risk_methods where organization_id = ${values.organizationId})`,
    })
    .returning();
  return row!;
}

export async function updateRiskMethod(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewRiskMethod, 'organizationId'>>,
) {
  const c = [eq(riskMethods.organizationId, org), eq(riskMethods.id, id)];
  if (expectedVersion !== null) c.push(eq(riskMethods.version, expectedVersion));
  const [row] = await db
    .update(riskMethods)
    .set({ ...values, version: sql`${riskMethods.version} + 1`, updatedAt: sql`now()` })
    .where(and(...c))
    .returning();
  return row ?? null;
}

/** The method in force before the newly approved one becomes superseded. */
export async function supersedeRiskMethods(db: Executor, org: string, exceptId: string) {
  await db
    .update(riskMethods)
    .set({ status: 'superseded', updatedAt: sql`now()`, version: sql`${riskMethods.version} + 1` })
    .where(
      and(
        eq(riskMethods.organizationId, org),
        eq(riskMethods.status, 'approved'),
        sql`${riskMethods.id} <> ${exceptId}`,
      ),
    );
}
