import { and, asc, desc, eq, getTableColumns, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage, type CursorType } from '../pagination.ts';
import { classificationLevels } from '../tables/assets.ts';
import { users } from '../tables/identity.ts';
import { recordDisposals, recordTypes, records } from '../tables/records.ts';
import { likePattern } from './scope.ts';

export type RecordTypeRow = typeof recordTypes.$inferSelect;
export type NewRecordType = Omit<typeof recordTypes.$inferInsert, 'id'>;
export type RecordRow = typeof records.$inferSelect;
export type NewRecord = Omit<typeof records.$inferInsert, 'id'>;
export type RecordDisposalRow = typeof recordDisposals.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

// ---- record types ------------------------------------------------------------------

const typeView = {
  ...getTableColumns(recordTypes),
  classificationCode: classificationLevels.code,
  classificationNameJa: classificationLevels.nameJa,
  classificationNameEn: classificationLevels.nameEn,
};
export type RecordTypeView = RecordTypeRow & {
  classificationCode: string | null;
  classificationNameJa: string | null;
  classificationNameEn: string | null;
};

const selectTypes = (db: Executor) =>
  db
    .select(typeView)
    .from(recordTypes)
    .leftJoin(classificationLevels, eq(classificationLevels.id, recordTypes.classificationId));

export async function insertRecordType(db: Executor, values: NewRecordType) {
  const [row] = await db.insert(recordTypes).values(values).returning();
  return row!;
}

export async function getRecordType(db: Executor, organizationId: string, id: string) {
  const [row] = await selectTypes(db).where(
    and(eq(recordTypes.organizationId, organizationId), eq(recordTypes.id, id)),
  );
  return row ?? null;
}

export async function updateRecordType(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewRecordType, 'organizationId'>>,
) {
  const [row] = await db
    .update(recordTypes)
    .set({ ...values, version: sql`${recordTypes.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(recordTypes.organizationId, organizationId),
        eq(recordTypes.id, id),
        eq(recordTypes.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function recordTypeCodeTaken(db: Executor, organizationId: string, code: string) {
  const [row] = await db
    .select({ id: recordTypes.id })
    .from(recordTypes)
    .where(and(eq(recordTypes.organizationId, organizationId), eq(recordTypes.code, code)));
  return row?.id ?? null;
}

/** Record types by code, keyset-paginated. */
export async function listRecordTypes(
  db: Executor,
  organizationId: string,
  f: { active?: boolean | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(recordTypes.organizationId, organizationId)];
  if (f.active !== undefined) conditions.push(eq(recordTypes.active, f.active));
  const after = decodeCursor(page.cursor, 2, ['text', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${recordTypes.code}, ${recordTypes.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectTypes(db)
    .where(and(...conditions))
    .orderBy(asc(recordTypes.code), asc(recordTypes.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.code, r.id]);
}

/**
 * After a type's retention period changed: every record of the type not yet
 * disposed of gets its retention end again, in one UPDATE. PostgreSQL's
 * date + interval clamps to the month's last day, as retentionEnd() does.
 */
export async function recomputeRetentionEnds(
  db: Executor,
  organizationId: string,
  typeId: string,
  months: number,
) {
  await db
    .update(records)
    .set({
      retentionEnd: sql`(${records.recordDate} + make_interval(months => ${months}::int))::date`,
      version: sql`${records.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(records.organizationId, organizationId),
        eq(records.typeId, typeId),
        sql`${records.status} <> 'disposed'`,
      ),
    );
}

// ---- records ------------------------------------------------------------------------

const creator = alias(users, 'creator');
const recordView = {
  ...getTableColumns(records),
  typeCode: recordTypes.code,
  typeNameJa: recordTypes.nameJa,
  typeNameEn: recordTypes.nameEn,
  createdByName: creator.displayName,
};
export type RecordView = RecordRow & {
  typeCode: string;
  typeNameJa: string;
  typeNameEn: string;
  createdByName: string | null;
};

function selectRecords(db: Executor, sortKey: SQL = sql`''`) {
  return db
    .select({ ...recordView, sortKey: sql<string>`(${sortKey})::text` })
    .from(records)
    .innerJoin(recordTypes, eq(recordTypes.id, records.typeId))
    .leftJoin(creator, eq(creator.id, records.createdBy));
}

export async function insertRecord(db: Executor, values: NewRecord) {
  const [row] = await db.insert(records).values(values).returning();
  return row!;
}

export async function getRecordView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectRecords(db).where(
    and(eq(records.organizationId, organizationId), eq(records.id, id)),
  );
  if (!row) return null;
  const { sortKey: _s, ...view } = row;
  return view;
}

