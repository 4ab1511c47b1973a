import type { Db, Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { UserRow } from '@mamoru/db/repositories/users';
import type { SsoErrorCode } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError } from '../errors.ts';
import type { Role } from '../identity/permissions.ts';
import { auditableUser } from '../identity/presenters.ts';
import {
  actorForUser,
  userMayAct,
  type AuthSettings,
  type LoginMeta,
} from '../identity/sessions.ts';
import { openSession } from '../authentication/session-start.ts';
import { applyMappedRoles, mappedRoles } from './roles.ts';

/**
 * The end of every single sign-on (OIDC callback, SAML ACS): the IdP has
 * vouched for an account; find or link or create the Mamoru user it stands
 * for, apply the provider's group→role mapping, and open the session.
 */

/** What the IdP said about the user. */
export interface IdentityClaims {
  /** OIDC `sub`, SAML NameID. */
  subject: string;
  /** Only an address the IdP verified (OIDC `email_verified` not false). */
  email?: string | null;
  name?: string | null;
  groups: readonly string[];
  /** The IdP reports a multi-factor sign-in (OIDC amr/acr, SAML AuthnContext). */
  mfa?: boolean;
}

/** A hash no password verifies against: SSO-only users (JIT, SCIM) have no password. */
export const UNUSABLE_PASSWORD_HASH = '!sso-no-password';

/** A refused sign-on: the code for `/login?sso_error=`, and who it concerned for the security log. */
export class SsoRefusal extends DomainError {
  constructor(
    code: SsoErrorCode,
    readonly organizationId: string | null,
    readonly userId: string | null = null,
    readonly account: string | null = null,
  ) {
    super(code === 'sso_provider_disabled' ? 'forbidden' : 'unauthenticated', code);
    this.name = 'SsoRefusal';
  }
}

