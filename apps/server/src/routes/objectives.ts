import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  measurementCreateSchema,
  measurementDeleteSchema,
  measurementImportReportSchema,
  measurementImportSchema,
  measurementIntakeSchema,
  measurementListQuerySchema,
  measurementParamsSchema,
  objectiveCreateSchema,
  objectiveExportQuerySchema,
  objectiveListQuerySchema,
  objectiveMeasurementSchema,
  objectiveSchema,
  objectiveUpdateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { objectives } from '@mamoru/domain';
import { translate } from '../i18n/messages.ts';
import { contextOf } from '../plugins/auth.ts';
import { sendSpreadsheet } from '../tabular/write.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['objectives'];
const { presentObjective, presentMeasurement } = objectives;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * ISMS objectives (5.1.b, 4.2.1.b.1): the register, an objective, its
 * measurements (by hand, CSV, or a monitoring tool's token), all thin:
 * parse → domain (authorizes, audits) → present.
 */
export const objectiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/objectives',
    {
      schema: {
        tags,
        description:
          'Objectives by code, filtered by status, owner, due date and q (title, metric, plan).',
        querystring: objectiveListQuerySchema,
        response: { 200: pageSchema(objectiveSchema) },
      },
      config: { permission: 'objectives:read' },
    },
    async (request) => {
      const page = await objectives.listObjectives(db, contextOf(request), request.query);
      const day = today();
      return {
        items: page.items.map((o) => presentObjective(o, day)),
        nextCursor: page.nextCursor,
      };
    },
  );
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/objectives/export.${format}`,
      {
        schema: {
          tags,
          description:
            format === 'xlsx'
              ? 'The objectives register with every measurement as XLSX (two sheets), in ja or en.'
              : "The objectives register as PDF: each objective's owner, metric, baseline, target, due date, standing, plan and latest measurements, in ja or en.",
          querystring: objectiveExportQuerySchema,
        },
        config: { permission: 'objectives:read', slot: true },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const lang = request.query.lang ?? request.locale;
        if (format === 'pdf') {
          const pdf = await objectives.exports.objectivePdf(db, ctx, lang, today());
          return reply
            .type('application/pdf')
            .header('content-disposition', 'attachment; filename="objectives.pdf"')
            .send(pdf);
        }
        const sheets = await objectives.exports.objectiveWorkbook(db, ctx, lang, today());
        return sendSpreadsheet(request, reply, 'xlsx', 'objectives', sheets);
      },
    );
  }
  app.post(
    '/objectives',
    {
      schema: { tags, body: objectiveCreateSchema, response: { 201: objectiveSchema } },
      config: { permission: 'objectives:manage' },
    },
    async (request, reply) => {
      const row = await objectives.createObjective(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentObjective(row, today()));
    },
  );
  app.get(
    '/objectives/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: objectiveSchema } },
      config: { permission: 'objectives:read' },
    },
    async (request, reply) => {
      const row = await objectives.getObjective(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentObjective(row, today());
    },
  );
  app.patch(
    '/objectives/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: objectiveUpdateSchema,
        response: { 200: objectiveSchema },
      },
      config: { permission: 'objectives:manage' },
    },
    async (request, reply) => {
      const row = await objectives.updateObjective(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentObjective(row, today());
    },
  );

  // ---- measurements ----
  app.get(
    '/objectives/:id/measurements',
    {
      schema: {
        tags,
        description: 'Measurements newest first, optionally between from and to.',
        params: idParamsSchema,
        querystring: measurementListQuerySchema,
        response: { 200: pageSchema(objectiveMeasurementSchema) },
      },
      config: { permission: 'objectives:read' },
    },
    async (request) => {
      const page = await objectives.listMeasurements(
        db,
        contextOf(request),
        request.params.id,
        request.query,
      );
      return { items: page.items.map(presentMeasurement), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/objectives/:id/measurements',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: measurementCreateSchema,
        response: { 201: objectiveMeasurementSchema },
      },
      config: { permission: 'objectives:measure' },
    },
    async (request, reply) => {
      const row = await objectives.addMeasurement(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentMeasurement(row));
    },
  );
  app.post(
    '/objective-measurements',
    {
      schema: {
        tags,
        description:
          'For monitoring tools: records a value of the objective named by its code (OBJ-001) ' +
          "with a token holding 'objectives:measure'; the measurement's source is api.",
        body: measurementIntakeSchema,
        response: { 201: objectiveMeasurementSchema },
      },
      config: { permission: 'objectives:measure' },
    },
    async (request, reply) => {
      const row = await objectives.takeMeasurement(db, contextOf(request), request.body);
      return reply.status(201).send(presentMeasurement(row));
    },
  );
  app.post(
    '/objectives/:id/measurements/:measurementId/removal',
    {
      schema: {
        tags,
        description:
          'Removes a measurement from the series with a reason (kept in the audit trail).',
        params: measurementParamsSchema,
        body: measurementDeleteSchema,
      },
      config: { permission: 'objectives:measure' },
    },
    async (request, reply) => {
      await objectives.removeMeasurement(
        db,
        contextOf(request),
        request.params.id,
        request.params.measurementId,
        request.body.reason,
      );
      return reply.status(204).send();
    },
  );
  app.post(
    '/objectives/:id/measurements/import',
    {
      schema: {
        tags,
        description:
          'CSV text with the columns measured_on (測定日), value (測定値) and note (備考): every ' +
          'row is recorded, or none when one is at fault (errors name row and column). ' +
          'dryRun checks only.',
        params: idParamsSchema,
        body: measurementImportSchema,
        response: { 200: measurementImportReportSchema },
      },
      config: { permission: 'objectives:measure' },
    },
    async (request) => {
      const result = await objectives.importMeasurements(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return {
        ...result,
        errors: result.errors.map((e) => ({
          ...e,
          message: translate(request.locale, e.code, { column: e.column }),
        })),
      };
    },
  );
};
