import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_POLICY, initialStage, mfaRequiredFor } from './policy.ts';

describe('sign-in policy', () => {
  it('binds nobody when off, the chosen roles when by role, everyone when all', () => {
    expect(mfaRequiredFor(DEFAULT_AUTH_POLICY, ['admin'])).toBe(false);
    const byRole = { ...DEFAULT_AUTH_POLICY, mfaRequired: 'roles' as const };
    expect(mfaRequiredFor(byRole, ['admin', 'staff'])).toBe(true);
    expect(mfaRequiredFor(byRole, ['top_management'])).toBe(true);
    expect(mfaRequiredFor(byRole, ['staff'])).toBe(false);
    expect(mfaRequiredFor({ ...DEFAULT_AUTH_POLICY, mfaRequired: 'all' }, [])).toBe(true);
  });

  it('asks an enrolled user for the factor, sends a bound user without one to enrol', () => {
    expect(initialStage({ required: false, confirmedFactors: 0, idpMfaTrusted: false })).toBe(
      'complete',
    );
    expect(initialStage({ required: false, confirmedFactors: 1, idpMfaTrusted: false })).toBe(
      'mfa',
    );
    expect(initialStage({ required: true, confirmedFactors: 2, idpMfaTrusted: false })).toBe('mfa');
    expect(initialStage({ required: true, confirmedFactors: 0, idpMfaTrusted: false })).toBe(
      'mfa_enrol',
    );
    expect(initialStage({ required: true, confirmedFactors: 0, idpMfaTrusted: true })).toBe(
      'complete',
    );
  });
});
