import { randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
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

/**
 * Where uploads wait: a folder of their own (mode 0700, files 0600, since they
 * hold asset data), each file named with the process id so a later start can
 * tell a dead process's leftovers from a live one's.
 */
export const UPLOAD_DIR = join(tmpdir(), 'mamoru-uploads');
const PREFIX = 'upload-';

/** Files this process has spooled and not yet removed. */
const live = new Set<string>();

// A shutdown that times out exits without the jobs' own clean-up: remove what is left.
process.on('exit', () => {
  for (const path of live) rmSync(path, { force: true });
});

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the uploads of processes that no longer run (killed before they
 * could clean up); called once at start. Returns how many were removed.
 */
export function removeLeftoverUploads(dir = UPLOAD_DIR): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0; // no folder yet: nothing was ever left
  }
  for (const name of names) {
    const pid = Number(/^upload-(\d+)-/.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
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
export async function spool(
  body: Readable,
  maxBytes: number,
  dir = UPLOAD_DIR,
): Promise<SpooledFile> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A folder made earlier (or by someone else) gets the same mode; not ours: this throws.
  chmodSync(dir, 0o700);
  const path = join(dir, `${PREFIX}${process.pid}-${randomUUID()}`);
  let bytes = 0;
  live.add(path);
  const remove = async () => {
    await rm(path, { force: true });
    live.delete(path);
  };
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
  try {
    // 'wx': never write through a file (or link) someone placed there first.
    await pipeline(body, limit, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, bytes, remove };
}
