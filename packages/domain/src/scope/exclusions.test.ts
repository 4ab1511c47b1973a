import { describe, expect, it } from 'vitest';
import { exclusionProblems, isClauseReference, type ExclusionInput } from './exclusions.ts';

const annex = new Set(['4.1.1', '5.2.1', '8.5.1', '10.3.2']);
const person = '00000000-0000-4000-8000-000000000001';
const ok = (id: string, over: Partial<ExclusionInput> = {}): ExclusionInput => ({
  namespace: 'control',
  id,
  reason: 'No development is done in house.',
  riskAcceptedBy: person,
  ...over,
});

describe('exclusions of annex controls', () => {
  it('accepts an annex control with a reason and an accepted risk', () => {
    expect(exclusionProblems([ok('10.3.2'), ok('8.5.1')], annex)).toEqual([]);
  });

  it('accepts annex controls whose numbers look like clauses (annex domains 4–7)', () => {
    // Annex 4.1.1 (security organization) and 5.2.1 (classification) are controls, not clauses.
    expect(exclusionProblems([ok('4.1.1'), ok('5.2.1')], annex)).toEqual([]);
  });

  it('never excludes a requirement of clauses 第4–第7', () => {
    for (const item of [
      ok('4.2.1', { namespace: 'requirement' }),
      ok('7.2', { namespace: 'requirement' }),
      ok('第5 2.(1)'),
      ok('第４'),
    ]) {
      expect(isClauseReference(item)).toBe(true);
      expect(exclusionProblems([item], annex)).toEqual([
        {
          field: 'exclusions.0.id',
          code: 'exclusion_clause_not_excludable',
          params: { id: item.id },
        },
      ]);
    }
  });

  it('needs a reason and the accountable person who accepted the risk', () => {
    expect(
      exclusionProblems(
        [ok('8.5.1', { reason: '  ' }), ok('10.3.2', { riskAcceptedBy: null })],
        annex,
      ),
    ).toEqual([
      { field: 'exclusions.0.reason', code: 'exclusion_reason_required' },
      { field: 'exclusions.1.riskAcceptedBy', code: 'exclusion_acceptance_required' },
    ]);
  });

  it('refuses unknown controls and duplicates', () => {
    expect(exclusionProblems([ok('99.9.9'), ok('8.5.1'), ok('8.5.1')], annex)).toEqual([
      { field: 'exclusions.0.id', code: 'exclusion_control_unknown', params: { id: '99.9.9' } },
      { field: 'exclusions.2.id', code: 'exclusion_duplicate', params: { id: '8.5.1' } },
    ]);
  });
});
