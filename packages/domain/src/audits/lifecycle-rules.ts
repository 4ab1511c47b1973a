import type { AuditStatus } from '@mamoru/contracts';

/**
 * The Japanese fiscal year (April to March) a date falls in: 2027-03-31 is in
 * fiscal 2026. Audits without a programme take it from their planned start.
 */
export function fiscalYearOf(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** The status an audit may move to from each status (planned → … → closed). */
export const NEXT_STATUSES: Record<AuditStatus, readonly AuditStatus[]> = {
  planned: ['in_progress'],
  in_progress: ['reported'],
  // Without open findings there is nothing to follow up: a reported audit may close.
  reported: ['follow_up', 'closed'],
  follow_up: ['closed'],
  closed: [],
};

export interface TransitionFacts {
  hasLeadAuditor: boolean;
  reportApproved: boolean;
  unresolvedFindings: number;
}

/**
 * Why an audit cannot move from one status to another, or null when it can:
 * work starts with a lead auditor, reporting needs the approved report, and
 * closing needs every finding verified or taken over by the improvement area.
 */
export function transitionRefusal(
  from: AuditStatus,
  to: AuditStatus,
  facts: TransitionFacts,
): { code: string; params?: Record<string, string | number> } | null {
  if (!NEXT_STATUSES[from].includes(to)) return { code: 'audit_status_transition' };
  if (to === 'in_progress' && !facts.hasLeadAuditor) return { code: 'audit_lead_required' };
  if (to === 'reported' && !facts.reportApproved) return { code: 'audit_report_not_approved' };
  if (to === 'closed' && facts.unresolvedFindings > 0) {
    return { code: 'audit_findings_unresolved', params: { count: facts.unresolvedFindings } };
  }
  return null;
}
