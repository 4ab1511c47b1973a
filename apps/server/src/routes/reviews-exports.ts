import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, reviewExportQuerySchema } from '@mamoru/contracts';
import { reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['reviews'];

/** The minutes of a management review (議事録) with the input pack annex, as PDF or XLSX. */
export const reviewExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/management-reviews/:id/export',
    {
      schema: {
        tags,
        description:
          'The minutes (PDF with a cover page, or XLSX) in ja or en, with the frozen input pack ' +
          'as an annex; marked as a draft until approved. 409 before the review is held.',
        params: idParamsSchema,
        querystring: reviewExportQuerySchema,
      },
      config: { permission: 'reviews:read', slot: true },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const file = await reviews.exportReviewMinutes(db, contextOf(request), request.params.id, {
        format,
        lang: lang ?? request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
