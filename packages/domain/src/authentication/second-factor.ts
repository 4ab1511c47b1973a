import type { Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError } from '../errors.ts';

export type SecondFactorMethod = 'totp' | 'webauthn' | 'recovery';

/**
 * Completes a session that proved only its first factor ('mfa' or
 * 'mfa_enrol'): from now on it reaches every route its roles allow, and its
 * full authentication is now (step-up counts from here). Called inside the
 * transaction that verified the factor (or confirmed a newly enrolled one).
 */
export async function completeSecondFactor(
  tx: Executor,
  ctx: RequestContext,
  sessionId: string,
  method: SecondFactorMethod,
) {
  const session = await authRepo.completeSessionStage(
    tx,
    ctx.actor.organizationId,
    sessionId,
    method,
  );
  if (!session) throw new DomainError('unauthenticated', 'unauthenticated');
  await recordAudit(tx, ctx, [
    {
      action: 'session.mfa_verified',
      entityType: 'user',
      entityId: session.userId,
      after: { method },
    },
  ]);
  return session;
}
