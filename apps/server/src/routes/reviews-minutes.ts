import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  managementReviewSchema,
  pageQuerySchema,
  pageSchema,
  reviewDecisionCreateSchema,
  reviewDecisionParamsSchema,
  reviewDecisionSchema,
  reviewDecisionUpdateSchema,
  reviewHoldSchema,
  reviewMinutesUpdateSchema,
  reviewSubmitSchema,
} from '@mamoru/contracts';
import { reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['reviews'];
const base = '/management-reviews/:id';
const { presentReview, presentDecision } = reviews;

/**
 * The cross-field rules of a decision (6.3.b's reason, 6.3.c's amount) are the
 * domain's, answered 422 with the field, like a partial update's merged check.
 */
const decisionCreateBody = z.object(reviewDecisionCreateSchema.shape);

/** Holding a review, its minutes and decisions (6.3), approval and distribution. */
export const reviewMinutesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    `${base}/hold`,
    {
      schema: {
        tags,
        description:
          'The review met: inputs prepared → held, with the date and attendance (If-Match).',
        params: idParamsSchema,
        body: reviewHoldSchema,
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const view = await reviews.holdReview(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, view.version);
      return presentReview(view);
    },
  );
  app.patch(
    `${base}/minutes`,
    {
      schema: {
        tags,
        description:
          'Writes the minutes of a held review (If-Match): date, summary, attendance, ' +
          'and the discussion of each input section.',
        params: idParamsSchema,
        body: reviewMinutesUpdateSchema,
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const view = await reviews.updateMinutes(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, view.version);
      return presentReview(view);
    },
  );
  app.get(
    `${base}/decisions`,
    {
      schema: {
        tags,
        description: 'The decisions (outputs 6.3.a–c) in their numbered order.',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(reviewDecisionSchema) },
      },
      config: { permission: 'reviews:read' },
    },
    async (request) => {
      const page = await reviews.listDecisions(
        db,
        contextOf(request),
        request.params.id,
        request.query,
      );
      return { items: page.items.map(presentDecision), nextCursor: page.nextCursor };
    },
  );
  app.post(
    `${base}/decisions`,
    {
      schema: {
        tags,
        description:
          'Records a decision while the review is held; 6.3.b needs procedureReason, ' +
          'only 6.3.c carries an amount.',
        params: idParamsSchema,
        body: decisionCreateBody,
        response: { 201: reviewDecisionSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.recordDecision(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, row.version);
      return reply.code(201).send(presentDecision(row));
    },
  );
  app.patch(
    `${base}/decisions/:decisionId`,
    {
      schema: {
        tags,
        description: 'Changes a decision (If-Match); the rules are checked on the merged decision.',
        params: reviewDecisionParamsSchema,
        body: reviewDecisionUpdateSchema,
        response: { 200: reviewDecisionSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.updateDecision(
        db,
        contextOf(request),
        request.params.id,
        request.params.decisionId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentDecision(row);
    },
  );
  app.delete(
    `${base}/decisions/:decisionId`,
    {
      schema: { tags, params: reviewDecisionParamsSchema },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      await reviews.removeDecision(
        db,
        contextOf(request),
        request.params.id,
        request.params.decisionId,
        requireIfMatch(request),
      );
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        description:
          'Submits the minutes for approval (type `management_review`, top management by ' +
          'default) as of the If-Match ETag; needs the date held and a top management ' +
          'attendee who attended.',
        params: idParamsSchema,
        body: reviewSubmitSchema.nullish(),
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const view = await reviews.submitMinutes(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, view.version);
      return presentReview(view);
    },
  );
  app.post(
    `${base}/distribute`,
    {
      schema: {
        tags,
        description:
          'Distributes the approved minutes (If-Match): from then on everyone in the ' +
          'organization may read them.',
        params: idParamsSchema,
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const view = await reviews.distributeMinutes(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      setEtag(reply, view.version);
      return presentReview(view);
    },
  );
};
