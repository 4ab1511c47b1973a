import { randomBytes, createHash } from 'node:crypto';
import type { LightMyRequestResponse as Response } from 'fastify';
import { schema } from '@mamoru/db';
import { SCIM_CONTENT_TYPE } from '@mamoru/contracts';
import type { GroupRoleMapping } from '@mamoru/db/repositories/scim-users';
import type { App } from './app.ts';

/**
 * SCIM test helpers: an identity provider with a SCIM token, inserted
 * straight into the database as the provider settings would keep it (the
 * token's SHA-256 and its prefix), and a client that calls /scim/v2 with it.
 */

export interface ScimProviderOptions {
  name?: string;
  groupRoles?: GroupRoleMapping[];
  defaultRoles?: string[];
  enabled?: boolean;
}

export async function addScimProvider(
  app: App,
  organizationId: string,
  {
    name = 'Entra ID',
    groupRoles = [],
    defaultRoles = ['staff'],
    enabled = true,
  }: ScimProviderOptions = {},
) {
  const token = `mamoru_scim_${randomBytes(32).toString('base64url')}`;
  const [row] = await app.database.db
    .insert(schema.identityProviders)
    .values({
      organizationId,
      kind: 'oidc',
      name,
      enabled,
      settings: {},
      groupRoles,
      defaultRoles,
      scimTokenHash: createHash('sha256').update(token).digest('hex'),
      scimTokenPrefix: token.slice(0, 'mamoru_scim_'.length + 6),
    })
    .returning();
  return { provider: row!, token, client: scimClient(app, token) };
}

export type ScimClient = ReturnType<typeof scimClient>;

/** Calls /scim/v2 as an IdP would: bearer token, `application/scim+json` bodies. */
export function scimClient(app: App, token: string) {
  const request = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    app.inject({
      method,
      url: `/scim/v2${path}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': SCIM_CONTENT_TYPE }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return {
    request,
    get: (path: string, headers?: Record<string, string>) =>
      request('GET', path, undefined, headers),
    post: (path: string, body: unknown) => request('POST', path, body),
    put: (path: string, body: unknown, headers?: Record<string, string>) =>
      request('PUT', path, body, headers),
    patch: (path: string, operations: unknown[], headers?: Record<string, string>) =>
      request(
        'PATCH',
        path,
        { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations },
        headers,
      ),
    delete: (path: string, headers?: Record<string, string>) =>
      request('DELETE', path, undefined, headers),
  };
}

/** A SCIM user body as Entra ID sends it. */
export function scimUser(email: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: email,
    active: true,
    displayName: `SCIM ${email.split('@')[0]}`,
    emails: [{ primary: true, type: 'work', value: email }],
    name: { givenName: 'Given', familyName: 'Family' },
    ...extra,
  };
}
