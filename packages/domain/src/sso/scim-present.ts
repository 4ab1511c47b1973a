import {
  SCIM_MAX_RESULTS,
  SCIM_SCHEMA,
  type ScimGroup,
  type ScimListQuery,
  type ScimListResponse,
  type ScimUser,
} from '@mamoru/contracts';
import type { DirectoryGroupRow } from '@mamoru/db/repositories/scim-groups';
import type { ScimUserRow } from '@mamoru/db/repositories/scim-users';

/** SCIM resources as the IdP reads them; `baseUrl` is the `/scim/v2` address. */

/** The weak ETag of a version, also the resource's `meta.version`. */
export const etagOf = (version: number) => `W/"${version}"`;

export interface Membership {
  id: string;
  displayName: string;
}

export function presentScimUser(
  { user, externalId }: ScimUserRow,
  groups: Membership[],
  baseUrl: string,
): ScimUser {
  return {
    schemas: [SCIM_SCHEMA.user],
    id: user.id,
    ...(externalId ? { externalId } : {}),
    userName: user.email,
    displayName: user.displayName,
    name: { formatted: user.displayName },
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: user.active,
    preferredLanguage: user.locale,
    groups: groups.map((g) => ({
      value: g.id,
      display: g.displayName,
      $ref: `${baseUrl}/Groups/${g.id}`,
    })),
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      version: etagOf(user.version),
      location: `${baseUrl}/Users/${user.id}`,
    },
  };
}

/** `members` is left out when the IdP asked for the group without them. */
export function presentScimGroup(
  group: DirectoryGroupRow,
  members: Membership[] | null,
  baseUrl: string,
): ScimGroup {
  return {
    schemas: [SCIM_SCHEMA.group],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.id,
            display: m.displayName,
            $ref: `${baseUrl}/Users/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      version: etagOf(group.version),
      location: `${baseUrl}/Groups/${group.id}`,
    },
  };
}

export interface ScimPage {
  startIndex: number;
  offset: number;
  limit: number;
}

/** startIndex is 1-based; count is capped at the advertised maximum (RFC 7644 §3.4.2.4). */
export function pageOf(query: ScimListQuery): ScimPage {
  const startIndex = Math.max(1, query.startIndex ?? 1);
  const limit = Math.min(SCIM_MAX_RESULTS, Math.max(0, query.count ?? SCIM_MAX_RESULTS));
  return { startIndex, offset: startIndex - 1, limit };
}

export function listResponse<T>(
  resources: T[],
  total: number,
  page: ScimPage,
): ScimListResponse<T> {
  return {
    schemas: [SCIM_SCHEMA.listResponse],
    totalResults: total,
    startIndex: page.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

/** Whether an attribute is wanted under `attributes` / `excludedAttributes`. */
export function wants(query: ScimListQuery, attribute: string): boolean {
  const list = (s: string | undefined) =>
    s
      ?.split(',')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
  const excluded = list(query.excludedAttributes);
  if (excluded?.includes(attribute)) return false;
  const only = list(query.attributes);
  return !only?.length || only.includes(attribute);
}
