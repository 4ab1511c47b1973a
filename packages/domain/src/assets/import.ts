import { allowLongStatements, type Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/assets';
import type { RequestContext } from '../audit/trail.ts';
import { authorizeWriteAll } from '../scope/common.ts';
import { importColumns, loadReferences } from './import-references.ts';
import { writeStaged } from './import-write.ts';
import {
  isBlankRow,
  readAssetRow,
  readHeader,
  type HeaderLayout,
  type ImportReferences,
  type ImportedAsset,
  type RowProblem,
} from './rows.ts';
import {
  changedFields,
  PREVIEW_ROWS,
  previewRow,
  type ReferenceLabels,
  type StoredPreviewRow,
} from './import-preview.ts';
import { DomainError } from '../errors.ts';
import type { JobOutcome, Progress } from '../jobs/service.ts';

export { importColumns, loadReferences } from './import-references.ts';
export { wordValue, type StoredPreviewRow } from './import-preview.ts';

/**
 * Bulk import of the asset register from a streamed file. Two passes over the
 * rows, never the whole file in memory:
 *
 * 1. validate every row (outside any transaction, reporting progress), so the
 *    report lists every problem by row and column;
 * 2. unless it was a dry run, or problems make it all-or-nothing, write in
 *    one transaction (import-write.ts): the valid rows are staged in a
 *    temporary table, then one UPDATE … FROM for the codes the organization
 *    has and one INSERT … SELECT for the new ones, and the audit events in
 *    bulk. The same code updates the asset (a re-import is idempotent:
 *    unchanged rows are not touched).
 */

export const IMPORT_BATCH = 1000;
/** Problems kept in the report; errorCount counts them all. */
export const MAX_REPORTED_PROBLEMS = 1000;

export interface SourceRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}
/** Opens the file's rows from the start; called once per pass. */
export type RowSource = () => AsyncIterable<SourceRow>;

export interface ImportOptions {
  mode: 'validate' | 'commit';
  format: 'csv' | 'xlsx';
  /** Import the valid rows and skip the others (default: all or nothing). */
  partial: boolean;
}

export interface StoredImportReport {
  mode: 'validate' | 'commit';
  format: 'csv' | 'xlsx';
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errorCount: number;
  errors: RowProblem[];
  /** A dry run's first valid rows and what importing them would do. */
  preview?: StoredPreviewRow[];
}

/**
 * A header without a single column of the template is no asset register at
 * all (a wrong file): refused as a whole (422) rather than row by row.
 */
export function requireKnownColumns(header: readonly string[]) {
  if (readHeader(header).layout.present.size === 0) {
    throw new DomainError('validation', 'import_no_known_columns');
  }
}

/** Checks, before the file is even stored, that the actor may import. */
export function authorizeImport(ctx: RequestContext) {
  authorizeWriteAll(ctx.actor);
}

interface Validation {
  layout: HeaderLayout | null;
  headerOk: boolean;
  rows: number;
  validRows: number;
  /** Dry runs only: what the valid rows would do, and the first of them row by row. */
  created: number;
  updated: number;
  unchanged: number;
  preview: StoredPreviewRow[];
  badRows: Set<number>;
  errorCount: number;
  errors: RowProblem[];
}

