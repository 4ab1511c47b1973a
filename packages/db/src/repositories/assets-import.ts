import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { assets } from '../tables/assets.ts';
import type { AssetRow, ImportColumn } from './assets.ts';

/**
 * The write of an asset import as set-based statements. The validated rows go
 * into a temporary staging table (dropped at the end of the transaction,
 * whether it commits or rolls back), in large batches of column arrays; then
 * the existing codes are found by one join, updated by one `update … from`,
 * and the new ones written by one `insert … select`.
 */

const STAGE = 'asset_import_stage';

/** The SQL type of each column an import writes. */
const IMPORT_TYPES: Record<ImportColumn, string> = {
  code: 'text',
  name: 'text',
  category: 'text',
  description: 'text',
  ownerUserId: 'uuid',
  ownerUnitId: 'uuid',
  custodianUserId: 'uuid',
  custodianUnitId: 'uuid',
  orgUnitId: 'uuid',
  locationId: 'uuid',
  classificationId: 'uuid',
  confidentiality: 'int',
  integrity: 'int',
  availability: 'int',
  value: 'int',
  businessProcess: 'text',
  status: 'text',
  nextReviewDate: 'date',
  tags: 'text[]',
};

const tableColumns = getTableColumns(assets);
const columnName = (c: ImportColumn) => tableColumns[c].name;
const columnEntries = Object.entries(tableColumns);

/** Creates the staging table for this transaction's import, with the file's columns. */
export async function createImportStage(tx: Executor, columns: ImportColumn[]) {
  const list = columns.map((c) => `${columnName(c)} ${IMPORT_TYPES[c]}`).join(', ');
  await tx.execute(sql.raw(`create temp table ${STAGE} (${list}) on commit drop`));
}

/** A PostgreSQL array literal of texts, for a tags cell travelling as one text. */
function arrayLiteral(values: readonly string[]) {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    out += `"${values[i]!.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/**
 * Adds rows to the staging table in one statement: one text array per column
 * (unnest), so a batch of thousands of rows costs a fixed number of bind
 * parameters; each column is cast to its type in the select.
 */
export async function stageAssets(
  tx: Executor,
  rows: readonly Partial<Record<ImportColumn, unknown>>[],
  columns: ImportColumn[],
) {
  if (rows.length === 0) return;
  const arrays = columns.map((c) =>
    rows.map((r) => {
      const v = r[c];
      if (v === undefined || v === null) return null;
      if (c === 'tags') return arrayLiteral(v as string[]);
      return String(v);
    }),
  );
  const names = columns.map(columnName);
  const params = sql.join(
    arrays.map((a) => sql`${sql.param(a)}::text[]`),
    sql`, `,
  );
  const casts = sql.raw(names.map((n, i) => `u.c${i}::${IMPORT_TYPES[columns[i]!]}`).join(', '));
  const aliases = sql.raw(names.map((_, i) => `c${i}`).join(', '));
  await tx.execute(sql`insert into ${sql.raw(STAGE)} (${sql.raw(names.join(', '))})
    select ${casts} from unnest(${params}) as u(${aliases})`);
}

/** The stored assets whose codes are staged, locked for the update, keyed by code. */
export async function lockStagedExisting(tx: Executor, organizationId: string) {
  const rows = await tx
    .select()
    .from(assets)
    .where(
      and(
        eq(assets.organizationId, organizationId),
        sql`${assets.code} in (select code from ${sql.raw(STAGE)})`,
      ),
    )
    .for('update');
  return new Map(rows.map((r) => [r.code, r]));
}

/** A raw row of `returning *` as drizzle maps a selected one (types from the driver's text). */
function toAssetRow(raw: Record<string, unknown>): AssetRow {
  const out: Record<string, unknown> = {};
  for (const [prop, column] of columnEntries) {
    const v = raw[column.name];
    out[prop] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as AssetRow;
}

/**
 * Updates the stored assets from their staged rows, only the file's columns
 * and only where a value differs (a re-import of the same file touches
 * nothing). Returns the rows as written.
 */
export async function updateFromStage(
  tx: Executor,
  organizationId: string,
  columns: ImportColumn[],
): Promise<AssetRow[]> {
  const updated = columns.filter((c) => c !== 'code').map(columnName);
  if (updated.length === 0) return [];
  const set = sql.raw(updated.map((n) => `${n} = s.${n}`).join(', '));
  const current = sql.raw(updated.map((n) => `assets.${n}`).join(', '));
  const incoming = sql.raw(updated.map((n) => `s.${n}`).join(', '));
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`update assets
      set ${set}, version = assets.version + 1, updated_at = now()
      from ${sql.raw(STAGE)} s
      where assets.organization_id = ${organizationId} and assets.code = s.code
        and (${current}) is distinct from (${incoming})
      returning assets.*`,
  );
  return rows.map(toAssetRow);
}

/**
 * Writes the staged rows whose codes the organization does not have yet, in
 * one `insert … select`. Returns the rows as written.
 */
export async function insertFromStage(
  tx: Executor,
  organizationId: string,
  columns: ImportColumn[],
): Promise<AssetRow[]> {
  const names = sql.raw(columns.map(columnName).join(', '));
  const staged = sql.raw(columns.map((c) => `s.${columnName(c)}`).join(', '));
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`insert into assets (organization_id, ${names})
      select ${organizationId}::uuid, ${staged}
      from ${sql.raw(STAGE)} s
      where not exists (select 1 from assets a
        where a.organization_id = ${organizationId} and a.code = s.code)
      returning *`,
  );
  return rows.map(toAssetRow);
}
