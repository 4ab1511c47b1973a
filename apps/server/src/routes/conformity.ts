import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  conformityItemParamsSchema,
  conformityItemSchema,
  conformityReportSchema,
} from '@mamoru/contracts';
import { conformity } from '@mamoru/domain';
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
    '/conformity/:itemId',
    {
      schema: { tags, params: conformityItemParamsSchema, response: { 200: conformityItemSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) => conformity.getConformityItem(db, contextOf(request), request.params.itemId),
  );
};