export async function getRecord(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(records)
    .where(and(eq(records.organizationId, organizationId), eq(records.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Updates a record; with expectedVersion null the caller holds the row lock already. */
export async function updateRecord(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewRecord, 'organizationId'>>,
) {
  const conditions = [eq(records.organizationId, organizationId), eq(records.id, id)];
  if (expectedVersion !== null) conditions.push(eq(records.version, expectedVersion));
  const [row] = await db
    .update(records)
    .set({ ...values, version: sql`${records.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export const RECORD_SORTS = ['recordDate', 'retentionEnd', 'title'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

const sortKeys: Record<RecordSort, { expr: SQL; type: CursorType }> = {
  recordDate: { expr: sql`${records.recordDate}`, type: 'date' },
  retentionEnd: { expr: sql`${records.retentionEnd}`, type: 'date' },
  title: { expr: sql`${records.title}`, type: 'text' },
};

export interface RecordFilter {
  /** A substring of the normalized search text (title, description, entries, link labels). */
  q?: string | undefined;
  typeId?: string | undefined;
  status?: string | undefined;
  legalHold?: boolean | undefined;
  /** Records whose retention ends on or before this date (and are not disposed of). */
  retentionDueBy?: string | undefined;
  linkType?: string | undefined;
  linkId?: string | undefined;
}

/** One page of the register, filtered and sorted in SQL, keyset-paginated on (sort key, id). */
export async function listRecords(
  db: Executor,
  organizationId: string,
  f: RecordFilter,
  order: { sort: RecordSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  const conditions: SQL[] = [eq(records.organizationId, organizationId)];
  if (f.q) conditions.push(ilike(records.searchText, likePattern(f.q)));
  if (f.typeId) conditions.push(eq(records.typeId, f.typeId));
  if (f.status) conditions.push(eq(records.status, f.status));
  if (f.legalHold !== undefined) conditions.push(eq(records.legalHold, f.legalHold));
  if (f.retentionDueBy) {
    conditions.push(lte(records.retentionEnd, f.retentionDueBy));
    conditions.push(sql`${records.status} <> 'disposed'`);
  }
  if (f.linkType || f.linkId) {
    const link = {
      ...(f.linkType ? { type: f.linkType } : {}),
      ...(f.linkId ? { id: f.linkId } : {}),
    };
    conditions.push(sql`${records.links} @> ${JSON.stringify([link])}::jsonb`);
  }
  const { expr, type } = sortKeys[order.sort];
  const after = decodeCursor(page.cursor, 2, [type, 'uuid']);
  if (after) {
    const key = sql`(${expr}, ${records.id})`;
    const cursor = sql`(${String(after[0])}::${sql.raw(type)}, ${String(after[1])}::uuid)`;
    conditions.push(order.direction === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`);
  }
  const dir = order.direction === 'asc' ? asc : desc;
  const rows = await selectRecords(db, expr)
    .where(and(...conditions))
    .orderBy(dir(expr), dir(records.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
}

// ---- disposals -------------------------------------------------------------------

export async function insertDisposal(
  db: Executor,
  values: Omit<RecordDisposalRow, 'id' | 'disposedAt'>,
) {
  const [row] = await db.insert(recordDisposals).values(values).returning();
  return row!;
}

const approver = alias(users, 'approver');
const requester = alias(users, 'requester');

export async function disposalOf(db: Executor, organizationId: string, recordId: string) {
  const [row] = await db
    .select({
      ...getTableColumns(recordDisposals),
      requestedByName: requester.displayName,
      approvedByName: approver.displayName,
    })
    .from(recordDisposals)
    .leftJoin(requester, eq(requester.id, recordDisposals.requestedBy))
    .leftJoin(approver, eq(approver.id, recordDisposals.approvedBy))
    .where(
      and(
        eq(recordDisposals.organizationId, organizationId),
        eq(recordDisposals.recordId, recordId),
      ),
    );
  return row ?? null;
}
