import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage, type CursorType } from '../pagination.ts';
import { assetDependencies, assets, classificationLevels } from '../tables/assets.ts';
import { users } from '../tables/identity.ts';
import { finder, idList } from './lookups.ts';
import { likePattern } from './scope.ts';

export type ClassificationLevelRow = typeof classificationLevels.$inferSelect;
export type NewClassificationLevel = Omit<typeof classificationLevels.$inferInsert, 'id'>;
export type AssetRow = typeof assets.$inferSelect;
export type NewAsset = Omit<typeof assets.$inferInsert, 'id'>;
export type AssetDependencyRow = typeof assetDependencies.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

// ---- classification levels -----------------------------------------------

export async function countClassificationLevels(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(classificationLevels)
    .where(eq(classificationLevels.organizationId, organizationId));
  return row?.n ?? 0;
}

/** Inserts levels whose code is not taken yet; returns only the rows it inserted. */
export async function insertClassificationLevelsIfAbsent(
  db: Executor,
  rows: NewClassificationLevel[],
) {
  if (rows.length === 0) return [];
  return db.insert(classificationLevels).values(rows).onConflictDoNothing().returning();
}

export async function insertClassificationLevel(db: Executor, values: NewClassificationLevel) {
  const [row] = await db.insert(classificationLevels).values(values).returning();
  return row!;
}

export async function getClassificationLevel(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(classificationLevels)
    .where(
      and(eq(classificationLevels.organizationId, organizationId), eq(classificationLevels.id, id)),
    );
  return row ?? null;
}

