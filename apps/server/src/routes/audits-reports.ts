import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditReportExportQuerySchema,
  auditReportSchema,
  auditReportUpdateSchema,
  idParamsSchema,
} from '@mamoru/contracts';
import { auditReportExport, auditReports } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['audits'];
const { presentReport } = auditReports;

/**
 * The audit report (監査報告書) of one audit: read, word the draft, approve
 * (lead auditor, freezes it), acknowledge (head of an auditee unit), export.
 */
export const auditReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/audits/:id/report',
    {
      schema: {
        tags,
        description:
          'The report: live content while a draft, the frozen snapshot once approved. ' +
          'Version 0 means never saved; send it in If-Match for the first save.',
        params: idParamsSchema,
        response: { 200: auditReportSchema },
      },
      config: { permission: 'audits:read' },
    },
    async (request, reply) => {
      const view = await auditReports.getReport(db, contextOf(request), request.params.id);
      const report = presentReport(view);
      setEtag(reply, report.version);
      return report;
    },
  );
  app.patch(
    '/audits/:id/report',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: auditReportUpdateSchema,
        response: { 200: auditReportSchema },
      },
      config: { permission: 'audits:conduct' },
    },
    async (request, reply) => {
      const view = await auditReports.updateReport(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      const report = presentReport(view);
      setEtag(reply, report.version);
      return report;
    },
  );
  app.post(
    '/audits/:id/report/approve',
    {
      schema: { tags, params: idParamsSchema, response: { 200: auditReportSchema } },
      config: { permission: 'audits:conduct' },
    },
    async (request, reply) => {
      const view = await auditReports.approveReport(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      const report = presentReport(view);
      setEtag(reply, report.version);
      return report;
    },
  );
  app.post(
    '/audits/:id/report/acknowledge',
    {
      schema: { tags, params: idParamsSchema, response: { 200: auditReportSchema } },
      config: { permission: 'audits:respond' },
    },
    async (request, reply) => {
      const view = await auditReports.acknowledgeReport(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      const report = presentReport(view);
      setEtag(reply, report.version);
      return report;
    },
  );
  app.get(
    '/audits/:id/report/export',
    {
      schema: {
        tags,
        description: 'The approved report as PDF (with a cover page) or XLSX, in ja or en.',
        params: idParamsSchema,
        querystring: auditReportExportQuerySchema,
      },
      config: { permission: 'audits:read', slot: true },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const file = await auditReportExport.exportReport(db, contextOf(request), request.params.id, {
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
