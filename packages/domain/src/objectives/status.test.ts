import { describe, expect, it } from 'vitest';
import {
  expectedValue,
  nextMeasurementDue,
  objectiveStanding,
  type ObjectivePlan,
} from './status.ts';

// Training completion from 60 % on 2026-01-01 to 100 % on 2026-12-31, measured monthly.
const plan: ObjectivePlan = {
  direction: 'higher_is_better',
  baseline: 60,
  target: 100,
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  frequency: 'monthly',
  status: 'active',
};
// Incidents per quarter from 12 down to 4.
const fewer: ObjectivePlan = { ...plan, direction: 'lower_is_better', baseline: 12, target: 4 };

describe('objective standing', () => {
  it('is on track when the latest value is on the line and measured on time', () => {
    const s = objectiveStanding(plan, { measuredOn: '2026-07-01', value: 81 }, '2026-07-15');
    expect(s).toEqual({
      progress: 'on_track',
      reasons: [],
      percent: 53,
      nextMeasurementDue: '2026-08-01',
    });
  });

  it('is at risk when the latest value is behind the line at its date', () => {
    // Half way through the year the line expects about 80.
    const s = objectiveStanding(plan, { measuredOn: '2026-07-01', value: 70 }, '2026-07-15');
    expect(s.progress).toBe('at_risk');
    expect(s.reasons).toEqual(['behind_plan']);
  });

  it('reads the line downwards for lower-is-better objectives', () => {
    expect(
      objectiveStanding(fewer, { measuredOn: '2026-07-01', value: 7 }, '2026-07-02').progress,
    ).toBe('on_track');
    const s = objectiveStanding(fewer, { measuredOn: '2026-07-01', value: 10 }, '2026-07-02');
    expect(s.reasons).toEqual(['behind_plan']);
    expect(s.percent).toBe(25);
  });

  it('is at risk when the next measurement is overdue, also with none yet', () => {
    expect(objectiveStanding(plan, null, '2026-01-20').progress).toBe('on_track');
    const none = objectiveStanding(plan, null, '2026-02-02');
    expect(none).toMatchObject({ progress: 'at_risk', reasons: ['measurement_overdue'] });
    const late = objectiveStanding(plan, { measuredOn: '2026-03-01', value: 75 }, '2026-04-02');
    expect(late.reasons).toEqual(['measurement_overdue']);
  });

  it('is missed past the due date without the target, achieved with it', () => {
    const missed = objectiveStanding(plan, { measuredOn: '2026-12-01', value: 95 }, '2027-01-01');
    expect(missed).toMatchObject({
      progress: 'missed',
      reasons: ['past_due'],
      nextMeasurementDue: null,
    });
    const done = objectiveStanding(plan, { measuredOn: '2026-12-01', value: 100 }, '2027-01-01');
    expect(done.progress).toBe('achieved');
    expect(done.percent).toBe(100);
  });

  it('follows the recorded decision once the objective is no longer active', () => {
    const s = objectiveStanding({ ...plan, status: 'withdrawn' }, null, '2026-05-01');
    expect(s).toEqual({ progress: 'withdrawn', reasons: [], percent: 0, nextMeasurementDue: null });
  });

  it('computes the line and the next due day by the frequency', () => {
    expect(expectedValue(plan, '2025-12-01')).toBe(60);
    expect(expectedValue(plan, '2027-03-01')).toBe(100);
    expect(nextMeasurementDue('quarterly', '2026-01-31', null)).toBe('2026-04-30');
    expect(nextMeasurementDue('half_yearly', '2026-01-01', '2026-03-15')).toBe('2026-09-15');
    expect(nextMeasurementDue('yearly', '2026-01-01', null)).toBe('2027-01-01');
  });
});
