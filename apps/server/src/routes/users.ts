import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  organizationSchema,
  organizationUpdateSchema,
  pageSchema,
  roleMatrixSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '@mamoru/contracts';
import {
  PERMISSIONS,
  ROLES,
  ROLE_GRANTS,
  organization,
  presentOrganization,
  sessions,
  users,
} from '@mamoru/domain';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '@mamoru/db/repositories/users';
import { contextOf, requireStepUp } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['identity'];

/** Users, roles and the organization's own settings (administration). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Each user with any role grant waiting for a second person's approval.
  const present = (request: FastifyRequest, rows: UserRow[]) =>
    users.presentUsers(db, contextOf(request).actor.organizationId, rows);

  app.get(
    '/users',
    {
      schema: { tags, querystring: userListQuerySchema, response: { 200: pageSchema(userSchema) } },
      config: { permission: 'users:read' },
    },
    async (request) => {
      const page = await users.listUsers(db, contextOf(request), request.query);
      return { items: await present(request, page.items), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/users',
    {
      schema: { tags, body: userCreateSchema, response: { 201: userSchema } },
      // A new user always comes with roles: granting them is a sensitive action.
      config: { permission: 'users:manage', stepUp: true },
    },
    async (request, reply) => {
      const user = await users.createUser(db, contextOf(request), request.body);
      setEtag(reply, user.version);
      return reply.status(201).send((await present(request, [user]))[0]!);
    },
  );

  app.get(
    '/users/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: userSchema } },
      config: { permission: 'users:read' },
    },
    async (request, reply) => {
      const user = await users.getUser(db, contextOf(request), request.params.id);
      setEtag(reply, user.version);
      return (await present(request, [user]))[0]!;
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
      config: { permission: 'users:manage' },
    },
    async (request, reply) => {
      // Changing roles is sensitive; other fields (name, language, unit) are not.
      const roles = request.body.roles;
      if (roles) {
        const current = await users.getUser(db, contextOf(request), request.params.id);
        const same =
          roles.length === current.roles.length && roles.every((r) => current.roles.includes(r));
        if (!same) await requireStepUp(app.database, request);
      }
      const user = await users.updateUser(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, user.version);
      return (await present(request, [user]))[0]!;
    },
  );

  app.delete(
    '/users/:id/sessions',
    { schema: { tags, params: idParamsSchema }, config: { permission: 'users:manage' } },
    async (request, reply) => {
      await sessions.endUserSessions(db, contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/roles',
    { schema: { tags, response: { 200: roleMatrixSchema } }, config: { authenticated: true } },
    async () => ({
      roles: [...ROLES],
      permissions: [...PERMISSIONS],
      grants: ROLE_GRANTS as Record<string, Record<string, 'all' | 'own'>>,
    }),
  );

  app.get(
    '/organization',
    {
      schema: { tags, response: { 200: organizationSchema } },
      config: { permission: 'organization:read' },
    },
    async (request, reply) => {
      const org = await organization.getOrganization(db, contextOf(request));
      setEtag(reply, org.version);
      return presentOrganization(org);
    },
  );

  app.patch(
    '/organization',
    {
      schema: { tags, body: organizationUpdateSchema, response: { 200: organizationSchema } },
      config: { permission: 'organization:manage' },
    },
    async (request, reply) => {
      const org = await organization.updateOrganization(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, org.version);
      return presentOrganization(org);
    },
  );
};
