import { describe, expect, it } from 'vitest';
import {
  prefillEntry,
  progressOf,
  reviewBlockers,
  unmappedSources,
  type MappingRow,
  type SourceDecision,
} from './migration-rules.ts';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

function decision(controlId: string, over: Partial<SourceDecision> = {}): SourceDecision {
  return {
    controlId,
    displayId: `#${controlId}`,
    applicable: true,
    reasons: [{ type: 'policy', note: `policy of ${controlId}`, link: null }],
    exclusionReason: '',
    riskAcceptedBy: null,
    riskAcceptedOn: null,
    implementationStatus: 'implemented',
    links: [],
    ownerUserId: null,
    ...over,
  };
}

const row = (source: string, target: string, over: Partial<MappingRow> = {}): MappingRow => ({
  source,
  target,
  relation: 'equal',
  confidence: 'high',
  ...over,
});

const decisions = (...list: SourceDecision[]) => new Map(list.map((d) => [d.controlId, d]));

describe('prefillEntry', () => {
  it('carries an equal, confident mapping over without review', () => {
    const e = prefillEntry('5.1', [row('3.1.1', '5.1')], decisions(decision('3.1.1')));
    expect(e).toMatchObject({
      controlId: '5.1',
      applicable: true,
      proposed: false,
      review: 'confirmed',
      reviewReasons: [],
      implementationStatus: 'implemented',
      reasons: [{ type: 'policy', note: 'policy of 3.1.1' }],
    });
    expect(e.sources).toEqual([
      {
        controlId: '3.1.1',
        displayId: '#3.1.1',
        relation: 'equal',
        confidence: 'high',
        applicable: true,
        implementationStatus: 'implemented',
      },
    ]);
  });

  it('marks a control without predecessor as new and leaves it undecided', () => {
    const e = prefillEntry('5.7', [row('3.1.1', '5.1')], decisions(decision('3.1.1')));
    expect(e).toMatchObject({
      applicable: null,
      proposed: true,
      review: 'pending',
      reviewReasons: ['new_control'],
      sources: [],
      reasons: [],
    });
  });

  it('treats a control the catalog flags as new as new, even with a loose predecessor', () => {
    const e = prefillEntry(
      '8.16',
      [row('3.1.1', '8.16', { relation: 'related' })],
      decisions(decision('3.1.1')),
      new Set(['8.16']),
    );
    expect(e.reviewReasons).toEqual(['new_control', 'partial_mapping']);
    expect(e.applicable).toBe(true);
  });

  it('asks for review when the mapping is partial or unsure', () => {
    const d = decisions(decision('3.1.1'));
    for (const relation of ['subset', 'superset', 'intersects', 'related'] as const) {
      const e = prefillEntry('5.1', [row('3.1.1', '5.1', { relation })], d);
      expect(e.reviewReasons, relation).toEqual(['partial_mapping']);
      expect(e.review).toBe('pending');
    }
    const unsure = prefillEntry('5.1', [row('3.1.1', '5.1', { confidence: 'medium' })], d);
    expect(unsure.reviewReasons).toEqual(['low_confidence']);
  });

  it('selects the control when any source is selected and flags the disagreement', () => {
    const rows = [row('3.1.1', '8.1'), row('3.1.2', '8.1')];
    const e = prefillEntry(
      '8.1',
      rows,
      decisions(
        decision('3.1.1', { implementationStatus: 'partial' }),
        decision('3.1.2', {
          applicable: false,
          reasons: [],
          exclusionReason: 'not used',
          riskAcceptedBy: ALICE,
          riskAcceptedOn: '2026-01-01',
        }),
      ),
    );
    expect(e).toMatchObject({
      applicable: true,
      exclusionReason: '',
      riskAcceptedBy: null,
      implementationStatus: 'partial',
      reviewReasons: ['sources_disagree'],
    });
    expect(e.reasons).toHaveLength(1);
  });

  it('takes the weakest status and every distinct reason of the selected sources', () => {
    const shared = {
      type: 'risk' as const,
      note: '',
      link: { type: 'risk', id: 'r1', label: 'R-1' },
    };
    const e = prefillEntry(
      '8.2',
      [row('a', '8.2'), row('b', '8.2')],
      decisions(
        decision('a', { reasons: [shared], implementationStatus: 'implemented' }),
        decision('b', {
          reasons: [shared, { type: 'legal', note: 'act', link: null }],
          implementationStatus: 'planned',
        }),
      ),
    );
    expect(e.implementationStatus).toBe('planned');
    expect(e.reasons.map((r) => r.type)).toEqual(['risk', 'legal']);
    expect(e.review).toBe('confirmed');
  });

  it('excludes only when every source is excluded, keeping justifications and the latest acceptance', () => {
    const e = prefillEntry(
      '7.4',
      [row('x', '7.4', { relation: 'subset' }), row('y', '7.4', { relation: 'subset' })],
      decisions(
        decision('x', {
          applicable: false,
          exclusionReason: 'no site',
          riskAcceptedBy: ALICE,
          riskAcceptedOn: '2025-04-01',
        }),
        decision('y', {
          applicable: false,
          exclusionReason: 'no site',
          riskAcceptedBy: BOB,
          riskAcceptedOn: '2026-02-01',
        }),
      ),
    );
    expect(e).toMatchObject({
      applicable: false,
      reasons: [],
      exclusionReason: 'no site',
      riskAcceptedBy: BOB,
      riskAcceptedOn: '2026-02-01',
      reviewReasons: ['partial_mapping'],
    });
  });

  it('flags an undecided source and ignores rows whose source is not in the statement', () => {
    const e = prefillEntry(
      '5.2',
      [row('a', '5.2'), row('gone', '5.2')],
      decisions(decision('a', { applicable: null, reasons: [] })),
    );
    expect(e.sources.map((s) => s.controlId)).toEqual(['a']);
    expect(e.applicable).toBeNull();
    expect(e.reviewReasons).toEqual(['source_undecided']);
  });

  it('keeps the owner only when every source has the same one', () => {
    const rows = [row('a', '5.3'), row('b', '5.3')];
    const same = prefillEntry(
      '5.3',
      rows,
      decisions(decision('a', { ownerUserId: ALICE }), decision('b', { ownerUserId: ALICE })),
    );
    expect(same.ownerUserId).toBe(ALICE);
    const differ = prefillEntry(
      '5.3',
      rows,
      decisions(decision('a', { ownerUserId: ALICE }), decision('b', { ownerUserId: BOB })),
    );
    expect(differ.ownerUserId).toBeNull();
  });
});

