import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  getTableColumns,
  inArray,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage, type CursorType } from '../pagination.ts';
import { classificationLevels } from '../tables/assets.ts';
import { documentReviews, documents, documentVersions } from '../tables/documents.ts';
import { users } from '../tables/identity.ts';
import { likePattern } from './scope.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = Omit<typeof documents.$inferInsert, 'id'>;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type NewDocumentVersion = Omit<typeof documentVersions.$inferInsert, 'id'>;
export type DocumentReviewRow = typeof documentReviews.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

// ---- the register ------------------------------------------------------------------

/** A document with its owner's name and its classification's names, as lists show it. */
function selectDocumentView(db: Executor, sortKey: SQL = sql`''`) {
  return db
    .select({
      ...getTableColumns(documents),
      ownerName: users.displayName,
      classificationNameJa: classificationLevels.nameJa,
      classificationNameEn: classificationLevels.nameEn,
      sortKey: sql<string>`(${sortKey})::text`,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.ownerUserId))
    .leftJoin(classificationLevels, eq(classificationLevels.id, documents.classificationId));
}

export type DocumentView = Awaited<ReturnType<typeof getDocumentView>> & {};

export async function getDocumentView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectDocumentView(db).where(
    and(eq(documents.organizationId, organizationId), eq(documents.id, id)),
  );
  return row ?? null;
}

