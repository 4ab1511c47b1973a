import { createHash } from 'node:crypto';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/files';

/** Chunk size of the database store: small enough to stream, large enough to be few rows. */
export const CHUNK_SIZE = 256 * 1024;

export interface StoredContent {
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  size: number;
  /** The store's handle for the content (the database store: the blob id). */
  ref: string;
}

/**
 * Where file contents live, addressed by SHA-256 and deduplicated per
 * organization. The database store is the default; a filesystem or
 * S3-compatible store implements the same three calls. `tx` is the caller's
 * transaction, so a refused upload leaves nothing behind.
 */
export interface FileStorage {
  put(tx: Executor, organizationId: string, content: AsyncIterable<Buffer>): Promise<StoredContent>;
  get(db: Executor, organizationId: string, sha256: string): AsyncIterable<Buffer>;
  exists(db: Executor, organizationId: string, sha256: string): Promise<boolean>;
}

/** Re-cuts a byte stream into chunks of exactly `size` bytes (the last one shorter). */
export async function* rechunk(content: AsyncIterable<Buffer>, size = CHUNK_SIZE) {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of content) {
    pending.push(piece);
    length += piece.length;
    while (length >= size) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      length = all.length - size;
    }
  }
  if (length > 0) yield Buffer.concat(pending);
}

/** Stored bytes that should be there are not (a chunk or the whole content is gone). */
export class MissingContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingContentError';
  }
}

/** Reads a blob's chunks in order, one query each, so a large file never sits in memory. */
export async function* blobChunks(db: Executor, blobId: string, chunkCount: number) {
  for (let seq = 0; seq < chunkCount; seq += 1) {
    const data = await repo.readChunk(db, blobId, seq);
    if (!data) throw new MissingContentError(`file chunk ${seq} of blob ${blobId} is missing`);
    yield data;
  }
}

export const databaseFileStorage: FileStorage = {
  async put(tx, organizationId, content) {
    const blobId = await repo.insertPendingBlob(tx, organizationId);
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    for await (const chunk of rechunk(content)) {
      hash.update(chunk);
      size += chunk.length;
      await repo.insertChunk(tx, blobId, seq, chunk);
      seq += 1;
    }
    const sha256 = hash.digest('hex');
    const existing = await repo.blobBySha256(tx, organizationId, sha256);
    if (existing) {
      // The same bytes are stored already: keep one copy.
      await repo.deleteBlob(tx, blobId);
      return { sha256, size, ref: existing.id };
    }
    await repo.finishBlob(tx, blobId, { sha256, size, chunkCount: seq });
    return { sha256, size, ref: blobId };
  },
  async *get(db, organizationId, sha256) {
    const blob = await repo.blobBySha256(db, organizationId, sha256);
    if (!blob) throw new MissingContentError(`no stored content ${sha256}`);
    yield* blobChunks(db, blob.id, blob.chunkCount);
  },
  async exists(db, organizationId, sha256) {
    return (await repo.blobBySha256(db, organizationId, sha256)) !== null;
  },
};
