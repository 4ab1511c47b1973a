import { describe, expect, it } from 'vitest';
import {
  applied,
  canRaiseNonconformity,
  coverageOf,
  isDueSoon,
  isOverdue,
  nextDueAfter,
  withinInterval,
} from './schedule.ts';

describe('control check schedule', () => {
  it('advances the next due date by the frequency from the day performed', () => {
    expect(nextDueAfter('2026-01-15', 'monthly')).toBe('2026-02-15');
    expect(nextDueAfter('2026-01-15', 'quarterly')).toBe('2026-04-15');
    expect(nextDueAfter('2026-01-15', 'half_yearly')).toBe('2026-07-15');
    expect(nextDueAfter('2026-01-15', 'yearly')).toBe('2027-01-15');
  });

  it('lands on the last day of a shorter month', () => {
    expect(nextDueAfter('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextDueAfter('2028-01-31', 'monthly')).toBe('2028-02-29');
    expect(nextDueAfter('2026-08-31', 'half_yearly')).toBe('2027-02-28');
  });

  it('is overdue only after the due day, due soon within 30 days', () => {
    expect(isOverdue('2026-05-01', '2026-05-01')).toBe(false);
    expect(isOverdue('2026-04-30', '2026-05-01')).toBe(true);
    expect(isDueSoon('2026-05-31', '2026-05-01')).toBe(true);
    expect(isDueSoon('2026-06-01', '2026-05-01')).toBe(false);
    expect(isDueSoon('2026-04-30', '2026-05-01')).toBe(false);
  });

  it('counts a result as current within one interval of today', () => {
    expect(withinInterval('2026-04-01', 'monthly', '2026-05-01')).toBe(true);
    expect(withinInterval('2026-03-31', 'monthly', '2026-05-01')).toBe(false);
    expect(withinInterval('2025-05-01', 'yearly', '2026-05-01')).toBe(true);
    expect(withinInterval('2025-04-30', 'yearly', '2026-05-01')).toBe(false);
    expect(withinInterval(null, 'yearly', '2026-05-01')).toBe(false);
    expect(withinInterval('2026-05-02', 'yearly', '2026-05-01')).toBe(false);
  });

  it('raises nonconformities only from failed results', () => {
    expect(canRaiseNonconformity('effective')).toBe(false);
    expect(canRaiseNonconformity('partly_effective')).toBe(true);
    expect(canRaiseNonconformity('not_effective')).toBe(true);
  });

  it('is covered by a procedure, a record type or a written reason', () => {
    expect(coverageOf(0, 0, null).covered).toBe(false);
    expect(coverageOf(0, 0, '  ').covered).toBe(false);
    expect(coverageOf(0, 0, ' physical lock ')).toMatchObject({
      covered: true,
      reason: 'physical lock',
    });
    expect(coverageOf(1, 0, null).covered).toBe(true);
    expect(coverageOf(0, 2, '').covered).toBe(true);
  });

  it('is applied when in operation and last found effective', () => {
    expect(applied('in_operation', 'effective')).toBe(true);
    expect(applied('in_operation', 'partly_effective')).toBe(false);
    expect(applied('partly', 'effective')).toBe(false);
    expect(applied(null, null)).toBe(false);
  });
});
