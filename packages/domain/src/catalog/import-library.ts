// Importing a library: the file read, its ID made free or refused, one transaction.
import { firstFreeLibraryId, type Library } from '@mamoru/catalog';
import type { CatalogLibrary } from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import { DomainError, conflict } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { readLibraryFile, type ImportOptions } from './file.ts';
import { authorize } from '../identity/actor.ts';
import { libraryContentHash, libraryHeader, libraryNodes } from './nodes.ts';
import { presentLibrary, withCounts, isUniqueViolation } from './common.ts';

export { readLibraryFile, type ImportOptions } from './file.ts';

/**
 * The library with a free ID when its ID was made from an OSCAL catalog's
 * title (another tool's catalog: it has `oscalMetadata`; no ID was chosen):
 * `…-2`, `…-3` step aside for the ones the organization already sees. An ID
 * the user chose or the file records is kept, and refused when taken.
 */
export async function withFreeGeneratedId(
  db: Executor,
  organizationId: string,
  lib: Library,
  options: Pick<ImportOptions, 'libraryId'>,
): Promise<Library> {
  if (lib.oscalMetadata === undefined || options.libraryId) return lib;
  const id = await firstFreeLibraryId(
    lib.id,
    async (candidate) => (await repo.libraryIdTaken(db, organizationId, candidate)) !== null,
  );
  return id === lib.id ? lib : { ...lib, id };
}

/**
 * Imports a library for the organization, all or nothing: the row, every node
 * and the audit event in one transaction. `input` is the file's bytes (any
 * format file.ts reads) or a parsed JSON document. Refuses an ID that is
 * shipped with Mamoru or already imported by the organization (409).
 */
export async function importLibrary(
  db: Db,
  ctx: RequestContext,
  input: unknown,
  options: ImportOptions = {},
): Promise<CatalogLibrary> {
  authorize(ctx.actor, 'catalog:manage');
  const read = readLibraryFile(input, options);
  const { origin, format } = read;
  const organizationId = ctx.actor.organizationId;
  const lib = await withFreeGeneratedId(db, organizationId, read.lib, options);
  const refuse = (shipped: boolean) =>
    conflict(shipped ? 'catalog_id_shipped' : 'catalog_id_taken', { libraryId: lib.id });
  const taken = await repo.libraryIdTaken(db, organizationId, lib.id);
  if (taken) throw refuse(taken.shipped);
  const nodes = libraryNodes(lib);
  if (nodes.length >= repo.OWN_POSITION_BASE) {
    throw new DomainError('validation', 'catalog_too_large', { max: repo.OWN_POSITION_BASE - 1 });
  }
  try {
    const row = await db.transaction(async (tx) => {
      const contentHash = libraryContentHash(lib);
      const inserted = await repo.insertLibrary(tx, {
        libraryId: lib.id,
        organizationId,
        origin,
        ...libraryHeader(lib),
        document: lib,
        contentHash,
      });
      await repo.insertNodes(
        tx,
        nodes.map((n) => ({ ...n, libraryId: inserted.id })),
      );
      await recordAudit(tx, ctx, [
        {
          action: 'catalog.imported',
          entityType: 'catalog_library',
          entityId: inserted.id,
          after: {
            libraryId: lib.id,
            version: lib.version,
            origin,
            format,
            contentHash,
            nodes: nodes.length,
          },
        },
      ]);
      return withCounts(tx, ctx, inserted);
    });
    return presentLibrary(row);
  } catch (error) {
    // Another import of the same ID won the race.
    if (isUniqueViolation(error)) throw refuse(false);
    throw error;
  }
}
