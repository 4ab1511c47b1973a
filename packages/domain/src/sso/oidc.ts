import * as client from 'openid-client';
import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import { OIDC_DEFAULTS, type OidcSettings } from '@mamoru/contracts';
import type { AuthSettings, LoginMeta } from '../identity/sessions.ts';
import { openSecret } from '../identity/secret-box.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';
import { SsoRefusal, signInWithIdentity, type IdentityClaims } from './sign-in.ts';

/**
 * OpenID Connect relying party (openid-client 6): authorization code flow
 * with PKCE (S256), state and nonce. The flow's state lives in auth_flows
 * (id = SHA-256 of `state`) so any server instance can finish it, and is bound
 * to the browser that started it through a handle cookie (SHA-256 kept), so a
 * callback URL planted in another browser signs no one in there.
 */

export const OIDC_FLOW_MINUTES = 10;
/** Discovery documents are cached per process, briefly: key rotation and config changes come through. */
const DISCOVERY_TTL_MS = 5 * 60_000;
/** `amr` values (RFC 8176) that stand for a factor beyond the password. */
const MFA_AMR = new Set(['mfa', 'otp', 'hwk', 'sms', 'sc', 'fpt', 'face', 'iris', 'retina', 'tel']);

export function oidcSettingsOf(provider: Pick<IdentityProviderRow, 'settings'>): OidcSettings {
  return { ...OIDC_DEFAULTS, ...(provider.settings as Partial<OidcSettings>) } as OidcSettings;
}

/** Plain http only towards this machine (a development or test IdP); elsewhere https. */
function isLoopback(url: URL) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const configs = new Map<string, { at: number; config: Promise<client.Configuration> }>();

/** The provider's discovered configuration, keyed by its version (a change rediscovers). */
function configurationOf(provider: IdentityProviderRow): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.version}`;
  const cached = configs.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const settings = oidcSettingsOf(provider);
  const issuer = new URL(settings.issuer);
  const secret = provider.clientSecret ? openSecret(provider.clientSecret) : undefined;
  const config = client.discovery(
    issuer,
    settings.clientId,
    secret,
    secret ? client.ClientSecretPost(secret) : client.None(),
    issuer.protocol === 'http:' && isLoopback(issuer)
      ? { execute: [client.allowInsecureRequests] }
      : {},
  );
  configs.set(key, { at: Date.now(), config });
  // A failed discovery is not kept: the next sign-in tries again.
  config.catch(() => configs.delete(key));
  return config;
}

export interface OidcStart {
  /** The IdP's authorization URL to redirect the browser to. */
  url: string;
  /** The browser's handle of the flow, for a short-lived cookie. */
  browserHandle: string;
}

/** Begins the code flow: state, nonce and PKCE verifier kept OIDC_FLOW_MINUTES. */
export async function startOidcSignIn(
  db: Db,
  provider: IdentityProviderRow,
  input: { redirectUri: string; returnTo: string | null },
): Promise<OidcStart> {
  if (!provider.enabled) throw new SsoRefusal('sso_provider_disabled', provider.organizationId);
  let config: client.Configuration;
  try {
    config = await configurationOf(provider);
  } catch {
    throw new SsoRefusal('sso_failed', provider.organizationId);
  }
  const settings = oidcSettingsOf(provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const browserHandle = newSecret(24);
  await authRepo.insertAuthFlow(db, {
    id: sha256(state),
    organizationId: provider.organizationId,
    kind: 'oidc',
    data: {
      providerId: provider.id,
      nonce,
      codeVerifier,
      redirectUri: input.redirectUri,
      returnTo: input.returnTo,
      browser: sha256(browserHandle),
    },
    expiresAt: new Date(Date.now() + OIDC_FLOW_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, browserHandle };
}

interface FlowData {
  providerId: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  returnTo: string | null;
  browser: string;
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** Groups as a list of names; some IdPs send one string (comma or space separated). */
function groupsClaim(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** What the IdP's claims say, by the provider's claim names. */
export function claimsOf(settings: OidcSettings, claims: Record<string, unknown>): IdentityClaims {
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  const verified = claims.email_verified;
  return {
    subject: String(claims.sub ?? ''),
    // An address the IdP itself marks unverified links and creates no one.
    email:
      verified === false || verified === 'false' ? null : stringClaim(claims, settings.emailClaim),
    name: stringClaim(claims, settings.nameClaim),
    groups: groupsClaim(claims, settings.groupsClaim),
    mfa: amr.some((m) => MFA_AMR.has(m)) || (acr !== null && settings.mfaAcrValues.includes(acr)),
  };
}

/**
 * Finishes the code flow from the callback URL: the flow is taken out of
 * auth_flows whatever happens (used once), the browser handle must match, the
 * code is exchanged with the PKCE verifier and the ID token checked (signature,
 * issuer, audience, nonce) by openid-client; the user info is merged in when
 * the ID token lacks the email or groups. Then signInWithIdentity.
 */
export async function finishOidcSignIn(
  db: Db,
  input: { callbackUrl: URL; browserHandle: string | null; meta: LoginMeta },
  settings: AuthSettings,
) {
  const state = input.callbackUrl.searchParams.get('state');
  const flow = state ? await authRepo.consumeAuthFlow(db, sha256(state), 'oidc') : null;
  if (!flow) throw new SsoRefusal('sso_state_invalid', null);
  const data = flow.data as unknown as FlowData;
  const org = flow.organizationId;
  if (!input.browserHandle || sha256(input.browserHandle) !== data.browser) {
    throw new SsoRefusal('sso_state_invalid', org);
  }
  const provider = await ssoRepo.findProvider(db, data.providerId);
  if (!provider || provider.organizationId !== org || provider.kind !== 'oidc') {
    throw new SsoRefusal('sso_state_invalid', org);
  }
  if (!provider.enabled) throw new SsoRefusal('sso_provider_disabled', org);
  const oidc = oidcSettingsOf(provider);
  let claims: Record<string, unknown>;
  try {
    const config = await configurationOf(provider);
    // The callback as the IdP was told it (the public URL), with the query the browser brought.
    const current = new URL(data.redirectUri);
    current.search = input.callbackUrl.search;
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: data.codeVerifier,
      expectedState: state!,
      expectedNonce: data.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
    const missing = !(oidc.emailClaim in claims) || !(oidc.groupsClaim in claims);
    if (missing && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
  } catch (error) {
    throw new SsoRefusal(nonceOrStateError(error) ? 'sso_state_invalid' : 'sso_failed', org);
  }
  const session = await signInWithIdentity(
    db,
    provider,
    claimsOf(oidc, claims),
    input.meta,
    settings,
  );
  return { ...session, returnTo: data.returnTo, provider };
}

/** openid-client's own check of nonce or state failed (a replayed or forged response). */
function nonceOrStateError(error: unknown) {
  // The reason sits in the cause chain (oauth4webapi's error under openid-client's).
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const message = current instanceof Error ? current.message : '';
    if (/nonce|"state"|state mismatch/i.test(message)) return true;
    if ((current as { claim?: unknown }).claim === 'nonce') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Forgets cached discovery documents (tests, or after an IdP's keys changed). */
export function clearOidcCache() {
  configs.clear();
}
