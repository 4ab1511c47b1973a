import {
  OIDC_DEFAULTS,
  SAML_DEFAULTS,
  type IdentityProvider,
  type IdentityProviderCreateInput,
  type IdentityProviderKind,
  type IdentityProviderUpdate,
  type RoleName,
} from '@mamoru/contracts';

/** Roles only a second person's approval grants; a mapping to them opens an approval request. */
export const PRIVILEGED_ROLES: readonly RoleName[] = ['admin', 'top_management'];

export interface MappingRow {
  /** Stable across edits, for React keys only. */
  key: number;
  group: string;
  roles: RoleName[];
}

/** What the identity provider form edits: both kinds' settings, so switching kind loses nothing. */
export interface ProviderDraft {
  kind: IdentityProviderKind;
  name: string;
  enabled: boolean;
  emailDomains: string[];
  jitProvisioning: boolean;
  defaultRoles: RoleName[];
  groupRoles: MappingRow[];
  passwordLoginDisabled: boolean;
  trustIdpMfa: boolean;
  oidc: {
    issuer: string;
    clientId: string;
    scopes: string;
    emailClaim: string;
    groupsClaim: string;
    nameClaim: string;
    mfaAcrValues: string[];
  };
  /** A new client secret typed in; empty keeps the stored one. */
  clientSecret: string;
  /** Remove the stored secret (a public client using PKCE only). */
  removeClientSecret: boolean;
  saml: {
    entryPoint: string;
    idpIssuer: string;
    idpCertificates: string[];
    spEntityId: string;
    emailAttribute: string;
    groupsAttribute: string;
    nameAttribute: string;
    clockSkewSeconds: number | string;
    wantAuthnResponseSigned: boolean;
  };
}

let nextKey = 1;
export function mappingRow(group = '', roles: RoleName[] = []): MappingRow {
  nextKey += 1;
  return { key: nextKey, group, roles };
}

/** A new provider of a kind, with the contract's defaults. */
export function emptyDraft(kind: IdentityProviderKind): ProviderDraft {
  return {
    kind,
    name: '',
    enabled: true,
    emailDomains: [],
    jitProvisioning: false,
    defaultRoles: ['staff'],
    groupRoles: [],
    passwordLoginDisabled: false,
    trustIdpMfa: false,
    oidc: { issuer: '', clientId: '', ...OIDC_DEFAULTS, mfaAcrValues: [] },
    clientSecret: '',
    removeClientSecret: false,
    saml: { entryPoint: '', idpIssuer: '', idpCertificates: [''], ...SAML_DEFAULTS },
  };
}

/** The form's values for a stored provider. */
export function draftOf(provider: IdentityProvider): ProviderDraft {
  const draft = emptyDraft(provider.kind);
  const common = {
    ...draft,
    name: provider.name,
    enabled: provider.enabled,
    emailDomains: [...provider.emailDomains],
    jitProvisioning: provider.jitProvisioning,
    defaultRoles: [...provider.defaultRoles],
    groupRoles: provider.groupRoles.map((m) => mappingRow(m.group, [...m.roles])),
    passwordLoginDisabled: provider.passwordLoginDisabled,
    trustIdpMfa: provider.trustIdpMfa,
  };
  if (provider.kind === 'oidc') {
    return {
      ...common,
      oidc: { ...provider.settings, mfaAcrValues: [...provider.settings.mfaAcrValues] },
    };
  }
  return {
    ...common,
    saml: { ...provider.settings, idpCertificates: [...provider.settings.idpCertificates] },
  };
}

function commonBody(draft: ProviderDraft) {
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    emailDomains: draft.emailDomains.map((d) => d.trim().toLowerCase()).filter(Boolean),
    jitProvisioning: draft.jitProvisioning,
    defaultRoles: draft.defaultRoles,
    // Empty rows are the editor's, not the provider's.
    groupRoles: draft.groupRoles
      .filter((row) => row.group.trim() || row.roles.length)
      .map((row) => ({ group: row.group.trim(), roles: row.roles })),
    passwordLoginDisabled: draft.passwordLoginDisabled,
    trustIdpMfa: draft.trustIdpMfa,
  };
}

function oidcSettings(draft: ProviderDraft) {
  const o = draft.oidc;
  return {
    issuer: o.issuer.trim(),
    clientId: o.clientId.trim(),
    scopes: o.scopes.trim().replace(/\s+/g, ' '),
    emailClaim: o.emailClaim.trim(),
    groupsClaim: o.groupsClaim.trim(),
    nameClaim: o.nameClaim.trim(),
    mfaAcrValues: o.mfaAcrValues.map((v) => v.trim()).filter(Boolean),
  };
}

function samlSettings(draft: ProviderDraft) {
  const s = draft.saml;
  return {
    entryPoint: s.entryPoint.trim(),
    idpIssuer: s.idpIssuer.trim(),
    idpCertificates: s.idpCertificates.map((c) => c.trim()).filter(Boolean),
    spEntityId: s.spEntityId.trim(),
    emailAttribute: s.emailAttribute.trim(),
    groupsAttribute: s.groupsAttribute.trim(),
    nameAttribute: s.nameAttribute.trim(),
    clockSkewSeconds: Number(s.clockSkewSeconds),
    wantAuthnResponseSigned: s.wantAuthnResponseSigned,
  };
}

/** POST body of a new provider. */
export function createBody(draft: ProviderDraft): IdentityProviderCreateInput {
  if (draft.kind === 'oidc') {
    const secret = draft.clientSecret.trim();
    return {
      kind: 'oidc',
      ...commonBody(draft),
      settings: oidcSettings(draft),
      ...(secret ? { clientSecret: secret } : {}),
    };
  }
  return { kind: 'saml', ...commonBody(draft), settings: samlSettings(draft) };
}

/** PUT body: every field as shown; the secret only when replaced or removed. */
export function updateBody(draft: ProviderDraft): IdentityProviderUpdate {
  if (draft.kind === 'oidc') {
    const secret = draft.clientSecret.trim();
    return {
      kind: 'oidc',
      ...commonBody(draft),
      settings: oidcSettings(draft),
      ...(secret
        ? { clientSecret: secret }
        : draft.removeClientSecret
          ? { clientSecret: null }
          : {}),
    };
  }
  return { kind: 'saml', ...commonBody(draft), settings: samlSettings(draft) };
}

/** Groups whose mapping grants a privileged role (they wait for approval at sign-in). */
export function privilegedMappings(draft: ProviderDraft) {
  return draft.groupRoles.filter((row) => row.roles.some((r) => PRIVILEGED_ROLES.includes(r)));
}