export async function updateClassificationLevel(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewClassificationLevel, 'organizationId'>>,
) {
  const [row] = await db
    .update(classificationLevels)
    .set({ ...values, version: sql`${classificationLevels.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(classificationLevels.organizationId, organizationId),
        eq(classificationLevels.id, id),
        eq(classificationLevels.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Levels by rank (least sensitive first); an organization has a handful, but it pages anyway. */
export async function listClassificationLevels(
  db: Executor,
  organizationId: string,
  f: { active?: boolean | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(classificationLevels.organizationId, organizationId)];
  if (f.active !== undefined) conditions.push(eq(classificationLevels.active, f.active));
  const after = decodeCursor(page.cursor, 2, ['int', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${classificationLevels.rank}, ${classificationLevels.id}) > (${Number(after[0])}::int, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(classificationLevels)
    .where(and(...conditions))
    .orderBy(asc(classificationLevels.rank), asc(classificationLevels.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.rank, r.id]);
}

export async function allClassificationLevels(db: Executor, organizationId: string) {
  return db
    .select()
    .from(classificationLevels)
    .where(eq(classificationLevels.organizationId, organizationId))
    .orderBy(asc(classificationLevels.rank));
}

// ---- assets ----------------------------------------------------------------

/** The names an asset refers to, as lists, details and exports show them. */
export interface AssetNames {
  ownerUserName: string | null;
  ownerUserEmail: string | null;
  ownerUnitCode: string | null;
  ownerUnitName: string | null;
  custodianUserName: string | null;
  custodianUserEmail: string | null;
  custodianUnitCode: string | null;
  custodianUnitName: string | null;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  locationCode: string | null;
  locationName: string | null;
  classificationCode: string | null;
  classificationNameJa: string | null;
  classificationNameEn: string | null;
}
export type AssetView = AssetRow & AssetNames;

type NameRow = { kind: 'u' | 'o' | 'l' | 'c'; id: string; a: string; b: string; c: string | null };
/**
 * Adds the names of the users, units, locations and classification levels the
 * rows refer to, read in one query over just these rows. A page is read from
 * the assets table alone first: joining the seven lookups into the page query
 * cost more in planning (~30 ms) than the whole query took to run.
 */
export async function withNames<T extends AssetRow>(
  db: Executor,
  organizationId: string,
  rows: T[],
): Promise<(T & AssetNames)[]> {
  if (rows.length === 0) return [];
  const userIds = idList(rows.flatMap((r) => [r.ownerUserId, r.custodianUserId]));
  const unitIds = idList(rows.flatMap((r) => [r.ownerUnitId, r.custodianUnitId, r.orgUnitId]));
  const placeIds = idList(rows.map((r) => r.locationId));
  const levelIds = idList(rows.map((r) => r.classificationId));
  const found = await queryRows<NameRow>(
    db,
    sql`
      select 'u' as kind, id, display_name as a, email as b, null as c from users
        where organization_id = ${organizationId} and id = any(${userIds})
      union all
      select 'o', id, code, name, null from org_units
        where organization_id = ${organizationId} and id = any(${unitIds})
      union all
      select 'l', id, code, name, null from locations
        where organization_id = ${organizationId} and id = any(${placeIds})
      union all
      select 'c', id, code, name_ja, name_en from classification_levels
        where organization_id = ${organizationId} and id = any(${levelIds})`,
  );
  const get = finder(found);
  return rows.map((r) => {
    const owner = get('u', r.ownerUserId);
    const ownerUnit = get('o', r.ownerUnitId);
    const custodian = get('u', r.custodianUserId);
    const custodianUnit = get('o', r.custodianUnitId);
    const unit = get('o', r.orgUnitId);
    const place = get('l', r.locationId);
    const level = get('c', r.classificationId);
    // Onto the row itself: spreading the driver's 25-column rows into new
    // objects took ~12 µs a row, more than the rest of a list request.
    return Object.assign(r, {
      ownerUserName: owner?.a ?? null,
      ownerUserEmail: owner?.b ?? null,
      ownerUnitCode: ownerUnit?.a ?? null,
      ownerUnitName: ownerUnit?.b ?? null,
      custodianUserName: custodian?.a ?? null,
      custodianUserEmail: custodian?.b ?? null,
      custodianUnitCode: custodianUnit?.a ?? null,
      custodianUnitName: custodianUnit?.b ?? null,
      orgUnitCode: unit?.a ?? null,
      orgUnitName: unit?.b ?? null,
      locationCode: place?.a ?? null,
      locationName: place?.b ?? null,
      classificationCode: level?.a ?? null,
      classificationNameJa: level?.b ?? null,
      classificationNameEn: level?.c ?? null,
    });
  });
}

export async function getAssetView(
  db: Executor,
  organizationId: string,
  id: string,
): Promise<AssetView | null> {
  const row = await getAsset(db, organizationId, id);
  if (!row) return null;
  const [view] = await withNames(db, organizationId, [row]);
  return view!;
}

export async function getAsset(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(assets)
    .where(and(eq(assets.organizationId, organizationId), eq(assets.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertAsset(db: Executor, values: NewAsset) {
  const [row] = await db.insert(assets).values(values).returning();
  return row!;
}

export async function updateAsset(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewAsset, 'organizationId'>>,
) {
  const [row] = await db
    .update(assets)
    .set({ ...values, version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(assets.organizationId, organizationId),
        eq(assets.id, id),
        eq(assets.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function codeTaken(db: Executor, organizationId: string, code: string) {
  const [row] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.organizationId, organizationId), eq(assets.code, code)));
  return row?.id ?? null;
}

export const ASSET_SORTS = ['code', 'name', 'value', 'updatedAt', 'nextReviewDate'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];

/** Each sort key as SQL, with the type its cursor text casts back to; every one has an index. */
const sortKeys: Record<AssetSort, { expr: SQL; type: CursorType }> = {
  code: { expr: sql`${assets.code}`, type: 'text' },
  name: { expr: sql`${assets.name}`, type: 'text' },
  value: { expr: sql`coalesce(${assets.value}, 0)`, type: 'int' },
  updatedAt: { expr: sql`${assets.updatedAt}`, type: 'timestamptz' },
  nextReviewDate: {
    expr: sql`coalesce(${assets.nextReviewDate}, '9999-12-31'::date)`,
    type: 'date',
  },
};

export interface AssetFilter {
  q?: string | undefined;
  category?: string | undefined;
  /** A user or an organization unit that owns the asset. */
  owner?: string | undefined;
  orgUnitId?: string | undefined;
  locationId?: string | undefined;
  classificationId?: string | undefined;
  status?: string | undefined;
  tag?: string | undefined;
  /** Assets whose next review is due on or before this date. */
  reviewDueBy?: string | undefined;
}

export interface AssetOrder {
  sort: AssetSort;
  direction: 'asc' | 'desc';
}

function assetConditions(organizationId: string, f: AssetFilter): SQL[] {
  const conditions: SQL[] = [eq(assets.organizationId, organizationId)];
  if (f.q) {
    const p = likePattern(f.q);
    conditions.push(or(ilike(assets.code, p), ilike(assets.name, p))!);
  }
  if (f.category) conditions.push(eq(assets.category, f.category));
  if (f.owner)
    conditions.push(or(eq(assets.ownerUserId, f.owner), eq(assets.ownerUnitId, f.owner))!);
  if (f.orgUnitId) conditions.push(eq(assets.orgUnitId, f.orgUnitId));
  if (f.locationId) conditions.push(eq(assets.locationId, f.locationId));
  if (f.classificationId === 'none') conditions.push(isNull(assets.classificationId));
  else if (f.classificationId) {
    conditions.push(eq(assets.classificationId, f.classificationId));
  }
  if (f.status) conditions.push(eq(assets.status, f.status));
  if (f.tag) conditions.push(arrayContains(assets.tags, [f.tag]));
  if (f.reviewDueBy) conditions.push(lte(assets.nextReviewDate, f.reviewDueBy));
  return conditions;
}

/** One page of the register, filtered and sorted in SQL, keyset-paginated on (sort key, id). */
export async function listAssets(
  db: Executor,
  organizationId: string,
  filter: AssetFilter,
  order: AssetOrder,
  page: Page,
) {
  const conditions = assetConditions(organizationId, filter);
  const { expr, type } = sortKeys[order.sort];
  const after = decodeCursor(page.cursor, 2, [type, 'uuid']);
  if (after) {
    const key = sql`(${expr}, ${assets.id})`;
    const cursor = sql`(${String(after[0])}::${sql.raw(type)}, ${String(after[1])}::uuid)`;
    conditions.push(order.direction === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`);
  }
  const dir = order.direction === 'asc' ? asc : desc;
  // The cursor holds the key as PostgreSQL prints it, so timestamps keep their microseconds.
  const rows = await db
    .select({ ...getTableColumns(assets), sortKey: sql<string>`(${expr})::text` })
    .from(assets)
    .where(and(...conditions))
    .orderBy(dir(expr), dir(assets.id))
    .limit(page.limit + 1);
  const result = toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
  return { ...result, items: await withNames(db, organizationId, result.items) };
}

