import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Db, Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import type { UserFactorRow } from '@mamoru/db/repositories/authentication';
import * as usersRepo from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError, notFound } from '../errors.ts';
import { openSecret, sealSecret } from '../identity/secret-box.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';
import { issueRecoveryCodes } from './recovery.ts';
import { completeSecondFactor } from './second-factor.ts';

// SHA-1, 6 digits, 30 s: what every authenticator app understands (RFC 6238 defaults).
const PERIOD = 30;
const ENROL_MINUTES = 10;

function totpOf(base32: string, label = 'Mamoru') {
  return new TOTP({
    issuer: 'Mamoru',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

/**
 * The time step a code belongs to, if it is right for this seed within one
 * step either side (clocks drift); null otherwise.
 */
export function totpStepOf(base32: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(base32).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/**
 * Checks a code against the user's confirmed TOTP factors and claims its time
 * step, so the same code (or an older one) is never accepted twice. Returns
 * the factor it matched, or null.
 */
export async function verifyUserTotp(
  tx: Executor,
  organizationId: string,
  userId: string,
  code: string,
): Promise<UserFactorRow | null> {
  const factors = await authRepo.listFactors(tx, organizationId, userId, 'totp');
  for (const factor of factors) {
    if (!factor.totpSecret) continue;
    const step = totpStepOf(openSecret(factor.totpSecret), code);
    if (step === null) continue;
    if (await authRepo.claimTotpStep(tx, organizationId, factor.id, step)) return factor;
    return null;
  }
  return null;
}

/**
 * Begins adding an authenticator app: a fresh seed, kept sealed in a
 * ten-minute `totp_enrol` flow until the user proves the app with a code.
 */
export async function startTotpEnrolment(db: Db, ctx: RequestContext) {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError('forbidden', 'forbidden');
  const user = await usersRepo.getUser(db, ctx.actor.organizationId, userId);
  if (!user) throw notFound('user');
  const secret = new Secret({ size: 20 }).base32;
  const flowId = newSecret();
  await authRepo.insertAuthFlow(db, {
    id: sha256(flowId),
    organizationId: ctx.actor.organizationId,
    userId,
    kind: 'totp_enrol',
    data: { secret: sealSecret(secret) },
    expiresAt: new Date(Date.now() + ENROL_MINUTES * 60_000),
  });
  const otpauthUri = totpOf(secret, user.email).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 });
  return {
    flowId,
    secret,
    otpauthUri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * Ends the enrolment with the first code from the app: the factor is kept
 * (its step claimed), the user's first factor brings recovery codes, and a
 * session that was sent to enrol is complete.
 */
export async function confirmTotpEnrolment(
  db: Db,
  ctx: RequestContext,
  session: { id: string | null; stage: string },
  input: { flowId: string; code: string; label: string },
) {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError('forbidden', 'forbidden');
  const organizationId = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    // Taken in this transaction: a wrong code rolls it back, leaving the flow for another try.
    const flow = await authRepo.consumeAuthFlow(tx, sha256(input.flowId), 'totp_enrol');
    if (!flow || flow.userId !== userId || flow.organizationId !== organizationId) {
      throw new DomainError('validation', 'mfa_flow_invalid');
    }
    const secret = openSecret(String(flow.data.secret));
    const step = totpStepOf(secret, input.code);
    if (step === null) throw new DomainError('validation', 'mfa_code_invalid');
    const first = (await authRepo.countConfirmedFactors(tx, organizationId, userId)) === 0;
    const factor = await authRepo.insertFactor(tx, {
      organizationId,
      userId,
      kind: 'totp',
      label: input.label,
      totpSecret: sealSecret(secret),
      totpLastStep: step,
      confirmedAt: new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'factor.added',
        entityType: 'user_factor',
        entityId: factor.id,
        after: { userId, kind: 'totp', label: input.label },
      },
    ]);
    const recoveryCodes = first ? await issueRecoveryCodes(tx, ctx, userId) : null;
    if (session.id && session.stage === 'mfa_enrol') {
      await completeSecondFactor(tx, ctx, session.id, 'totp');
    }
    return { factor, recoveryCodes };
  });
}