function domainOf(email: string) {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Linking an existing user and just-in-time creation trust the IdP for the
 * email address only within the domains the provider claims (when it claims
 * any): a multi-tenant IdP (a public Google or Entra endpoint) cannot hand
 * over accounts of other domains.
 */
function emailAllowed(provider: IdentityProviderRow, email: string) {
  return provider.emailDomains.length === 0 || provider.emailDomains.includes(domainOf(email));
}

async function provision(
  tx: Executor,
  provider: IdentityProviderRow,
  claims: IdentityClaims,
  email: string,
  requestId: string | null,
) {
  const org = await orgs.getOrganization(tx, provider.organizationId);
  const name = claims.name?.trim() || email.slice(0, email.indexOf('@'));
  const roles = [...new Set([...provider.defaultRoles, ...mappedRoles(provider, claims.groups)])];
  const user = await usersRepo.insertUser(tx, {
    organizationId: provider.organizationId,
    email,
    displayName: name.slice(0, 100),
    passwordHash: UNUSABLE_PASSWORD_HASH,
    locale: org?.defaultLocale ?? 'ja',
    roles: [],
  });
  const identity = await ssoRepo.insertIdentity(tx, {
    organizationId: provider.organizationId,
    providerId: provider.id,
    userId: user.id,
    subject: claims.subject,
  });
  const ctx: RequestContext = { actor: actorForUser(user), requestId };
  await recordAudit(tx, ctx, [
    {
      action: 'sso.user_provisioned',
      entityType: 'user',
      entityId: user.id,
      after: { ...auditableUser(user), providerId: provider.id, provider: provider.name },
    },
  ]);
  // Default roles go through the same rule as mapped ones: admin never without approval.
  const outcome = await applyMappedRoles(tx, ctx, user, roles as Role[], {
    providerId: provider.id,
    providerName: provider.name,
  });
  return { user: outcome.user, identity };
}

async function link(
  tx: Executor,
  provider: IdentityProviderRow,
  user: UserRow,
  subject: string,
  requestId: string | null,
) {
  const identity = await ssoRepo.insertIdentity(tx, {
    organizationId: provider.organizationId,
    providerId: provider.id,
    userId: user.id,
    subject,
  });
  await recordAudit(tx, { actor: actorForUser(user), requestId }, [
    {
      action: 'sso.user_linked',
      entityType: 'user',
      entityId: user.id,
      after: { providerId: provider.id, provider: provider.name, subject },
    },
  ]);
  return identity;
}

/** The user the IdP account stands for, linked or created here; refusals are SsoRefusal. */
async function resolveUser(
  db: Db,
  provider: IdentityProviderRow,
  claims: IdentityClaims,
  requestId: string | null,
) {
  const org = provider.organizationId;
  return db.transaction(async (tx) => {
    const linked = await ssoRepo.findIdentity(tx, provider.id, claims.subject);
    if (linked) return { user: linked.user, identityId: linked.identity.id, fresh: false };
    const email = claims.email?.trim().toLowerCase();
    if (!email || !email.includes('@')) throw new SsoRefusal('sso_email_missing', org);
    const existing = await usersRepo.findUserByEmail(tx, email);
    if (existing && existing.organizationId !== org) {
      // The address is another organization's user: never say whose.
      throw new SsoRefusal('sso_user_conflict', org, null, email);
    }
    if (!emailAllowed(provider, email)) {
      throw new SsoRefusal('sso_user_unknown', org, existing?.id ?? null, email);
    }
    if (existing) {
      const identity = await link(tx, provider, existing, claims.subject, requestId);
      return { user: existing, identityId: identity.id, fresh: false };
    }
    if (!provider.jitProvisioning) throw new SsoRefusal('sso_user_unknown', org, null, email);
    const created = await provision(tx, provider, claims, email, requestId);
    return { user: created.user, identityId: created.identity.id, fresh: true };
  });
}

/**
 * Signs a user in on an identity provider's word. Finds the user linked to
 * (provider, subject); else links the organization's user with the same
 * (verified) email; else creates one when just-in-time provisioning is on.
 * A user of another organization with that email, an inactive user, or an
 * unknown one without JIT is refused. The group→role mapping runs at every
 * sign-in (see roles.ts); the session is opened by openSession like a
 * password log-in, with the IdP's MFA standing in for Mamoru's second factor
 * only when the provider is trusted for it.
 */
export async function signInWithIdentity(
  db: Db,
  provider: IdentityProviderRow,
  claims: IdentityClaims,
  meta: LoginMeta,
  settings: AuthSettings,
) {
  const org = provider.organizationId;
  if (!provider.enabled) throw new SsoRefusal('sso_provider_disabled', org);
  if (!claims.subject) throw new SsoRefusal('sso_failed', org);
  const found = await resolveUser(db, provider, claims, meta.requestId);
  let user = found.user;
  if (!userMayAct(user)) {
    throw new SsoRefusal('sso_user_inactive', org, user.id, claims.email ?? null);
  }
  if (!found.fresh) {
    user = await db.transaction(async (tx) => {
      const ctx: RequestContext = { actor: actorForUser(user), requestId: meta.requestId };
      const outcome = await applyMappedRoles(tx, ctx, user, mappedRoles(provider, claims.groups), {
        providerId: provider.id,
        providerName: provider.name,
      });
      return outcome.user;
    });
  }
  await ssoRepo.touchIdentity(db, org, found.identityId);
  const kind = provider.kind === 'saml' ? 'saml' : 'oidc';
  return openSession(db, user, meta, settings, {
    method: kind,
    providerId: provider.id,
    idpMfaTrusted: provider.trustIdpMfa && claims.mfa === true,
  });
}

/**
 * Whether a password log-in of this user is refused because an enabled
 * provider they are linked to turns password log-in off.
 */
export async function passwordLoginDisabled(db: Executor, user: UserRow) {
  return ssoRepo.passwordLoginDisabledFor(db, user.organizationId, user.id);
}
