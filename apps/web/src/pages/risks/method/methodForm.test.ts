import { describe, expect, it } from 'vitest';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import { nextLevel, reshapeGrid, textColorOn, withFormula, withScale } from './methodForm';

const level = (value: number) => ({ value, label: { ja: String(value), en: String(value) } });
const lmh = [level(1), level(2), level(3)];

const definition: RiskMethodDefinition = {
  ciaScale: lmh,
  derivation: 'max',
  threatScale: lmh,
  vulnerabilityScale: lmh,
  likelihoodScale: lmh,
  impactScale: [level(1), level(2)],
  formula: { kind: 'multiplicative' },
  bands: [{ min: 1, label: { ja: '低', en: 'Low' }, color: '#2f9e44' }],
  acceptableLevel: 4,
};

describe('risk method form helpers', () => {
  it('keeps existing grid cells and fills new ones with likelihood × impact', () => {
    expect(reshapeGrid([[9]], lmh, [level(1), level(2)])).toEqual([
      [9, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(reshapeGrid([[1, 2, 3, 4]], [level(1)], [level(1), level(5)])).toEqual([[1, 2]]);
  });

  it('gives the grid formula a grid of the scales’ shape and drops it otherwise', () => {
    const grid = withFormula(definition, 'likelihood_impact');
    expect(grid.formula).toEqual({
      kind: 'likelihood_impact',
      grid: [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
    });
    expect(withFormula(grid, 'additive').formula).toEqual({ kind: 'additive' });
  });

  it('reshapes the grid when an axis scale grows', () => {
    const grid = withFormula(definition, 'likelihood_impact');
    const next = withScale(grid, 'impactScale', [level(1), level(2), level(4)]);
    expect(next.formula.kind === 'likelihood_impact' && next.formula.grid[2]).toEqual([3, 6, 12]);
    expect(withScale(definition, 'threatScale', [level(0), level(1)]).formula).toEqual({
      kind: 'multiplicative',
    });
  });

  it('adds a level above the highest value', () => {
    expect(nextLevel(lmh)).toEqual(level(4));
    expect(nextLevel([])).toEqual(level(1));
  });

  it('picks the text colour that contrasts more with a band colour', () => {
    expect(textColorOn('#e03131')).toBe('#000000');
    expect(textColorOn('#1c3d5a')).toBe('#ffffff');
    expect(textColorOn('#ffd43b')).toBe('#000000');
    expect(textColorOn('not a colour')).toBe('#000000');
  });
});
