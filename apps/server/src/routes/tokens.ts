import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenCreateSchema,
  apiTokenCreatedSchema,
  apiTokenSchema,
  idParamsSchema,
} from '@mamoru/contracts';
import { tokens } from '@mamoru/domain';
import type { ApiTokenRow } from '@mamoru/db/repositories/tokens';
import { contextOf } from '../plugins/auth.ts';

const tags = ['identity'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const present = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  permissions: t.permissions,
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
  createdAt: t.createdAt.toISOString(),
});

/** The caller's own API tokens for automation. */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/tokens',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(apiTokenSchema) }) } },
      config: { authenticated: true },
    },
    async (request) => ({
      items: (await tokens.listTokens(db, contextOf(request).actor)).map(present),
    }),
  );
  app.post(
    '/tokens',
    {
      schema: { tags, body: apiTokenCreateSchema, response: { 201: apiTokenCreatedSchema } },
      config: { authenticated: true, stepUp: true },
    },
    async (request, reply) => {
      const { row, secret } = await tokens.createToken(db, contextOf(request), request.body);
      return reply.status(201).send({ ...present(row), token: secret });
    },
  );
  app.delete(
    '/tokens/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: apiTokenSchema } },
      config: { authenticated: true },
    },
    async (request) => present(await tokens.revokeToken(db, contextOf(request), request.params.id)),
  );
};
