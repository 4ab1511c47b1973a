import type { Db, Executor } from '@mamoru/db';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import * as usersRepo from '@mamoru/db/repositories/users';
import {
  OIDC_DEFAULTS,
  SAML_DEFAULTS,
  type IdentityProvider,
  type IdentityProviderCreate,
  type IdentityProviderUpdate,
  type SamlSettings,
} from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { sealSecret } from '../identity/secret-box.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';
import { samlUrls } from './saml.ts';
import { SsoRefusal } from './sign-in.ts';

/**
 * An organization's identity providers, as its administrators configure them
 * (organization:manage). The OIDC client secret is sealed and never leaves;
 * the SCIM token is shown once and kept as SHA-256.
 */

const ENTITY = 'identity_provider';
const SCIM_TOKEN_PREFIX = 'mamoru_scim_';

/** The URLs the IdP's administrator enters, under the address users open Mamoru at. */
export function providerUrls(
  baseUrl: string,
  provider: Pick<IdentityProviderRow, 'id' | 'settings'>,
) {
  const base = baseUrl.replace(/\/+$/, '');
  const saml = samlUrls(base, provider);
  return {
    redirectUri: `${base}/api/v1/auth/sso/oidc/callback`,
    acsUrl: saml.acsUrl,
    metadataUrl: saml.metadataUrl,
    spEntityId: saml.entityId,
    scimBaseUrl: `${base}/scim/v2`,
  };
}

export function presentProvider(
  row: IdentityProviderRow,
  linkedUsers: number,
  baseUrl: string,
): IdentityProvider {
  const { spEntityId, ...urls } = providerUrls(baseUrl, row);
  const common = {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    emailDomains: row.emailDomains,
    jitProvisioning: row.jitProvisioning,
    defaultRoles: row.defaultRoles as IdentityProvider['defaultRoles'],
    groupRoles: row.groupRoles as IdentityProvider['groupRoles'],
    passwordLoginDisabled: row.passwordLoginDisabled,
    trustIdpMfa: row.trustIdpMfa,
    clientSecretSet: Boolean(row.clientSecret),
    scimTokenSet: Boolean(row.scimTokenHash),
    scimTokenPrefix: row.scimTokenPrefix,
    linkedUsers,
    ...urls,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.kind === 'saml') {
    const settings = { ...SAML_DEFAULTS, ...row.settings, spEntityId } as SamlSettings;
    return { kind: 'saml', ...common, settings };
  }
  const settings = { ...OIDC_DEFAULTS, ...row.settings } as Extract<
    IdentityProvider,
    { kind: 'oidc' }
  >['settings'];
  return { kind: 'oidc', ...common, settings };
}

/** What the audit trail keeps of a provider: never a secret nor the SCIM token's hash. */
function auditable(row: IdentityProviderRow) {
  const { clientSecret, scimTokenHash: _h, createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, clientSecretSet: Boolean(clientSecret) };
}

function checkRoles(input: { defaultRoles?: string[] | undefined }) {
  // The external auditor is temporary and read-only: granted by hand, with an expiry.
  if (input.defaultRoles?.includes('external_auditor')) {
    throw invalid([{ field: 'defaultRoles', code: 'sso_role_not_mappable' }]);
  }
}

/**
 * An email domain leads the log-in page to one organization's providers only:
 * a domain another organization's provider claims is refused.
 */
async function checkDomains(tx: Executor, organizationId: string, domains: readonly string[]) {
  for (const domain of domains) {
    const claimed = await ssoRepo.providersForDomain(tx, domain, false);
    if (claimed.some((p) => p.organizationId !== organizationId)) {
      throw invalid([{ field: 'emailDomains', code: 'sso_domain_taken', params: { domain } }]);
    }
  }
}

async function load(db: Executor, ctx: RequestContext, id: string) {
  const row = await ssoRepo.getProvider(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(ENTITY);
  return row;
}

async function linkedCount(db: Executor, organizationId: string, id: string) {
  return (await ssoRepo.countLinkedUsers(db, organizationId)).get(id) ?? 0;
}

export async function listProviders(db: Db, ctx: RequestContext, baseUrl: string) {
  authorize(ctx.actor, 'organization:manage');
  const org = ctx.actor.organizationId;
  const [rows, linked] = await Promise.all([
    ssoRepo.listProviders(db, org),
    ssoRepo.countLinkedUsers(db, org),
  ]);
  return rows.map((r) => presentProvider(r, linked.get(r.id) ?? 0, baseUrl));
}

export async function getProvider(db: Db, ctx: RequestContext, id: string, baseUrl: string) {
  authorize(ctx.actor, 'organization:manage');
  const row = await load(db, ctx, id);
  return presentProvider(row, await linkedCount(db, row.organizationId, id), baseUrl);
}

export async function createProvider(
  db: Db,
  ctx: RequestContext,
  input: IdentityProviderCreate,
  baseUrl: string,
) {
  authorize(ctx.actor, 'organization:manage');
  checkRoles(input);
  const org = ctx.actor.organizationId;
  const row = await db.transaction(async (tx) => {
    await checkDomains(tx, org, input.emailDomains);
    const { kind, settings, ...common } = input;
    const secret = kind === 'oidc' ? input.clientSecret : undefined;
    const { clientSecret: _s, ...rest } = common as typeof common & { clientSecret?: string };
    const created = await ssoRepo.insertProvider(tx, {
      organizationId: org,
      kind,
      ...rest,
      settings,
      clientSecret: secret ? sealSecret(secret) : null,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'identity_provider.created',
        entityType: ENTITY,
        entityId: created.id,
        after: auditable(created),
      },
    ]);
    return created;
  });
  return presentProvider(row, 0, baseUrl);
}

