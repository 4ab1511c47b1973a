import type { Db } from '@mamoru/db';
import { type RequestContext } from '../audit/trail.ts';
import { DomainError } from '../errors.ts';
import { beginAttempt, type ThrottleSettings } from '../identity/throttle.ts';
import { spendRecoveryCode } from './recovery.ts';
import { completeSecondFactor } from './second-factor.ts';
import { verifyUserTotp } from './totp.ts';

/**
 * Guesses at a second factor are throttled like passwords, per user (not per
 * email: the attacker already knows the password) and per address.
 */
export async function beginFactorAttempt(
  db: Db,
  userId: string,
  address: string | null,
  s: ThrottleSettings,
) {
  return beginAttempt(db, { account: `mfa:${userId}`, address }, s);
}

export const factorRefused = () => new DomainError('unauthenticated', 'mfa_code_invalid');

/**
 * The second step of a sign-in: a TOTP code or a recovery code completes the
 * session that proved its first factor. A wrong code is refused with
 * `mfa_code_invalid` (the security log records it) and counts for the throttle.
 */
export async function verifySecondFactor(
  db: Db,
  ctx: RequestContext,
  session: { id: string; stage: string },
  input: { kind: 'totp' | 'recovery'; code: string; ipAddress: string | null },
  s: ThrottleSettings,
) {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError('forbidden', 'forbidden');
  if (session.stage !== 'mfa') throw new DomainError('conflict', 'mfa_not_pending');
  const attempt = await beginFactorAttempt(db, userId, input.ipAddress, s);
  const organizationId = ctx.actor.organizationId;
  const ok = await db.transaction(async (tx) => {
    const matched =
      input.kind === 'totp'
        ? (await verifyUserTotp(tx, organizationId, userId, input.code)) !== null
        : await spendRecoveryCode(tx, organizationId, userId, input.code);
    if (!matched) return false;
    await completeSecondFactor(tx, ctx, session.id, input.kind);
    return true;
  });
  if (!ok) throw factorRefused();
  await attempt.succeeded();
}
