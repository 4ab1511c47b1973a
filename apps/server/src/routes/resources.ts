import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  fiscalYearParamsSchema,
  idParamsSchema,
  ismsResourceSchema,
  pageSchema,
  resourceCreateSchema,
  resourceExportQuerySchema,
  resourceListQuerySchema,
  resourcePlanSchema,
  resourcePlanSubmitSchema,
  resourceSettingsSchema,
  resourceSettingsUpdateSchema,
  resourceSummarySchema,
  resourceUpdateSchema,
} from '@mamoru/contracts';
import { resources } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['resources'];
const { presentResource, presentPlan, presentSummary } = resources;

/**
 * ISMS resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a): the
 * register, the year's summary with the treatment roll-up, the plan's approval
 * by top management, the fiscal year setting and the exports.
 */
export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/resources',
    {
      schema: {
        tags,
        description:
          'One fiscal year of the register, by kind and title (q: title or description).',
        querystring: resourceListQuerySchema,
        response: { 200: pageSchema(ismsResourceSchema) },
      },
      config: { permission: 'resources:read' },
    },
    async (request) => {
      const page = await resources.listResources(db, contextOf(request), request.query);
      return { items: page.items.map(presentResource), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/resources',
    {
      schema: {
        tags,
        description:
          'Registers a resource; a change of what a year plans returns its approved plan to draft (409 while the plan awaits approval).',
        body: resourceCreateSchema,
        response: { 201: ismsResourceSchema },
      },
      config: { permission: 'resources:manage' },
    },
    async (request, reply) => {
      const row = await resources.createResource(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentResource(row));
    },
  );
  app.get(
    '/resources/export',
    {
      schema: {
        tags,
        description: 'The register of a fiscal year with the treatment roll-up, as XLSX or PDF.',
        querystring: resourceExportQuerySchema,
      },
      config: { permission: 'resources:read', slot: true },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { format } = request.query;
      // Default: the fiscal year today falls in, as the register's list does.
      const fiscalYear =
        request.query.fiscalYear ?? (await resources.getSettings(db, ctx)).currentFiscalYear;
      const lang = request.query.lang ?? request.locale;
      const x = resources.exports;
      const name = `resources-${fiscalYear}`;
      if (format === 'pdf') {
        const pdf = await x.registerPdf(db, ctx, fiscalYear, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(pdf);
      }
      const { rows, summary } = await x.exportData(db, ctx, fiscalYear);
      return sendSpreadsheet(request, reply, 'xlsx', name, [
        {
          name: x.registerTitle(fiscalYear, lang),
          header: x.exportHeader(lang),
          rows: rows.map((r) => x.exportCells(r, lang)),
        },
        {
          name: x.treatmentSheetName(lang),
          header: x.treatmentHeader(lang),
          rows: summary.treatment.items.map((a) => [
            a.code,
            a.title,
            a.dueDate,
            a.budget,
            a.resources,
          ]),
        },
      ]);
    },
  );
  app.get(
    '/resources/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: ismsResourceSchema } },
      config: { permission: 'resources:read' },
    },
    async (request, reply) => {
      const row = await resources.getResource(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentResource(row);
    },
  );
  app.patch(
    '/resources/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: resourceUpdateSchema,
        response: { 200: ismsResourceSchema },
      },
      config: { permission: 'resources:manage' },
    },
    async (request, reply) => {
      const row = await resources.updateResource(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentResource(row);
    },
  );
  app.delete(
    '/resources/:id',
    {
      schema: { tags, params: idParamsSchema },
      config: { permission: 'resources:manage' },
    },
    async (request, reply) => {
      await resources.deleteResource(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/resource-summaries/:fiscalYear',
    {
      schema: {
        tags,
        description:
          'Planned against used by kind and activity, the plan and its approval, and treatment actions due within the year. ETag: the plan version.',
        params: fiscalYearParamsSchema,
        response: { 200: resourceSummarySchema },
      },
      config: { permission: 'resources:read' },
    },
    async (request, reply) => {
      const summary = presentSummary(
        await resources.getSummary(db, contextOf(request), request.params.fiscalYear),
      );
      setEtag(reply, summary.plan.version);
      return summary;
    },
  );
  app.post(
    '/resource-plans/:fiscalYear/submit',
    {
      schema: {
        tags,
        description:
          "Asks top management to approve the year's plan as of the If-Match plan version (approval type resource_plan).",
        params: fiscalYearParamsSchema,
        body: resourcePlanSubmitSchema,
        response: { 200: resourcePlanSchema },
      },
      config: { permission: 'resources:manage' },
    },
    async (request, reply) => {
      const plan = presentPlan(
        await resources.submitPlan(
          db,
          contextOf(request),
          request.params.fiscalYear,
          requireIfMatch(request),
          request.body,
        ),
      );
      setEtag(reply, plan.version);
      return plan;
    },
  );

  app.get(
    '/resource-settings',
    {
      schema: { tags, response: { 200: resourceSettingsSchema } },
      config: { permission: 'resources:read' },
    },
    async (request, reply) => {
      const s = await resources.getSettings(db, contextOf(request));
      setEtag(reply, s.version);
      return s;
    },
  );
  app.put(
    '/resource-settings',
    {
      schema: {
        tags,
        description: 'The month the fiscal year starts in (If-Match "0" before the first save).',
        body: resourceSettingsUpdateSchema,
        response: { 200: resourceSettingsSchema },
      },
      config: { permission: 'resources:manage' },
    },
    async (request, reply) => {
      const s = await resources.saveSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, s.version);
      return s;
    },
  );
};
