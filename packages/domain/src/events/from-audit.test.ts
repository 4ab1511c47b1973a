import { describe, expect, it } from 'vitest';
import { EVENT_ACTIONS } from './from-audit.ts';

describe('audit actions that are ISMS events', () => {
  it('logs recording and changing a review of change as risk events (4.2.3.c)', () => {
    expect(EVENT_ACTIONS['risk_change_review.recorded']).toBe('risk');
    expect(EVENT_ACTIONS['risk_change_review.updated']).toBe('risk');
  });

  it('leaves ordinary edits out of the log', () => {
    expect(EVENT_ACTIONS['risk.updated']).toBeUndefined();
  });
});
