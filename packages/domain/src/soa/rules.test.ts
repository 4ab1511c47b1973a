import { describe, expect, it } from 'vitest';
import { blockersOf, diffEntries, draftDecision, type Comparable, type Decision } from './rules.ts';

const entry = (over: Partial<Decision> = {}): Decision => ({
  controlId: '3.1.1',
  displayId: '3(1)①',
  applicable: null,
  proposed: false,
  reasons: [],
  exclusionReason: '',
  riskAcceptedBy: null,
  riskAcceptedOn: null,
  ...over,
});
const business = { type: 'business' as const, note: 'Customers require it', link: null };
const risk = { riskId: 'r1', code: 'R-000001' };
const exclusion = { reason: 'No development', riskAcceptedBy: 'u1', riskAcceptedOn: '2026-04-01' };

describe('blockersOf', () => {
  it('names every undecided control, unreasoned selection and unjustified exclusion', () => {
    const blockers = blockersOf([
      entry({ controlId: 'a', displayId: 'A' }),
      entry({ controlId: 'b', displayId: 'B', applicable: true }),
      entry({ controlId: 'c', displayId: 'C', applicable: false }),
      entry({ controlId: 'd', displayId: 'D', applicable: false, exclusionReason: 'x' }),
      entry({ controlId: 'e', displayId: 'E', applicable: true, reasons: [business] }),
    ]);
    expect(blockers.map((b) => [b.controlId, b.code])).toEqual([
      ['a', 'undecided'],
      ['b', 'reason_missing'],
      ['c', 'exclusion_reason_missing'],
      ['c', 'acceptance_missing'],
      ['d', 'acceptance_missing'],
    ]);
  });

  it('counts a blank justification as missing', () => {
    const e = entry({ applicable: false, exclusionReason: '  ', riskAcceptedBy: 'u1' });
    expect(blockersOf([e]).map((b) => b.code)).toEqual(['exclusion_reason_missing']);
  });
});

describe('draftDecision', () => {
  it('proposes a control selected by risks as applicable with the risks linked', () => {
    const next = draftDecision(entry({ reasons: [business] }), [risk], undefined);
    expect(next).toMatchObject({ applicable: true, proposed: true });
    expect(next!.reasons).toEqual([
      { type: 'risk', note: '', link: { type: 'risk', id: 'r1', label: 'R-000001' } },
      business,
    ]);
  });

  it('never overwrites a decision a person made', () => {
    expect(draftDecision(entry({ applicable: false }), [risk], undefined)).toBeNull();
    expect(
      draftDecision(entry({ applicable: true, reasons: [business] }), [], exclusion),
    ).toBeNull();
  });

  it('proposes the scope exclusion with its justification and acceptance', () => {
    expect(draftDecision(entry(), [], exclusion)).toMatchObject({
      applicable: false,
      proposed: true,
      exclusionReason: 'No development',
      riskAcceptedBy: 'u1',
    });
  });

  it('returns an earlier proposal whose risks are gone to "decision needed"', () => {
    const proposed = draftDecision(entry(), [risk], undefined)!;
    expect(draftDecision(proposed, [], undefined)).toMatchObject({
      applicable: null,
      proposed: false,
      reasons: [],
    });
  });

  it('changes nothing when the proposal is already current or no link exists', () => {
    const proposed = draftDecision(entry(), [risk], undefined)!;
    expect(draftDecision(proposed, [risk], undefined)).toBeNull();
    expect(draftDecision(entry(), [], undefined)).toBeNull();
  });
});

describe('diffEntries', () => {
  const row = (over: Partial<Comparable> = {}): Comparable => ({
    controlId: '3.1.1',
    displayId: '3(1)①',
    applicable: null,
    reasons: [],
    exclusionReason: '',
    riskAcceptedBy: null,
    riskAcceptedOn: null,
    implementationStatus: 'not_started',
    links: [],
    ownerUserId: null,
    notes: '',
    ...over,
  });

  it('lists changed controls field by field, plus added and removed ones', () => {
    const from = [row(), row({ controlId: 'x', displayId: 'X' })];
    const to = [
      row({ applicable: true, reasons: [business] }),
      row({ controlId: 'own', displayId: 'OWN' }),
    ];
    expect(diffEntries(from, to)).toEqual([
      {
        controlId: '3.1.1',
        displayId: '3(1)①',
        kind: 'changed',
        fields: [
          { field: 'applicable', before: null, after: true },
          { field: 'reasons', before: [], after: [business] },
        ],
      },
      { controlId: 'own', displayId: 'OWN', kind: 'added', fields: [] },
      { controlId: 'x', displayId: 'X', kind: 'removed', fields: [] },
    ]);
  });

  it('is empty between identical versions', () => {
    expect(diffEntries([row()], [row()])).toEqual([]);
  });
});
