// Test helper: copies an archive with parts changed, dropped or re-hashed, to
// prove what verifyArchive and importArchive catch.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { MANIFEST_PATH, type ArchiveManifest } from '../manifest.ts';
import { ArchiveReader } from '../zip.ts';

export interface Rewrite {
  /** New bytes of a part; null drops it; undefined keeps it. */
  part?: (path: string, bytes: Buffer) => Buffer | null | undefined;
  /** Re-hash changed parts in the manifest (a consistent archive), or leave the manifest as it was. */
  rehash: boolean;
  manifest?: (manifest: ArchiveManifest) => ArchiveManifest;
}

export async function rewriteArchive(source: string, target: string, rewrite: Rewrite) {
  const reader = await ArchiveReader.open(source);
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream as Readable, createWriteStream(target));
  try {
    let manifest = JSON.parse(
      (await reader.readAll(MANIFEST_PATH)).toString('utf8'),
    ) as ArchiveManifest;
    const parts: ArchiveManifest['parts'] = [];
    for (const part of manifest.parts) {
      const bytes = await reader.readAll(part.path);
      const changed = rewrite.part?.(part.path, bytes);
      const out = changed === undefined ? bytes : changed;
      if (out !== null) zip.addBuffer(out, part.path);
      if (!rewrite.rehash || changed === undefined) parts.push(part);
      else if (out !== null) {
        const rows =
          part.rows === undefined ? {} : { rows: out.toString('utf8').split('\n').length - 1 };
        parts.push({
          path: part.path,
          sha256: createHash('sha256').update(out).digest('hex'),
          bytes: out.length,
          ...rows,
        });
      }
    }
    manifest = { ...manifest, parts };
    if (rewrite.manifest) manifest = rewrite.manifest(manifest);
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_PATH);
    zip.end();
    await done;
  } finally {
    reader.close();
  }
}

/** Rewrites the JSON lines of a table part row by row (null drops a row). */
export function editRows(
  bytes: Buffer,
  edit: (row: Record<string, unknown>, index: number) => Record<string, unknown> | null,
): Buffer {
  const lines = bytes.toString('utf8').split('\n').filter(Boolean);
  const out = lines
    .map((line, i) => edit(JSON.parse(line) as Record<string, unknown>, i))
    .filter((r): r is Record<string, unknown> => r !== null)
    .map((r) => `${JSON.stringify(r)}\n`);
  return Buffer.from(out.join(''), 'utf8');
}
