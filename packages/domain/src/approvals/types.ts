import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/approvals';
import { DomainError } from '../errors.ts';
import type { Role } from '../identity/permissions.ts';

/**
 * What needs sign-off in the standard, and by whom unless the organization
 * configures otherwise. Segregation of duties is on by default for each.
 */
export const APPROVAL_TYPES: Record<string, { approverRole: Role }> = {
  isms_policy: { approverRole: 'top_management' },
  scope: { approverRole: 'top_management' },
  risk_method: { approverRole: 'top_management' },
  risk_retention: { approverRole: 'top_management' },
  residual_risk: { approverRole: 'top_management' },
  soa: { approverRole: 'top_management' },
  management_review: { approverRole: 'top_management' },
  audit_programme: { approverRole: 'top_management' },
  document: { approverRole: 'isms_manager' },
  record_disposal: { approverRole: 'isms_manager' },
  /** The ISMS resources planned for a fiscal year (5.1.e). */
  resource_plan: { approverRole: 'top_management' },
};

/**
 * Changes to the controls themselves. Their approver and segregation are fixed
 * in code: an administrator who could configure them could approve their own
 * change. `approverRoles` may decide (the first is stored as the assignee role).
 */
export const FIXED_APPROVAL_TYPES: Record<string, { approverRoles: readonly Role[] }> = {
  /** A change of who approves what, or of segregation of duties. */
  approval_policy: { approverRoles: ['top_management'] },
  /** Granting top management or administrator to a user. */
  role_grant: { approverRoles: ['admin', 'top_management'] },
  /** Resetting an administrator's or top management's second factors. */
  mfa_reset: { approverRoles: ['admin', 'top_management'] },
};

export interface EffectivePolicy {
  approvalType: string;
  approverRole: Role;
  segregateAuthor: boolean;
}

export async function effectivePolicy(
  db: Executor,
  organizationId: string,
  approvalType: string,
): Promise<EffectivePolicy> {
  const fixed = FIXED_APPROVAL_TYPES[approvalType];
  if (fixed) return { approvalType, approverRole: fixed.approverRoles[0]!, segregateAuthor: true };
  const stored = await repo.getPolicy(db, organizationId, approvalType);
  const fallback = APPROVAL_TYPES[approvalType];
  if (!stored && !fallback)
    throw new DomainError('validation', 'approval_type_unknown', { type: approvalType });
  return {
    approvalType,
    approverRole: (stored?.approverRole ?? fallback!.approverRole) as Role,
    segregateAuthor: stored?.segregateAuthor ?? true,
  };
}
