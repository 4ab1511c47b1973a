import type { RiskMethod, Scale } from './method.ts';

/** Starting points an organization picks and then edits; every number stays editable. */
const lmh = (values: [number, number, number]): Scale => [
  { value: values[0], label: { ja: '低', en: 'Low' } },
  { value: values[1], label: { ja: '中', en: 'Medium' } },
  { value: values[2], label: { ja: '高', en: 'High' } },
];

const fiveLevels = (): Scale =>
  [
    ['非常に低い', 'Very low'],
    ['低い', 'Low'],
    ['中程度', 'Medium'],
    ['高い', 'High'],
    ['非常に高い', 'Very high'],
  ].map(([ja, en], i) => ({ value: i + 1, label: { ja: ja!, en: en! } }));

const bands = (low: number, medium: number, high: number) => [
  { min: low, label: { ja: '低', en: 'Low' }, color: '#2f9e44' },
  { min: medium, label: { ja: '中', en: 'Medium' }, color: '#f08c00' },
  { min: high, label: { ja: '高', en: 'High' }, color: '#e03131' },
];

/** Common Japanese practice: asset value (max of C/I/A) × threat × vulnerability, each 1–3, so 1–27. */
export function multiplicativePreset(): RiskMethod {
  return {
    ciaScale: lmh([1, 2, 3]),
    derivation: 'max',
    threatScale: lmh([1, 2, 3]),
    vulnerabilityScale: lmh([1, 2, 3]),
    likelihoodScale: fiveLevels(),
    impactScale: fiveLevels(),
    formula: { kind: 'multiplicative' },
    bands: bands(1, 5, 13),
    acceptableLevel: 4,
  };
}

/**
 * ISO/IEC 27005 Annex E's matrix with predefined values: asset value 0–4, threat
 * likelihood and ease of exploitation Low/Medium/High counted 0/1/2, risk the sum (0–8).
 */
export function additivePreset(): RiskMethod {
  return {
    ciaScale: [0, 1, 2, 3, 4].map((v) => ({ value: v, label: { ja: String(v), en: String(v) } })),
    derivation: 'max',
    threatScale: lmh([0, 1, 2]),
    vulnerabilityScale: lmh([0, 1, 2]),
    likelihoodScale: fiveLevels(),
    impactScale: fiveLevels(),
    formula: { kind: 'additive' },
    bands: bands(0, 3, 6),
    acceptableLevel: 2,
  };
}

/** A 5 × 5 likelihood × impact grid, initially their product; each cell can be edited. */
export function likelihoodImpactPreset(): RiskMethod {
  const grid = [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => l * i));
  return {
    ciaScale: lmh([1, 2, 3]),
    derivation: 'max',
    threatScale: lmh([1, 2, 3]),
    vulnerabilityScale: lmh([1, 2, 3]),
    likelihoodScale: fiveLevels(),
    impactScale: fiveLevels(),
    formula: { kind: 'likelihood_impact', grid },
    bands: bands(1, 5, 12),
    acceptableLevel: 4,
  };
}
