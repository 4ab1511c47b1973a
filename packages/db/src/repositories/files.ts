import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { fileBlobs, fileChunks, files } from '../tables/files.ts';
import { users } from '../tables/identity.ts';

export type FileRow = typeof files.$inferSelect;
export type NewFile = Omit<typeof files.$inferInsert, 'id' | 'blobId'>;

type Page = { limit: number; cursor?: string | undefined };

// ---- blobs and chunks (the database file store) ------------------------------

/** A blob being written: its sha256 is unknown until the last chunk. */
export async function insertPendingBlob(db: Executor, organizationId: string) {
  const [row] = await db.insert(fileBlobs).values({ organizationId }).returning();
  return row!.id;
}

export async function insertChunk(db: Executor, blobId: string, seq: number, data: Buffer) {
  await db.insert(fileChunks).values({ blobId, seq, data });
}

export async function blobBySha256(db: Executor, organizationId: string, sha256: string) {
  const [row] = await db
    .select()
    .from(fileBlobs)
    .where(and(eq(fileBlobs.organizationId, organizationId), eq(fileBlobs.sha256, sha256)));
  return row ?? null;
}

/** Names a finished blob by its hash. */
export async function finishBlob(
  db: Executor,
  blobId: string,
  v: { sha256: string; size: number; chunkCount: number },
) {
  await db.update(fileBlobs).set(v).where(eq(fileBlobs.id, blobId));
}

/** Drops a blob and (by cascade) its chunks: a duplicate of stored bytes, or unreferenced. */
export async function deleteBlob(db: Executor, blobId: string) {
  await db.delete(fileBlobs).where(eq(fileBlobs.id, blobId));
}

export async function readChunk(db: Executor, blobId: string, seq: number) {
  const [row] = await db
    .select({ data: fileChunks.data })
    .from(fileChunks)
    .where(and(eq(fileChunks.blobId, blobId), eq(fileChunks.seq, seq)));
  return row?.data ?? null;
}

/** Blobs of every organization (or one) in id order, a page at a time, for verification. */
export async function blobsAfter(
  db: Executor,
  after: string | null,
  limit: number,
  organizationId?: string,
) {
  const conditions = [sql`${fileBlobs.sha256} is not null`];
  if (after) conditions.push(sql`${fileBlobs.id} > ${after}::uuid`);
  if (organizationId) conditions.push(eq(fileBlobs.organizationId, organizationId));
  return db
    .select()
    .from(fileBlobs)
    .where(and(...conditions))
    .orderBy(asc(fileBlobs.id))
    .limit(limit);
}

/** The names under which a blob was uploaded (the verify report names them). */
export async function fileNamesOfBlob(db: Executor, blobId: string) {
  return db
    .select({ id: files.id, originalName: files.originalName })
    .from(files)
    .where(eq(files.blobId, blobId))
    .orderBy(asc(files.createdAt));
}

// ---- files -----------------------------------------------------------------------

export async function insertFile(db: Executor, values: NewFile & { blobId: string }) {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

const fileView = {
  id: files.id,
  organizationId: files.organizationId,
  blobId: files.blobId,
  sha256: files.sha256,
  size: files.size,
  mediaType: files.mediaType,
  originalName: files.originalName,
  ownerType: files.ownerType,
  ownerId: files.ownerId,
  uploadedBy: files.uploadedBy,
  uploadedByName: users.displayName,
  integrityFailedAt: files.integrityFailedAt,
  createdAt: files.createdAt,
};
export type FileView = FileRow & { uploadedByName: string | null };

export async function getFile(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select(fileView)
    .from(files)
    .leftJoin(users, eq(users.id, files.uploadedBy))
    .where(and(eq(files.organizationId, organizationId), eq(files.id, id)));
  return row ?? null;
}

/** The files attached to one object, oldest first, keyset-paginated on (created, id). */
export async function listFilesOf(
  db: Executor,
  organizationId: string,
  owner: { type: string; id: string },
  page: Page,
) {
  const conditions = [
    eq(files.organizationId, organizationId),
    eq(files.ownerType, owner.type),
    eq(files.ownerId, owner.id),
  ];
  const after = decodeCursor(page.cursor, 2);
  if (after) {
    conditions.push(
      sql`(${files.createdAt}, ${files.id}) > (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select({ ...fileView, sortKey: sql<string>`${files.createdAt}::text` })
    .from(files)
    .leftJoin(users, eq(users.id, files.uploadedBy))
    .where(and(...conditions))
    .orderBy(asc(files.createdAt), asc(files.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.sortKey, r.id]);
}

/**
 * Detaches files (one, or every file of an owner) and deletes the blobs no
 * other file refers to, set-based. Returns the detached rows.
 */
export async function deleteFiles(
  db: Executor,
  organizationId: string,
  target: { id: string } | { ownerType: string; ownerId: string },
) {
  const where =
    'id' in target
      ? sql`organization_id = ${organizationId} and id = ${target.id}::uuid`
      : sql`organization_id = ${organizationId} and owner_type = ${target.ownerType}
            and owner_id = ${target.ownerId}::uuid`;
  const removed = await queryRows<{ id: string; blob_id: string; sha256: string; size: number }>(
    db,
    sql`delete from files where ${where} returning id, blob_id, sha256, size`,
  );
  const blobIds = [...new Set(removed.map((r) => r.blob_id))];
  if (blobIds.length) {
    await db.execute(sql`delete from file_blobs b
      where b.id = any(${sql.param(blobIds)}::uuid[])
        and not exists (select 1 from files f where f.blob_id = b.id)`);
  }
  return removed.map((r) => ({
    id: r.id,
    sha256: r.sha256,
    size: Number(r.size),
  }));
}

/** How many blobs an organization stores (tests check that a refused upload left none). */
export async function countBlobs(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fileBlobs)
    .where(eq(fileBlobs.organizationId, organizationId));
  return row?.n ?? 0;
}

/**
 * Marks every file of these bytes as failing its SHA-256 check (a download
 * found them altered or missing); returns the files newly marked.
 */
export async function markIntegrityFailed(db: Executor, organizationId: string, sha256: string) {
  return db
    .update(files)
    .set({ integrityFailedAt: sql`now()` })
    .where(
      and(
        eq(files.organizationId, organizationId),
        eq(files.sha256, sha256),
        isNull(files.integrityFailedAt),
      ),
    )
    .returning({ id: files.id, originalName: files.originalName });
}
