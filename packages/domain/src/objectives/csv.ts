/**
 * Measurements from a CSV file (measured_on, value, note; header in Japanese
 * or English, in any order): pure parsing and checking, so a file is taken
 * whole or not at all, with one error per faulty cell.
 */

export interface CsvMeasurement {
  measuredOn: string;
  value: number;
  note: string;
}
export interface CsvRowError {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  column: string;
  code: string;
}

export const MEASUREMENT_CSV_MAX_ROWS = 2000;

const HEADERS: Record<string, 'measuredOn' | 'value' | 'note'> = {
  measured_on: 'measuredOn',
  date: 'measuredOn',
  測定日: 'measuredOn',
  value: 'value',
  値: 'value',
  測定値: 'value',
  note: 'note',
  備考: 'note',
};

/** RFC 4180 fields: quotes, doubled quotes, CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function isoDate(text: string) {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The measurements of the file, or the errors that refuse it (then nothing is kept). */
export function readMeasurementsCsv(
  text: string,
  latestDay: string,
): { rows: CsvMeasurement[]; errors: CsvRowError[] } {
  const [header, ...lines] = parseCsv(text);
  if (!header) return { rows: [], errors: [{ row: 1, column: '', code: 'csv_empty' }] };
  const columns = header.map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  const errors: CsvRowError[] = [];
  for (const needed of ['measuredOn', 'value'] as const) {
    if (!columns.includes(needed))
      errors.push({ row: 1, column: needed, code: 'csv_column_missing' });
  }
  if (lines.length > MEASUREMENT_CSV_MAX_ROWS) {
    errors.push({ row: MEASUREMENT_CSV_MAX_ROWS + 2, column: '', code: 'csv_too_many_rows' });
  }
  if (errors.length) return { rows: [], errors };
  const rows: CsvMeasurement[] = [];
  lines.forEach((cells, i) => {
    const line = i + 2;
    const cell = (key: string) => cells[columns.indexOf(key as never)]?.trim() ?? '';
    const measuredOn = isoDate(cell('measuredOn'));
    const valueText = cell('value').replace(/,/g, '');
    const value = valueText === '' ? NaN : Number(valueText);
    if (!measuredOn) errors.push({ row: line, column: 'measuredOn', code: 'csv_date_invalid' });
    else if (measuredOn > latestDay) {
      errors.push({ row: line, column: 'measuredOn', code: 'objective_measurement_future' });
    }
    if (!Number.isFinite(value))
      errors.push({ row: line, column: 'value', code: 'csv_number_invalid' });
    const note = columns.includes('note') ? cell('note').slice(0, 2000) : '';
    if (measuredOn && Number.isFinite(value)) rows.push({ measuredOn, value, note });
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}
