/** Single sign-on: identity-provider settings, sign-in on an IdP's word, OpenID Connect. */
export * from './providers.ts';
export {
  signInWithIdentity,
  passwordLoginDisabled,
  SsoRefusal,
  UNUSABLE_PASSWORD_HASH,
  type IdentityClaims,
} from './sign-in.ts';
export { mappedRoles, applyMappedRoles, type MappedRolesOutcome } from './roles.ts';
export {
  startOidcSignIn,
  finishOidcSignIn,
  claimsOf,
  clearOidcCache,
  oidcSettingsOf,
  OIDC_FLOW_MINUTES,
} from './oidc.ts';
export { safeReturnTo, startSamlSignIn } from './saml.ts';
