import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  ismsRoleCreateSchema,
  ismsRoleListQuerySchema,
  ismsRoleSchema,
  ismsRoleUpdateSchema,
  myRoleSchema,
  roleAssignmentCreateSchema,
  roleAssignmentSchema,
  roleAssignmentUpdateSchema,
} from '@mamoru/contracts';
import { people } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['people'];
const roleList = z.object({ items: z.array(ismsRoleSchema) });

/**
 * ISMS roles (5.1.c), their holders and deputies, and each holder's
 * acknowledgement of what the role answers for (5.1.d). The domain narrows
 * writes to the ISMS manager ('all' reach of people:manage).
 */
export const peopleRoleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/isms-roles',
    {
      schema: {
        tags,
        description: 'The register of ISMS roles (at most 200) with their current assignments.',
        querystring: ismsRoleListQuerySchema,
        response: { 200: roleList },
      },
      config: { permission: 'people:read' },
    },
    async (request) => ({
      items: await people.listRoles(db, contextOf(request), request.query.active),
    }),
  );
  app.post(
    '/isms-roles',
    {
      schema: { tags, body: ismsRoleCreateSchema, response: { 201: ismsRoleSchema } },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const role = await people.createRole(db, contextOf(request), request.body);
      setEtag(reply, role.version);
      return reply.status(201).send(role);
    },
  );
  app.post(
    '/isms-roles/defaults',
    {
      schema: {
        tags,
        description:
          'Loads the shipped ISMS roles (ja/en) into an organization that has none; 409 otherwise.',
        response: { 201: roleList },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) =>
      reply.status(201).send({ items: await people.loadDefaultRoles(db, contextOf(request)) }),
  );
  app.get(
    '/isms-roles/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: ismsRoleSchema } },
      config: { permission: 'people:read' },
    },
    async (request, reply) => {
      const role = await people.getRole(db, contextOf(request), request.params.id);
      setEtag(reply, role.version);
      return role;
    },
  );
  app.patch(
    '/isms-roles/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: ismsRoleUpdateSchema,
        response: { 200: ismsRoleSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const role = await people.updateRole(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, role.version);
      return role;
    },
  );

  // ---- assignments ----
  app.post(
    '/isms-roles/:id/assignments',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: roleAssignmentCreateSchema,
        response: { 201: roleAssignmentSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.createAssignment(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, row.version);
      return reply.status(201).send(row);
    },
  );
  app.patch(
    '/isms-role-assignments/:id',
    {
      schema: {
        tags,
        description: 'Ends or corrects an assignment (its history stays).',
        params: idParamsSchema,
        body: roleAssignmentUpdateSchema,
        response: { 200: roleAssignmentSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.updateAssignment(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return row;
    },
  );
  app.get(
    '/my-roles',
    {
      schema: {
        tags,
        description: 'The caller’s current ISMS roles with the responsibilities to acknowledge.',
        response: { 200: z.object({ items: z.array(myRoleSchema) }) },
      },
      // training:take or people:read, checked by the domain: every role but none.
      config: { authenticated: true },
    },
    async (request) => ({ items: await people.myRoles(db, contextOf(request)) }),
  );
  app.post(
    '/isms-role-assignments/:id/acknowledge',
    {
      schema: {
        tags,
        description:
          'The assignee acknowledges the role’s current responsibilities (the version read is kept).',
        params: idParamsSchema,
        response: { 200: roleAssignmentSchema },
      },
      // Taking part in the ISMS; the domain lets only the assignee acknowledge.
      config: { permission: 'training:take' },
    },
    async (request, reply) => {
      const row = await people.acknowledgeAssignment(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return row;
    },
  );
};
