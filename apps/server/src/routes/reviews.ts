import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  managementReviewSchema,
  pageSchema,
  reviewCancelSchema,
  reviewCreateSchema,
  reviewListQuerySchema,
  reviewSettingsSchema,
  reviewSettingsUpdateSchema,
  reviewUpdateSchema,
} from '@mamoru/contracts';
import { reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['reviews'];
const { presentReview } = reviews;
const BASE = '/management-reviews';

/** Management reviews (6.1): planning, attendees, cancellation and the review interval. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    BASE,
    {
      schema: {
        tags,
        description:
          'Reviews, latest planned first, filtered by status and by the year they were ' +
          'planned or held. Staff and owners see only approved minutes that were distributed.',
        querystring: reviewListQuerySchema,
        response: { 200: pageSchema(managementReviewSchema) },
      },
      config: { permission: 'reviews:read' },
    },
    async (request) => {
      const page = await reviews.listReviews(db, contextOf(request), request.query);
      return { items: page.items.map((r) => presentReview(r)), nextCursor: page.nextCursor };
    },
  );
  app.post(
    BASE,
    {
      schema: {
        tags,
        description:
          'Plans a review. Top management must attend (422 review_top_management_required); ' +
          'without an agenda the review gets the default one in the requester’s language.',
        body: reviewCreateSchema,
        response: { 201: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.planReview(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentReview(row));
    },
  );
  app.get(
    `${BASE}/:id`,
    {
      schema: { tags, params: idParamsSchema, response: { 200: managementReviewSchema } },
      config: { permission: 'reviews:read' },
    },
    async (request, reply) => {
      const row = await reviews.getReview(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentReview(row);
    },
  );
  app.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        description: 'Changes the plan while the review is planned or its inputs prepared.',
        params: idParamsSchema,
        body: reviewUpdateSchema,
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.updateReview(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentReview(row);
    },
  );
  app.post(
    `${BASE}/:id/cancel`,
    {
      schema: {
        tags,
        description: 'Cancels a review that has not been held, with the reason.',
        params: idParamsSchema,
        body: reviewCancelSchema,
        response: { 200: managementReviewSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.cancelReview(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body.reason,
      );
      setEtag(reply, row.version);
      return presentReview(row);
    },
  );

  app.get(
    '/management-review-settings',
    {
      schema: {
        tags,
        description:
          'The review interval, the last approved review’s date and when the next is due. ' +
          'ETag "0" while the organization keeps the default (12 months).',
        response: { 200: reviewSettingsSchema },
      },
      config: { permission: 'reviews:read' },
    },
    async (request, reply) => {
      const settings = await reviews.getReviewSettings(db, contextOf(request));
      setEtag(reply, settings.version);
      return settings;
    },
  );
  app.put(
    '/management-review-settings',
    {
      schema: {
        tags,
        body: reviewSettingsUpdateSchema,
        response: { 200: reviewSettingsSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const settings = await reviews.updateReviewSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, settings.version);
      return settings;
    },
  );
};
