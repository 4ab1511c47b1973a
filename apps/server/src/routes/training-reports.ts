import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  completionListQuerySchema,
  completionRowSchema,
  pageSchema,
  trainingDashboardQuerySchema,
  trainingDashboardSchema,
  trainingReportQuerySchema,
} from '@mamoru/contracts';
import { training } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['training'];

/**
 * The training dashboard, the person × course completion list and the
 * training records report; each shows the people the reader reaches under
 * training:read (everyone, or oneself and the units one heads).
 */
export const trainingReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/training-dashboard',
    {
      schema: {
        tags,
        description:
          'Completion of required courses per unit (for the chart) with totals, planned ' +
          'sessions ahead, held sessions awaiting evaluation and expiring competences.',
        querystring: trainingDashboardQuerySchema,
        response: { 200: trainingDashboardSchema },
      },
      config: { permission: 'training:read' },
    },
    async (request) => training.trainingDashboard(db, contextOf(request), request.query),
  );

  app.get(
    '/training-completions',
    {
      schema: {
        tags,
        description: 'Required person × course pairs and their status, by person name.',
        querystring: completionListQuerySchema,
        response: { 200: pageSchema(completionRowSchema) },
      },
      config: { permission: 'training:read' },
    },
    async (request) => training.listTrainingCompletions(db, contextOf(request), request.query),
  );

  app.get(
    '/training-report',
    {
      schema: {
        tags,
        description:
          'The training records report (XLSX or PDF, ja or en): completion per unit and per ' +
          'person, attendance with evaluations, quiz results. 422 when a table would exceed ' +
          '5,000 rows (narrow it by course, unit or period).',
        querystring: trainingReportQuerySchema,
      },
      config: { permission: 'training:read', slot: true },
    },
    async (request, reply) => {
      const file = await training.exportTrainingReport(db, contextOf(request), {
        ...request.query,
        lang: request.query.locale ?? request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