async function validatePass(
  db: Db,
  ctx: RequestContext,
  source: RowSource,
  refs: ImportReferences & { labels: ReferenceLabels },
  compare: boolean,
  progress: (p: Progress, force?: boolean) => Promise<void>,
): Promise<Validation> {
  const v: Validation = {
    layout: null,
    headerOk: false,
    rows: 0,
    validRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    preview: [],
    badRows: new Set(),
    errorCount: 0,
    errors: [],
  };
  const report = (p: RowProblem) => {
    v.errorCount += 1;
    if (v.errors.length < MAX_REPORTED_PROBLEMS) v.errors.push(p);
  };
  const firstRowOfCode = new Map<string, number>();
  // A dry run compares the valid rows with the stored assets per batch: one
  // query for up to IMPORT_BATCH codes (the preview's rows ride on the first).
  let pending: { row: number; asset: ImportedAsset }[] = [];
  const compareBatch = async () => {
    if (!compare || pending.length === 0) return;
    const columns = importColumns(v.layout!.present);
    const stored = await repo.assetsToCompare(
      db,
      ctx.actor.organizationId,
      pending.map((p) => p.asset.code),
    );
    for (const { row, asset } of pending) {
      const before = stored.get(asset.code);
      if (v.preview.length < PREVIEW_ROWS) {
        const shown = previewRow(row, asset, before, columns, refs.labels);
        v.preview.push(shown);
        v[
          shown.change === 'create'
            ? 'created'
            : shown.change === 'update'
              ? 'updated'
              : 'unchanged'
        ] += 1;
      } else if (!before) v.created += 1;
      else if (changedFields(asset, before, columns).length) v.updated += 1;
      else v.unchanged += 1;
    }
    pending = [];
  };
  for await (const { row, cells } of source()) {
    if (!v.layout) {
      if (isBlankRow(cells)) continue;
      requireKnownColumns(cells);
      const header = readHeader(cells);
      v.layout = header.layout;
      v.headerOk = header.problems.length === 0;
      header.problems.forEach(report);
      continue;
    }
    if (isBlankRow(cells)) continue;
    v.rows += 1;
    const { asset, problems } = readAssetRow(row, cells, v.layout, refs);
    if (asset) {
      const first = firstRowOfCode.get(asset.code);
      if (first !== undefined) {
        problems.push({
          row,
          column: v.layout.columns.find((c) => c?.key === 'code')?.header[v.layout.locale] ?? null,
          code: 'code_duplicate_in_file',
          params: { row: first },
        });
      } else firstRowOfCode.set(asset.code, row);
    }
    if (problems.length) {
      v.badRows.add(row);
      problems.forEach(report);
    } else {
      v.validRows += 1;
      if (compare) pending.push({ row, asset: asset! });
      if (pending.length >= IMPORT_BATCH) await compareBatch();
    }
    if (v.rows % IMPORT_BATCH === 0) {
      await progress({ phase: 'validating', processed: v.rows, total: null });
    }
  }
  await compareBatch();
  if (!v.layout) report({ row: 1, column: null, code: 'import_empty' });
  return v;
}

/**
 * Validates, and for mode 'commit' imports, the rows of a file. Returns how the
 * job ends: a dry run always succeeds with its report; an import with problems
 * fails with `import_invalid` and writes nothing, unless it is partial.
 */
export async function importAssets(
  db: Db,
  ctx: RequestContext,
  source: RowSource,
  options: ImportOptions,
  reporters: {
    /** Progress outside a transaction. */
    progress: (p: Progress, force?: boolean) => Promise<void>;
    /** Progress while the writing transaction is open: never through a second connection. */
    progressInTransaction: (p: Progress, force?: boolean) => Promise<void>;
  },
): Promise<JobOutcome> {
  authorizeImport(ctx);
  const refs = await loadReferences(db, ctx);
  const dryRun = options.mode === 'validate';
  const v = await validatePass(db, ctx, source, refs, dryRun, reporters.progress);
  const report: StoredImportReport = {
    mode: options.mode,
    format: options.format,
    committed: false,
    rows: v.rows,
    created: v.created,
    updated: v.updated,
    unchanged: v.unchanged,
    skipped: 0,
    errorCount: v.errorCount,
    errors: v.errors,
  };
  await reporters.progress({ phase: 'validating', processed: v.rows, total: v.rows }, true);
  if (dryRun) {
    return {
      status: 'succeeded',
      result: { ...report, preview: v.preview },
      processed: v.rows,
      total: v.rows,
    };
  }
  const blocked = !v.headerOk || !v.layout || (v.errorCount > 0 && !options.partial);
  if (blocked) {
    return {
      status: 'failed',
      error: 'import_invalid',
      result: { ...report, created: 0, updated: 0 },
      processed: v.rows,
      total: v.rows,
    };
  }
  // The last report other instances see before the transaction holds the connection.
  await reporters.progress({ phase: 'writing', processed: 0, total: v.validRows }, true);
  const counts = await db.transaction(async (tx) => {
    await allowLongStatements(tx);
    return writeStaged(
      tx,
      ctx,
      source,
      { ...v, layout: v.layout! },
      refs,
      reporters.progressInTransaction,
    );
  });
  return {
    status: 'succeeded',
    result: {
      ...report,
      committed: true,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      skipped: v.badRows.size,
    },
    processed: v.rows,
    total: v.rows,
  };
}
