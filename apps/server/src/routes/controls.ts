import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  controlCheckCreateSchema,
  controlCheckQuerySchema,
  controlCheckResultCreateSchema,
  controlCheckResultCreatedSchema,
  controlCheckSchema,
  controlCheckUpdateSchema,
  controlDetailSchema,
  controlListQuerySchema,
  controlListSchema,
  controlNonconformityRaiseSchema,
  controlNonconformityRaisedSchema,
  controlOperationPutSchema,
  controlOperationSchema,
  controlParamsSchema,
  controlsExportQuerySchema,
  idParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { controls } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['controls'];

/**
 * Control operation and checks of effectiveness (4.2.2.c, 4.2.2.e, 4.2.3.b,
 * 5.2.1.b, 5.2.1.d): the register of applicable controls, a control's page,
 * its operation, checks, results and nonconformities raised from them. The
 * export routes are static, so Fastify prefers them to `/controls/:controlId`.
 */
export const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/controls',
    {
      schema: {
        tags,
        description:
          'The applicable controls of the current SoA version with operation, owner, coverage, next check and last result (reach own: controls one owns or checks).',
        querystring: controlListQuerySchema,
        response: { 200: controlListSchema },
      },
      config: { permission: 'controls:read' },
    },
    async (request) => controls.listControls(db, contextOf(request), request.query),
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/controls/export.${format}`,
      {
        schema: {
          tags,
          description: `The register of applicable controls and their checks as ${format.toUpperCase()}, in ja or en.`,
          querystring: controlsExportQuerySchema,
        },
        config: { permission: 'controls:read', slot: true },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { lang } = request.query;
        if (format === 'pdf') {
          const pdf = await controls.controlsPdf(db, ctx, lang);
          return reply
            .type('application/pdf')
            .header('content-disposition', 'attachment; filename="controls.pdf"')
            .send(pdf);
        }
        return sendSpreadsheet(
          request,
          reply,
          'xlsx',
          'controls',
          await controls.controlsWorkbook(db, ctx, lang),
        );
      },
    );
  }

  app.get(
    '/controls/:controlId',
    {
      schema: { tags, params: controlParamsSchema, response: { 200: controlDetailSchema } },
      config: { permission: 'controls:read' },
    },
    async (request) => controls.getControl(db, contextOf(request), request.params.controlId),
  );

  app.put(
    '/controls/:controlId/operation',
    {
      schema: {
        tags,
        description:
          'Creates (If-Match "0") or updates the control’s operation; the approved SoA is left untouched.',
        params: controlParamsSchema,
        body: controlOperationPutSchema,
        response: { 200: controlOperationSchema },
      },
      config: { permission: 'controls:operate' },
    },
    async (request, reply) => {
      const op = await controls.putOperation(
        db,
        contextOf(request),
        request.params.controlId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, op.version);
      return op;
    },
  );

  app.post(
    '/controls/:controlId/checks',
    {
      schema: {
        tags,
        params: controlParamsSchema,
        body: controlCheckCreateSchema,
        response: { 201: controlCheckSchema },
      },
      config: { permission: 'controls:manage' },
    },
    async (request, reply) => {
      const check = await controls.createCheck(
        db,
        contextOf(request),
        request.params.controlId,
        request.body,
      );
      setEtag(reply, check.version);
      return reply.status(201).send(check);
    },
  );

  app.get(
    '/control-checks',
    {
      schema: {
        tags,
        description:
          'The checks board by next due date: due=overdue|soon, checkerId=<uuid>|me, controlId.',
        querystring: controlCheckQuerySchema,
        response: { 200: pageSchema(controlCheckSchema) },
      },
      config: { permission: 'controls:read' },
    },
    async (request) => controls.listChecks(db, contextOf(request), request.query),
  );

  app.patch(
    '/control-checks/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: controlCheckUpdateSchema,
        response: { 200: controlCheckSchema },
      },
      config: { permission: 'controls:manage' },
    },
    async (request, reply) => {
      const check = await controls.updateCheck(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, check.version);
      return check;
    },
  );

  app.post(
    '/control-checks/:id/results',
    {
      schema: {
        tags,
        description:
          'Records a performed check; its next due date moves one interval past the day performed.',
        params: idParamsSchema,
        body: controlCheckResultCreateSchema,
        response: { 201: controlCheckResultCreatedSchema },
      },
      config: { permission: 'controls:check' },
    },
    async (request, reply) => {
      const created = await controls.recordResult(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, created.check.version);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/control-check-results/:id/nonconformity',
    {
      schema: {
        tags,
        description:
          'Raises a nonconformity (source control_check) from a partly or not effective result, once.',
        params: idParamsSchema,
        body: controlNonconformityRaiseSchema,
        response: { 201: controlNonconformityRaisedSchema },
      },
      config: { permission: 'controls:check' },
    },
    async (request, reply) => {
      const raised = await controls.raiseNonconformity(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(raised);
    },
  );
};
