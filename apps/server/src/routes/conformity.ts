import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conformityExportQuerySchema,
  conformityItemParamsSchema,
  conformityItemSchema,
  conformityReportSchema,
} from '@mamoru/contracts';
import { conformity, conformityExport } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['conformity'];

/** Every requirement item evaluated against the organization's data (read only). */
export const conformityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/conformity',
    {
      schema: { tags, response: { 200: conformityReportSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) => conformity.getConformity(db, contextOf(request)),
  );
  app.get(
    '/conformity/export',
    {
      schema: {
        tags,
        description: 'The readiness report: one row per requirement item, as XLSX or PDF.',
        querystring: conformityExportQuerySchema,
      },
      config: { permission: 'isms:read', slot: true },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const file = await conformityExport.exportReadiness(db, contextOf(request), {
        format,
        lang: lang ?? request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.get(
    '/conformity/:itemId',
    {
      schema: { tags, params: conformityItemParamsSchema, response: { 200: conformityItemSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) => conformity.getConformityItem(db, contextOf(request), request.params.itemId),
  );
};
