import type { AssetCategory, AssetStatus, Locale } from '@mamoru/contracts';
import {
  ASSET_COLUMNS,
  categoryByLabel,
  columnByHeader,
  normalizeHeader,
  statusByLabel,
  type AssetColumn,
  type AssetColumnKey,
} from './columns.ts';
import {
  CIA_PROPERTIES,
  DEFAULT_CIA_SCALE,
  deriveAssetValue,
  onScale,
  type CiaScale,
} from './values.ts';

/** A problem of one cell or row of an import file; `params` fill the message. */
export interface RowProblem {
  row: number;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** Which column of the file is which field (null: a column the import ignores). */
export interface HeaderLayout {
  columns: (AssetColumn | null)[];
  present: ReadonlySet<AssetColumnKey>;
  /** The language most of the header is written in (for messages naming columns). */
  locale: Locale;
}

/**
 * Reads the header row. Unknown and repeated columns are problems (a typo must
 * not silently drop data); so is a missing required column, and C, I and A
 * must come together so the asset value can be derived from the row.
 */
export function readHeader(cells: readonly string[]): {
  layout: HeaderLayout;
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const columns: (AssetColumn | null)[] = [];
  const present = new Set<AssetColumnKey>();
  let ja = 0;
  let en = 0;
  cells.forEach((raw) => {
    const name = raw.trim();
    if (!name) {
      columns.push(null);
      return;
    }
    const column = columnByHeader(name);
    if (!column) {
      problems.push({ row: 1, column: name, code: 'column_unknown' });
      columns.push(null);
      return;
    }
    if (present.has(column.key)) {
      problems.push({ row: 1, column: name, code: 'column_duplicate' });
      columns.push(null);
      return;
    }
    if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(name)) ja += 1;
    else en += 1;
    present.add(column.key);
    columns.push(column.exportOnly ? null : column);
  });
  const locale: Locale = ja > en ? 'ja' : 'en';
  const ciaGiven = CIA_PROPERTIES.filter((p) => present.has(p));
  for (const c of ASSET_COLUMNS) {
    const missing =
      (c.required && !present.has(c.key)) ||
      (ciaGiven.length > 0 &&
        (CIA_PROPERTIES as readonly string[]).includes(c.key) &&
        !present.has(c.key));
    if (missing) problems.push({ row: 1, column: c.header[locale], code: 'column_missing' });
  }
  return { layout: { columns, present, locale }, problems };
}

/** What the organization's records resolve cells against (loaded once per import). */
export interface ImportReferences {
  /** Lower-cased email → user id. */
  userByEmail: ReadonlyMap<string, string>;
  unitByCode: ReadonlyMap<string, string>;
  locationByCode: ReadonlyMap<string, string>;
  /** normalizeHeader(code or either name) → level id. */
  classificationByKey: ReadonlyMap<string, string>;
  ciaScale?: CiaScale;
}

/** The values of one row, as columns of the assets table; absent columns stay undefined. */
export interface ImportedAsset {
  code: string;
  name?: string;
  category?: AssetCategory;
  description?: string;
  ownerUserId?: string | null;
  ownerUnitId?: string | null;
  custodianUserId?: string | null;
  custodianUnitId?: string | null;
  orgUnitId?: string | null;
  locationId?: string | null;
  classificationId?: string | null;
  confidentiality?: number | null;
  integrity?: number | null;
  availability?: number | null;
  value?: number | null;
  businessProcess?: string;
  status?: AssetStatus;
  nextReviewDate?: string | null;
  tags?: string[];
}

const FORMULA_ESCAPE = /^'[=+\-@\t\r]/;

/** A cell as written; our own exports' anti-formula apostrophe is taken off again. */
export function cellText(raw: string | undefined) {
  const text = (raw ?? '').trim();
  return FORMULA_ESCAPE.test(text) ? text.slice(1) : text;
}

const LIMITS: Partial<Record<AssetColumnKey, number>> = {
  code: 64,
  name: 200,
  description: 4000,
  businessProcess: 500,
};
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

/** YYYY-MM-DD or YYYY/M/D, a real calendar date; returns the ISO form. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.normalize('NFKC'));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

export function splitTags(text: string) {
  return [
    ...new Set(
      text
        .split(/[;；、,，\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Validates one data row against the header layout and the organization's
 * records. Pure: the caller loads the references and checks codes across rows.
 */
