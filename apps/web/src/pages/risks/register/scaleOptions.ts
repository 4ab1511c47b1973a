import type { RiskMethodDefinition } from '@mamoru/contracts';

type Scale = RiskMethodDefinition['ciaScale'];

/** Select options of a scale: "2 · Medium". */
export function scaleOptions(scale: Scale | undefined, lang: 'ja' | 'en') {
  return (scale ?? []).map((level) => ({
    value: String(level.value),
    label: level.label[lang] ? `${level.value} · ${level.label[lang]}` : String(level.value),
  }));
}

/** The scales a risk's likelihood and impact are read on, for the method in force. */
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
