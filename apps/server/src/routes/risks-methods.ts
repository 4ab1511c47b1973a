import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  riskMethodApprovalRequestSchema,
  riskMethodCreateSchema,
  riskMethodDefinitionSchema,
  riskMethodPreviewSchema,
  riskMethodQuerySchema,
  riskMethodSchema,
  riskMethodUpdateSchema,
  riskRecomputeResultSchema,
  type RiskMethodDefinition,
} from '@mamoru/contracts';
import { riskMethods, riskPresenters } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['risks'];
const present = riskPresenters.presentRiskMethod;

/** The risk method (4.2.1.c): drafts, preview, approval by top management. */
export const riskMethodRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risk-methods',
    {
      schema: {
        tags,
        querystring: riskMethodQuerySchema,
        response: { 200: pageSchema(riskMethodSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { status, ...page } = request.query;
      const result = await riskMethods.listMethods(db, contextOf(request), status, page);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );
  app.get(
    '/risk-methods/current',
    {
      schema: {
        tags,
        description: 'The approved method in force (404 before the first approval).',
        response: { 200: riskMethodSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await riskMethods.currentMethod(db, contextOf(request));
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.post(
    '/risk-methods',
    {
      schema: {
        tags,
        description: 'A new draft, from a preset or a full definition.',
        body: riskMethodCreateSchema,
        response: { 201: riskMethodSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskMethods.createMethod(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(present(row));
    },
  );
  app.post(
    '/risk-methods/preview',
    {
      schema: {
        tags,
        description: 'Every cell a definition produces, with its problems; stores nothing.',
        body: riskMethodDefinitionSchema,
        response: { 200: riskMethodPreviewSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => riskMethods.previewDefinition(contextOf(request), request.body),
  );
  app.get(
    '/risk-methods/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskMethodSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await riskMethods.getMethod(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.get(
    '/risk-methods/:id/preview',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskMethodPreviewSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await riskMethods.getMethod(db, ctx, request.params.id);
      return riskMethods.previewDefinition(ctx, row.definition as unknown as RiskMethodDefinition);
    },
  );
  app.patch(
    '/risk-methods/:id',
    {
      schema: {
        tags,
        description: 'Changes a draft (If-Match); approved versions are frozen.',
        params: idParamsSchema,
        body: riskMethodUpdateSchema,
        response: { 200: riskMethodSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskMethods.updateMethod(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.post(
    '/risk-methods/:id/approval',
    {
      schema: {
        tags,
        description:
          'Asks top management to approve the draft as of the If-Match ETag (type ' +
          '`risk_method`). Approval puts it in force and recomputes every risk.',
        params: idParamsSchema,
        body: riskMethodApprovalRequestSchema.nullish(),
        response: { 200: riskMethodSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskMethods.submitMethod(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.post(
    '/risk-methods/recompute',
    {
      schema: {
        tags,
        description: 'Recomputes every risk by the method in force (normally automatic).',
        response: { 200: riskRecomputeResultSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request) => ({ updated: await riskMethods.recompute(db, contextOf(request)) }),
  );
};
