import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  identityProviderCreateSchema,
  identityProviderDeletedSchema,
  identityProviderListSchema,
  identityProviderSchema,
  identityProviderUpdateSchema,
  scimTokenCreatedSchema,
} from '@mamoru/contracts';
import { sso } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { publicBaseOf } from './sso.ts';

const tags = ['sso'];
const manage = { permission: 'organization:manage', stepUp: true } as const;

/**
 * The organization's identity providers (OIDC, SAML) and their SCIM tokens,
 * for administrators. Writes need a recent re-authentication (step-up) and,
 * on an existing provider, If-Match. The client secret is write-only.
 */
export const ssoProviderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/admin/identity-providers',
    {
      schema: { tags, response: { 200: identityProviderListSchema } },
      config: { permission: 'organization:manage' },
    },
    async (request) => ({
      items: await sso.listProviders(db, contextOf(request), publicBaseOf(app, request)),
    }),
  );

  app.post(
    '/admin/identity-providers',
    {
      schema: {
        tags,
        description: 'Adds an OIDC or SAML identity provider (step-up).',
        body: identityProviderCreateSchema,
        response: { 201: identityProviderSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const base = publicBaseOf(app, request);
      const provider = await sso.createProvider(db, contextOf(request), request.body, base);
      setEtag(reply, provider.version);
      return reply.status(201).send(provider);
    },
  );

  app.get(
    '/admin/identity-providers/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: identityProviderSchema } },
      config: { permission: 'organization:manage' },
    },
    async (request, reply) => {
      const base = publicBaseOf(app, request);
      const provider = await sso.getProvider(db, contextOf(request), request.params.id, base);
      setEtag(reply, provider.version);
      return provider;
    },
  );

  app.put(
    '/admin/identity-providers/:id',
    {
      schema: {
        tags,
        description:
          'Changes a provider (If-Match, step-up). Omitted fields stay; settings merge; ' +
          'clientSecret: a new one, null to remove it, omitted to keep it.',
        params: idParamsSchema,
        body: identityProviderUpdateSchema,
        response: { 200: identityProviderSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const provider = await sso.updateProvider(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
        publicBaseOf(app, request),
      );
      setEtag(reply, provider.version);
      return provider;
    },
  );

  app.delete(
    '/admin/identity-providers/:id',
    {
      schema: {
        tags,
        description:
          'Removes a provider (If-Match, step-up); one with linked users is disabled instead.',
        params: idParamsSchema,
        response: { 200: identityProviderDeletedSchema },
      },
      config: manage,
    },
    async (request) =>
      sso.deleteProvider(db, contextOf(request), request.params.id, requireIfMatch(request)),
  );

  app.post(
    '/admin/identity-providers/:id/scim-token',
    {
      schema: {
        tags,
        description:
          'Issues the provider’s SCIM token (step-up), shown once; the previous one stops working.',
        params: idParamsSchema,
        response: { 201: scimTokenCreatedSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const created = await sso.issueScimToken(
        db,
        contextOf(request),
        request.params.id,
        publicBaseOf(app, request),
      );
      return reply.status(201).send(created);
    },
  );
};