/** Every matching asset in order, a page at a time (exports stream this). */
export async function* eachAsset(
  db: Executor,
  organizationId: string,
  filter: AssetFilter,
  order: AssetOrder,
  batch = 1000,
) {
  let cursor: string | undefined;
  do {
    const page = await listAssets(db, organizationId, filter, order, { limit: batch, cursor });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The assets with these ids, locked for the transaction (bulk changes check them first). */
export async function lockAssets(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: assets.id, ownerUserId: assets.ownerUserId })
    .from(assets)
    .where(
      and(
        eq(assets.organizationId, organizationId),
        sql`${assets.id} = any(${sql.param(ids)}::uuid[])`,
      ),
    )
    .for('update');
}

export interface BulkAssetChange {
  owner?: { userId: string | null; unitId: string | null };
  classificationId?: string | null;
}

export interface BulkChanged {
  id: string;
  code: string;
  version: number;
  before: Record<string, string | null>;
  after: Record<string, string | null>;
}

/**
 * One set-based UPDATE over a selection; returns each row's old and new values
 * of the changed columns (the FROM subquery reads the rows as they were).
 */
export async function bulkUpdateAssets(
  db: Executor,
  organizationId: string,
  ids: string[],
  change: BulkAssetChange,
): Promise<BulkChanged[]> {
  const sets: SQL[] = [];
  const cols: [string, string][] = [];
  if (change.owner) {
    sets.push(sql`owner_user_id = ${change.owner.userId}::uuid`);
    sets.push(sql`owner_unit_id = ${change.owner.unitId}::uuid`);
    cols.push(['owner_user_id', 'ownerUserId'], ['owner_unit_id', 'ownerUnitId']);
  }
  if (change.classificationId !== undefined) {
    sets.push(sql`classification_id = ${change.classificationId}::uuid`);
    cols.push(['classification_id', 'classificationId']);
  }
  if (sets.length === 0 || ids.length === 0) return [];
  const returning = cols.map(
    ([c]) => sql`old.${sql.identifier(c)}::text as ${sql.identifier(`old_${c}`)},
      a.${sql.identifier(c)}::text as ${sql.identifier(`new_${c}`)}`,
  );
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`
    update assets a set ${sql.join(sets, sql`, `)}, version = a.version + 1, updated_at = now()
    from (select id, owner_user_id, owner_unit_id, classification_id from assets
          where organization_id = ${organizationId} and id = any(${sql.param(ids)}::uuid[])) old
    where a.id = old.id and a.organization_id = ${organizationId}
    returning a.id, a.code, a.version, ${sql.join(returning, sql`, `)}`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    version: Number(r.version),
    before: Object.fromEntries(cols.map(([c, k]) => [k, (r[`old_${c}`] as string | null) ?? null])),
    after: Object.fromEntries(cols.map(([c, k]) => [k, (r[`new_${c}`] as string | null) ?? null])),
  }));
}

