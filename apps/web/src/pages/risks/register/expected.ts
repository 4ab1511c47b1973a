import type { RiskMethodDefinition } from '@mamoru/contracts';

/** Levels (1 = lowest) as risks store them, and the asset value the method derived. */
export interface Planned {
  assetValue: number | null;
  likelihood: number | null;
  vulnerabilityLevel: number | null;
  /** null: the asset value stands for the impact level (matrix methods). */
  impact: number | null;
}

/** A level as a 0-based index into a scale of `size` levels, clamped as the database does. */
const indexOf = (level: number, size: number) => Math.min(Math.max(level, 1), size) - 1;

/**
 * The residual risk the plan would give, shown while the user edits. It
 * mirrors the SQL that values the register (db repositories/risks-compute.ts);
 * the value the server stores after saving is the one that counts.
 */
export function expectedRisk(method: RiskMethodDefinition, planned: Planned) {
  const { likelihood, vulnerabilityLevel, assetValue } = planned;
  let value: number | null = null;
  if (method.formula.kind === 'likelihood_impact') {
    const impact = planned.impact ?? assetValue;
    if (likelihood !== null && impact !== null) {
      const li = indexOf(likelihood, method.likelihoodScale.length);
      const ii = indexOf(impact, method.impactScale.length);
      value = method.formula.grid[li]?.[ii] ?? null;
    }
  } else if (assetValue !== null && likelihood !== null && vulnerabilityLevel !== null) {
    const t = method.threatScale[indexOf(likelihood, method.threatScale.length)]!.value;
    const v =
      method.vulnerabilityScale[indexOf(vulnerabilityLevel, method.vulnerabilityScale.length)]!
        .value;
    value = method.formula.kind === 'multiplicative' ? assetValue * t * v : assetValue + t + v;
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
