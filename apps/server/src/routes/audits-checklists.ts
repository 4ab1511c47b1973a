import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  checklistAuditParamsSchema,
  checklistExportQuerySchema,
  checklistImportQuerySchema,
  checklistImportReportSchema,
  checklistLineCreateSchema,
  checklistLineParamsSchema,
  checklistLineSchema,
  checklistLineUpdateSchema,
  checklistOrderSchema,
  checklistResultInputSchema,
  checklistSchema,
  generateChecklistResultSchema,
} from '@mamoru/contracts';
import { audits } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendProblem } from '../plugins/problem.ts';

const tags = ['audits'];
const { checklists, checklistExchange } = audits;
const read = { permission: 'audits:read' } as const;
const conduct = { permission: 'audits:conduct' } as const;

/** The largest checklist workbook accepted back (a few thousand lines fit easily). */
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Checklists of internal audits: generated from the scope, shaped and answered
 * by the team, exchanged as XLSX (findings: audits-findings.ts).
 */
export const auditChecklistRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/audits/:id/checklist',
    {
      schema: { tags, params: checklistAuditParamsSchema, response: { 200: checklistSchema } },
      config: read,
    },
    async (request) => checklists.getChecklist(db, contextOf(request), request.params.id),
  );
  app.post(
    '/audits/:id/checklist/generate',
    {
      schema: {
        tags,
        description:
          'Adds a line for every requirement item and applicable control (SoA in force) of ' +
          'the scope that has none yet; lines already there stay as they are.',
        params: checklistAuditParamsSchema,
        response: { 200: generateChecklistResultSchema },
      },
      config: conduct,
    },
    async (request) => checklists.generateChecklist(db, contextOf(request), request.params.id),
  );
  app.post(
    '/audits/:id/checklist/lines',
    {
      schema: {
        tags,
        params: checklistAuditParamsSchema,
        body: checklistLineCreateSchema,
        response: { 201: checklistLineSchema },
      },
      config: conduct,
    },
    async (request, reply) => {
      const line = await checklists.addLine(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, line.version);
      return reply.status(201).send(line);
    },
  );
  app.patch(
    '/audits/:id/checklist/lines/:lineId',
    {
      schema: {
        tags,
        params: checklistLineParamsSchema,
        body: checklistLineUpdateSchema,
        response: { 200: checklistLineSchema },
      },
      config: conduct,
    },
    async (request, reply) => {
      const { id, lineId } = request.params;
      const ctx = contextOf(request);
      const line = await checklists.updateLine(
        db,
        ctx,
        id,
        lineId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, line.version);
      return line;
    },
  );
  app.delete(
    '/audits/:id/checklist/lines/:lineId',
    { schema: { tags, params: checklistLineParamsSchema }, config: conduct },
    async (request, reply) => {
      const { id, lineId } = request.params;
      await checklists.removeLine(db, contextOf(request), id, lineId);
      return reply.status(204).send();
    },
  );
  app.put(
    '/audits/:id/checklist/order',
    {
      schema: {
        tags,
        params: checklistAuditParamsSchema,
        body: checklistOrderSchema,
        response: { 200: checklistSchema },
      },
      config: conduct,
    },
    async (request) =>
      checklists.reorderLines(db, contextOf(request), request.params.id, request.body.lineIds),
  );
  app.put(
    '/audits/:id/checklist/lines/:lineId/result',
    {
      schema: {
        tags,
        description:
          'Records the result of a line (team members, audit in progress). A nonconformity, ' +
          'observation or OFI raises the line’s finding; conform withdraws an open one.',
        params: checklistLineParamsSchema,
        body: checklistResultInputSchema,
        response: { 200: checklistLineSchema },
      },
      config: conduct,
    },
    async (request, reply) => {
      const { id, lineId } = request.params;
      const ctx = contextOf(request);
      const line = await checklists.recordResult(
        db,
        ctx,
        id,
        lineId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, line.version);
      return line;
    },
  );
  app.get(
    '/audits/:id/checklist/export',
    {
      schema: {
        tags,
        description: 'The checklist as XLSX for offline work; import the filled file back.',
        params: checklistAuditParamsSchema,
        querystring: checklistExportQuerySchema,
      },
      config: { ...read, slot: true },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? request.locale;
      const file = await checklistExchange.exportChecklist(
        db,
        contextOf(request),
        request.params.id,
        lang,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  // The filled workbook is the raw request body.
  await app.register(async (plain) => {
    const files = plain.withTypeProvider<ZodTypeProvider>();
    for (const type of [XLSX, 'application/octet-stream']) {
      files.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
        (_r, body, done) => done(null, body),
      );
    }
    files.post(
      '/audits/:id/checklist/import',
      {
        schema: {
          tags,
          description:
            'Reads a filled checklist workbook (raw XLSX body): every row is checked and ' +
            'reported; results are written only when no row is wrong and dryRun is not true.',
          params: checklistAuditParamsSchema,
          querystring: checklistImportQuerySchema,
          response: { 200: checklistImportReportSchema },
        },
        config: conduct,
        bodyLimit: IMPORT_MAX_BYTES,
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          return sendProblem(request, reply, 415, 'unsupported_media_type', {
            type: String(request.headers['content-type'] ?? ''),
          });
        }
        return checklistExchange.importChecklist(
          db,
          contextOf(request),
          request.params.id,
          request.body,
          request.query.dryRun === 'true',
        );
      },
    );
  });
};
