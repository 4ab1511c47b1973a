import type { AuditAction, IsmsEventCategory } from '@mamoru/contracts';

/**
 * The audit actions that are ISMS events (4.2.3.f): milestones that may change
 * how the ISMS works, not every edit. `recordAudit` writes an event-log entry
 * for each, in the same transaction, so no area has to remember to.
 */
export const EVENT_ACTIONS: Partial<Record<AuditAction, IsmsEventCategory>> = {
  'scope.approved': 'scope',
  'document.issued': 'policy',
  'document.withdrawn': 'policy',
  'soa.approved': 'soa',
  'risk_method.approved': 'risk',
  'risk_assessment.recorded': 'risk',
  // A review of change (4.2.3.c) is the decision that the risks need, or need not, reassessing.
  'risk_change_review.recorded': 'risk',
  'risk_change_review.updated': 'risk',
  'residual_acceptance.accepted': 'risk',
  'org_unit.created': 'organization',
  'org_unit.updated': 'organization',
  'location.created': 'organization',
  'location.updated': 'organization',
  'isms_role_assignment.created': 'people',
  'audit_programme.approved': 'audit',
  'audit_report.approved': 'audit',
  'management_review.held': 'review',
  'management_review.approved': 'review',
  'nonconformity.closed': 'improvement',
  'incident.closed': 'incident',
  // The register of laws, regulations and contracts (5.2.1.c): a new obligation, a change, a review.
  'legal_obligation.created': 'legal',
  'legal_obligation.updated': 'legal',
  'legal_obligation.reviewed': 'legal',
  // The year's resources (5.1.e): the plan approved, and an approved plan reopened by a change.
  'resource_plan.approved': 'resources',
  'resource_plan.reopened': 'resources',
};

/** A short title from the entry's data (its title, name or display name), else blank. */
export function eventTitleOf(after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  for (const key of ['title', 'name', 'displayName', 'code']) {
    const v = a[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 300);
  }
  return '';
}
