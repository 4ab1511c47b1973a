import { describe, expect, it } from 'vitest';
import { changeReview } from '../fixtures';
import { changeStatus, twelveMonthsBefore } from './changeStatus';

const byKind = (list: ReturnType<typeof changeStatus>) =>
  Object.fromEntries(list.map((s) => [s.kind, s]));

describe('status of the reviews of change (4.2.3.c.1–5)', () => {
  it('counts back 12 months by the calendar, clamping a leap day', () => {
    expect(twelveMonthsBefore('2026-06-15')).toBe('2025-06-15');
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('names every kind, missing when it has no review within the window', () => {
    const s = byKind(
      changeStatus(
        [
          changeReview({ kind: 'organization', reviewedOn: '2026-03-01' }),
          // The boundary day is outside, as in the conformity facts (reviewed_on > since).
          changeReview({ id: 'old', kind: 'technology', reviewedOn: '2025-06-15' }),
        ],
        '2026-06-15',
      ),
    );
    expect(Object.keys(s)).toEqual([
      'organization',
      'technology',
      'business',
      'threats',
      'external',
    ]);
    expect(s.organization!.verdict).toBe('met');
    expect(s.technology!.verdict).toBe('not_met');
    expect(s.technology!.latest).toBeNull();
  });

  it('keeps the latest review and flags changes without a reassessment', () => {
    const s = byKind(
      changeStatus(
        [
          changeReview({
            id: 'a',
            kind: 'threats',
            reviewedOn: '2026-01-10',
            outcome: 'changed',
            description: 'New ransomware',
            assessmentId: null,
          }),
          changeReview({
            id: 'b',
            kind: 'threats',
            reviewedOn: '2026-04-01',
            outcome: 'no_change',
          }),
        ],
        '2026-06-15',
      ),
    );
    expect(s.threats!.latest!.id).toBe('b');
    expect(s.threats!.unlinked.map((r) => r.id)).toEqual(['a']);
    expect(s.threats!.verdict).toBe('partly_met');
  });
});
