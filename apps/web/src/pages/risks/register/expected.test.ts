import { describe, expect, it } from 'vitest';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import { expectedRisk } from './expected';

const scale = (...values: number[]) =>
  values.map((value) => ({ value, label: { ja: String(value), en: String(value) } }));
const bands = [
  { min: 1, label: { ja: '低', en: 'Low' }, color: '#2f9e44' },
  { min: 5, label: { ja: '中', en: 'Medium' }, color: '#f08c00' },
  { min: 13, label: { ja: '高', en: 'High' }, color: '#e03131' },
];
const multiplicative: RiskMethodDefinition = {
  ciaScale: scale(1, 2, 3),
  derivation: 'max',
  threatScale: scale(1, 2, 3),
  vulnerabilityScale: scale(1, 2, 3),
  likelihoodScale: scale(1, 2, 3),
  impactScale: scale(1, 2, 3),
  formula: { kind: 'multiplicative' },
  bands,
  acceptableLevel: 4,
};

describe('expected residual risk', () => {
  it('multiplies asset value, likelihood and vulnerability and finds the band', () => {
    expect(
      expectedRisk(multiplicative, {
        assetValue: 3,
        likelihood: 3,
        vulnerabilityLevel: 2,
        impact: null,
      }),
    ).toEqual({
      value: 18,
      level: { index: 3, label: bands[2]!.label, color: '#e03131' },
      evaluation: 'treat',
    });
    expect(
      expectedRisk(multiplicative, {
        assetValue: 2,
        likelihood: 1,
        vulnerabilityLevel: 2,
        impact: null,
      })?.evaluation,
    ).toBe('accept');
  });

  it('adds the values of the levels for the Annex E matrix', () => {
    const additive: RiskMethodDefinition = {
      ...multiplicative,
      threatScale: scale(0, 1, 2),
      vulnerabilityScale: scale(0, 1, 2),
      formula: { kind: 'additive' },
    };
    const at = (likelihood: number, vulnerabilityLevel: number) =>
      expectedRisk(additive, { assetValue: 4, likelihood, vulnerabilityLevel, impact: null })
        ?.value;
    expect(at(3, 3)).toBe(8);
    expect(at(1, 2)).toBe(5);
  });

  it('reads the grid by level, the asset value standing in for a missing impact, clamped to the scale', () => {
    const grid: RiskMethodDefinition = {
      ...multiplicative,
      likelihoodScale: scale(1, 2),
      impactScale: scale(1, 2, 3),
      formula: {
        kind: 'likelihood_impact',
        grid: [
          [1, 2, 9],
          [4, 6, 15],
        ],
      },
    };
    const at = (likelihood: number, impact: number | null) =>
      expectedRisk(grid, { assetValue: 3, likelihood, vulnerabilityLevel: null, impact })?.value;
    expect(at(2, 1)).toBe(4);
    expect(at(1, null)).toBe(9);
    expect(at(7, 1)).toBe(4);
  });

  it('gives nothing while a value is missing', () => {
    expect(
      expectedRisk(multiplicative, {
        assetValue: null,
        likelihood: 1,
        vulnerabilityLevel: 1,
        impact: null,
      }),
    ).toBeNull();
  });
});
