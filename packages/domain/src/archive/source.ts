// Reading an archive's parts out of a database, in archive order: the shipped
// references, the tables in dependency order, then each evidence content once.
// Both exportArchive (into a ZIP) and copyDatabase (into another database) use it.
import { createHash } from 'node:crypto';
import type { Tx } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive';
import * as importRepo from '@mamoru/db/repositories/archive-import';
import * as filesRepo from '@mamoru/db/repositories/files';
import { SHIPPED_KEYS, type ArchivePlan, type TablePlan } from './plan.ts';

/** One part: JSON text of rows (one object each, no newline), or the bytes of an evidence file. */
export type Part =
  | { kind: 'refs' | 'table'; path: string; table: string; rows: AsyncIterable<string> }
  | { kind: 'file'; path: string; sha256: string; data: AsyncIterable<Buffer> };

const FETCH = 1000;

export function tablePath(position: number, table: string) {
  return `tables/${String(position).padStart(3, '0')}-${table}.jsonl`;
}

/** Where a part's path says it belongs; null for a path that is no part of the format. */
export function partOf(
  path: string,
): { kind: 'refs' | 'table'; table: string } | { kind: 'file'; sha256: string } | null {
  const table = /^tables\/\d{3,}-([a-z0-9_]+)\.jsonl$/.exec(path);
  if (table) return { kind: 'table', table: table[1]! };
  const refs = /^refs\/([a-z0-9_]+)\.jsonl$/.exec(path);
  if (refs) return { kind: 'refs', table: refs[1]! };
  const file = /^files\/([0-9a-f]{64})$/.exec(path);
  if (file) return { kind: 'file', sha256: file[1]! };
  return null;
}

export async function* sourceParts(
  tx: Tx,
  plan: ArchivePlan,
  organizationIds: string[],
): AsyncGenerator<Part> {
  for (const shipped of plan.shipped) {
    const rows = await repo.shippedKeys(tx, shipped.table, shipped.key);
    yield {
      kind: 'refs',
      path: `refs/${shipped.table}.jsonl`,
      table: shipped.table,
      rows: iter(rows),
    };
  }
  let position = 0;
  for (const table of plan.tables) {
    position += 1;
    yield {
      kind: 'table',
      path: tablePath(position, table.name),
      table: table.name,
      rows: tableRows(tx, table, organizationIds),
    };
  }
  for (const blob of await importRepo.blobsOf(tx, organizationIds)) {
    yield {
      kind: 'file',
      path: `files/${blob.sha256}`,
      sha256: blob.sha256,
      data: blobBytes(tx, blob),
    };
  }
}

async function* iter(rows: string[]) {
  yield* rows;
}

async function* tableRows(tx: Tx, table: TablePlan, organizationIds: string[]) {
  const cursor = 'archive_rows';
  await repo.openRowCursor(
    tx,
    cursor,
    {
      name: table.name,
      columns: table.table.columns.map((c) => c.name),
      orderBy: table.table.primaryKey,
      shipped: table.mapped.map((m) => ({ ...m, key: SHIPPED_KEYS[m.refTable]! })),
    },
    table.scope,
    organizationIds,
  );
  try {
    for (;;) {
      const rows = await repo.fetchRows(tx, cursor, FETCH);
      yield* rows;
      if (rows.length < FETCH) break;
    }
  } finally {
    // After a failed statement the transaction is aborted and the close fails too: keep the first error.
    await repo.closeCursor(tx, cursor).catch(() => undefined);
  }
}

/** A content's bytes, chunk by chunk; refuses bytes that no longer match their SHA-256. */
async function* blobBytes(
  tx: Tx,
  blob: { id: string; sha256: string; chunk_count: number; size: number },
) {
  const hash = createHash('sha256');
  let size = 0;
  for (let seq = 0; seq < blob.chunk_count; seq += 1) {
    const data = await filesRepo.readChunk(tx, blob.id, seq);
    if (!data) break;
    hash.update(data);
    size += data.length;
    yield data;
  }
  if (size !== blob.size || hash.digest('hex') !== blob.sha256) {
    throw new Error(
      `the stored evidence file ${blob.sha256} is missing chunks or was altered; ` +
        'run `mamoru evidence verify` to see which files',
    );
  }
}
