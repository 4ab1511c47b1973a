import { describe, expect, it } from 'vitest';
import {
  assetValue,
  evaluate,
  methodProblems,
  previewMatrix,
  riskBand,
  riskValue,
  type RiskMethod,
} from './method.ts';
import { additivePreset, likelihoodImpactPreset, multiplicativePreset } from './presets.ts';

describe('ISO/IEC 27005 Annex E additive matrix', () => {
  // Rows: asset value 0–4. Columns: threat Low/Medium/High, each with ease Low/Medium/High.
  const annexE = [
    [0, 1, 2, 1, 2, 3, 2, 3, 4],
    [1, 2, 3, 2, 3, 4, 3, 4, 5],
    [2, 3, 4, 3, 4, 5, 4, 5, 6],
    [3, 4, 5, 4, 5, 6, 5, 6, 7],
    [4, 5, 6, 5, 6, 7, 6, 7, 8],
  ];
  it('reproduces the matrix cell for cell', () => {
    const preview = previewMatrix(additivePreset());
    expect(preview.rows.map((r) => r.value)).toEqual([0, 1, 2, 3, 4]);
    expect(preview.cells.map((row) => row.map((c) => c.value))).toEqual(annexE);
  });
  it('is a valid method', () => {
    expect(methodProblems(additivePreset())).toEqual([]);
  });
});

describe('Japanese multiplicative method', () => {
  const m = multiplicativePreset();
  it('spans 1–27 over three 1–3 scales', () => {
    const all = previewMatrix(m)
      .cells.flat()
      .map((c) => c.value);
    expect(Math.min(...all)).toBe(1);
    expect(Math.max(...all)).toBe(27);
    expect(riskValue(m, { assetValue: 3, threat: 2, vulnerability: 2 })).toBe(12);
  });
  it('derives asset value as the maximum of C, I and A', () => {
    expect(assetValue(m, { confidentiality: 3, integrity: 1, availability: 2 })).toBe(3);
  });
  it('accepts at or below the acceptable level and treats above it', () => {
    expect(evaluate(m, 4)).toBe('accept');
    expect(evaluate(m, 5)).toBe('treat');
  });
  it('puts values into bands by their lower bounds', () => {
    expect(riskBand(m, 4).label.en).toBe('Low');
    expect(riskBand(m, 12).label.en).toBe('Medium');
    expect(riskBand(m, 27).label.en).toBe('High');
  });
});

describe('asset value derivations', () => {
  const cia = { confidentiality: 3, integrity: 1, availability: 2 };
  it('sums the three properties', () => {
    expect(assetValue({ ...multiplicativePreset(), derivation: 'sum' }, cia)).toBe(6);
  });
  it('scores only the properties a threat affects', () => {
    const m: RiskMethod = { ...multiplicativePreset(), derivation: 'per_property' };
    expect(assetValue(m, cia, ['availability'])).toBe(2);
    expect(assetValue(m, cia, ['integrity', 'availability'])).toBe(2);
    expect(assetValue(m, cia, ['confidentiality'])).toBe(3);
  });
});

describe('likelihood × impact grid', () => {
  it('reads the edited cell', () => {
    const m = likelihoodImpactPreset();
    if (m.formula.kind !== 'likelihood_impact') throw new Error('preset changed');
    m.formula.grid[4]![0] = 9;
    expect(
      riskValue(m, { assetValue: 0, threat: 0, vulnerability: 0, likelihood: 5, impact: 1 }),
    ).toBe(9);
    expect(() =>
      riskValue(m, { assetValue: 0, threat: 0, vulnerability: 0, likelihood: 6, impact: 1 }),
    ).toThrow(RangeError);
  });
});

describe('methodProblems', () => {
  it('names a grid of the wrong shape', () => {
    const m: RiskMethod = {
      ...likelihoodImpactPreset(),
      formula: { kind: 'likelihood_impact', grid: [[1]] },
    };
    expect(methodProblems(m).map((p) => p.field)).toContain('formula.grid');
  });
  it('names an acceptable level the method cannot produce, and unordered scales', () => {
    const m: RiskMethod = { ...multiplicativePreset(), acceptableLevel: 40 };
    expect(methodProblems(m)).toEqual([
      { field: 'acceptableLevel', code: 'acceptable_out_of_range' },
    ]);
    const unordered: RiskMethod = {
      ...multiplicativePreset(),
      threatScale: [...multiplicativePreset().threatScale].reverse(),
    };
    expect(methodProblems(unordered).map((p) => p.code)).toContain('scale_not_ascending');
  });
});
