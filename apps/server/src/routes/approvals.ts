import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalDecisionSchema,
  approvalPolicySchema,
  approvalPolicyUpdateSchema,
  approvalQuerySchema,
  approvalSchema,
  approvalSummarySchema,
  idParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { approvalSummaries, approvals } from '@mamoru/domain';
import type { FastifyRequest } from 'fastify';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { contextOf } from '../plugins/auth.ts';

const tags = ['approvals'];

/** The approvals inbox, decisions, and who signs off what (policies). */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const presentAll = (request: FastifyRequest, rows: ApprovalRow[]) =>
    approvals.presentApprovals(db, contextOf(request).actor.organizationId, rows);
  const present = async (request: FastifyRequest, row: ApprovalRow) =>
    (await presentAll(request, [row]))[0]!;
  app.get(
    '/approvals',
    {
      schema: {
        tags,
        querystring: approvalQuerySchema,
        response: { 200: pageSchema(approvalSchema) },
      },
      config: { permission: 'approvals:read' },
    },
    async (request) => {
      const page = await approvals.listApprovals(db, contextOf(request), request.query);
      return { items: await presentAll(request, page.items), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/approvals/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: approvalSchema } },
      config: { permission: 'approvals:read' },
    },
    async (request) =>
      present(request, await approvals.getApproval(db, contextOf(request), request.params.id)),
  );
  app.get(
    '/approvals/:id/summary',
    {
      schema: {
        tags,
        summary:
          'What the approval asks to approve: the object, a link, the requester and the changes',
        params: idParamsSchema,
        response: { 200: approvalSummarySchema },
      },
      config: { permission: 'approvals:read' },
    },
    async (request) =>
      approvalSummaries.summarizeApproval(db, contextOf(request), request.params.id),
  );
  app.post(
    '/approvals/:id/decision',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: approvalDecisionSchema,
        response: { 200: approvalSchema },
      },
      config: { authenticated: true },
    },
    async (request) =>
      present(
        request,
        await approvals.decideApproval(
          db,
          contextOf(request),
          request.params.id,
          request.body.decision,
          request.body.comment,
        ),
      ),
  );
  app.post(
    '/approvals/:id/cancel',
    {
      schema: { tags, params: idParamsSchema, response: { 200: approvalSchema } },
      config: { permission: 'approvals:request' },
    },
    async (request) =>
      present(request, await approvals.cancelApproval(db, contextOf(request), request.params.id)),
  );
  app.get(
    '/approval-policies',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(approvalPolicySchema) }) } },
      config: { permission: 'approvals:read' },
    },
    async (request) => ({
      items: await approvals.listPolicies(db, contextOf(request)),
    }),
  );
  app.put(
    '/approval-policies/:type',
    {
      schema: {
        tags,
        description:
          'Asks top management to approve a change of this policy (202); the policy in force ' +
          'changes only on approval, and never for requests already waiting.',
        params: z.object({ type: z.string().max(64) }),
        body: approvalPolicyUpdateSchema,
        response: { 202: approvalPolicySchema },
      },
      config: { permission: 'approvals:configure', stepUp: true },
    },
    async (request, reply) => {
      const policy = await approvals.requestPolicyChange(
        db,
        contextOf(request),
        request.params.type,
        request.body,
      );
      return reply.status(202).send(policy);
    },
  );
};
