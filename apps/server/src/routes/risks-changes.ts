import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  riskChangeReviewCreateSchema,
  riskChangeReviewPatchSchema,
  riskChangeReviewQuerySchema,
  riskChangeReviewSchema,
} from '@mamoru/contracts';
import { riskChangeReviews as reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['risks'];
const present = reviews.presentChangeReview;

/** Reviews of change (4.2.3.c.1–5): per kind, a change with its reassessment or "no change". */
export const riskChangeReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risk-change-reviews',
    {
      schema: {
        tags,
        querystring: riskChangeReviewQuerySchema,
        response: { 200: pageSchema(riskChangeReviewSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await reviews.listChangeReviews(db, contextOf(request), request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/risk-change-reviews',
    {
      schema: {
        tags,
        description:
          'Records whether a kind of change occurred; a change names the reassessment made for it.',
        body: riskChangeReviewCreateSchema,
        response: { 201: riskChangeReviewSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await reviews.recordChangeReview(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(present(row));
    },
  );
  app.get(
    '/risk-change-reviews/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskChangeReviewSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await reviews.getChangeReview(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.patch(
    '/risk-change-reviews/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: riskChangeReviewPatchSchema,
        response: { 200: riskChangeReviewSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await reviews.updateChangeReview(
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
};
