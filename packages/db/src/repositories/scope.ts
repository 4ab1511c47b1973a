import { and, asc, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { locations, orgUnits, scopeExclusions, scopeVersions } from '../tables/scope.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type NewOrgUnit = Omit<typeof orgUnits.$inferInsert, 'id'>;
export type LocationRow = typeof locations.$inferSelect;
export type NewLocation = Omit<typeof locations.$inferInsert, 'id'>;
export type ScopeVersionRow = typeof scopeVersions.$inferSelect;
export type NewScopeVersion = Omit<typeof scopeVersions.$inferInsert, 'id'>;
export type ScopeExclusionRow = typeof scopeExclusions.$inferSelect;

export const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

type Page = { limit: number; cursor?: string | undefined };

// ---- organization units --------------------------------------------------

export async function insertOrgUnit(db: Executor, values: NewOrgUnit) {
  const [row] = await db.insert(orgUnits).values(values).returning();
  return row!;
}

export async function getOrgUnit(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.organizationId, organizationId), eq(orgUnits.id, id)));
  return row ?? null;
}

export async function updateOrgUnit(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewOrgUnit, 'organizationId'>>,
) {
  const [row] = await db
    .update(orgUnits)
    .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(orgUnits.organizationId, organizationId),
        eq(orgUnits.id, id),
        eq(orgUnits.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export interface TreeFilter {
  q?: string | undefined;
  parentId?: string | undefined;
  /** Only the roots of the tree. */
  roots?: boolean | undefined;
  active?: boolean | undefined;
}

function treeConditions(
  table: typeof orgUnits | typeof locations,
  organizationId: string,
  f: TreeFilter,
) {
  const conditions: SQL[] = [eq(table.organizationId, organizationId)];
  if (f.q) {
    const p = likePattern(f.q);
    conditions.push(or(ilike(table.code, p), ilike(table.name, p))!);
  }
  if (f.parentId) conditions.push(eq(table.parentId, f.parentId));
  if (f.roots) conditions.push(sql`${table.parentId} is null`);
  if (f.active !== undefined) conditions.push(eq(table.active, f.active));
  return conditions;
}

function codeKeyset(table: typeof orgUnits | typeof locations, cursor: string | undefined) {
  const after = decodeCursor(cursor, 2);
  return after
    ? sql`(${table.code}, ${table.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
    : undefined;
}

export async function listOrgUnits(
  db: Executor,
  organizationId: string,
  f: TreeFilter,
  page: Page,
) {
  const conditions = treeConditions(orgUnits, organizationId, f);
  const keyset = codeKeyset(orgUnits, page.cursor);
  if (keyset) conditions.push(keyset);
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(...conditions))
    .orderBy(asc(orgUnits.code), asc(orgUnits.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.code, r.id]);
}

/** Ids of the unit's ancestors, nearest first: a new parent among them would close a cycle. */
async function ancestorIds(
  db: Executor,
  table: 'org_units' | 'locations',
  organizationId: string,
  id: string,
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${sql.identifier(table)}
        where organization_id = ${organizationId} and id = ${id}
      union all
      select t.id, t.parent_id, up.depth + 1 from ${sql.identifier(table)} t
        join up on t.id = up.parent_id
        where t.organization_id = ${organizationId} and up.depth < 1000
    )
    select id from up order by depth`,
  );
  return rows.map((r) => r.id);
}

export const orgUnitAncestors = (db: Executor, organizationId: string, id: string) =>
  ancestorIds(db, 'org_units', organizationId, id);
export const locationAncestors = (db: Executor, organizationId: string, id: string) =>
  ancestorIds(db, 'locations', organizationId, id);

/** The ids among `ids` that are units of the organization. */
export async function existingOrgUnitIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.organizationId, organizationId), inArray(orgUnits.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function allOrgUnits(db: Executor, organizationId: string) {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.organizationId, organizationId));
}

// ---- locations -----------------------------------------------------------

export async function insertLocation(db: Executor, values: NewLocation) {
  const [row] = await db.insert(locations).values(values).returning();
  return row!;
}

export async function getLocation(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.organizationId, organizationId), eq(locations.id, id)));
  return row ?? null;
}

