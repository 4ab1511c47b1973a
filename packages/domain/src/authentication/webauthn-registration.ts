import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { WebAuthnRegisterInput } from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as webauthnRepo from '@mamoru/db/repositories/authentication-webauthn';
import * as usersRepo from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { isUniqueViolation } from '../catalog/common.ts';
import { DomainError, conflict, notFound } from '../errors.ts';
import { issueRecoveryCodes } from './recovery.ts';
import { completeSecondFactor } from './second-factor.ts';
import {
  CEREMONY_MINUTES,
  RP_NAME,
  beginFlow,
  sessionUser,
  takeFlow,
  webauthnRefused,
  type RelyingParty,
} from './webauthn-flows.ts';

/**
 * A session that still owes its second factor ('mfa') must give it before it
 * may add one: otherwise a stolen password would be enough to plant a passkey.
 * A session sent to enrol ('mfa_enrol') adds its first factor here.
 */
async function stageAllowingEnrolment(db: Db, organizationId: string, sessionId: string) {
  const stage = (await authRepo.getSession(db, organizationId, sessionId))?.stage;
  if (!stage) throw new DomainError('unauthenticated', 'unauthenticated');
  if (stage === 'mfa') throw new DomainError('forbidden', 'mfa_required');
  return stage;
}

/** The user handle of a credential: the user's UUID as 16 bytes, no personal data. */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(Buffer.from(userId.replaceAll('-', ''), 'hex'));
}

const transportsOf = (row: { transports: string[] | null }) =>
  (row.transports ?? []) as AuthenticatorTransportFuture[];

/**
 * Options for navigator.credentials.create(): a discoverable credential
 * (passkey) preferred, user verification preferred, none of the user's
 * existing credentials again, no attestation (we trust no vendor list).
 */
export async function registrationOptions(
  db: Db,
  ctx: RequestContext,
  sessionId: string | null,
  rp: RelyingParty,
) {
  const userId = sessionUser(ctx.actor, sessionId);
  const organizationId = ctx.actor.organizationId;
  await stageAllowingEnrolment(db, organizationId, sessionId!);
  const user = await usersRepo.getUser(db, organizationId, userId);
  if (!user) throw notFound('user');
  const existing = await authRepo.listFactors(db, organizationId, userId, 'webauthn');
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: userHandleOf(user.id),
    timeout: CEREMONY_MINUTES * 60_000,
    attestationType: 'none',
    excludeCredentials: existing
      .filter((f) => f.credentialId)
      .map((f) => ({ id: f.credentialId!, transports: transportsOf(f) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  const flowId = await beginFlow(
    db,
    ctx.actor,
    sessionId!,
    'webauthn_register',
    options.challenge,
    rp,
  );
  // Spread into a plain object: the contract types the options as open JSON.
  return { flowId, options: { ...options } };
}

/**
 * Verifies the new credential against the flow's challenge, origin and rp ID
 * and keeps it as a confirmed factor. The user's first factor comes with
 * recovery codes (shown once); an 'mfa_enrol' session is complete with it.
 */
export async function registerCredential(
  db: Db,
  ctx: RequestContext,
  sessionId: string | null,
  input: WebAuthnRegisterInput,
) {
  const userId = sessionUser(ctx.actor, sessionId);
  const organizationId = ctx.actor.organizationId;
  const flow = await takeFlow(db, ctx.actor, sessionId, input.flowId, 'webauthn_register');
  const stage = await stageAllowingEnrolment(db, organizationId, sessionId!);
  const verification = await verifyRegistrationResponse({
    response: input.response as RegistrationResponseJSON,
    expectedChallenge: flow.challenge,
    expectedOrigin: flow.origin,
    expectedRPID: flow.rpId,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw webauthnRefused();
  const { credential } = verification.registrationInfo;
  const taken = () => conflict('webauthn_credential_exists');
  if (await webauthnRepo.credentialExists(db, credential.id)) throw taken();
  const saved = db.transaction(async (tx) => {
    const first = (await authRepo.countConfirmedFactors(tx, organizationId, userId)) === 0;
    const factor = await authRepo.insertFactor(tx, {
      organizationId,
      userId,
      kind: 'webauthn',
      label: input.label,
      credentialId: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      signCount: credential.counter,
      transports: credential.transports ?? null,
      confirmedAt: new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'factor.added',
        entityType: 'user_factor',
        entityId: factor.id,
        after: {
          kind: 'webauthn',
          label: factor.label,
          userId,
          backedUp: verification.registrationInfo.credentialBackedUp,
        },
      },
    ]);
    const recoveryCodes = first ? await issueRecoveryCodes(tx, ctx, userId) : null;
    if (stage === 'mfa_enrol') await completeSecondFactor(tx, ctx, sessionId!, 'webauthn');
    return { factor, recoveryCodes };
  });
  // The same credential posted twice at once: the unique index decides.
  return saved.catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
}
