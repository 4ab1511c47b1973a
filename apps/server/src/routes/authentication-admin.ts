import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalSchema,
  authPolicyInputSchema,
  authPolicySchema,
  factorListSchema,
} from '@mamoru/contracts';
import { approvals, authentication } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['authentication'];
const userParams = z.object({ id: z.uuid() });

/** The organization's sign-in policy and an administrator's view and reset of users' factors. */
export const authenticationAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/admin/auth-policy',
    {
      schema: { tags, response: { 200: authPolicySchema } },
      config: { permission: 'organization:manage' },
    },
    async (request, reply) => {
      const policy = await authentication.getAuthPolicyView(db, contextOf(request));
      setEtag(reply, policy.version);
      return policy;
    },
  );

  app.put(
    '/admin/auth-policy',
    {
      schema: { tags, body: authPolicyInputSchema, response: { 200: authPolicySchema } },
      config: { permission: 'organization:manage', stepUp: true },
    },
    async (request, reply) => {
      const policy = await authentication.updateAuthPolicy(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, policy.version);
      return policy;
    },
  );

  app.get(
    '/users/:id/factors',
    {
      schema: { tags, params: userParams, response: { 200: factorListSchema } },
      config: { permission: 'users:manage' },
    },
    async (request) => authentication.listUserFactors(db, contextOf(request), request.params.id),
  );

  app.post(
    '/users/:id/factors/reset',
    {
      schema: {
        tags,
        params: userParams,
        response: {
          200: z.object({ status: z.literal('reset') }),
          202: z.object({ status: z.literal('pending'), approval: approvalSchema }),
        },
      },
      config: { permission: 'users:manage', stepUp: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await authentication.resetUserFactors(db, ctx, request.params.id);
      if (!result.approval) return { status: 'reset' as const };
      const [approval] = await approvals.presentApprovals(db, ctx.actor.organizationId, [
        result.approval,
      ]);
      return reply.status(202).send({ status: 'pending' as const, approval: approval! });
    },
  );
};
