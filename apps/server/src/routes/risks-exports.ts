import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { riskExportQuerySchema, treatmentPlanExportQuerySchema } from '@mamoru/contracts';
import { riskExports, riskReports } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { sendSpreadsheet, type Cell } from '../tabular/write.ts';
import { riskFilterOf } from './risks.ts';
import { actionFilterOf } from './risks-plan.ts';

const tags = ['risks'];

async function* flatten<T>(batches: AsyncIterable<T[]>, f: (row: T) => Cell[]) {
  for await (const batch of batches) for (const row of batch) yield f(row);
}

/** The risk assessment report and the risk treatment plan as XLSX (streamed) or PDF. */
export const riskExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risks/export',
    {
      schema: {
        tags,
        description:
          'The risk assessment report of the filtered register: XLSX with every risk, or PDF ' +
          `(the first ${riskExports.PDF_MAX_ROWS} risks), in ja or en.`,
        querystring: riskExportQuerySchema,
      },
      config: { permission: 'isms:read', slot: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const lang = request.query.lang ?? request.locale;
      const filter = riskFilterOf(request.query);
      if (request.query.format === 'pdf') {
        const pdf = await riskReports.riskReport(db, ctx, filter, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="risk-assessment.pdf"')
          .send(pdf);
      }
      const { method, batches } = await riskReports.riskReportRows(db, ctx, filter);
      return sendSpreadsheet(request, reply, 'xlsx', 'risk-assessment', [
        {
          name: lang === 'ja' ? 'リスクアセスメント' : 'Risk assessment',
          header: riskExports.riskHeader(lang),
          rows: flatten(batches, (r) => riskExports.riskCells(r, method, lang)),
        },
      ]);
    },
  );

  app.get(
    '/treatment-plan/export',
    {
      schema: {
        tags,
        description: 'The risk treatment plan as XLSX (streamed) or PDF, in ja or en.',
        querystring: treatmentPlanExportQuerySchema,
      },
      config: { permission: 'isms:read', slot: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const lang = request.query.lang ?? request.locale;
      const filter = actionFilterOf(request.query);
      if (request.query.format === 'pdf') {
        const pdf = await riskReports.planReport(db, ctx, filter, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="risk-treatment-plan.pdf"')
          .send(pdf);
      }
      const rows = riskReports.planRows(db, ctx, filter);
      return sendSpreadsheet(request, reply, 'xlsx', 'risk-treatment-plan', [
        {
          name: lang === 'ja' ? 'リスク対応計画' : 'Risk treatment plan',
          header: riskExports.actionHeader(lang),
          rows: flatten(rows, (a) => riskExports.actionCells(a, lang)),
        },
      ]);
    },
  );
};
