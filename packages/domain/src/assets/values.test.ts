import { describe, expect, it } from 'vitest';
import { DEFAULT_CIA_SCALE, ciaChanged, ciaProblems, deriveAssetValue, onScale } from './values.ts';

describe('asset value', () => {
  it('is the highest of C, I and A by default', () => {
    expect(deriveAssetValue({ confidentiality: 1, integrity: 3, availability: 2 })).toBe(3);
    expect(deriveAssetValue({ confidentiality: 2, integrity: 2, availability: 2 })).toBe(2);
  });

  it('ignores unrated properties and is null when none is rated', () => {
    expect(deriveAssetValue({ confidentiality: null, integrity: 2, availability: null })).toBe(2);
    expect(deriveAssetValue({ confidentiality: null, integrity: null, availability: null })).toBe(
      null,
    );
  });

  it('can add the properties up instead', () => {
    expect(deriveAssetValue({ confidentiality: 1, integrity: 3, availability: 2 }, 'sum')).toBe(6);
  });
});

describe('the C/I/A scale', () => {
  it('is 1–3 by default', () => {
    expect(DEFAULT_CIA_SCALE).toEqual({ min: 1, max: 3 });
    expect([0, 1, 2, 3, 4, 1.5].map((v) => onScale(v))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('reports each value off the scale by field, and accepts null', () => {
    expect(ciaProblems({ confidentiality: 4, integrity: null, availability: 0 })).toEqual([
      { field: 'confidentiality', code: 'cia_out_of_range', params: { min: 1, max: 3 } },
      { field: 'availability', code: 'cia_out_of_range', params: { min: 1, max: 3 } },
    ]);
    expect(ciaProblems({ confidentiality: 5 }, { min: 1, max: 5 })).toEqual([]);
  });
});

describe('ciaChanged', () => {
  const base = { confidentiality: 2, integrity: 1, availability: null };
  it('is false for the same values', () => {
    expect(ciaChanged(base, { ...base })).toBe(false);
  });
  it('sees a change of any property, including to or from "not rated"', () => {
    expect(ciaChanged(base, { ...base, integrity: 3 })).toBe(true);
    expect(ciaChanged(base, { ...base, availability: 1 })).toBe(true);
    expect(ciaChanged(base, { ...base, confidentiality: null })).toBe(true);
  });
});
