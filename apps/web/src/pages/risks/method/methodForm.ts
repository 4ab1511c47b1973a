import type { RiskMethodDefinition } from '@mamoru/contracts';

type Scale = RiskMethodDefinition['ciaScale'];
type Formula = RiskMethodDefinition['formula'];

export const SCALE_KEYS = [
  'ciaScale',
  'threatScale',
  'vulnerabilityScale',
  'likelihoodScale',
  'impactScale',
] as const;
export type ScaleKey = (typeof SCALE_KEYS)[number];

/** The scales a formula reads; the others are kept but play no part in the risk value. */
export function scalesUsedBy(kind: Formula['kind']): readonly ScaleKey[] {
  return kind === 'likelihood_impact'
    ? ['likelihoodScale', 'impactScale']
    : ['ciaScale', 'threatScale', 'vulnerabilityScale'];
}

/**
 * The grid resized to the likelihood × impact scales: existing cells keep
 * their numbers, new cells start as likelihood value × impact value.
 */
export function reshapeGrid(
  grid: readonly (readonly number[])[],
  likelihood: Scale,
  impact: Scale,
): number[][] {
  return likelihood.map((l, li) =>
    impact.map((i, ii) => grid[li]?.[ii] ?? Math.max(0, l.value * i.value)),
  );
}

/** Switches the formula; the grid is made to fit the scales when the grid formula is chosen. */
export function withFormula(
  definition: RiskMethodDefinition,
  kind: Formula['kind'],
): RiskMethodDefinition {
  if (kind !== 'likelihood_impact') return { ...definition, formula: { kind } };
  const previous = definition.formula.kind === 'likelihood_impact' ? definition.formula.grid : [];
  return {
    ...definition,
    formula: {
      kind,
      grid: reshapeGrid(previous, definition.likelihoodScale, definition.impactScale),
    },
  };
}

/** Replaces a scale and, for the grid's axes, keeps the grid the right shape. */
export function withScale(
  definition: RiskMethodDefinition,
  key: ScaleKey,
  scale: Scale,
): RiskMethodDefinition {
  const next = { ...definition, [key]: scale };
  if (next.formula.kind === 'likelihood_impact') {
    next.formula = {
      kind: 'likelihood_impact',
      grid: reshapeGrid(next.formula.grid, next.likelihoodScale, next.impactScale),
    };
  }
  return next;
}

/** A new level one above the highest value, labelled by its number until the user names it. */
export function nextLevel(scale: Scale) {
  const value = scale.length ? Math.max(...scale.map((l) => l.value)) + 1 : 1;
  return { value, label: { ja: String(value), en: String(value) } };
}

function luminance(hex: string) {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the band colour (WCAG relative luminance). */
export function textColorOn(background: string) {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
  const l = luminance(background);
  const withBlack = (l + 0.05) / 0.05;
  const withWhite = 1.05 / (l + 0.05);
  return withBlack >= withWhite ? '#000000' : '#ffffff';
}
