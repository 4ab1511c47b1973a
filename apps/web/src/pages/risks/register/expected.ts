import type { RiskMethodDefinition } from '@mamoru/contracts';

export interface Planned {
  assetValue: number | null;
  likelihood: number | null;
  vulnerabilityLevel: number | null;
  /** null: the asset value stands for the impact (matrix methods). */
  impact: number | null;
}

/**
 * The residual risk the plan would give, shown while the user edits. It
 * mirrors the formula of the method in force (domain `riskValue`); the value
 * the server stores after saving is the one that counts.
 */
export function expectedRisk(method: RiskMethodDefinition, planned: Planned) {
  const { likelihood, vulnerabilityLevel, assetValue } = planned;
  let value: number | null = null;
  switch (method.formula.kind) {
    case 'multiplicative':
      if (assetValue !== null && likelihood !== null && vulnerabilityLevel !== null)
        value = assetValue * likelihood * vulnerabilityLevel;
      break;
    case 'additive':
      if (assetValue !== null && likelihood !== null && vulnerabilityLevel !== null)
        value = assetValue + likelihood + vulnerabilityLevel;
      break;
    case 'likelihood_impact': {
      const impact = planned.impact ?? assetValue;
      const li = method.likelihoodScale.findIndex((l) => l.value === likelihood);
      const ii = method.impactScale.findIndex((l) => l.value === impact);
      value = li >= 0 && ii >= 0 ? (method.formula.grid[li]?.[ii] ?? null) : null;
      break;
    }
  }
  if (value === null) return null;
  let band = 0;
  method.bands.forEach((b, i) => {
    if (value >= b.min) band = i;
  });
  return {
    value,
    level: { index: band + 1, label: method.bands[band]!.label, color: method.bands[band]!.color },
    evaluation: value <= method.acceptableLevel ? ('accept' as const) : ('treat' as const),
  };
}
