import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import {
  webauthnAuthenticationResponseSchema,
  type WebAuthnAssertionInput,
} from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as webauthnRepo from '@mamoru/db/repositories/authentication-webauthn';
import type { RequestContext } from '../audit/trail.ts';
import { DomainError, conflict } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import type { ThrottleSettings } from '../identity/throttle.ts';
import { beginFactorAttempt } from './mfa.ts';
import { completeSecondFactor } from './second-factor.ts';
import {
  CEREMONY_MINUTES,
  beginFlow,
  sessionUser,
  takeFlow,
  webauthnRefused,
  type RelyingParty,
  type WebAuthnFlowKind,
} from './webauthn-flows.ts';
import { userHandleOf } from './webauthn-registration.ts';

export { registerCredential, registrationOptions } from './webauthn-registration.ts';
export type { RelyingParty } from './webauthn-flows.ts';

type AssertionPurpose = 'login' | 'step_up';
const FLOW_KIND: Record<AssertionPurpose, WebAuthnFlowKind> = {
  login: 'webauthn_login',
  step_up: 'webauthn_step_up',
};

async function requireStage(db: Db, organizationId: string, sessionId: string, stage: string) {
  const actual = (await authRepo.getSession(db, organizationId, sessionId))?.stage;
  if (!actual) throw new DomainError('unauthenticated', 'unauthenticated');
  if (actual !== stage) {
    throw stage === 'mfa'
      ? new DomainError('conflict', 'mfa_not_pending')
      : new DomainError('forbidden', 'mfa_required');
  }
}

/**
 * Options for navigator.credentials.get() to prove the second factor of a
 * sign-in ('login', session in stage 'mfa') or a step-up ('step_up', a
 * complete session): only the user's own credentials are allowed.
 */
export async function assertionOptions(
  db: Db,
  ctx: RequestContext,
  sessionId: string | null,
  rp: RelyingParty,
  purpose: AssertionPurpose,
) {
  const userId = sessionUser(ctx.actor, sessionId);
  const organizationId = ctx.actor.organizationId;
  await requireStage(db, organizationId, sessionId!, purpose === 'login' ? 'mfa' : 'complete');
  const credentials = await authRepo.listFactors(db, organizationId, userId, 'webauthn');
  if (credentials.length === 0) throw conflict('webauthn_no_credentials');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: CEREMONY_MINUTES * 60_000,
    userVerification: 'preferred',
    allowCredentials: credentials.map((f) => ({
      id: f.credentialId!,
      transports: (f.transports ?? []) as AuthenticatorTransportFuture[],
    })),
  });
  const flowId = await beginFlow(
    db,
    ctx.actor,
    sessionId!,
    FLOW_KIND[purpose],
    options.challenge,
    rp,
  );
  // Spread into a plain object: the contract types the options as open JSON.
  return { flowId, options: { ...options } };
}

/**
 * Checks an assertion against a flow this user began: the challenge, origin
 * and rp ID, a credential of this very user, its signature, and a signature
 * counter that moved forward (a cloned authenticator falls behind). The
 * counter is stored. A step-up (A's route) calls this without a session ID;
 * the flow was still begun by this user. Throws `webauthn_failed`.
 */
export async function verifyWebAuthnAssertion(
  db: Db,
  actor: Actor,
  flowId: string,
  response: unknown,
  options: { sessionId?: string | null; purpose?: AssertionPurpose } = {},
): Promise<{ factorId: string }> {
  const organizationId = actor.organizationId;
  const flow = await takeFlow(
    db,
    actor,
    options.sessionId ?? null,
    flowId,
    FLOW_KIND[options.purpose ?? 'step_up'],
  );
  const parsed = webauthnAuthenticationResponseSchema.safeParse(response);
  if (!parsed.success) throw webauthnRefused();
  const assertion = parsed.data as AuthenticationResponseJSON;
  const factor = await webauthnRepo.findCredential(db, organizationId, actor.userId!, assertion.id);
  if (!factor?.publicKey || !factor.credentialId) throw webauthnRefused();
  // A passkey names the account it belongs to; it must be this user.
  const handle = assertion.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(actor.userId!))) {
    throw webauthnRefused();
  }
  const result = await verifyAuthenticationResponse({
    response: assertion,
    expectedChallenge: flow.challenge,
    expectedOrigin: flow.origin,
    expectedRPID: flow.rpId,
    requireUserVerification: false,
    credential: {
      id: factor.credentialId,
      publicKey: isoBase64URL.toBuffer(factor.publicKey),
      counter: factor.signCount ?? 0,
      transports: (factor.transports ?? []) as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!result?.verified) throw webauthnRefused();
  const newCount = result.authenticationInfo.newCounter;
  if (!(await webauthnRepo.advanceSignCount(db, organizationId, factor.id, newCount))) {
    throw webauthnRefused();
  }
  return { factorId: factor.id };
}

/**
 * The second step of a sign-in with a passkey or security key: completes the
 * session (stage 'complete', mfa_method 'webauthn', audited as
 * `session.mfa_verified`). Failures count for the same throttle as codes.
 */
export async function completeMfaWithWebAuthn(
  db: Db,
  ctx: RequestContext,
  sessionId: string | null,
  input: WebAuthnAssertionInput & { ipAddress: string | null },
  s: ThrottleSettings,
) {
  const userId = sessionUser(ctx.actor, sessionId);
  await requireStage(db, ctx.actor.organizationId, sessionId!, 'mfa');
  const attempt = await beginFactorAttempt(db, userId, input.ipAddress, s);
  await verifyWebAuthnAssertion(db, ctx.actor, input.flowId, input.response, {
    sessionId,
    purpose: 'login',
  });
  await db.transaction((tx) => completeSecondFactor(tx, ctx, sessionId!, 'webauthn'));
  await attempt.succeeded();
}
