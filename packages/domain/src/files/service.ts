import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/files';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError, notFound } from '../errors.ts';
import { detectMediaType, isAllowedMediaType } from './detect.ts';
import { fileOwnerAccess } from './owners.ts';
import { requestFileDeletion } from './deletion.ts';
import { refuseIfFailed, verifiedContent } from './integrity.ts';
import { CHUNK_SIZE, databaseFileStorage, rechunk, type FileStorage } from './storage.ts';

/** An upload over the configured limit; the route answers 413 and nothing is stored. */
export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** An upload whose content is not of an allowed type; the route answers 415. */
export class FileTypeNotAllowedError extends Error {
  constructor(readonly mediaType: string) {
    super(`file type ${mediaType} is not allowed`);
    this.name = 'FileTypeNotAllowedError';
  }
}

let storage: FileStorage = databaseFileStorage;
/** The store in use (the database unless a deployment sets another). */
export const fileStorage = () => storage;
export function useFileStorage(next: FileStorage) {
  storage = next;
}

export interface Owner {
  type: string;
  id: string;
}

export interface Upload {
  owner: Owner;
  originalName: string;
  content: AsyncIterable<Buffer>;
  maxBytes: number;
}

async function* limited(content: AsyncIterable<Buffer>, maxBytes: number) {
  let size = 0;
  for await (const chunk of content) {
    size += chunk.length;
    if (size > maxBytes) throw new FileTooLargeError(maxBytes);
    yield chunk;
  }
}

/** The first chunk, for type detection, and the whole stream again including it. */
async function peek(content: AsyncIterable<Buffer>) {
  const iterator = rechunk(content, CHUNK_SIZE)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all() {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value;
    }
  }
  return { head, all: all() };
}

const cleanName = (name: string) =>
  // Path parts and control characters never reach a Content-Disposition header.
  // eslint-disable-next-line no-control-regex
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'file';

/**
 * Streams an upload into the store in one transaction: the type is checked
 * from the first chunk before anything is written, the size as the bytes
 * arrive; either refusal rolls the transaction back, so nothing is stored.
 */
export async function uploadFile(db: Db, ctx: RequestContext, upload: Upload) {
  const access = fileOwnerAccess(upload.owner.type);
  const org = ctx.actor.organizationId;
  const originalName = cleanName(upload.originalName);
  return db.transaction(async (tx) => {
    await access.authorizeWrite(tx, ctx, upload.owner.id);
    const { head, all } = await peek(limited(upload.content, upload.maxBytes));
    const mediaType = await detectMediaType(head, originalName);
    if (!isAllowedMediaType(mediaType)) throw new FileTypeNotAllowedError(mediaType);
    const stored = await storage.put(tx, org, all);
    if (stored.size === 0) {
      throw new DomainError('validation', 'validation', {}, [
        { field: 'file', code: 'file_empty' },
      ]);
    }
    const row = await repo.insertFile(tx, {
      organizationId: org,
      blobId: stored.ref,
      sha256: stored.sha256,
      size: stored.size,
      mediaType,
      originalName,
      ownerType: upload.owner.type,
      ownerId: upload.owner.id,
      uploadedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'file.uploaded',
        entityType: 'file',
        entityId: row.id,
        after: {
          sha256: row.sha256,
          size: row.size,
          mediaType,
          originalName,
          owner: `${row.ownerType}:${row.ownerId}`,
        },
      },
    ]);
    return { ...row, uploadedByName: ctx.actor.displayName };
  });
}

async function visibleFile(db: Executor, ctx: RequestContext, id: string) {
  const row = await repo.getFile(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('file');
  await fileOwnerAccess(row.ownerType).authorizeRead(db, ctx, row.ownerId);
  return row;
}

export const getFile = (db: Db, ctx: RequestContext, id: string) => visibleFile(db, ctx, id);

/**
 * The file and its bytes as a stream, read chunk by chunk from the store and
 * checked against the stored SHA-256 as they go (integrity.ts); a file that
 * failed the check once is refused (409) from then on.
 */
export async function openFile(db: Db, ctx: RequestContext, id: string) {
  const file = await visibleFile(db, ctx, id);
  refuseIfFailed(file);
  const source = storage.get(db, ctx.actor.organizationId, file.sha256);
  return { file, content: verifiedContent(db, ctx, file, source) };
}

export async function listFiles(
  db: Db,
  ctx: RequestContext,
  owner: Owner,
  page: { limit: number; cursor?: string | undefined },
) {
  await fileOwnerAccess(owner.type).authorizeRead(db, ctx, owner.id);
  return repo.listFilesOf(db, ctx.actor.organizationId, owner, page);
}

/**
 * Detaches a file; its bytes go when no other file refers to them. Where the
 * owner asks for it (a record's evidence), the deletion is only requested:
 * it happens when a second person approves (deletion.ts).
 */
export async function deleteFile(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    const row = await visibleFile(tx, ctx, id);
    const access = fileOwnerAccess(row.ownerType);
    await access.authorizeWrite(tx, ctx, row.ownerId);
    if (access.deletionApproval) {
      const approval = await requestFileDeletion(tx, ctx, row, access.deletionApproval);
      return { deleted: false as const, approval };
    }
    await repo.deleteFiles(tx, ctx.actor.organizationId, { id });
    await recordAudit(tx, ctx, [
      {
        action: 'file.deleted',
        entityType: 'file',
        entityId: id,
        before: { sha256: row.sha256, originalName: row.originalName },
      },
    ]);
    return { deleted: true as const, approval: null };
  });
}

/**
 * Detaches every file of an object inside the caller's transaction (the
 * caller authorized the change, e.g. an approved disposal); returns how many.
 */
export async function detachAllFiles(tx: Executor, ctx: RequestContext, owner: Owner) {
  const removed = await repo.deleteFiles(tx, ctx.actor.organizationId, {
    ownerType: owner.type,
    ownerId: owner.id,
  });
  await recordAudit(
    tx,
    ctx,
    removed.map((f) => ({
      action: 'file.deleted',
      entityType: 'file',
      entityId: f.id,
      before: { sha256: f.sha256, owner: `${owner.type}:${owner.id}` },
    })),
  );
  return removed.length;
}