describe('unmappedSources, progressOf and reviewBlockers', () => {
  it('lists the source controls no target maps to', () => {
    const sources = [{ controlId: 'a' }, { controlId: 'b' }, { controlId: 'c' }];
    const rows = [row('a', '5.1'), row('c', 'elsewhere')];
    expect(unmappedSources(sources, rows, new Set(['5.1']))).toEqual([
      { controlId: 'b' },
      { controlId: 'c' },
    ]);
  });

  it('counts confirmed, pending, carried over and new entries', () => {
    expect(
      progressOf([
        { review: 'confirmed', confirmedBy: null, reviewReasons: [] },
        { review: 'confirmed', confirmedBy: ALICE, reviewReasons: ['new_control'] },
        { review: 'pending', confirmedBy: null, reviewReasons: ['new_control'] },
        { review: 'pending', confirmedBy: null, reviewReasons: ['partial_mapping'] },
      ]),
    ).toEqual({ total: 4, confirmed: 2, pending: 2, carriedOver: 1, newControls: 2 });
  });

  it('blocks submission once per entry awaiting review, in entry order', () => {
    const entries = [
      { controlId: '5.1', displayId: '5.1' },
      { controlId: '5.2', displayId: '5.2' },
    ];
    expect(reviewBlockers(entries, new Set(['5.2']))).toEqual([
      { controlId: '5.2', displayId: '5.2', code: 'review_pending' },
    ]);
  });
});
