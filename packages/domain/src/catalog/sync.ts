// The libraries shipped with Mamoru (packages/catalog/data) mirrored into the
// database, so that every organization sees them and search runs in SQL.
import { shippedLibraries } from '@mamoru/catalog';
import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import { libraryContentHash, libraryHeader, libraryNodes } from './nodes.ts';

export interface SyncResult {
  /** Library IDs written because they were new or their content changed. */
  updated: string[];
  /** Library IDs already up to date: nothing was written for them. */
  unchanged: string[];
}

/**
 * Upserts each shipped library whose content hash changed: its row and all its
 * nodes in one transaction, the nodes in multi-row inserts. An unchanged
 * library costs one indexed read. Organizations' own controls and overlays
 * stay attached to the library row, which keeps its uuid.
 *
 * Called after the migrations (see migrateDatabase), under the migration lock,
 * so two instances starting together never sync at the same time. Shipped
 * libraries belong to no organization, so this writes no audit events: a new
 * shipped version is a software release, recorded in the row's content hash
 * and updated_at.
 */
export async function syncShippedLibraries(db: Executor): Promise<SyncResult> {
  const result: SyncResult = { updated: [], unchanged: [] };
  for (const lib of await shippedLibraries()) {
    const contentHash = libraryContentHash(lib);
    const existing = await repo.findShippedLibrary(db, lib.id);
    if (existing?.contentHash === contentHash) {
      result.unchanged.push(lib.id);
      continue;
    }
    await db.transaction(async (tx) => {
      let libraryUuid = existing?.id;
      if (libraryUuid) {
        await repo.updateShippedLibrary(tx, libraryUuid, {
          ...libraryHeader(lib),
          document: lib,
          contentHash,
        });
      } else {
        const row = await repo.insertLibrary(tx, {
          libraryId: lib.id,
          organizationId: null,
          origin: 'shipped',
          ...libraryHeader(lib),
          document: lib,
          contentHash,
        });
        libraryUuid = row.id;
      }
      const nodes = libraryNodes(lib).map((n) => ({ ...n, libraryId: libraryUuid }));
      await repo.replaceLibraryNodes(tx, libraryUuid, nodes);
    });
    result.updated.push(lib.id);
  }
  return result;
}
