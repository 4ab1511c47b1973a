/** SCIM 2.0 provisioning (`/scim/v2`), one namespace for the server. */
export { checkScimToken, scimActor, type ScimCaller, type ScimTokenCheck } from './scim-auth.ts';
export { parseScimFilter, parseScimPath } from './scim-filter.ts';
export * as users from './scim-users.ts';
export * as groups from './scim-groups.ts';
export { etagOf, listResponse, presentScimGroup, presentScimUser, wants } from './scim-present.ts';
