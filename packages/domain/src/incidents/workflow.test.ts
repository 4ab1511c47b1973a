import { describe, expect, it } from 'vitest';
import {
  incidentReference,
  nextStatuses,
  priorityOf,
  refuseStepTime,
  refuseTransition,
} from './workflow.ts';

describe('incident workflow', () => {
  it('triages first, then moves forward only, closing with lessons learned', () => {
    expect(refuseTransition('reported', 'contained', '')).toBe('incident_not_triaged');
    expect(refuseTransition('reported', 'triaged', '')).toBeNull();
    expect(refuseTransition('triaged', 'triaged', '')).toBe('incident_already_triaged');
    expect(refuseTransition('triaged', 'contained', '')).toBeNull();
    expect(refuseTransition('eradicated', 'contained', '')).toBe('incident_step_backwards');
    expect(refuseTransition('recovered', 'recovered', '')).toBe('incident_step_backwards');
    expect(refuseTransition('recovered', 'closed', '  ')).toBe('incident_lessons_required');
    expect(refuseTransition('recovered', 'closed', 'Patch faster')).toBeNull();
    expect(refuseTransition('closed', 'recovered', 'x')).toBe('incident_closed');
  });

  it('lets a weakness skip the steps that do not apply', () => {
    expect(refuseTransition('triaged', 'closed', 'Reported weakness fixed')).toBeNull();
    expect(nextStatuses('triaged')).toEqual(['contained', 'eradicated', 'recovered', 'closed']);
    expect(nextStatuses('reported')).toEqual([]);
    expect(nextStatuses('closed')).toEqual([]);
  });

  it('reads the priority from the matrix (default when none is set)', () => {
    expect(priorityOf(null, 'critical', 'critical')).toBe(1);
    expect(priorityOf(null, 'low', 'low')).toBe(4);
    const flat = [
      [2, 2, 2, 2],
      [2, 2, 2, 2],
      [2, 2, 2, 2],
      [2, 2, 2, 1],
    ];
    expect(priorityOf(flat, 'low', 'low')).toBe(2);
    expect(priorityOf(flat, 'critical', 'critical')).toBe(1);
  });

  it('accepts back-dated steps from discovery on, never ahead of now', () => {
    const found = new Date('2026-04-01T10:00:00Z');
    const now = new Date('2026-04-03T10:00:00Z');
    expect(refuseStepTime(new Date('2026-04-01T09:59:59Z'), found, now)).toBe(
      'incident_step_before_discovery',
    );
    expect(refuseStepTime(new Date('2026-04-02T00:00:00Z'), found, now)).toBeNull();
    expect(refuseStepTime(new Date('2026-04-03T10:04:00Z'), found, now)).toBeNull();
    expect(refuseStepTime(new Date('2026-04-03T10:06:00Z'), found, now)).toBe(
      'incident_step_in_future',
    );
  });

  it('names incidents INC-0001', () => {
    expect(incidentReference(7)).toBe('INC-0007');
  });
});
