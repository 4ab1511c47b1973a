import { createHash } from 'node:crypto';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/files';
import type { FileVerificationProblem } from '@mamoru/contracts';

export interface FileVerification {
  checked: number;
  bytes: number;
  problems: FileVerificationProblem[];
}

/**
 * Re-hashes every stored content (of one organization, or all), chunk by
 * chunk, and reports contents whose chunks are missing or whose bytes no
 * longer match their SHA-256 or size. Reads only: safe on a live database.
 */
export async function verifyStoredFiles(
  db: Executor,
  options: { organizationId?: string; batch?: number } = {},
): Promise<FileVerification> {
  const result: FileVerification = { checked: 0, bytes: 0, problems: [] };
  let after: string | null = null;
  for (;;) {
    const blobs = await repo.blobsAfter(db, after, options.batch ?? 200, options.organizationId);
    if (blobs.length === 0) return result;
    for (const blob of blobs) {
      after = blob.id;
      result.checked += 1;
      const hash = createHash('sha256');
      let size = 0;
      let missing = false;
      for (let seq = 0; seq < blob.chunkCount; seq += 1) {
        const data = await repo.readChunk(db, blob.id, seq);
        if (!data) {
          missing = true;
          break;
        }
        hash.update(data);
        size += data.length;
      }
      result.bytes += size;
      const altered = !missing && (size !== blob.size || hash.digest('hex') !== blob.sha256);
      if (missing || altered) {
        result.problems.push({
          organizationId: blob.organizationId,
          sha256: blob.sha256 ?? '',
          problem: missing ? 'missing' : 'altered',
          files: await repo.fileNamesOfBlob(db, blob.id),
        });
      }
    }
  }
}
