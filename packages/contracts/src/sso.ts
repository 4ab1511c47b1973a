import { z } from 'zod';
import { roleSchema } from './identity.ts';

/**
 * Single sign-on: an organization's identity providers (OpenID Connect or
 * SAML 2.0), how their groups map to roles, and the SCIM token through which
 * they provision users. The OIDC client secret is write-only: responses say
 * only whether one is set.
 */

export const IDENTITY_PROVIDER_KINDS = ['oidc', 'saml'] as const;
export const identityProviderKindSchema = z.enum(IDENTITY_PROVIDER_KINDS);
export type IdentityProviderKind = z.infer<typeof identityProviderKindSchema>;

const shortText = z.string().trim().min(1).max(500);
const claimName = z.string().trim().min(1).max(200);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
/** One PEM certificate (or its bare base64 body, as many IdPs show it). */
const certificate = z.string().trim().min(100).max(20_000);
const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/);

/** OIDC settings without defaults; the create schema adds them. */
const oidcFields = {
  issuer: httpUrl,
  clientId: shortText,
  /** Space-separated; must include `openid`. */
  scopes: z
    .string()
    .trim()
    .max(500)
    .refine((s) => s.split(/\s+/).includes('openid'), { message: 'scopes must include openid' }),
  emailClaim: claimName,
  groupsClaim: claimName,
  nameClaim: claimName,
  /** `acr` values that count as multi-factor, besides an `amr` naming a second factor. */
  mfaAcrValues: z.array(shortText).max(20),
};
export const OIDC_DEFAULTS = {
  scopes: 'openid email profile',
  emailClaim: 'email',
  groupsClaim: 'groups',
  nameClaim: 'name',
  mfaAcrValues: [] as string[],
};

/** SAML settings without defaults; the create schema adds them. */
const samlFields = {
  /** The IdP's single sign-on URL (HTTP-Redirect binding). */
  entryPoint: httpUrl,
  /** The IdP's entity ID (the Issuer of its responses). */
  idpIssuer: shortText,
  /** Signing certificates of the IdP; more than one during a rollover. */
  idpCertificates: z.array(certificate).min(1).max(5),
  /** Our entity ID; empty means `<public url>/api/v1/auth/sso/<id>/saml/metadata`. */
  spEntityId: z.string().trim().max(500),
  emailAttribute: claimName,
  groupsAttribute: claimName,
  nameAttribute: claimName,
  clockSkewSeconds: z.number().int().min(0).max(600),
  /** Require the whole Response signed too (assertions are always required signed). */
  wantAuthnResponseSigned: z.boolean(),
};
export const SAML_DEFAULTS = {
  spEntityId: '',
  emailAttribute: 'email',
  groupsAttribute: 'groups',
  nameAttribute: 'displayName',
  clockSkewSeconds: 120,
  wantAuthnResponseSigned: false,
};

export const oidcSettingsSchema = z.object(oidcFields).meta({ id: 'OidcSettings' });
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
export const samlSettingsSchema = z.object(samlFields).meta({ id: 'SamlSettings' });
export type SamlSettings = z.infer<typeof samlSettingsSchema>;

export const groupRoleMappingSchema = z.object({
  /** The group as the IdP names it (groups claim / attribute value / SCIM displayName). */
  group: z.string().trim().min(1).max(256),
  roles: z.array(roleSchema).min(1).max(7),
});
export type GroupRoleMappingInput = z.infer<typeof groupRoleMappingSchema>;

const commonFields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  /** Users whose email is in one of these domains are offered this IdP at log-in. */
  emailDomains: z.array(emailDomain).max(50),
  /** Create unknown users at their first sign-in. */
  jitProvisioning: z.boolean(),
  /** Roles a user created just in time receives (privileged ones through approval). */
  defaultRoles: z.array(roleSchema).max(7),
  /**
   * Groups → roles, applied at every sign-in: mapped roles are added (admin and
   * top management through a second person's approval); roles the mapping does
   * not cover are never removed.
   */
  groupRoles: z.array(groupRoleMappingSchema).max(200),
  /** Users linked to this IdP cannot log in with a password. */
  passwordLoginDisabled: z.boolean(),
  /** The IdP's MFA (OIDC amr/acr) satisfies the organization's MFA policy. */
  trustIdpMfa: z.boolean(),
};
const COMMON_DEFAULTS = {
  enabled: true,
  emailDomains: [] as string[],
  jitProvisioning: false,
  defaultRoles: ['staff'] as const,
  groupRoles: [] as GroupRoleMappingInput[],
  passwordLoginDisabled: false,
  trustIdpMfa: false,
};