export async function getDocument(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertDocument(db: Executor, values: NewDocument) {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

/** Updates one document; with expectedVersion null the caller holds the row lock already. */
export async function updateDocument(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewDocument, 'organizationId'>>,
) {
  const conditions: SQL[] = [eq(documents.organizationId, organizationId), eq(documents.id, id)];
  if (expectedVersion !== null) conditions.push(eq(documents.version, expectedVersion));
  const [row] = await db
    .update(documents)
    .set({ ...values, version: sql`${documents.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function documentCodeTaken(db: Executor, organizationId: string, code: string) {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.code, code)));
  return row?.id ?? null;
}

export const DOCUMENT_SORTS = ['code', 'title', 'updatedAt', 'nextReviewDate'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/** Each sort key as SQL, with the type its cursor text casts back to; each has an index. */
const sortKeys: Record<DocumentSort, { expr: SQL; type: CursorType }> = {
  code: { expr: sql`${documents.code}`, type: 'text' },
  title: { expr: sql`${documents.title}`, type: 'text' },
  updatedAt: { expr: sql`${documents.updatedAt}`, type: 'timestamptz' },
  nextReviewDate: {
    expr: sql`coalesce(${documents.nextReviewDate}, '9999-12-31'::date)`,
    type: 'date',
  },
};

export interface DocumentFilter {
  /** Already normalized for search (NFKC, lower case). */
  q?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  ownerUserId?: string | undefined;
  tag?: string | undefined;
  reviewDueBy?: string | undefined;
  /** Readers with reach 'own': only documents distributed to or owned by this user. */
  visibleTo?: string | undefined;
}

/** Substring (pg_trgm, so a Japanese word inside a sentence matches) or all words (full text). */
export function documentSearchCondition(q: string): SQL {
  return sql`(${documents.searchText} like ${likePattern(q)}
    or to_tsvector('simple', ${documents.searchText}) @@ plainto_tsquery('simple', ${q}))`;
}

function documentConditions(organizationId: string, f: DocumentFilter): SQL[] {
  const conditions: SQL[] = [eq(documents.organizationId, organizationId)];
  if (f.q) conditions.push(documentSearchCondition(f.q));
  if (f.type) conditions.push(eq(documents.type, f.type));
  if (f.status) conditions.push(eq(documents.status, f.status));
  if (f.ownerUserId) conditions.push(eq(documents.ownerUserId, f.ownerUserId));
  if (f.tag) conditions.push(arrayContains(documents.tags, [f.tag]));
  if (f.reviewDueBy) {
    conditions.push(lte(documents.nextReviewDate, f.reviewDueBy));
    conditions.push(eq(documents.status, 'issued'));
  }
  if (f.visibleTo) {
    conditions.push(sql`(${documents.ownerUserId} = ${f.visibleTo} or exists (
      select 1 from document_acknowledgements a
      where a.organization_id = ${organizationId} and a.document_id = ${documents.id}
        and a.user_id = ${f.visibleTo}))`);
  }
  return conditions;
}

/** One page of the register, filtered and sorted in SQL, keyset-paginated on (sort key, id). */
export async function listDocuments(
  db: Executor,
  organizationId: string,
  filter: DocumentFilter,
  order: { sort: DocumentSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  const conditions = documentConditions(organizationId, filter);
  const { expr, type } = sortKeys[order.sort];
  const after = decodeCursor(page.cursor, 2, [type, 'uuid']);
  if (after) {
    const key = sql`(${expr}, ${documents.id})`;
    const cursor = sql`(${String(after[0])}::${sql.raw(type)}, ${String(after[1])}::uuid)`;
    conditions.push(order.direction === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`);
  }
  const dir = order.direction === 'asc' ? asc : desc;
  const rows = await selectDocumentView(db, expr)
    .where(and(...conditions))
    .orderBy(dir(expr), dir(documents.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
}

// ---- versions ------------------------------------------------------------------------

export async function insertDocumentVersion(db: Executor, values: NewDocumentVersion) {
  const [row] = await db.insert(documentVersions).values(values).returning();
  return row!;
}

export async function getDocumentVersion(
  db: Executor,
  organizationId: string,
  documentId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.organizationId, organizationId),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.id, id),
      ),
    );
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** A version by its id alone (approval handlers and file owners know only the version). */
export async function getVersionById(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = true,
) {
  const query = db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.organizationId, organizationId), eq(documentVersions.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Attaches the files of one version to another in one statement (a new draft
 * starts with the attachments of the version it is based on); the bytes are
 * content-addressed, so only the `files` rows are new.
 */
export async function copyVersionFiles(
  db: Executor,
  organizationId: string,
  fromVersionId: string,
  toVersionId: string,
  userId: string | null,
) {
  await db.execute(sql`insert into files
      (organization_id, blob_id, sha256, size, media_type, original_name, owner_type, owner_id, uploaded_by)
    select organization_id, blob_id, sha256, size, media_type, original_name, owner_type,
      ${toVersionId}::uuid, ${userId}::uuid
    from files
    where organization_id = ${organizationId} and owner_type = 'document_version'
      and owner_id = ${fromVersionId}::uuid`);
}

/** The versions of a document with these statuses, newest first. */
export async function versionsOf(
  db: Executor,
  organizationId: string,
  documentId: string,
  statuses?: readonly string[],
) {
  const conditions: SQL[] = [
    eq(documentVersions.organizationId, organizationId),
    eq(documentVersions.documentId, documentId),
  ];
  if (statuses) conditions.push(inArray(documentVersions.status, [...statuses]));
  return db
    .select()
    .from(documentVersions)
    .where(and(...conditions))
    .orderBy(desc(documentVersions.revision));
}

export async function latestRevision(db: Executor, organizationId: string, documentId: string) {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${documentVersions.revision}), 0)::int` })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.organizationId, organizationId),
        eq(documentVersions.documentId, documentId),
      ),
    );
  return row?.n ?? 0;
}

/** Updates one version; with expectedVersion null the caller holds the row lock already. */
export async function updateDocumentVersion(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewDocumentVersion, 'organizationId' | 'documentId' | 'revision'>>,
) {
  const conditions: SQL[] = [
    eq(documentVersions.organizationId, organizationId),
    eq(documentVersions.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(documentVersions.version, expectedVersion));
  const [row] = await db
    .update(documentVersions)
    .set({ ...values, version: sql`${documentVersions.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Moves the issued version of a document (if any) to superseded or obsolete. */
export async function retireIssuedVersion(
  db: Executor,
  organizationId: string,
  documentId: string,
  to: 'superseded' | 'obsolete',
  reason = '',
) {
  const [row] = await db
    .update(documentVersions)
    .set({
      status: to,
      ...(to === 'superseded' ? { supersededAt: sql`now()` } : { withdrawnAt: sql`now()` }),
      withdrawalReason: reason,
      version: sql`${documentVersions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(documentVersions.organizationId, organizationId),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.status, 'issued'),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- reviews -------------------------------------------------------------------------

export async function insertDocumentReview(
  db: Executor,
  values: Omit<typeof documentReviews.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(documentReviews).values(values).returning();
  return row!;
}

export async function reviewsOf(db: Executor, organizationId: string, documentId: string) {
  return db
    .select()
    .from(documentReviews)
    .where(
      and(
        eq(documentReviews.organizationId, organizationId),
        eq(documentReviews.documentId, documentId),
      ),
    )
    .orderBy(desc(documentReviews.reviewedAt))
    .limit(200);
}
