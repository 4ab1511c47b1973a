import type { Locale } from '@mamoru/contracts';
import type { AssetView } from '@mamoru/db/repositories/assets';
import { ASSET_COLUMNS, CATEGORY_LABELS, STATUS_LABELS, type AssetColumn } from './columns.ts';
import type { AssetCategory, AssetStatus } from '@mamoru/contracts';

/**
 * The register as a file: exports write every column, templates the
 * importable ones. Cells are what an import reads back: owners by email or
 * unit code, references by code, enumerations by label in the file's language.
 */
export const exportColumns = (): readonly AssetColumn[] => ASSET_COLUMNS;
export const templateColumns = (): readonly AssetColumn[] =>
  ASSET_COLUMNS.filter((c) => !c.exportOnly);

export const headerRow = (columns: readonly AssetColumn[], locale: Locale) =>
  columns.map((c) => c.header[locale]);

export type Cell = string | number | null;

function party(userEmail: string | null, unitCode: string | null) {
  return userEmail ?? unitCode ?? null;
}

export function exportCells(a: AssetView, locale: Locale): Cell[] {
  const values: Record<string, Cell> = {
    code: a.code,
    name: a.name,
    category: CATEGORY_LABELS[a.category as AssetCategory]?.[locale] ?? a.category,
    description: a.description,
    owner: party(a.ownerUserEmail, a.ownerUnitCode),
    custodian: party(a.custodianUserEmail, a.custodianUnitCode),
    orgUnit: a.orgUnitCode,
    location: a.locationCode,
    // The level's name in the file's language; imports take a name as well as a code.
    classification:
      (locale === 'ja' ? a.classificationNameJa : a.classificationNameEn) || a.classificationCode,
    confidentiality: a.confidentiality,
    integrity: a.integrity,
    availability: a.availability,
    value: a.value,
    businessProcess: a.businessProcess,
    status: STATUS_LABELS[a.status as AssetStatus]?.[locale] ?? a.status,
    nextReviewDate: a.nextReviewDate,
    tags: a.tags.join('; '),
  };
  return ASSET_COLUMNS.map((c) => values[c.key] ?? null);
}

/** The template's notes: each column, whether it is required, and what it holds. */
export function templateNotes(locale: Locale) {
  const yes = locale === 'ja' ? '必須' : 'required';
  return templateColumns().map((c) => [c.header[locale], c.required ? yes : '', c.hint[locale]]);
}
