import { describe, expect, it } from 'vitest';
import { fieldKeyFrom } from './fieldKey';

describe('fieldKeyFrom', () => {
  it('camel-cases the English label', () => {
    expect(fieldKeyFrom({ ja: '訪問日', en: 'Visit date' }, 1, [])).toBe('visitDate');
    expect(fieldKeyFrom({ ja: '', en: 'Café No. 2 (main)' }, 1, [])).toBe('cafeNo2Main');
  });

  it('gives a Japanese-only label a short numbered key', () => {
    expect(fieldKeyFrom({ ja: '訪問者', en: '' }, 3, [])).toBe('field_3');
    expect(fieldKeyFrom({ ja: '訪問者', en: '2nd' }, 3, [])).toBe('field_3');
  });

  it('keeps keys unique within the type and valid for the server', () => {
    expect(fieldKeyFrom({ ja: '', en: 'Visitor' }, 2, ['visitor'])).toBe('visitor_2');
    expect(fieldKeyFrom({ ja: 'x', en: '' }, 1, ['field_1', 'field_1_2'])).toBe('field_1_3');
    const long = fieldKeyFrom({ ja: '', en: 'word '.repeat(40) }, 1, []);
    expect(long).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
    expect(fieldKeyFrom({ ja: '', en: 'word '.repeat(40) }, 1, [long])).toMatch(/_2$/);
  });
});
