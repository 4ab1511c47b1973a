import { describe, expect, it } from 'vitest';
import type { Library } from '@mamoru/catalog';
import { confidenceOf, mappingBetween, newInEdition } from './migration-mapping.ts';

/** Two tiny libraries written for this suite: "old" (3 controls) and "new" (3 controls). */
const text = { ja: 'x', en: 'x' };
const library = (id: string, extra: Partial<Library>): Library => ({
  formatVersion: 1,
  id,
  version: '1',
  name: text,
  source: { title: id },
  requirements: [],
  controlGroups: [],
  terms: [],
  ...extra,
});

const OLD = library('old', {
  mappings: [
    {
      targetLibrary: 'new',
      relations: [
        { source: '1.1', target: 'A', relation: 'equal' },
        { source: '1.2', target: 'B', relation: 'subset', confidence: 0.6 } as never,
      ],
    },
  ],
});
const NEW = library('new', {
  controlGroups: [
    {
      id: 'G',
      displayId: 'G',
      kind: 'domain',
      title: text,
      controls: [
        { id: 'A', displayId: 'A', title: text },
        {
          id: 'C',
          displayId: 'C',
          title: text,
          props: [{ name: 'new-in-edition', value: '2022' }],
        } as never,
      ],
    },
  ],
  mappings: [
    {
      targetLibrary: 'old',
      relations: [{ source: 'B', target: '1.3', relation: 'subset', confidence: 'low' } as never],
    },
  ],
});

describe('the migration mapping', () => {
  it('reads rows in both directions, reversing subset and superset', () => {
    expect(mappingBetween([OLD, NEW], 'old', 'new')).toEqual([
      { source: '1.1', target: 'A', relation: 'equal', confidence: 'high' },
      { source: '1.2', target: 'B', relation: 'subset', confidence: 'medium' },
      { source: '1.3', target: 'B', relation: 'superset', confidence: 'low' },
    ]);
    expect(mappingBetween([OLD, NEW], 'old', 'other')).toEqual([]);
  });

  it('reads confidence as a word, a ratio or a percentage', () => {
    expect(confidenceOf(undefined)).toBe('high');
    expect(confidenceOf(0.9)).toBe('high');
    expect(confidenceOf(55)).toBe('medium');
    expect(confidenceOf(0.2)).toBe('low');
    expect(confidenceOf('Medium')).toBe('medium');
    expect(confidenceOf('unknown')).toBe('low');
  });

  it('finds the controls flagged new in the edition', () => {
    expect([...newInEdition(NEW)]).toEqual(['C']);
    expect(newInEdition(undefined).size).toBe(0);
  });
});