export function readAssetRow(
  row: number,
  cells: readonly string[],
  layout: HeaderLayout,
  refs: ImportReferences,
): { asset: ImportedAsset | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const out: Partial<ImportedAsset> = {};
  const fail = (column: AssetColumn, code: string, params?: Record<string, string | number>) =>
    problems.push({
      row,
      column: column.header[layout.locale],
      code,
      ...(params ? { params } : {}),
    });
  const scale = refs.ciaScale ?? DEFAULT_CIA_SCALE;

  const party = (column: AssetColumn, text: string) => {
    if (text.includes('@')) {
      const id = refs.userByEmail.get(text.toLowerCase());
      if (id) return { userId: id, unitId: null };
    } else {
      const id = refs.unitByCode.get(text);
      if (id) return { userId: null, unitId: id };
    }
    fail(column, 'reference_unknown', { value: text });
    return undefined;
  };

  layout.columns.forEach((column, index) => {
    if (!column) return;
    const text = cellText(cells[index]);
    const max = LIMITS[column.key];
    if (max !== undefined && text.length > max) {
      fail(column, 'value_too_long', { max });
      return;
    }
    if (!text && column.required) {
      fail(column, 'value_required');
      return;
    }
    switch (column.key) {
      case 'code':
      case 'name':
      case 'description':
      case 'businessProcess':
        out[column.key] = text;
        break;
      case 'category': {
        const category = categoryByLabel.get(normalizeHeader(text));
        if (category) out.category = category;
        else fail(column, 'value_invalid', { value: text });
        break;
      }
      case 'status': {
        if (!text) {
          out.status = 'in_use';
          break;
        }
        const status = statusByLabel.get(normalizeHeader(text));
        if (status) out.status = status;
        else fail(column, 'value_invalid', { value: text });
        break;
      }
      case 'owner': {
        const p = party(column, text);
        if (p) {
          out.ownerUserId = p.userId;
          out.ownerUnitId = p.unitId;
        }
        break;
      }
      case 'custodian': {
        if (!text) {
          out.custodianUserId = null;
          out.custodianUnitId = null;
          break;
        }
        const p = party(column, text);
        if (p) {
          out.custodianUserId = p.userId;
          out.custodianUnitId = p.unitId;
        }
        break;
      }
      case 'orgUnit':
      case 'location':
      case 'classification': {
        const field = {
          orgUnit: 'orgUnitId',
          location: 'locationId',
          classification: 'classificationId',
        } as const;
        if (!text) {
          out[field[column.key]] = null;
          break;
        }
        const id =
          column.key === 'orgUnit'
            ? refs.unitByCode.get(text)
            : column.key === 'location'
              ? refs.locationByCode.get(text)
              : refs.classificationByKey.get(normalizeHeader(text));
        if (id) out[field[column.key]] = id;
        else fail(column, 'reference_unknown', { value: text });
        break;
      }
      case 'confidentiality':
      case 'integrity':
      case 'availability': {
        if (!text) {
          out[column.key] = null;
          break;
        }
        const n = Number(text.normalize('NFKC'));
        if (onScale(n, scale)) out[column.key] = n;
        else fail(column, 'cia_out_of_range', { min: scale.min, max: scale.max });
        break;
      }
      case 'nextReviewDate': {
        if (!text) {
          out.nextReviewDate = null;
          break;
        }
        const date = parseDate(text);
        if (date) out.nextReviewDate = date;
        else fail(column, 'date_invalid', { value: text });
        break;
      }
      case 'tags': {
        const tags = splitTags(text);
        if (tags.length > MAX_TAGS || tags.some((t) => t.length > MAX_TAG_LENGTH)) {
          fail(column, 'tags_invalid', { max: MAX_TAGS, length: MAX_TAG_LENGTH });
        } else out.tags = tags;
        break;
      }
      case 'value':
        break;
    }
  });
  // The template gives C, I and A together (the asset value is derived from all
  // three): a row with some set and some blank is refused at each blank cell.
  const ciaCells = layout.columns.flatMap((column, index) =>
    column && (CIA_PROPERTIES as readonly string[]).includes(column.key)
      ? [{ column, text: cellText(cells[index]) }]
      : [],
  );
  if (ciaCells.some((c) => c.text)) {
    for (const c of ciaCells) if (!c.text) fail(c.column, 'cia_incomplete');
  }
  if (problems.length > 0 || out.code === undefined) return { asset: null, problems };
  if (layout.present.has('confidentiality')) {
    out.value = deriveAssetValue({
      confidentiality: out.confidentiality ?? null,
      integrity: out.integrity ?? null,
      availability: out.availability ?? null,
    });
  }
  return { asset: out as ImportedAsset, problems };
}

/** Whether a row has no content at all (trailing empty lines of a spreadsheet). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => !c || !c.trim());
