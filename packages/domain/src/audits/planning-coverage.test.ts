import { describe, expect, it } from 'vitest';
import { auditCoverage, monthsBefore, type CoverageInput } from './planning-coverage.ts';

const base: CoverageInput = {
  items: [
    { kind: 'requirement', id: '4.2.3.d' },
    { kind: 'requirement', id: '6.4.a' },
    { kind: 'control', id: '4.1.1' },
    { kind: 'control', id: '8.5.1' },
  ],
  audited: [],
  planned: [],
  asOf: '2026-12-06',
  cycleMonths: 12,
};
const statusOf = (input: Partial<CoverageInput>) =>
  Object.fromEntries(
    auditCoverage({ ...base, ...input }).items.map((i) => [`${i.kind}:${i.id}`, i.status]),
  );

describe('audit coverage of a cycle', () => {
  it('warns for every item when nothing was audited or planned', () => {
    const { items, summary } = auditCoverage(base);
    expect(items.every((i) => i.status === 'unaudited')).toBe(true);
    expect(summary).toEqual({
      requirements: { total: 2, audited: 0, planned: 0, unaudited: 2 },
      controls: { total: 2, audited: 0, planned: 0, unaudited: 2 },
    });
  });

  it('counts an item audited within the cycle, and not one audited before it', () => {
    const result = auditCoverage({
      ...base,
      audited: [
        { kind: 'requirement', refId: '4.2.3.d', lastOn: '2026-01-10' },
        { kind: 'control', refId: '8.5.1', lastOn: '2025-12-05' },
      ],
    });
    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(byId.get('4.2.3.d')).toMatchObject({ status: 'audited', lastAuditedOn: '2026-01-10' });
    expect(byId.get('8.5.1')).toMatchObject({ status: 'unaudited', lastAuditedOn: '2025-12-05' });
    expect(result.summary.requirements.audited).toBe(1);
  });

  it('counts the first day of the cycle in, and the day before out', () => {
    const on = (lastOn: string) =>
      statusOf({ audited: [{ kind: 'control', refId: '4.1.1', lastOn }] })['control:4.1.1'];
    expect(on('2025-12-06')).toBe('audited');
    expect(on('2025-12-05')).toBe('unaudited');
  });

  it('matches by kind: a requirement 4.1 never covers the control 4.1.1', () => {
    const s = statusOf({ audited: [{ kind: 'requirement', refId: '4.1', lastOn: '2026-06-01' }] });
    expect(s['control:4.1.1']).toBe('unaudited');
  });

  it('lets a planned audit whose scope names a parent clause cover its items', () => {
    const result = auditCoverage({
      ...base,
      planned: [
        { plannedStart: '2027-02-01', requirementIds: ['4.2.3'], controlIds: ['8.5'] },
        { plannedStart: '2027-01-15', requirementIds: ['4.2.3.d'], controlIds: [] },
      ],
    });
    const byId = new Map(result.items.map((i) => [i.id, i]));
    expect(byId.get('4.2.3.d')).toMatchObject({ status: 'planned', plannedOn: '2027-01-15' });
    expect(byId.get('8.5.1')).toMatchObject({ status: 'planned', plannedOn: '2027-02-01' });
    expect(byId.get('6.4.a')!.status).toBe('unaudited');
    expect(byId.get('4.1.1')!.status).toBe('unaudited');
  });

  it('keeps an item audited in the cycle as audited even when planned again', () => {
    const s = statusOf({
      audited: [{ kind: 'requirement', refId: '6.4.a', lastOn: '2026-11-30' }],
      planned: [{ plannedStart: '2027-01-10', requirementIds: ['6.4'], controlIds: [] }],
    });
    expect(s['requirement:6.4.a']).toBe('audited');
  });

  it('follows the configured cycle length', () => {
    const audited = [{ kind: 'control' as const, refId: '4.1.1', lastOn: '2025-06-01' }];
    expect(statusOf({ audited, cycleMonths: 12 })['control:4.1.1']).toBe('unaudited');
    expect(statusOf({ audited, cycleMonths: 24 })['control:4.1.1']).toBe('audited');
  });
});

describe('monthsBefore', () => {
  it('clamps to the end of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-12-06', 12)).toBe('2025-12-06');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    // Negative months count forward (a cycle ahead of today).
    expect(monthsBefore('2026-01-31', -1)).toBe('2026-02-28');
    expect(monthsBefore('2026-12-06', -12)).toBe('2027-12-06');
  });
});