export async function updateProvider(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: IdentityProviderUpdate,
  baseUrl: string,
) {
  authorize(ctx.actor, 'organization:manage');
  checkRoles(input);
  const org = ctx.actor.organizationId;
  const row = await db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.kind !== input.kind) {
      throw invalid([{ field: 'kind', code: 'sso_kind_unchangeable' }]);
    }
    if (input.emailDomains) await checkDomains(tx, org, input.emailDomains);
    const { kind: _k, settings, ...common } = input;
    const { clientSecret, ...rest } = common as typeof common & { clientSecret?: string | null };
    const merged = { ...before.settings, ...(settings ?? {}) };
    if (input.kind === 'saml' && !(merged as Partial<SamlSettings>).idpCertificates?.length) {
      throw invalid([{ field: 'settings.idpCertificates', code: 'required' }]);
    }
    const changed = await ssoRepo.updateProvider(tx, org, id, expectedVersion, {
      ...rest,
      settings: merged,
      ...(clientSecret === undefined
        ? {}
        : { clientSecret: clientSecret === null ? null : sealSecret(clientSecret) }),
    });
    if (!changed) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'identity_provider.updated',
        entityType: ENTITY,
        entityId: id,
        before: auditable(before),
        after: auditable(changed),
      },
    ]);
    return changed;
  });
  return presentProvider(row, await linkedCount(db, org, id), baseUrl);
}

/**
 * Removes a provider nothing refers to; one with linked users (or SCIM groups,
 * or accepted SAML assertions) is disabled instead, so the audit trail's
 * references and the users' links stay resolvable.
 */
export async function deleteProvider(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorize(ctx.actor, 'organization:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    if (await ssoRepo.providerInUse(tx, org, id)) {
      const changed = await ssoRepo.updateProvider(tx, org, id, expectedVersion, {
        enabled: false,
        scimTokenHash: null,
        scimTokenPrefix: null,
      });
      if (!changed) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'identity_provider.disabled',
          entityType: ENTITY,
          entityId: id,
          before: auditable(before),
          after: auditable(changed),
        },
      ]);
      return { outcome: 'disabled' as const };
    }
    await ssoRepo.deleteProvider(tx, org, id);
    await recordAudit(tx, ctx, [
      {
        action: 'identity_provider.deleted',
        entityType: ENTITY,
        entityId: id,
        before: auditable(before),
      },
    ]);
    return { outcome: 'deleted' as const };
  });
}

/** A new SCIM token (the previous one stops working); returned once, kept as SHA-256. */
export async function issueScimToken(db: Db, ctx: RequestContext, id: string, baseUrl: string) {
  authorize(ctx.actor, 'organization:manage');
  const org = ctx.actor.organizationId;
  const token = `${SCIM_TOKEN_PREFIX}${newSecret(32)}`;
  const prefix = token.slice(0, SCIM_TOKEN_PREFIX.length + 6);
  await db.transaction(async (tx) => {
    const before = await load(tx, ctx, id);
    const changed = await ssoRepo.updateProvider(tx, org, id, null, {
      scimTokenHash: sha256(token),
      scimTokenPrefix: prefix,
    });
    if (!changed) throw notFound(ENTITY);
    await recordAudit(tx, ctx, [
      {
        action: 'identity_provider.scim_token_issued',
        entityType: ENTITY,
        entityId: id,
        after: { prefix, replaced: before.scimTokenPrefix },
      },
    ]);
  });
  return { token, prefix, scimBaseUrl: providerUrls(baseUrl, { id, settings: {} }).scimBaseUrl };
}

/**
 * The providers the log-in page offers for an email address: enabled ones
 * claiming its domain, of one organization only. When a user with the address
 * exists, only their organization's providers; the answer is the same empty
 * list for an unknown domain as for a domain without SSO.
 */
export async function discoverProviders(db: Db, email: string) {
  const at = email.lastIndexOf('@');
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  if (!domain) return [];
  const claimed = await ssoRepo.providersForDomain(db, domain, true);
  if (claimed.length === 0) return [];
  const user = await usersRepo.findUserByEmail(db, email.trim());
  const org = user?.organizationId ?? claimed[0]!.organizationId;
  const mine = claimed.filter((p) => p.organizationId === org);
  // Two organizations claiming one domain is a misconfiguration: offer neither's to strangers.
  if (!user && mine.length !== claimed.length) return [];
  return mine.map((p) => ({ id: p.id, name: p.name, kind: p.kind as 'oidc' | 'saml' }));
}

/**
 * The provider a public sign-in route names by id (any organization: the
 * browser has no session yet). Unknown and disabled ones get the same refusal.
 */
export async function signInProvider(db: Db, id: string) {
  const provider = await ssoRepo.findProvider(db, id);
  if (!provider?.enabled) {
    throw new SsoRefusal('sso_provider_disabled', provider?.organizationId ?? null);
  }
  return provider;
}
