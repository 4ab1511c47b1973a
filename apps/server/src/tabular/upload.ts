import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An uploaded file kept on local disk while one request or job reads it. */
export interface SpooledFile {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/** The error Fastify raises for a body over the limit; the problem plugin answers 413. */
function tooLarge() {
  return Object.assign(new Error('request body is too large'), {
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    statusCode: 413,
  });
}

/**
 * Streams a request body to a temporary file (never into memory), refusing
 * bodies over `maxBytes`. The file is read twice by an import (validate, then
 * write), which a request stream could not be.
 */
export async function spool(body: Readable, maxBytes: number): Promise<SpooledFile> {
  const path = join(tmpdir(), `mamoru-upload-${randomUUID()}`);
  let bytes = 0;
  const remove = () => rm(path, { force: true });
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, bytes, remove };
}
