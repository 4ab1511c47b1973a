import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import type { FactorAdded, WebAuthnCeremony } from './api';

/** Why the browser's passkey ceremony did not give us a credential. */
export type PasskeyFailure = 'unsupported' | 'cancelled' | 'failed';

export class PasskeyError extends Error {
  readonly reason: PasskeyFailure;
  constructor(reason: PasskeyFailure, cause?: unknown) {
    super(`passkey ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'PasskeyError';
    this.reason = reason;
  }
}

// The WebAuthn library loads only when a passkey is used: the log-in page's budget stays small.
const library = () => import('@simplewebauthn/browser');

function failure(error: unknown): PasskeyError {
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string } | null)?.code;
  // The person closed the browser's prompt, or it timed out: not a fault to report.
  if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED')
    return new PasskeyError('cancelled', error);
  return new PasskeyError('failed', error);
}

async function assertion(ceremony: WebAuthnCeremony) {
  const { startAuthentication, browserSupportsWebAuthn } = await library();
  if (!browserSupportsWebAuthn()) throw new PasskeyError('unsupported');
  try {
    return await startAuthentication({
      optionsJSON: ceremony.options as unknown as Parameters<
        typeof startAuthentication
      >[0]['optionsJSON'],
    });
  } catch (error) {
    throw failure(error);
  }
}

/** Creates a passkey in the browser and registers it as the user's factor. */
export async function registerPasskey(label: string): Promise<FactorAdded> {
  const { startRegistration, browserSupportsWebAuthn } = await library();
  if (!browserSupportsWebAuthn()) throw new PasskeyError('unsupported');
  const ceremony = await api.post<WebAuthnCeremony>('/api/v1/me/factors/webauthn/options');
  let response;
  try {
    response = await startRegistration({
      optionsJSON: ceremony.options as unknown as Parameters<
        typeof startRegistration
      >[0]['optionsJSON'],
    });
  } catch (error) {
    throw failure(error);
  }
  return api.post<FactorAdded>('/api/v1/me/factors/webauthn', {
    flowId: ceremony.flowId,
    response,
    label,
  });
}

/** The second step of signing in, with a passkey; answers the completed session. */
export async function verifyPasskeySignIn(): Promise<SessionInfo> {
  const ceremony = await api.post<WebAuthnCeremony>('/api/v1/auth/mfa/webauthn/options');
  const response = await assertion(ceremony);
  return api.post<SessionInfo>('/api/v1/auth/mfa/webauthn', { flowId: ceremony.flowId, response });
}

/** Confirms a sensitive action with a passkey (step-up). */
export async function stepUpWithPasskey(): Promise<void> {
  const ceremony = await api.post<WebAuthnCeremony>(
    '/api/v1/auth/step-up/webauthn/options',
    undefined,
    { noStepUp: true },
  );
  const response = await assertion(ceremony);
  await api.post(
    '/api/v1/auth/step-up',
    { webauthn: { flowId: ceremony.flowId, response } },
    { noStepUp: true },
  );
}

/** The person's words for a failure: the browser's ceremony or the server's refusal. */
export function passkeyErrorText(t: TFunction, error: unknown): string {
  if (error instanceof PasskeyError) return t(`authentication.passkey.errors.${error.reason}`);
  return error instanceof Error ? error.message : String(error);
}
