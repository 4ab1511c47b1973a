import type { Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';

/**
 * The relying party a ceremony runs for: the rp ID (a host name) that the
 * authenticator scopes the credential to, and the page origin the browser
 * reports. The server derives both from MAMORU_PUBLIC_URL or the request.
 */
export interface RelyingParty {
  id: string;
  origin: string;
}

export const RP_NAME = 'Mamoru';
export const CEREMONY_MINUTES = 5;

export type WebAuthnFlowKind = 'webauthn_register' | 'webauthn_login' | 'webauthn_step_up';

interface FlowData {
  challenge: string;
  rpId: string;
  origin: string;
}

/** Every refusal of a ceremony reads the same: no hint what was wrong. */
export const webauthnRefused = () => new DomainError('unauthenticated', 'webauthn_failed');

/** A person signed in with a browser session; tokens have no authenticator to hold. */
export function sessionUser(actor: Actor, sessionId: string | null) {
  if (!actor.userId || !sessionId || actor.kind !== 'user') {
    throw new DomainError('forbidden', 'webauthn_session_required');
  }
  return actor.userId;
}

/**
 * Keeps a ceremony's challenge for five minutes under the SHA-256 of a random
 * handle (the flow ID) that only this browser receives.
 */
export async function beginFlow(
  db: Executor,
  actor: Actor,
  sessionId: string,
  kind: WebAuthnFlowKind,
  challenge: string,
  rp: RelyingParty,
): Promise<string> {
  const flowId = newSecret();
  const data: FlowData = { challenge, rpId: rp.id, origin: rp.origin };
  await authRepo.insertAuthFlow(db, {
    id: sha256(flowId),
    organizationId: actor.organizationId,
    userId: actor.userId,
    sessionId,
    kind,
    data: { ...data },
    expiresAt: new Date(Date.now() + CEREMONY_MINUTES * 60_000),
  });
  return flowId;
}

/**
 * Takes the flow out of the table (used once, whatever the outcome) and checks
 * it was begun by this user (and this session, when one is given).
 */
export async function takeFlow(
  db: Executor,
  actor: Actor,
  sessionId: string | null,
  flowId: string,
  kind: WebAuthnFlowKind,
): Promise<FlowData> {
  const row = await authRepo.consumeAuthFlow(db, sha256(flowId), kind);
  const mine =
    row &&
    row.organizationId === actor.organizationId &&
    row.userId === actor.userId &&
    (!sessionId || row.sessionId === sessionId);
  if (!mine) throw new DomainError('unauthenticated', 'webauthn_flow_invalid');
  return row.data as unknown as FlowData;
}
