import type { RiskMethodDefinition } from '@mamoru/contracts';

type Scale = RiskMethodDefinition['ciaScale'];

/** How a level of a scale reads: "Medium (2)", or the number alone when unlabelled. */
export function levelLabel(scale: Scale | undefined, level: number | null, lang: 'ja' | 'en') {
  if (level === null) return '—';
  const entry = scale?.[level - 1];
  if (!entry) return String(level);
  return entry.label[lang] ? `${entry.label[lang]} (${entry.value})` : String(entry.value);
}

/**
 * Select options of a scale. Risks store levels (1 = lowest) rather than
 * values, so a later change of a scale's numbers revalues every risk.
 */
export function scaleOptions(scale: Scale | undefined, lang: 'ja' | 'en') {
  return (scale ?? []).map((_, i) => ({
    value: String(i + 1),
    label: levelLabel(scale, i + 1, lang),
  }));
}

/** The scales a risk's likelihood and impact are levels of, for the method in force. */
export function riskScales(method: RiskMethodDefinition | undefined) {
  const matrix = method?.formula.kind === 'likelihood_impact';
  return {
    matrix,
    likelihood: matrix ? method?.likelihoodScale : method?.threatScale,
    vulnerability: method?.vulnerabilityScale,
    impact: matrix ? method?.impactScale : undefined,
  };
}

export const toNumber = (value: string | null) => (value === null ? null : Number(value));
export const toOption = (value: number | null | undefined) =>
  value === null || value === undefined ? null : String(value);
