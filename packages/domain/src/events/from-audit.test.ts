import { describe, expect, it } from 'vitest';
import { EVENT_ACTIONS } from './from-audit.ts';

describe('audit actions that are ISMS events', () => {
  it('logs recording and changing a review of change as risk events (4.2.3.c)', () => {
    expect(EVENT_ACTIONS['risk_change_review.recorded']).toBe('risk');
    expect(EVENT_ACTIONS['risk_change_review.updated']).toBe('risk');
  });

  it('logs the legal register, and the resource plan approved or reopened', () => {
    for (const a of ['created', 'updated', 'reviewed'] as const) {
      expect(EVENT_ACTIONS[`legal_obligation.${a}`]).toBe('legal');
    }
    expect(EVENT_ACTIONS['resource_plan.approved']).toBe('resources');
    expect(EVENT_ACTIONS['resource_plan.reopened']).toBe('resources');
  });

  it('leaves ordinary edits and workflow steps out of the log', () => {
    expect(EVENT_ACTIONS['risk.updated']).toBeUndefined();
    expect(EVENT_ACTIONS['isms_resource.updated']).toBeUndefined();
    expect(EVENT_ACTIONS['resource_plan.approval_requested']).toBeUndefined();
  });
});
