import type { Locale } from '@mamoru/contracts';
import type { AssetRow, ImportColumn } from '@mamoru/db/repositories/assets';
import { CATEGORY_LABELS, STATUS_LABELS, type AssetColumnKey } from './columns.ts';
import type { ImportedAsset } from './rows.ts';

/**
 * What a dry run shows of the rows themselves: for the first valid rows
 * (PREVIEW_ROWS), whether each creates, changes or leaves an asset as it is,
 * and for a change the fields with their old and new values. Values are kept
 * as the user reads them (an email, a code, or a label in both languages) and
 * worded in the reader's language only when the report is presented.
 */

export const PREVIEW_ROWS = 100;

/** A field of the register as the preview names it: every column but the code that matches rows. */
export type PreviewField = Exclude<AssetColumnKey, 'code'>;

/** A value as shown: text, a label in both languages, or nothing. */
export type ShownValue = string | Record<Locale, string> | null;

export interface FieldChange {
  field: PreviewField;
  before: ShownValue;
  after: ShownValue;
}

export type RowChange = 'create' | 'update' | 'unchanged';

export interface StoredPreviewRow {
  row: number;
  code: string;
  name: string;
  change: RowChange;
  /** For an update, the fields that change, in the file's column order. */
  changes: FieldChange[];
}

/** Ids of the organization's records → what a file names them by. */
export interface ReferenceLabels {
  emailByUser: ReadonlyMap<string, string>;
  codeByUnit: ReadonlyMap<string, string>;
  codeByLocation: ReadonlyMap<string, string>;
  levelNames: ReadonlyMap<string, Record<Locale, string>>;
}

const FIELD_OF: Record<Exclude<ImportColumn, 'code'>, PreviewField> = {
  name: 'name',
  category: 'category',
  description: 'description',
  ownerUserId: 'owner',
  ownerUnitId: 'owner',
  custodianUserId: 'custodian',
  custodianUnitId: 'custodian',
  orgUnitId: 'orgUnit',
  locationId: 'location',
  classificationId: 'classification',
  confidentiality: 'confidentiality',
  integrity: 'integrity',
  availability: 'availability',
  value: 'value',
  businessProcess: 'businessProcess',
  status: 'status',
  nextReviewDate: 'nextReviewDate',
  tags: 'tags',
};

/** Equality as the upsert's `is distinct from` decides it (arrays element by element). */
function same(a: unknown, b: unknown) {
  const x = a ?? null;
  const y = b ?? null;
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return x === y;
}

/**
 * The fields a row changes on the stored asset, considering only the columns
 * the file writes (a column the file lacks is left alone by the import).
 */
export function changedFields(
  asset: ImportedAsset,
  stored: AssetRow,
  columns: readonly ImportColumn[],
): PreviewField[] {
  const fields = new Set<PreviewField>();
  for (const column of columns) {
    if (column === 'code') continue;
    if (!same(asset[column], stored[column])) fields.add(FIELD_OF[column]);
  }
  return [...fields];
}

type Values = Partial<Record<ImportColumn, unknown>>;

function shown(field: PreviewField, v: Values, labels: ReferenceLabels): ShownValue {
  const id = (key: ImportColumn) => (typeof v[key] === 'string' ? (v[key] as string) : null);
  const party = (user: ImportColumn, unit: ImportColumn) => {
    const u = id(user);
    if (u) return labels.emailByUser.get(u) ?? null;
    const o = id(unit);
    return o ? (labels.codeByUnit.get(o) ?? null) : null;
  };
  switch (field) {
    case 'category':
      return v.category ? CATEGORY_LABELS[v.category as keyof typeof CATEGORY_LABELS] : null;
    case 'status':
      return v.status ? STATUS_LABELS[v.status as keyof typeof STATUS_LABELS] : null;
    case 'owner':
      return party('ownerUserId', 'ownerUnitId');
    case 'custodian':
      return party('custodianUserId', 'custodianUnitId');
    case 'orgUnit': {
      const u = id('orgUnitId');
      return u ? (labels.codeByUnit.get(u) ?? null) : null;
    }
    case 'location': {
      const l = id('locationId');
      return l ? (labels.codeByLocation.get(l) ?? null) : null;
    }
    case 'classification': {
      const c = id('classificationId');
      return c ? (labels.levelNames.get(c) ?? null) : null;
    }
    case 'tags': {
      const tags = (v.tags as string[] | null | undefined) ?? [];
      return tags.length ? tags.join('; ') : null;
    }
    default: {
      const value = v[field];
      return value === null || value === undefined || value === '' ? null : String(value);
    }
  }
}

/** One row of the preview: what importing it would do to the stored asset, if any. */
export function previewRow(
  row: number,
  asset: ImportedAsset,
  stored: AssetRow | undefined,
  columns: readonly ImportColumn[],
  labels: ReferenceLabels,
): StoredPreviewRow {
  const base = { row, code: asset.code, name: asset.name ?? stored?.name ?? '' };
  if (!stored) return { ...base, change: 'create', changes: [] };
  const fields = changedFields(asset, stored, columns);
  return {
    ...base,
    change: fields.length ? 'update' : 'unchanged',
    changes: fields.map((field) => ({
      field,
      before: shown(field, stored, labels),
      after: shown(field, asset, labels),
    })),
  };
}

/** A shown value in the reader's language. */
export function wordValue(value: ShownValue, locale: Locale): string | null {
  return value === null || typeof value === 'string' ? value : value[locale];
}
