import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import type { Db } from '@mamoru/db';
import * as samlRepo from '@mamoru/db/repositories/saml';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import { SAML_DEFAULTS, type SamlSettings } from '@mamoru/contracts';
import { DomainError } from '../errors.ts';
import { sha256 } from '../identity/secrets.ts';

/**
 * SAML 2.0 service provider (SP) side of single sign-on: the AuthnRequest we
 * send (HTTP-Redirect), the metadata the IdP's administrator imports, and the
 * node-saml client both use. Checking the IdP's answer is saml-response.ts.
 */

/** How long the IdP may take to answer an AuthnRequest (the user signs in there). */
export const SAML_REQUEST_MINUTES = 10;

export type SamlProvider = IdentityProviderRow;

/** The provider's settings with the defaults filled in (the stored JSON may predate a field). */
export function samlSettingsOf(provider: SamlProvider): SamlSettings {
  const stored = provider.settings as Partial<SamlSettings>;
  return { ...SAML_DEFAULTS, ...stored } as SamlSettings;
}

/** The SP's URLs for one provider, under the address users open Mamoru at. */
export function samlUrls(baseUrl: string, provider: Pick<SamlProvider, 'id' | 'settings'>) {
  const root = `${baseUrl.replace(/\/+$/, '')}/api/v1/auth/sso/${provider.id}/saml`;
  const configured = (provider.settings as Partial<SamlSettings>).spEntityId?.trim();
  return {
    acsUrl: `${root}/acs`,
    metadataUrl: `${root}/metadata`,
    entityId: configured || `${root}/metadata`,
  };
}

/**
 * A node-saml client for one provider. Signed assertions are always required;
 * the audience is our entity ID; every response must answer a request we sent
 * (`always`), the request IDs living in `cache` (auth_flows, see below).
 */
export function samlClient(provider: SamlProvider, baseUrl: string, cache?: CacheProvider) {
  const settings = samlSettingsOf(provider);
  const urls = samlUrls(baseUrl, provider);
  return new SAML({
    entryPoint: settings.entryPoint,
    issuer: urls.entityId,
    audience: urls.entityId,
    callbackUrl: urls.acsUrl,
    idpCert: settings.idpCertificates ?? [],
    idpIssuer: settings.idpIssuer,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: settings.wantAuthnResponseSigned,
    acceptedClockSkewMs: settings.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SAML_REQUEST_MINUTES * 60_000,
    // The IdP picks the NameID format it is configured with; we take its value as the subject.
    identifierFormat: null,
    // Asking for "password" exactly would stop IdPs from using a stronger method (MFA).
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
    ...(cache ? { cacheProvider: cache } : {}),
  });
}

/** Only a path of this site may be returned to after sign-in (no `//host`, no `/\host`). */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Browsers drop tabs and line breaks from a URL ('/\t/evil.example' becomes '//evil.example'):
  // any control character makes it unsafe.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

/**
 * Keeps the ID of each AuthnRequest node-saml creates as an auth_flows row
 * (id = SHA-256 of the request ID), and answers node-saml's look-ups and
 * removals from there, for this provider only. `consumed` tells whether this
 * process removed the row, so two copies of one response cannot both pass.
 */
export class SamlRequestStore implements CacheProvider {
  consumed = false;
  returnTo: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly provider: SamlProvider,
    private readonly startReturnTo: string | null = null,
  ) {}

  async saveAsync(key: string, value: string) {
    await samlRepo.insertSamlFlow(this.db, {
      id: sha256(key),
      organizationId: this.provider.organizationId,
      providerId: this.provider.id,
      returnTo: this.startReturnTo,
      expiresAt: new Date(Date.now() + SAML_REQUEST_MINUTES * 60_000),
    });
    return { value, createdAt: Date.now() };
  }

  async getAsync(key: string) {
    const flow = await samlRepo.findSamlFlow(
      this.db,
      this.provider.organizationId,
      this.provider.id,
      sha256(key),
    );
    if (!flow) return null;
    this.returnTo = safeReturnTo(flow.data.returnTo);
    return flow.createdAt.toISOString();
  }

  async removeAsync(key: string | null) {
    if (!key) return null;
    const removed = await samlRepo.deleteSamlFlow(
      this.db,
      this.provider.organizationId,
      this.provider.id,
      sha256(key),
    );
    if (removed) this.consumed = true;
    return removed ? key : null;
  }
}

/** A SAML provider of any organization by id (the URL names nothing else). */
export async function findSamlProvider(db: Db, providerId: string) {
  const provider = await ssoRepo.findProvider(db, providerId);
  if (!provider || provider.kind !== 'saml') {
    throw new DomainError('not_found', 'not_found', { entity: 'identity_provider' });
  }
  return provider;
}

/**
 * Where to send the browser to sign in at the IdP: the IdP's SSO URL with a
 * deflated AuthnRequest (HTTP-Redirect binding). Its ID is kept for
 * SAML_REQUEST_MINUTES so the response can be matched to it (InResponseTo).
 */
export async function startSamlSignIn(
  db: Db,
  provider: SamlProvider,
  returnTo: string | null | undefined,
  baseUrl: string,
): Promise<string> {
  // The start route picks the flow by kind; anything else here is a programming error.
  if (provider.kind !== 'saml') throw new Error(`provider ${provider.id} is not a SAML provider`);
  if (!provider.enabled) throw new DomainError('forbidden', 'sso_provider_disabled');
  const store = new SamlRequestStore(db, provider, safeReturnTo(returnTo));
  return samlClient(provider, baseUrl, store).getAuthorizeUrlAsync('', undefined, {});
}

/** SP metadata (entity ID, ACS URL, signed assertions wanted) for the IdP's administrator. */
export async function samlMetadata(db: Db, providerId: string, baseUrl: string) {
  const provider = await findSamlProvider(db, providerId);
  return samlClient(provider, baseUrl).generateServiceProviderMetadata(null, null);
}
