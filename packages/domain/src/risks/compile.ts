import type { CompiledMethod } from '@mamoru/db/repositories/risks-compute';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import type { RiskMethod } from './method.ts';

/**
 * The method as the database computes it: scales become ascending value
 * arrays, the grid a flat array, bands their minimums. The SQL in
 * repositories/risks-compute.ts indexes into these, so a method change is one
 * UPDATE of the register with a handful of parameters.
 */
export function compileMethod(method: RiskMethod): CompiledMethod {
  const values = (s: RiskMethod['ciaScale']) => s.map((l) => l.value);
  return {
    derivation: method.derivation,
    formula: method.formula.kind,
    threatValues: values(method.threatScale),
    vulnerabilityValues: values(method.vulnerabilityScale),
    likelihoodValues: values(method.likelihoodScale),
    impactValues: values(method.impactScale),
    grid: method.formula.kind === 'likelihood_impact' ? method.formula.grid.flat() : [],
    ciaMin: Math.min(...values(method.ciaScale)),
    bandMins: method.bands.map((b) => b.min),
    acceptableLevel: method.acceptableLevel,
  };
}

/** A stored definition (jsonb) as the domain's RiskMethod. */
export function methodOf(definition: unknown): RiskMethod {
  return definition as RiskMethodDefinition as RiskMethod;
}

/** The middle level (1-based) of a scale: the default for levels a rule cannot tell. */
export function middleOf(scale: RiskMethod['threatScale']): number {
  return Math.floor((scale.length - 1) / 2) + 1;
}
