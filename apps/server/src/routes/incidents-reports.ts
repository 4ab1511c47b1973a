import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  incidentExportQuerySchema,
  incidentStatisticsQuerySchema,
  incidentStatisticsSchema,
} from '@mamoru/contracts';
import { incidents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['incidents'];

/**
 * Incident statistics (annex 6.3.4) and the register's export (4.3.3).
 * `/incidents/export` is a static route, so Fastify prefers it to the
 * parametric `/incidents/:id` whichever is registered first.
 */
export const incidentReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/incident-statistics',
    {
      schema: {
        tags,
        description:
          'Incidents per month (by discovery, in the organization’s time zone), type and unit, with costs and median times; only incidents the caller sees are counted.',
        querystring: incidentStatisticsQuerySchema,
        response: { 200: incidentStatisticsSchema },
      },
      config: { permission: 'incidents:read' },
    },
    async (request) => incidents.incidentStatistics(db, contextOf(request), request.query),
  );

  app.get(
    '/incidents/export',
    {
      schema: {
        tags,
        description: `The filtered incident register as XLSX or PDF (at most ${incidents.exports.EXPORT_MAX_ROWS} entries), in ja or en; confidential incidents only for those who see them.`,
        querystring: incidentExportQuerySchema,
      },
      config: { permission: 'incidents:read', slot: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format, lang: asked, open, confidential, ...q } = request.query;
      const lang = asked ?? request.locale;
      const flag = (v: 'true' | 'false' | undefined) =>
        v === undefined ? undefined : v === 'true';
      const filter = { ...q, open: flag(open), confidential: flag(confidential) };
      if (format === 'pdf') {
        const pdf = await incidents.exports.registerPdf(db, ctx, filter, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="incidents.pdf"')
          .send(pdf);
      }
      const rows = await incidents.exports.exportRows(db, ctx, filter);
      return sendSpreadsheet(request, reply, 'xlsx', 'incidents', [
        {
          name: incidents.exports.registerTitle(lang),
          header: incidents.exports.exportHeader(lang),
          rows: rows.map((r) => incidents.exports.exportCells(r, lang)),
        },
      ]);
    },
  );
};
