import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { StepUpRequest } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError, notFound } from '../errors.ts';
import { verifyPassword } from '../identity/password.ts';
import { beginAttempt, type ThrottleSettings } from '../identity/throttle.ts';
import { beginFactorAttempt } from './mfa.ts';
import { policyOf } from './policy.ts';
import { spendRecoveryCode } from './recovery.ts';
import { verifyUserTotp } from './totp.ts';
import { verifyWebAuthnAssertion } from './webauthn.ts';

/** The organization's step-up window in minutes. */
export async function stepUpMinutesOf(db: Db, organizationId: string) {
  return policyOf(await authRepo.getAuthPolicy(db, organizationId)).stepUpMinutes;
}

/** Whether a session authenticated at `authenticatedAt` may still act without a step-up. */
export function withinStepUp(authenticatedAt: Date, minutes: number, now = Date.now()) {
  return now - authenticatedAt.getTime() <= minutes * 60_000;
}

const refused = () => new DomainError('unauthenticated', 'step_up_failed');

/**
 * Re-authentication before a sensitive action. A user with a second factor
 * must give it (their password alone proves less than their sign-in did);
 * a user without one gives their password. Success makes the session's last
 * full authentication now; failures are throttled and refused `step_up_failed`.
 */
export async function stepUp(
  db: Db,
  ctx: RequestContext,
  sessionId: string | null,
  input: StepUpRequest,
  meta: { ipAddress: string | null },
  s: ThrottleSettings,
) {
  const userId = ctx.actor.userId;
  // A token has no person behind it to re-authenticate.
  if (!userId || !sessionId || ctx.actor.kind !== 'user') {
    throw new DomainError('forbidden', 'step_up_unavailable');
  }
  const organizationId = ctx.actor.organizationId;
  const user = await usersRepo.getUser(db, organizationId, userId);
  if (!user) throw notFound('user');
  const hasFactor = (await authRepo.countConfirmedFactors(db, organizationId, userId)) > 0;
  let method: string;
  if ('password' in input) {
    if (hasFactor) throw new DomainError('validation', 'step_up_factor_required');
    const attempt = await beginAttempt(db, { account: user.email, address: meta.ipAddress }, s);
    if (!(await verifyPassword(user.passwordHash, input.password))) throw refused();
    await attempt.succeeded();
    method = 'password';
  } else if ('webauthn' in input) {
    await verifyWebAuthnAssertion(db, ctx.actor, input.webauthn.flowId, input.webauthn.response);
    method = 'webauthn';
  } else {
    const attempt = await beginFactorAttempt(db, userId, meta.ipAddress, s);
    const ok = await db.transaction(async (tx) =>
      'totpCode' in input
        ? (await verifyUserTotp(tx, organizationId, userId, input.totpCode)) !== null
        : spendRecoveryCode(tx, organizationId, userId, input.recoveryCode),
    );
    if (!ok) throw refused();
    await attempt.succeeded();
    method = 'totpCode' in input ? 'totp' : 'recovery';
  }
  const minutes = await stepUpMinutesOf(db, organizationId);
  const row = await db.transaction(async (tx) => {
    const marked = await authRepo.markSessionAuthenticated(tx, organizationId, sessionId);
    if (!marked) throw new DomainError('unauthenticated', 'unauthenticated');
    await recordAudit(tx, ctx, [
      { action: 'session.step_up', entityType: 'user', entityId: userId, after: { method } },
    ]);
    return marked;
  });
  return {
    authenticatedAt: row.authenticatedAt,
    stepUpUntil: new Date(row.authenticatedAt.getTime() + minutes * 60_000),
  };
}
