import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange, resourceDue, type PlanDueInput } from './fiscal.ts';

describe('fiscalYearOf', () => {
  it('names the year by the calendar year it starts in (April start)', () => {
    expect(fiscalYearOf('2026-04-01', 4)).toBe(2026);
    expect(fiscalYearOf('2027-03-31', 4)).toBe(2026);
    expect(fiscalYearOf('2026-03-31', 4)).toBe(2025);
  });

  it('is the calendar year with a January start', () => {
    expect(fiscalYearOf('2026-01-01', 1)).toBe(2026);
    expect(fiscalYearOf('2026-12-31', 1)).toBe(2026);
  });

  it('handles an October start', () => {
    expect(fiscalYearOf('2026-09-30', 10)).toBe(2025);
    expect(fiscalYearOf('2026-10-01', 10)).toBe(2026);
  });
});

describe('fiscalYearRange', () => {
  it('runs twelve months to the day before the next start', () => {
    expect(fiscalYearRange(2026, 4)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(fiscalYearRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    // February of a leap year ends on the 29th.
    expect(fiscalYearRange(2027, 3)).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

describe('resourceDue', () => {
  const base: PlanDueInput = {
    today: '2026-06-15',
    startMonth: 4,
    currentPlan: 'approved',
    nextPlan: null,
    previousItems: 3,
    previousUsageRecorded: 3,
  };

  it('has nothing due with this year approved and last year recorded', () => {
    expect(resourceDue(base)).toEqual({ count: 0, overdue: 0 });
  });

  it('counts an unapproved current plan, overdue a month into the year', () => {
    expect(resourceDue({ ...base, today: '2026-04-20', currentPlan: 'submitted' })).toEqual({
      count: 1,
      overdue: 0,
    });
    expect(resourceDue({ ...base, today: '2026-05-01', currentPlan: null })).toEqual({
      count: 1,
      overdue: 1,
    });
  });

  it("asks for next year's plan from a month before it starts", () => {
    expect(resourceDue({ ...base, today: '2027-02-28' })).toEqual({ count: 0, overdue: 0 });
    expect(resourceDue({ ...base, today: '2027-03-01' })).toEqual({ count: 1, overdue: 0 });
    expect(resourceDue({ ...base, today: '2027-03-01', nextPlan: 'approved' })).toEqual({
      count: 0,
      overdue: 0,
    });
  });

  it("counts last year's missing usage, overdue a month after the year ended", () => {
    const missing = { ...base, previousUsageRecorded: 2 };
    expect(resourceDue({ ...missing, today: '2026-04-30' })).toEqual({ count: 1, overdue: 0 });
    expect(resourceDue({ ...missing, today: '2026-05-01' })).toEqual({ count: 1, overdue: 1 });
  });
});
