import type { Executor } from '@mamoru/db';
import * as stage from '@mamoru/db/repositories/assets-import';
import type { AssetRow } from '@mamoru/db/repositories/assets';
import type { AuditEntry, RequestContext } from '../audit/trail.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit } from '../audit/trail.ts';
import { auditable } from '../scope/common.ts';
import type { Progress } from '../jobs/service.ts';
import { recomputeForAssets } from '../risks/register.ts';
import { importColumns } from './import-references.ts';
import { isBlankRow, readAssetRow, type HeaderLayout, type ImportReferences } from './rows.ts';
import { ASSET_ENTITY } from './service.ts';
import { ciaChanged } from './values.ts';
import type { RowSource } from './import.ts';

/** Rows per staging statement: a fixed number of array parameters, whatever the size. */
export const STAGE_BATCH = 5000;

/**
 * The writing pass of an import, inside the caller's transaction: the file's
 * valid rows are read again and staged, then written by set-based statements
 * (repositories/assets-import.ts); the audit events follow in file order, one
 * per created or changed asset, appended to the chain in one go.
 */
export async function writeStaged(
  tx: Executor,
  ctx: RequestContext,
  source: RowSource,
  v: { layout: HeaderLayout; badRows: ReadonlySet<number>; validRows: number },
  refs: ImportReferences,
  progress: (p: Progress, force?: boolean) => Promise<void>,
) {
  const org = ctx.actor.organizationId;
  const columns = importColumns(v.layout.present);
  await stage.createImportStage(tx, columns);
  // File order of each code: the audit events follow it.
  const rowOfCode = new Map<string, number>();
  let batch: NonNullable<ReturnType<typeof readAssetRow>['asset']>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await stage.stageAssets(tx, batch, columns);
    batch = [];
    await progress({ phase: 'writing', processed: rowOfCode.size, total: v.validRows });
  };
  let header = true;
  for await (const { row, cells } of source()) {
    if (isBlankRow(cells)) continue;
    if (header) {
      header = false;
      continue;
    }
    if (v.badRows.has(row)) continue;
    const { asset } = readAssetRow(row, cells, v.layout, refs);
    // A duplicate code is a problem of validation; a partial import skips it there.
    if (!asset || rowOfCode.has(asset.code)) continue;
    rowOfCode.set(asset.code, row);
    batch.push(asset);
    if (batch.length >= STAGE_BATCH) await flush();
  }
  await flush();

  const before = await stage.lockStagedExisting(tx, org);
  const updated = before.size > 0 ? await stage.updateFromStage(tx, org, columns) : [];
  const created = await stage.insertFromStage(tx, org, columns);
  // Updated assets whose C/I/A moved: their risks take the new asset value.
  await recomputeForAssets(
    tx,
    org,
    updated.filter((after) => ciaChanged(before.get(after.code)!, after)).map((a) => a.id),
  );
  const written: AssetRow[] = updated.concat(created);
  written.sort((a, b) => rowOfCode.get(a.code)! - rowOfCode.get(b.code)!);
  const entries: AuditEntry[] = written.map((after) => {
    const old = before.get(after.code);
    if (old) {
      return {
        action: 'asset.updated',
        entityType: ASSET_ENTITY,
        entityId: after.id,
        ...diff(auditable(old), auditable(after)),
      };
    }
    return {
      action: 'asset.created',
      entityType: ASSET_ENTITY,
      entityId: after.id,
      after: auditable(after),
    };
  });
  await recordAudit(tx, ctx, entries);
  return {
    created: created.length,
    updated: updated.length,
    unchanged: rowOfCode.size - created.length - updated.length,
  };
}
