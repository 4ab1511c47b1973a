import type { AuthPolicyRow } from '@mamoru/db/repositories/authentication';

/** What an organization without a policy row gets: no MFA, step-up within 10 minutes. */
export const DEFAULT_AUTH_POLICY = {
  mfaRequired: 'off' as 'off' | 'roles' | 'all',
  mfaRoles: ['admin', 'top_management'],
  stepUpMinutes: 10,
};

export type AuthPolicy = typeof DEFAULT_AUTH_POLICY;

export function policyOf(row: AuthPolicyRow | null): AuthPolicy {
  if (!row) return { ...DEFAULT_AUTH_POLICY };
  return {
    mfaRequired: row.mfaRequired as AuthPolicy['mfaRequired'],
    mfaRoles: row.mfaRoles,
    stepUpMinutes: row.stepUpMinutes,
  };
}

/** Whether the policy binds a user holding these roles. */
export function mfaRequiredFor(policy: AuthPolicy, roles: readonly string[]): boolean {
  if (policy.mfaRequired === 'all') return true;
  if (policy.mfaRequired === 'roles') return roles.some((r) => policy.mfaRoles.includes(r));
  return false;
}

export type SessionStage = 'complete' | 'mfa' | 'mfa_enrol';

/**
 * The stage a new session starts in. Anyone with a confirmed factor gives it,
 * required or not (an enrolled user expects to be asked); a user the policy
 * binds who has none must enrol before working. An IdP whose MFA the
 * organization trusts stands in for Mamoru's second factor.
 */
export function initialStage(input: {
  required: boolean;
  confirmedFactors: number;
  idpMfaTrusted: boolean;
}): SessionStage {
  if (input.idpMfaTrusted) return 'complete';
  if (input.confirmedFactors > 0) return 'mfa';
  return input.required ? 'mfa_enrol' : 'complete';
}
