import { describe, expect, it } from 'vitest';
import { defaultAgenda } from './agenda.ts';
import { isReviewOverdue } from './presenters.ts';
import { nextReviewDue } from './settings.ts';

describe('review planning rules', () => {
  it('flags a review overdue only while it has not met and its date has passed', () => {
    const today = '2026-06-10';
    expect(isReviewOverdue({ plannedOn: '2026-06-09', status: 'planned' }, today)).toBe(true);
    expect(isReviewOverdue({ plannedOn: '2026-06-09', status: 'inputs_prepared' }, today)).toBe(
      true,
    );
    expect(isReviewOverdue({ plannedOn: '2026-06-10', status: 'planned' }, today)).toBe(false);
    for (const status of ['held', 'submitted', 'approved', 'cancelled']) {
      expect(isReviewOverdue({ plannedOn: '2026-01-01', status }, today)).toBe(false);
    }
  });

  it('puts the next review due one interval after the last approved one, clamping month ends', () => {
    expect(nextReviewDue(null, 12)).toBeNull();
    expect(nextReviewDue('2025-05-20', 12)).toBe('2026-05-20');
    expect(nextReviewDue('2025-08-31', 6)).toBe('2026-02-28');
    expect(nextReviewDue('2023-08-31', 6)).toBe('2024-02-29');
  });

  it('words the default agenda in the planner’s language, one line per input and the decisions', () => {
    const ja = defaultAgenda('ja');
    const en = defaultAgenda('en');
    expect(ja).toHaveLength(9);
    expect(en).toHaveLength(9);
    // Japanese lines carry no Latin words but the ISMS acronym.
    for (const line of ja) expect(line.replace(/ISMS/g, '')).not.toMatch(/[A-Za-z]/);
    expect(defaultAgenda(undefined)).toEqual(ja);
    // A copy each time: a caller's edit does not change the next review's agenda.
    en.push('extra');
    expect(defaultAgenda('en')).toHaveLength(9);
  });
});
