import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { nonconformityExportQuerySchema, nonconformityStatisticsSchema } from '@mamoru/contracts';
import { nonconformities as nc } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['improvement'];

/** The nonconformity register's export (XLSX, PDF) and its trend views (ageing, recurrence). */
export const improvementReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/nonconformities/statistics',
    {
      schema: {
        tags,
        description:
          'Open nonconformities by age and severity; causes and clauses shared by two or more.',
        response: { 200: nonconformityStatisticsSchema },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => nc.nonconformityStatistics(db, contextOf(request)),
  );
  app.get(
    '/nonconformities/export',
    {
      schema: {
        tags,
        description: `The filtered register as XLSX or PDF (at most ${nc.exports.EXPORT_MAX_ROWS} entries), in ja or en.`,
        querystring: nonconformityExportQuerySchema,
      },
      config: { permission: 'improvement:read', slot: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, lang: asked, ...q } = request.query;
      const lang = asked ?? request.locale;
      const flag = (v: 'true' | 'false' | undefined) =>
        v === undefined ? undefined : v === 'true';
      const filter = { ...q, open: flag(q.open), overdue: flag(q.overdue) };
      if (format === 'pdf') {
        const pdf = await nc.exports.registerPdf(db, ctx, filter, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="nonconformities.pdf"')
          .send(pdf);
      }
      const rows = await nc.exports.exportRows(db, ctx, filter);
      return sendSpreadsheet(request, reply, 'xlsx', 'nonconformities', [
        {
          name: lang === 'ja' ? '不適合登録簿' : 'Nonconformities',
          header: nc.exports.exportHeader(lang),
          rows: rows.map((r) => nc.exports.exportCells(r, lang)),
        },
      ]);
    },
  );
};
