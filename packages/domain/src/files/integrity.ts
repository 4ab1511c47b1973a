import { createHash } from 'node:crypto';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/files';
import type { FileView } from '@mamoru/db/repositories/files';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict } from '../errors.ts';
import { MissingContentError } from './storage.ts';

/**
 * Downloads check the stored SHA-256 while they stream. The last chunk is
 * held back until the whole content is hashed, so a client never receives a
 * complete file that does not match; a file of one chunk (256 KiB) is checked
 * before any byte or header goes out, so the route can still answer 409.
 * A mismatch is recorded on every file of those bytes and in the audit trail.
 */

async function recordFailure(
  db: Db,
  ctx: RequestContext,
  file: FileView,
  problem: 'altered' | 'missing',
) {
  // Its own transaction: the download reads outside one, and the record must stay.
  await db.transaction(async (tx) => {
    const marked = await repo.markIntegrityFailed(tx, ctx.actor.organizationId, file.sha256);
    await recordAudit(tx, ctx, [
      {
        action: 'file.integrity_failed',
        entityType: 'file',
        entityId: file.id,
        after: { sha256: file.sha256, problem, files: marked.map((f) => f.id) },
      },
    ]);
  });
}

export function refuseIfFailed(file: FileView) {
  if (file.integrityFailedAt) throw conflict('file_integrity_failed');
}

export async function* verifiedContent(
  db: Db,
  ctx: RequestContext,
  file: FileView,
  source: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | null = null;
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.length;
      if (held) yield held;
      held = chunk;
    }
  } catch (error) {
    if (!(error instanceof MissingContentError)) throw error;
    await recordFailure(db, ctx, file, 'missing');
    throw conflict('file_integrity_failed');
  }
  if (size !== file.size || hash.digest('hex') !== file.sha256) {
    await recordFailure(db, ctx, file, 'altered');
    throw conflict('file_integrity_failed');
  }
  if (held) yield held;
}
