import type { FastifyInstance } from 'fastify';
import { SCIM_MAX_RESULTS, SCIM_SCHEMA } from '@mamoru/contracts';
import { DomainError } from '@mamoru/domain';
import { baseUrlOf, sendScim } from './scim.ts';

/**
 * What this SCIM service offers (RFC 7643 §5–7): the IdP reads it when the
 * connection is tested. Behind the same token as the resources.
 */

const attr = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  type: 'string' as const,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const SCHEMAS = [
  {
    id: SCIM_SCHEMA.user,
    name: 'User',
    description: 'A Mamoru user; userName is the sign-in email address.',
    attributes: [
      attr('userName', { required: true, uniqueness: 'server' }),
      attr('externalId'),
      attr('displayName'),
      attr('name', {
        type: 'complex',
        subAttributes: [attr('formatted'), attr('givenName'), attr('familyName')],
      }),
      attr('emails', {
        type: 'complex',
        multiValued: true,
        subAttributes: [attr('value'), attr('type'), attr('primary', { type: 'boolean' })],
      }),
      attr('active', { type: 'boolean' }),
      attr('preferredLanguage'),
      attr('groups', {
        type: 'complex',
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [attr('value', { mutability: 'readOnly' }), attr('display')],
      }),
    ],
  },
  {
    id: SCIM_SCHEMA.group,
    name: 'Group',
    description: 'A group of the identity provider; its name maps to Mamoru roles.',
    attributes: [
      attr('displayName', { required: true, uniqueness: 'server' }),
      attr('externalId'),
      attr('members', {
        type: 'complex',
        multiValued: true,
        subAttributes: [attr('value', { mutability: 'immutable' }), attr('display')],
      }),
    ],
  },
];

const RESOURCE_TYPES = [
  { id: 'User', name: 'User', endpoint: '/Users', schema: SCIM_SCHEMA.user },
  { id: 'Group', name: 'Group', endpoint: '/Groups', schema: SCIM_SCHEMA.group },
];

export async function scimDiscoveryRoutes(app: FastifyInstance) {
  const hide = { schema: { hide: true } };
  const meta = (base: string, resourceType: string, path: string) => ({
    resourceType,
    location: `${base}${path}`,
  });
  const list = (resources: unknown[]) => ({
    schemas: [SCIM_SCHEMA.listResponse],
    totalResults: resources.length,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  });
  const resourceTypes = (base: string) =>
    RESOURCE_TYPES.map((t) => ({
      schemas: [SCIM_SCHEMA.resourceType],
      ...t,
      meta: meta(base, 'ResourceType', `/ResourceTypes/${t.id}`),
    }));
  const schemas = (base: string) =>
    SCHEMAS.map((s) => ({
      schemas: [SCIM_SCHEMA.schema],
      ...s,
      meta: meta(base, 'Schema', `/Schemas/${s.id}`),
    }));

  app.get('/ServiceProviderConfig', hide, async (request, reply) => {
    const base = baseUrlOf(app, request);
    return sendScim(reply, 200, {
      schemas: [SCIM_SCHEMA.serviceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer token',
          description: 'The SCIM token issued in the identity provider settings.',
          primary: true,
        },
      ],
      meta: meta(base, 'ServiceProviderConfig', '/ServiceProviderConfig'),
    });
  });

  app.get('/ResourceTypes', hide, async (request, reply) =>
    sendScim(reply, 200, list(resourceTypes(baseUrlOf(app, request)))),
  );
  app.get<{ Params: { id: string } }>('/ResourceTypes/:id', hide, async (request, reply) => {
    const found = resourceTypes(baseUrlOf(app, request)).find((t) => t.id === request.params.id);
    if (!found) throw new DomainError('not_found', 'not_found', { entity: 'ResourceType' });
    return sendScim(reply, 200, found);
  });

  app.get('/Schemas', hide, async (request, reply) =>
    sendScim(reply, 200, list(schemas(baseUrlOf(app, request)))),
  );
  app.get<{ Params: { id: string } }>('/Schemas/:id', hide, async (request, reply) => {
    const found = schemas(baseUrlOf(app, request)).find((s) => s.id === request.params.id);
    if (!found) throw new DomainError('not_found', 'not_found', { entity: 'Schema' });
    return sendScim(reply, 200, found);
  });
}