export async function updateLocation(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewLocation, 'organizationId'>>,
) {
  const [row] = await db
    .update(locations)
    .set({ ...values, version: sql`${locations.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(locations.organizationId, organizationId),
        eq(locations.id, id),
        eq(locations.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function listLocations(
  db: Executor,
  organizationId: string,
  f: TreeFilter & { kind?: string | undefined },
  page: Page,
) {
  const conditions = treeConditions(locations, organizationId, f);
  if (f.kind) conditions.push(eq(locations.kind, f.kind));
  const keyset = codeKeyset(locations, page.cursor);
  if (keyset) conditions.push(keyset);
  const rows = await db
    .select()
    .from(locations)
    .where(and(...conditions))
    .orderBy(asc(locations.code), asc(locations.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.code, r.id]);
}

export async function existingLocationIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organizationId, organizationId), inArray(locations.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function allLocations(db: Executor, organizationId: string) {
  return db
    .select({ id: locations.id, code: locations.code, name: locations.name })
    .from(locations)
    .where(eq(locations.organizationId, organizationId));
}

// ---- scope versions --------------------------------------------------------

export async function latestScopeVersion(db: Executor, organizationId: string, forUpdate = false) {
  const query = db
    .select()
    .from(scopeVersions)
    .where(eq(scopeVersions.organizationId, organizationId))
    .orderBy(desc(scopeVersions.number))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function approvedScopeVersion(db: Executor, organizationId: string) {
  const [row] = await db
    .select()
    .from(scopeVersions)
    .where(
      and(eq(scopeVersions.organizationId, organizationId), eq(scopeVersions.status, 'approved')),
    )
    .orderBy(desc(scopeVersions.number))
    .limit(1);
  return row ?? null;
}

export async function getScopeVersion(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(scopeVersions)
    .where(and(eq(scopeVersions.organizationId, organizationId), eq(scopeVersions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listScopeVersions(
  db: Executor,
  organizationId: string,
  f: { status?: string | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(scopeVersions.organizationId, organizationId)];
  if (f.status) conditions.push(eq(scopeVersions.status, f.status));
  const after = decodeCursor(page.cursor, 1);
  if (after) conditions.push(lt(scopeVersions.number, Number(after[0])));
  const rows = await db
    .select()
    .from(scopeVersions)
    .where(and(...conditions))
    .orderBy(desc(scopeVersions.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

export async function insertScopeVersion(db: Executor, values: NewScopeVersion) {
  const [row] = await db.insert(scopeVersions).values(values).returning();
  return row!;
}

/** Updates one version; with expectedVersion null the caller holds the row lock already. */
export async function updateScopeVersion(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewScopeVersion, 'organizationId' | 'number'>>,
) {
  const conditions: SQL[] = [
    eq(scopeVersions.organizationId, organizationId),
    eq(scopeVersions.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(scopeVersions.version, expectedVersion));
  const [row] = await db
    .update(scopeVersions)
    .set({ ...values, version: sql`${scopeVersions.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Marks every other approved version of the organization as superseded. */
export async function supersedeApprovedScopes(
  db: Executor,
  organizationId: string,
  exceptId: string,
) {
  await db
    .update(scopeVersions)
    .set({ status: 'superseded', updatedAt: sql`now()` })
    .where(
      and(
        eq(scopeVersions.organizationId, organizationId),
        eq(scopeVersions.status, 'approved'),
        sql`${scopeVersions.id} <> ${exceptId}`,
      ),
    );
}

export async function scopeExclusionsOf(db: Executor, organizationId: string, versionId: string) {
  return db
    .select()
    .from(scopeExclusions)
    .where(
      and(
        eq(scopeExclusions.organizationId, organizationId),
        eq(scopeExclusions.scopeVersionId, versionId),
      ),
    )
    .orderBy(asc(scopeExclusions.controlId));
}

export async function replaceScopeExclusions(
  db: Executor,
  organizationId: string,
  versionId: string,
  rows: Omit<typeof scopeExclusions.$inferInsert, 'organizationId' | 'scopeVersionId'>[],
) {
  await db
    .delete(scopeExclusions)
    .where(
      and(
        eq(scopeExclusions.organizationId, organizationId),
        eq(scopeExclusions.scopeVersionId, versionId),
      ),
    );
  if (rows.length === 0) return;
  await db
    .insert(scopeExclusions)
    .values(rows.map((r) => ({ ...r, organizationId, scopeVersionId: versionId })));
}
