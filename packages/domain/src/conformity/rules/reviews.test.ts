import { describe, expect, it } from 'vitest';
import { emptyReviews, emptySnapshot } from '../fixtures.ts';
import { managementReviewDue } from '../review-due.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

type Reviews = ConformitySnapshot['reviews'];
type Approved = NonNullable<Reviews['lastApproved']>;

const SECTIONS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'readiness'].map((section) => ({
  section,
  available: true,
  empty: section !== 'a',
  items: section === 'a' ? 3 : 0,
}));

/** MR-0001 held on 2026-06-10 (today is 2026-11-25), complete and approved by top management. */
const approved: Approved = {
  id: 'r1',
  code: 'MR-0001',
  status: 'approved',
  plannedOn: '2026-06-01',
  heldOn: '2026-06-10',
  approvedAt: '2026-06-20T09:00:00Z',
  approvedByTopManagement: true,
  topManagementAttended: true,
  minutesRecorded: true,
  sections: [...SECTIONS, { section: 'incidents', available: false, empty: true, items: 0 }],
  decisions: { effectiveness: 2, procedure: 1, resources: 0 },
  procedureReasons: { legal: 1 },
};
const healthy: Reviews = { ...emptyReviews(), lastApproved: approved, nextDueOn: '2027-06-10' };

const run = (id: string, over: Partial<Reviews> = {}) =>
  RULES[id]!(emptySnapshot({ reviews: { ...healthy, ...over } }));
const withReview = (id: string, over: Partial<Approved>) =>
  run(id, { lastApproved: { ...approved, ...over } });
const gapHrefs = (e: ReturnType<typeof run>) =>
  e.links.filter((l) => l.kind === 'gap').map((l) => l.href);

const ITEMS = [
  '4.2.3.b',
  '4.2.3.e',
  '5.1.g',
  '6.1',
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => `6.2.${k}`),
  '6.3.a',
  ...[1, 2, 3, 4, 5].map((n) => `6.3.b.${n}`),
  '6.3.c',
];

