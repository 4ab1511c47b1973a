// Catalog imports of uploaded files: the preview (what an import would bring
// in, nothing written), imports that read large files off the event loop, and
// background jobs whose row reports the imported library or the file's problems.
import type { ImportSummary } from '@mamoru/catalog';
import type { CatalogLibrary } from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/catalog';
import * as jobsRepo from '@mamoru/db/repositories/jobs';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import type { RequestContext } from '../audit/trail.ts';
import { DomainError, notFound, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { createJob, runJob, withInterruption, withLiveProgress } from '../jobs/service.ts';
import { readLibraryFileOffThread, type ImportOptions } from './file.ts';
import { importLibrary, withFreeGeneratedId } from './import-library.ts';

export const CATALOG_IMPORT_JOB = 'catalog_import';

export interface ImportPreview extends ImportSummary {
  /** Why the import itself would be refused, or null. */
  conflict: {
    code: 'catalog_id_shipped' | 'catalog_id_taken';
    params: { libraryId: string };
  } | null;
}

/**
 * The dry run: reads and validates the file as an import would, with the ID
 * the import would use, and reports the format, name, counts, warnings and
 * whether the ID is free. Writes nothing, records nothing.
 */
export async function previewImport(
  db: Db,
  ctx: RequestContext,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  authorize(ctx.actor, 'catalog:manage');
  const read = await readLibraryFileOffThread(input, options);
  const organizationId = ctx.actor.organizationId;
  const lib = await withFreeGeneratedId(db, organizationId, read.lib, options);
  const taken = await repo.libraryIdTaken(db, organizationId, lib.id);
  return {
    ...read.summary,
    libraryId: lib.id,
    conflict: taken
      ? {
          code: taken.shipped ? 'catalog_id_shipped' : 'catalog_id_taken',
          params: { libraryId: lib.id },
        }
      : null,
  };
}

/**
 * Imports a file, reading a large one in a worker thread first (a YAML
 * file of a few MiB takes seconds to parse); then as importLibrary.
 */
export async function importFile(
  db: Db,
  ctx: RequestContext,
  data: Uint8Array,
  options: ImportOptions = {},
): Promise<CatalogLibrary> {
  authorize(ctx.actor, 'catalog:manage');
  const preread = await readLibraryFileOffThread(data, options);
  return importLibrary(db, ctx, data, { ...options, preread });
}

/** What a finished import job keeps: the library, or the refusal with its issues. */
export interface ImportJobResult {
  library?: CatalogLibrary;
  errorParams?: Record<string, string | number>;
  issues?: FieldError[];
}

/** Creates the job row of a background import (the caller checked the file's size). */
export async function startImportJob(db: Db, ctx: RequestContext): Promise<JobRow> {
  authorize(ctx.actor, 'catalog:manage');
  return createJob(db, ctx, CATALOG_IMPORT_JOB);
}

/** Runs an import as the job's work; a refused file ends the job failed, with its issues. */
export function runImportJob(
  db: Db,
  ctx: RequestContext,
  job: JobRow,
  data: Uint8Array,
  options: ImportOptions,
): Promise<JobRow> {
  return runJob(db, job, async () => {
    try {
      const library = await importFile(db, ctx, data, options);
      return { status: 'succeeded', result: { library } satisfies ImportJobResult };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const result: ImportJobResult = { errorParams: error.params, issues: error.fieldErrors };
      return { status: 'failed', error: error.code, result };
    }
  });
}

/** A catalog import job of the caller's organization; 404 for any other job. */
export async function getImportJob(db: Db, ctx: RequestContext, id: string): Promise<JobRow> {
  authorize(ctx.actor, 'catalog:manage');
  const row = await jobsRepo.getJob(db, ctx.actor.organizationId, id);
  if (!row || row.kind !== CATALOG_IMPORT_JOB) throw notFound('job');
  return withInterruption(withLiveProgress(row));
}
