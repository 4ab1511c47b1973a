import { describe, expect, it } from 'vitest';
import type { RecordField } from '@mamoru/contracts';
import { isIsoDate, validateEntries } from './entries.ts';

const field = (key: string, kind: RecordField['kind'], extra: Partial<RecordField> = {}) => ({
  key,
  label: { ja: key, en: key },
  kind,
  required: false,
  options: [],
  ...extra,
});

const visitorLog: RecordField[] = [
  field('visitor', 'text', { required: true }),
  field('visitDate', 'date', { required: true }),
  field('badges', 'number'),
  field('escorted', 'boolean'),
  field('area', 'select', { options: ['server_room', 'office'] }),
];

describe('validateEntries', () => {
  it('takes free-form entries as they are when the type defines no fields', () => {
    expect(validateEntries([], { 確認者: '山田' })).toEqual({
      entries: { 確認者: '山田' },
      errors: [],
    });
  });

  it('accepts values of the right kind and stores them in a canonical form', () => {
    const result = validateEntries(visitorLog, {
      visitor: ' Aiko Sato ',
      visitDate: '2026-02-28',
      badges: ' 02.50 ',
      escorted: 'true',
      area: 'office',
    });
    expect(result.errors).toEqual([]);
    expect(result.entries).toEqual({
      visitor: ' Aiko Sato ',
      visitDate: '2026-02-28',
      badges: '2.5',
      escorted: 'true',
      area: 'office',
    });
  });

  it('names each missing required field and leaves empty optional fields out', () => {
    const result = validateEntries(visitorLog, { visitor: '  ', badges: '' });
    expect(result.errors).toEqual([
      { field: 'entries.visitor', code: 'field_required' },
      { field: 'entries.visitDate', code: 'field_required' },
    ]);
    expect(result.entries).toEqual({});
  });

  it('refuses a value of the wrong kind, naming the field and the value', () => {
    const result = validateEntries(visitorLog, {
      visitor: 'Aiko',
      visitDate: '2026-02-30',
      badges: 'three',
      escorted: 'yes',
      area: 'roof',
    });
    expect(result.errors).toEqual([
      { field: 'entries.visitDate', code: 'date_invalid', params: { value: '2026-02-30' } },
      { field: 'entries.badges', code: 'number_invalid', params: { value: 'three' } },
      { field: 'entries.escorted', code: 'boolean_invalid', params: { value: 'yes' } },
      { field: 'entries.area', code: 'value_invalid', params: { value: 'roof' } },
    ]);
  });

  it('refuses numbers that are not finite decimals', () => {
    for (const value of ['1e999', '0x10', 'NaN', '1,5', 'Infinity']) {
      const { errors } = validateEntries([field('n', 'number')], { n: value });
      expect(errors, value).toEqual([
        { field: 'entries.n', code: 'number_invalid', params: { value } },
      ]);
    }
    expect(validateEntries([field('n', 'number')], { n: '-1e3' }).entries).toEqual({ n: '-1000' });
  });

  it('refuses a key the type does not define', () => {
    const result = validateEntries(visitorLog, {
      visitor: 'Aiko',
      visitDate: '2026-01-05',
      colour: 'red',
    });
    expect(result.errors).toEqual([
      { field: 'entries.colour', code: 'entry_field_unknown', params: { value: 'colour' } },
    ]);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });
});
