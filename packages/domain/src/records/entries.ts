import type { RecordField } from '@mamoru/contracts';
import type { FieldError } from '../errors.ts';

/**
 * Structured entries of a record checked against its type's field
 * definitions (4.3.3). Entries are text: a number in decimal notation, a date
 * as YYYY-MM-DD, a boolean as 'true' or 'false', a select value as one of
 * its options. A type without fields takes free-form entries as they are.
 */

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(value: string) {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The stored form of one value, or the error code and params when it does not fit. */
function checkValue(
  field: RecordField,
  value: string,
): { value: string } | { code: string; params: Record<string, string> } {
  const trimmed = value.trim();
  switch (field.kind) {
    case 'text':
      return { value };
    case 'number':
      return NUMBER.test(trimmed) && Number.isFinite(Number(trimmed))
        ? { value: String(Number(trimmed)) }
        : { code: 'number_invalid', params: { value } };
    case 'date':
      return isIsoDate(trimmed) ? { value: trimmed } : { code: 'date_invalid', params: { value } };
    case 'boolean':
      return trimmed === 'true' || trimmed === 'false'
        ? { value: trimmed }
        : { code: 'boolean_invalid', params: { value } };
    case 'select':
      return field.options.includes(trimmed)
        ? { value: trimmed }
        : { code: 'value_invalid', params: { value } };
  }
}

/**
 * The entries to store and one error per field that does not fit, named
 * `entries.<key>`: a required field left empty, a value of the wrong kind, or
 * a key the type does not define. Empty optional fields are left out.
 */
export function validateEntries(
  fields: RecordField[],
  entries: Record<string, string>,
): { entries: Record<string, string>; errors: FieldError[] } {
  if (fields.length === 0) return { entries, errors: [] };
  const result: Record<string, string> = {};
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(entries)) {
    if (!known.has(key)) {
      errors.push({ field: `entries.${key}`, code: 'entry_field_unknown', params: { value: key } });
    }
  }
  for (const field of fields) {
    const raw = entries[field.key];
    if (raw === undefined || raw.trim() === '') {
      if (field.required) errors.push({ field: `entries.${field.key}`, code: 'field_required' });
      continue;
    }
    const checked = checkValue(field, raw);
    if ('value' in checked) result[field.key] = checked.value;
    else errors.push({ field: `entries.${field.key}`, ...checked });
  }
  return { entries: result, errors };
}