function withDefaults<T extends Record<string, z.ZodType>>(fields: T, defaults: object) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(fields)) {
    out[key] =
      key in defaults
        ? schema.default((defaults as Record<string, unknown>)[key] as never)
        : schema;
  }
  return out as { [K in keyof T]: T[K] | z.ZodDefault<T[K]> };
}

const commonCreate = withDefaults(commonFields, COMMON_DEFAULTS);
const clientSecret = z.string().min(1).max(2000);

export const identityProviderCreateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oidc'),
    ...commonCreate,
    settings: z.object(withDefaults(oidcFields, OIDC_DEFAULTS)),
    /** Omit for a public client (PKCE only). */
    clientSecret: clientSecret.optional(),
  }),
  z.object({
    kind: z.literal('saml'),
    ...commonCreate,
    settings: z.object(withDefaults(samlFields, SAML_DEFAULTS)),
  }),
]);
export type IdentityProviderCreate = z.infer<typeof identityProviderCreateSchema>;
export type IdentityProviderCreateInput = z.input<typeof identityProviderCreateSchema>;

const commonUpdate = z.object(commonFields).partial().shape;
/** PUT with If-Match: the kind must be the provider's; omitted fields stay, settings merge. */
export const identityProviderUpdateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oidc'),
    ...commonUpdate,
    settings: z.object(oidcFields).partial().optional(),
    /** A new secret; null removes it; omitted keeps it. */
    clientSecret: clientSecret.nullable().optional(),
  }),
  z.object({
    kind: z.literal('saml'),
    ...commonUpdate,
    settings: z.object(samlFields).partial().optional(),
  }),
]);
export type IdentityProviderUpdate = z.infer<typeof identityProviderUpdateSchema>;

const providerBase = {
  id: z.uuid(),
  ...commonFields,
  emailDomains: z.array(z.string()),
  groupRoles: z.array(z.object({ group: z.string(), roles: z.array(roleSchema) })),
  /** OIDC only: a client secret is stored (it is never returned). */
  clientSecretSet: z.boolean(),
  /** A SCIM token is issued; its first characters identify it. */
  scimTokenSet: z.boolean(),
  scimTokenPrefix: z.string().nullable(),
  /** Users linked to this IdP; deleting a provider with linked users disables it instead. */
  linkedUsers: z.number().int(),
  /** What the IdP's administrator enters, computed from the public URL. */
  redirectUri: z.string(),
  acsUrl: z.string(),
  metadataUrl: z.string(),
  scimBaseUrl: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};
export const identityProviderSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('oidc'), ...providerBase, settings: oidcSettingsSchema }),
    z.object({
      kind: z.literal('saml'),
      ...providerBase,
      /** spEntityId here is the effective one (the default filled in). */
      settings: samlSettingsSchema,
    }),
  ])
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

export const identityProviderListSchema = z.object({ items: z.array(identityProviderSchema) });
export type IdentityProviderList = z.infer<typeof identityProviderListSchema>;

/** DELETE answers whether the provider was removed or, having linked users, disabled. */
export const identityProviderDeletedSchema = z.object({
  outcome: z.enum(['deleted', 'disabled']),
});

/** Shown once; only its SHA-256 is stored. Issuing again replaces the previous token. */
export const scimTokenCreatedSchema = z.object({
  token: z.string(),
  prefix: z.string(),
  scimBaseUrl: z.string(),
});
export type ScimTokenCreated = z.infer<typeof scimTokenCreatedSchema>;

// --- Public sign-in endpoints -------------------------------------------------

export const ssoDiscoverRequestSchema = z.object({ email: z.string().trim().max(254) });
/** The same empty answer for an unknown domain as for a domain without SSO. */
export const ssoDiscoverResponseSchema = z.object({
  providers: z.array(
    z.object({ id: z.uuid(), name: z.string(), kind: identityProviderKindSchema }),
  ),
});
export type SsoDiscoverResponse = z.infer<typeof ssoDiscoverResponseSchema>;

/** `GET /auth/sso/:id/start?returnTo=/path` (same-origin paths only). */
export const ssoStartQuerySchema = z.object({ returnTo: z.string().max(2000).optional() });

/**
 * Codes the sign-in redirects carry in `/login?sso_error=<code>` (the web
 * shows them in the user's language). SAML refusals add `saml_<reason>`.
 */
export const SSO_ERROR_CODES = [
  /** The IdP refused or the answer could not be verified (OIDC error, bad token). */
  'sso_failed',
  /** Unknown, expired or already used state (also a nonce or PKCE mismatch). */
  'sso_state_invalid',
  'sso_provider_disabled',
  /** The IdP sent no email address for the user. */
  'sso_email_missing',
  /** No such user and just-in-time provisioning is off. */
  'sso_user_unknown',
  'sso_user_inactive',
  /** The email belongs to a user of another organization. */
  'sso_user_conflict',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];
