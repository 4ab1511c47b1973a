import { describe, expect, it } from 'vitest';
import { nextReviewAfter, reviewEffect, reviewState } from './rules.ts';

describe('nextReviewAfter', () => {
  it('adds the interval in months', () => {
    expect(nextReviewAfter('2026-04-15', 12)).toBe('2027-04-15');
    expect(nextReviewAfter('2026-04-15', 6)).toBe('2026-10-15');
  });
  it("clamps to the month's last day", () => {
    expect(nextReviewAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(nextReviewAfter('2027-01-31', 1)).toBe('2027-02-28');
    expect(nextReviewAfter('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('refuses an interval that is not a positive whole number', () => {
    expect(() => nextReviewAfter('2026-01-01', 0)).toThrow(RangeError);
    expect(() => nextReviewAfter('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('reviewState', () => {
  const active = (nextReviewDate: string) => ({ status: 'active', nextReviewDate });
  it('is overdue from the day after the review date', () => {
    expect(reviewState(active('2026-05-01'), '2026-05-01')).toBe('due_soon');
    expect(reviewState(active('2026-05-01'), '2026-05-02')).toBe('overdue');
  });
  it('is due soon within 30 days, scheduled beyond', () => {
    expect(reviewState(active('2026-05-31'), '2026-05-01')).toBe('due_soon');
    expect(reviewState(active('2026-06-01'), '2026-05-01')).toBe('scheduled');
    expect(reviewState(active('2026-05-10'), '2026-05-01', 5)).toBe('scheduled');
  });
  it('never counts a retired obligation as due', () => {
    expect(reviewState({ status: 'retired', nextReviewDate: '2020-01-01' }, '2026-05-01')).toBe(
      'retired',
    );
  });
});

describe('reviewEffect', () => {
  it('moves the next review by the interval from the review day', () => {
    expect(reviewEffect({ reviewedOn: '2026-03-31', outcome: 'unchanged' }, 6)).toEqual({
      status: 'active',
      nextReviewDate: '2026-09-30',
      changed: false,
    });
  });
  it('takes a date given explicitly and dates a change', () => {
    expect(
      reviewEffect(
        { reviewedOn: '2026-03-01', outcome: 'changed', nextReviewDate: '2026-06-01' },
        12,
      ),
    ).toEqual({ status: 'active', nextReviewDate: '2026-06-01', changed: true });
  });
  it('retires the obligation with no next date', () => {
    expect(reviewEffect({ reviewedOn: '2026-03-01', outcome: 'retired' }, 12)).toEqual({
      status: 'retired',
      nextReviewDate: null,
      changed: false,
    });
  });
});