describe('management review rules (4.2.3.b/e, 5.1.g, 6.1–6.3)', () => {
  it.each(ITEMS)('%s: not met before any review, met on a complete approved one', (id) => {
    const none = RULES[id]!(emptySnapshot());
    expect(none.status).toBe('not_met');
    expect(none.links).toEqual([
      expect.objectContaining({ href: '/management-review', kind: 'gap' }),
    ]);
    const ok = run(id);
    expect(ok.status).toBe('met');
    expect(gapHrefs(ok)).toEqual([]);
    expect(ok.links[0]!.href).toMatch(/^\/management-review\/r1/);
    // Never a raw code in the reader's text.
    expect(ok.explanation.en).not.toMatch(/_/);
  });

  it.each(ITEMS)(
    '%s: partly met once the interval has passed, linking the review under way',
    (id) => {
      const stale = run(id, {
        nextDueOn: '2026-11-01',
        underway: {
          id: 'r2',
          code: 'MR-0002',
          status: 'planned',
          plannedOn: '2026-12-01',
          heldOn: null,
        },
      });
      expect(stale.status).toBe('partly_met');
      expect(stale.explanation.en).toContain('12-month interval has passed');
      expect(gapHrefs(stale)).toContain('/management-review/r2');
    },
  );

  it('a held review awaiting approval is one step away; a planned one is not', () => {
    const held = RULES['4.2.3.e']!(
      emptySnapshot({
        reviews: {
          ...emptyReviews(),
          underway: {
            id: 'r9',
            code: 'MR-0009',
            status: 'submitted',
            plannedOn: '2026-11-01',
            heldOn: '2026-11-02',
          },
        },
      }),
    );
    expect(held.status).toBe('partly_met');
    expect(held.explanation.ja).toContain('議事録の承認待ち');
    expect(held.explanation.en).not.toContain('submitted');
    expect(gapHrefs(held)).toEqual(['/management-review/r9']);
  });

  it('4.2.3.e and 6.1 name each planned review past its date', () => {
    const late = {
      id: 'r3',
      code: 'MR-0003',
      status: 'planned',
      plannedOn: '2026-10-01',
      heldOn: null,
    };
    for (const id of ['4.2.3.e', '6.1']) {
      const e = run(id, { plannedLate: 1, plannedLateRefs: [late], underway: late });
      expect(e.status).toBe('partly_met');
      expect(gapHrefs(e)).toEqual(['/management-review/r3']);
      // Past the interval too: the late review is still linked once.
      const stale = run(id, {
        plannedLate: 1,
        plannedLateRefs: [late],
        underway: late,
        nextDueOn: '2026-10-15',
      });
      expect(gapHrefs(stale)).toEqual(['/management-review/r3']);
    }
  });

  it('6.1 asks for minutes and for the next review once it is due within 30 days', () => {
    const noMinutes = withReview('6.1', { minutesRecorded: false });
    expect(noMinutes.status).toBe('partly_met');
    expect(gapHrefs(noMinutes)).toEqual(['/management-review/r1?tab=minutes']);
    const dueSoon = run('6.1', { nextDueOn: '2026-12-10' });
    expect(dueSoon.status).toBe('partly_met');
    expect(dueSoon.explanation.en).toContain('No review is planned');
    expect(gapHrefs(dueSoon)).toEqual(['/management-review']);
  });

  it('5.1.g needs top management attending and approving', () => {
    const absent = withReview('5.1.g', { topManagementAttended: false });
    expect(absent.status).toBe('partly_met');
    expect(absent.explanation.en).toContain('no member of top management');
    expect(gapHrefs(absent)).toEqual(['/management-review/r1?tab=minutes']);
    const approver = withReview('5.1.g', { approvedByTopManagement: false });
    expect(approver.explanation.ja).toContain('経営陣の役割を持っていません');
  });

  it('6.2: an empty section is fine and said so; a missing one is not met', () => {
    const empty = run('6.2.b');
    expect(empty.status).toBe('met');
    expect(empty.explanation.en).toContain('nothing to report');
    expect(run('6.2.a').explanation.en).toContain('(3 entries)');
    const missing = withReview('6.2.g', { sections: SECTIONS.filter((x) => x.section !== 'g') });
    expect(missing.status).toBe('not_met');
    expect(gapHrefs(missing)).toEqual(['/management-review/r1?tab=inputs']);
    expect(missing.explanation.ja).toContain('ISMSに影響する変更');
  });

  it('4.2.3.b needs audits, feedback and suggestions among the inputs and notes incidents', () => {
    expect(run('4.2.3.b').explanation.en).toContain('Incidents are not recorded in Mamoru yet');
    const e = withReview('4.2.3.b', { sections: SECTIONS.filter((x) => x.section !== 'b') });
    expect(e.status).toBe('partly_met');
    expect(e.data.missingInputs).toEqual(['6.2.b']);
  });

  it('4.2.3.b also needs the applicable controls checked within the year', () => {
    const checked = emptySnapshot({ reviews: healthy });
    checked.controls = { ...checked.controls, applicable: 5, results12m: 3 };
    expect(RULES['4.2.3.b']!(checked).status).toBe(run('4.2.3.b').status);
    const unchecked = emptySnapshot({ reviews: healthy });
    unchecked.controls = { ...unchecked.controls, applicable: 5, results12m: 0 };
    const e = RULES['4.2.3.b']!(unchecked);
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toContain('not checked in the last 12 months');
    expect(gapHrefs(e)).toContain('/controls?tab=checks');
  });

  it('6.2.f links each overdue improvement and each untracked decision', () => {
    const e = run('6.2.f', {
      decisions: 3,
      decisionsOverdue: 1,
      decisionsOverdueRefs: [
        {
          reviewId: 'r1',
          reviewCode: 'MR-0001',
          decisionNumber: 2,
          improvementId: 'i7',
          improvementCode: 'IMP-0007',
          dueDate: '2026-09-30',
        },
      ],
      decisionsUntracked: 1,
      decisionsUntrackedRefs: [
        {
          reviewId: 'r1',
          reviewCode: 'MR-0001',
          decisionNumber: 3,
          improvementId: null,
          improvementCode: null,
          dueDate: null,
        },
      ],
    });
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/improvement/i7', '/management-review/r1?tab=decisions']);
    expect(e.links.find((l) => l.href === '/improvement/i7')!.label.en).toBe(
      'IMP-0007 (MR-0001 decision 2, due 2026-09-30)',
    );
    expect(e.data).toMatchObject({ previousDecisions: 3, decisionsOverdue: 1 });
  });

  it('6.3: decisions by output and reason; none of a kind is said; none at all is partly met', () => {
    expect(run('6.3.a').explanation.en).toContain('decided 2 actions on improving');
    expect(run('6.3.b.4').explanation.ja).toContain('法令や規制の環境');
    expect(run('6.3.b.4').data.decisionsOfKind).toBe(1);
    const noResources = run('6.3.c');
    expect(noResources.status).toBe('met');
    expect(noResources.explanation.en).toBe(
      'None of the 3 decisions of MR-0001 (held on 2026-06-10) concerns resource needs.',
    );
    const nothing = withReview('6.3.a', {
      decisions: { effectiveness: 0, procedure: 0, resources: 0 },
      procedureReasons: {},
    });
    expect(nothing.status).toBe('partly_met');
    expect(gapHrefs(nothing)).toEqual(['/management-review/r1?tab=decisions']);
  });
});

describe('the management review due line', () => {
  const due = (over: Partial<Reviews>) =>
    managementReviewDue(emptySnapshot({ reviews: { ...healthy, ...over } }));
  const planned = {
    id: 'r2',
    code: 'MR-0002',
    status: 'planned',
    plannedOn: '2026-12-01',
    heldOn: null,
  };

  it('is quiet inside the interval with nothing planned soon', () => {
    expect(due({})).toEqual({
      kind: 'management_review',
      count: 0,
      overdue: 0,
      href: '/management-review',
    });
  });

  it('counts the first review as due at once, and reviews planned within 30 days', () => {
    expect(due({ lastApproved: null, nextDueOn: null })).toMatchObject({ count: 1, overdue: 0 });
    expect(due({ plannedSoon: 2, underway: planned })).toMatchObject({ count: 2, overdue: 0 });
  });

  it('the interval due soon counts once unless a review is already under way', () => {
    expect(due({ nextDueOn: '2026-12-20' })).toMatchObject({ count: 1, overdue: 0 });
    expect(due({ nextDueOn: '2026-12-20', underway: planned, plannedSoon: 1 })).toMatchObject({
      count: 1,
      overdue: 0,
    });
  });

  it('is overdue when the interval passed, counting a late planned review only once', () => {
    expect(due({ nextDueOn: '2026-11-01' })).toMatchObject({ count: 1, overdue: 1 });
    expect(
      due({
        nextDueOn: '2026-11-01',
        plannedLate: 1,
        underway: { ...planned, plannedOn: '2026-11-10' },
      }),
    ).toMatchObject({ count: 1, overdue: 1 });
    expect(due({ plannedLate: 2, underway: planned })).toMatchObject({ count: 2, overdue: 2 });
    // Held and awaiting approval past the interval: still overdue.
    expect(
      due({ nextDueOn: '2026-11-01', underway: { ...planned, status: 'submitted' } }),
    ).toMatchObject({ count: 1, overdue: 1 });
  });
});
