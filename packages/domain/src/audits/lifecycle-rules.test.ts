import { describe, expect, it } from 'vitest';
import { fiscalYearOf, transitionRefusal } from './lifecycle-rules.ts';

const ready = { hasLeadAuditor: true, reportApproved: true, unresolvedFindings: 0 };

describe('fiscalYearOf', () => {
  it('starts the fiscal year in April', () => {
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2027-01-15')).toBe(2026);
  });
});

describe('transitionRefusal', () => {
  it('allows the sequence planned → in progress → reported → follow-up → closed', () => {
    expect(transitionRefusal('planned', 'in_progress', ready)).toBeNull();
    expect(transitionRefusal('in_progress', 'reported', ready)).toBeNull();
    expect(transitionRefusal('reported', 'follow_up', ready)).toBeNull();
    expect(transitionRefusal('follow_up', 'closed', ready)).toBeNull();
    expect(transitionRefusal('reported', 'closed', ready)).toBeNull();
  });

  it('refuses skipping, going back and leaving closed', () => {
    expect(transitionRefusal('planned', 'reported', ready)?.code).toBe('audit_status_transition');
    expect(transitionRefusal('reported', 'in_progress', ready)?.code).toBe(
      'audit_status_transition',
    );
    expect(transitionRefusal('closed', 'follow_up', ready)?.code).toBe('audit_status_transition');
  });

  it('starts only with a lead auditor and reports only with an approved report', () => {
    expect(
      transitionRefusal('planned', 'in_progress', { ...ready, hasLeadAuditor: false })?.code,
    ).toBe('audit_lead_required');
    expect(
      transitionRefusal('in_progress', 'reported', { ...ready, reportApproved: false })?.code,
    ).toBe('audit_report_not_approved');
  });

  it('closes only when every finding is verified or transferred', () => {
    expect(transitionRefusal('follow_up', 'closed', { ...ready, unresolvedFindings: 2 })).toEqual({
      code: 'audit_findings_unresolved',
      params: { count: 2 },
    });
  });
});
