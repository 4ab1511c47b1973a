import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, reviewInputPackSchema } from '@mamoru/contracts';
import { reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['management-reviews'];

/**
 * The input pack of a management review (6.2.a–h): prepared (compiled and
 * frozen) by the ISMS manager, read by everyone who may read the review. The
 * ETag is the review's version, so a preview can be followed by a prepare.
 */
export const reviewInputRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/management-reviews/:id/prepare-inputs',
    {
      schema: {
        tags,
        description:
          'Compiles the inputs from the registers and freezes them (planned → inputs_prepared).',
        params: idParamsSchema,
        response: { 200: reviewInputPackSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const { review, pack } = await reviews.prepareInputs(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      setEtag(reply, review.version);
      return pack;
    },
  );

  app.get(
    '/management-reviews/:id/inputs',
    {
      schema: {
        tags,
        description:
          'The frozen input pack, or before preparation a live preview (preparedAt null, not stored).',
        params: idParamsSchema,
        response: { 200: reviewInputPackSchema },
      },
      config: { permission: 'reviews:read' },
    },
    async (request, reply) => {
      const { review, pack } = await reviews.getInputPack(
        db,
        contextOf(request),
        request.params.id,
      );
      setEtag(reply, review.version);
      return pack;
    },
  );
};
