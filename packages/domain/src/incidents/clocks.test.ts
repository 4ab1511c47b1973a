import { describe, expect, it } from 'vitest';
import { clockStatus, deadlineOf, isTimeZone, obligationApplies } from './clocks.ts';

const finalReport = {
  id: 'o',
  appliesToTypes: ['incident', 'suspected'],
  requiresPersonalData: true,
  deadlineDays: 30,
  deadlineDaysWrongfulIntent: 60,
  deadlineHours: null,
  active: true,
};
const breach = (discoveredAt: string, wrongfulIntent = false) => ({
  type: 'incident' as const,
  personalData: true,
  wrongfulIntent,
  discoveredAt: new Date(discoveredAt),
});

describe('notification clocks', () => {
  it('counts calendar days in Tokyo: learned 23:30 JST on 1 April, due at the end of 1 May JST', () => {
    const due = deadlineOf(finalReport, breach('2026-04-01T14:30:00Z'), 'Asia/Tokyo');
    expect(due?.toISOString()).toBe('2026-05-01T14:59:59.999Z');
  });

  it('a discovery just after midnight JST belongs to the next Tokyo day', () => {
    // 00:30 JST on 2 April is still 1 April in UTC.
    const due = deadlineOf(finalReport, breach('2026-04-01T15:30:00Z'), 'Asia/Tokyo');
    expect(due?.toISOString()).toBe('2026-05-02T14:59:59.999Z');
    const inUtc = deadlineOf(finalReport, breach('2026-04-01T15:30:00Z'), 'UTC');
    expect(inUtc?.toISOString()).toBe('2026-05-01T23:59:59.999Z');
  });

  it('gives 60 days when the breach may have been done with wrongful intent', () => {
    const due = deadlineOf(finalReport, breach('2026-04-01T01:00:00Z', true), 'Asia/Tokyo');
    expect(due?.toISOString()).toBe('2026-05-31T14:59:59.999Z');
  });

  it('ends the day by the local clock across a daylight saving change', () => {
    const rule = { ...finalReport, deadlineDays: 3, deadlineDaysWrongfulIntent: null };
    // New York moves to summer time on 8 March 2026: the deadline day ends at 03:59:59.999Z.
    const due = deadlineOf(rule, breach('2026-03-06T15:00:00Z'), 'America/New_York');
    expect(due?.toISOString()).toBe('2026-03-10T03:59:59.999Z');
  });

  it('counts hours from the instant, and has no clock for "promptly"', () => {
    const hours = { ...finalReport, deadlineDays: null, deadlineHours: 72 };
    expect(deadlineOf(hours, breach('2026-04-01T14:30:00Z'), 'Asia/Tokyo')?.toISOString()).toBe(
      '2026-04-04T14:30:00.000Z',
    );
    const promptly = { ...finalReport, deadlineDays: null, deadlineDaysWrongfulIntent: null };
    expect(deadlineOf(promptly, breach('2026-04-01T14:30:00Z'), 'Asia/Tokyo')).toBeNull();
  });

  it('applies by type and personal data, and only when active', () => {
    expect(obligationApplies(finalReport, breach('2026-04-01T00:00:00Z'))).toBe(true);
    expect(
      obligationApplies(finalReport, { ...breach('2026-04-01T00:00:00Z'), personalData: false }),
    ).toBe(false);
    expect(
      obligationApplies(finalReport, { ...breach('2026-04-01T00:00:00Z'), type: 'weakness' }),
    ).toBe(false);
    expect(
      obligationApplies({ ...finalReport, active: false }, breach('2026-04-01T00:00:00Z')),
    ).toBe(false);
  });

  it('reads where a clock stands', () => {
    const due = new Date('2026-05-01T14:59:59.999Z');
    expect(clockStatus(due, new Date('2026-04-20T00:00:00Z'), new Date('2026-06-01'))).toBe('met');
    expect(clockStatus(due, new Date('2026-05-02T00:00:00Z'), new Date('2026-06-01'))).toBe('late');
    expect(clockStatus(due, null, new Date('2026-05-02T00:00:00Z'))).toBe('overdue');
    expect(clockStatus(due, null, new Date('2026-05-01T00:00:00Z'))).toBe('due_soon');
    expect(clockStatus(due, null, new Date('2026-04-20T00:00:00Z'))).toBe('pending');
    expect(clockStatus(null, null, new Date())).toBe('open');
    expect(clockStatus(null, new Date(), new Date())).toBe('met');
  });

  it('knows a time zone name', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
