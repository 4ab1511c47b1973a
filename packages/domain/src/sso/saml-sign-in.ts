import type { Db } from '@mamoru/db';
import { DomainError } from '../errors.ts';
import type { AuthSettings, LoginMeta } from '../identity/sessions.ts';
import { signInWithIdentity } from './sign-in.ts';
import { findSamlProvider } from './saml.ts';
import { validateSamlResponse } from './saml-response.ts';

export { samlMetadata, startSamlSignIn, safeReturnTo, samlUrls } from './saml.ts';
export { SAML_REFUSALS, type SamlRefusalCode } from './saml-response.ts';

/**
 * The ACS: a response the IdP posted for provider `providerId` signs its user
 * in, through the same signInWithIdentity as OIDC (linking, just-in-time
 * provisioning, group→role mapping, then openSession). Refusals are thrown as
 * DomainErrors; `organizationId` in them says whose security log they go to.
 */
export async function completeSamlSignIn(
  db: Db,
  providerId: string,
  samlResponse: unknown,
  meta: LoginMeta,
  settings: AuthSettings,
  baseUrl: string,
) {
  const provider = await findSamlProvider(db, providerId);
  try {
    if (!provider.enabled) throw new DomainError('forbidden', 'sso_provider_disabled');
    const { claims, returnTo } = await validateSamlResponse(db, provider, samlResponse, baseUrl);
    const result = await signInWithIdentity(db, provider, claims, meta, settings);
    return { ...result, returnTo };
  } catch (err) {
    throw new SamlSignInRefused(provider.organizationId, err);
  }
}

/** A refused SAML sign-in of a known provider, with the organization it concerns. */
export class SamlSignInRefused extends Error {
  constructor(
    readonly organizationId: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SamlSignInRefused';
  }

  /** The `sso_error` code for the log-in page; unexpected failures stay generic. */
  get code(): string {
    return this.cause instanceof DomainError ? this.cause.code : 'sso_failed';
  }
}