// ---- import (the writing statements are in assets-import.ts) -----------------

/** Columns an import may write, by their property names. */
export type ImportColumn = Exclude<
  keyof NewAsset,
  'id' | 'organizationId' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Every user's id and email address: imports name owners and custodians by email. */
export async function userEmails(db: Executor, organizationId: string) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.organizationId, organizationId));
}

/**
 * The existing assets among these codes, without locking (a dry run compares
 * the rows of a file with them outside any transaction), keyed by code.
 */
export async function assetsToCompare(db: Executor, organizationId: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, AssetRow>();
  const rows = await db
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.organizationId, organizationId),
        sql`${assets.code} = any(${sql.param(codes)}::text[])`,
      ),
    );
  return new Map(rows.map((r) => [r.code, r]));
}

// ---- dependencies ------------------------------------------------------------

const target = alias(assets, 'target');

/** Edges from the asset (what it runs on, stores, …), with the other asset's code and name. */
export async function outgoingDependencies(db: Executor, organizationId: string, assetId: string) {
  return db
    .select({
      type: assetDependencies.type,
      assetId: target.id,
      code: target.code,
      name: target.name,
    })
    .from(assetDependencies)
    .innerJoin(target, eq(target.id, assetDependencies.targetAssetId))
    .where(
      and(
        eq(assetDependencies.organizationId, organizationId),
        eq(assetDependencies.assetId, assetId),
      ),
    )
    .orderBy(asc(assetDependencies.type), asc(target.code));
}

/** Edges into the asset (what runs on it, …). */
export async function incomingDependencies(db: Executor, organizationId: string, assetId: string) {
  return db
    .select({
      type: assetDependencies.type,
      assetId: target.id,
      code: target.code,
      name: target.name,
    })
    .from(assetDependencies)
    .innerJoin(target, eq(target.id, assetDependencies.assetId))
    .where(
      and(
        eq(assetDependencies.organizationId, organizationId),
        eq(assetDependencies.targetAssetId, assetId),
      ),
    )
    .orderBy(asc(assetDependencies.type), asc(target.code));
}

export async function replaceDependencies(
  db: Executor,
  organizationId: string,
  assetId: string,
  edges: { type: string; targetAssetId: string }[],
) {
  await db
    .delete(assetDependencies)
    .where(
      and(
        eq(assetDependencies.organizationId, organizationId),
        eq(assetDependencies.assetId, assetId),
      ),
    );
  if (edges.length === 0) return;
  await db.insert(assetDependencies).values(edges.map((e) => ({ organizationId, assetId, ...e })));
}

export async function existingAssetIds(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.organizationId, organizationId), inArray(assets.id, ids)));
  return new Set(rows.map((r) => r.id));
}
