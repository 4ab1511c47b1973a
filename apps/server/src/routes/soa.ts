import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamsSchema,
  pageQuerySchema,
  pageSchema,
  soaApprovalRequestSchema,
  soaBulkResultSchema,
  soaBulkUpdateSchema,
  soaCreateSchema,
  soaDiffQuerySchema,
  soaDiffSchema,
  soaEntriesQuerySchema,
  soaEntryParamsSchema,
  soaEntryResultSchema,
  soaEntrySchema,
  soaEntryUpdateSchema,
  soaExportQuerySchema,
  soaSchema,
  soaValidationSchema,
  soaVersionQuerySchema,
  soaVersionSchema,
} from '@mamoru/contracts';
import { soa, soaEntries, soaExport } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['soa'];
const read = { permission: 'isms:read' } as const;
const write = { permission: 'isms:write' } as const;
const versionParams = z.object({ id: z.uuid(), versionId: z.uuid() });

/**
 * The Statement of Applicability. Edits go to the open draft under the ETag of
 * the latest version (GET /soa/{id}); after approval they start the next draft.
 */
export const soaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/soa',
    {
      schema: { tags, querystring: pageQuerySchema, response: { 200: pageSchema(soaSchema) } },
      config: read,
    },
    async (request) => soa.listSoas(db, contextOf(request), request.query),
  );
  app.post(
    '/soa',
    {
      schema: {
        tags,
        description:
          'Starts the statement of a scope version, one entry per control, drafted from the risk work.',
        body: soaCreateSchema,
        response: { 201: soaSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const created = await soa.createSoa(db, contextOf(request), request.body);
      setEtag(reply, created.current.version);
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/soa/:id',
    { schema: { tags, params: idParamsSchema, response: { 200: soaSchema } }, config: read },
    async (request, reply) => {
      const found = await soa.getSoa(db, contextOf(request), request.params.id);
      setEtag(reply, found.current.version);
      return found;
    },
  );
  app.get(
    '/soa/:id/versions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: soaVersionQuerySchema,
        response: { 200: pageSchema(soaVersionSchema) },
      },
      config: read,
    },
    async (request) => soa.listVersions(db, contextOf(request), request.params.id, request.query),
  );
  app.get(
    '/soa/:id/entries',
    {
      schema: {
        tags,
        description:
          'The entries of a version in catalog order (bounded by the catalog, so not paged).',
        params: idParamsSchema,
        querystring: soaEntriesQuerySchema,
        response: {
          200: z.object({
            version: soaVersionSchema.pick({ id: true, number: true, status: true, version: true }),
            items: z.array(soaEntrySchema),
          }),
        },
      },
      config: read,
    },
    async (request) => soa.listEntries(db, contextOf(request), request.params.id, request.query),
  );
  app.patch(
    '/soa/:id/entries/:controlId',
    {
      schema: {
        tags,
        description:
          'Changes one entry of the open draft (If-Match: ETag of the statement). `version`, when sent, must not name a frozen version (409).',
        params: soaEntryParamsSchema,
        querystring: z.object({ version: z.uuid().optional() }),
        body: soaEntryUpdateSchema,
        response: { 200: soaEntryResultSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const { id, controlId } = request.params;
      const result = await soaEntries.updateEntry(
        db,
        contextOf(request),
        id,
        controlId,
        requireIfMatch(request),
        request.body,
        request.query.version,
      );
      setEtag(reply, result.version.version);
      return result;
    },
  );
  app.post(
    '/soa/:id/entries/bulk',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: soaBulkUpdateSchema,
        response: { 200: soaBulkResultSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const result = await soaEntries.bulkUpdate(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, result.version.version);
      return result;
    },
  );
  app.post(
    '/soa/:id/draft',
    {
      schema: {
        tags,
        description: 'Drafts again from the risk work; decisions already made are kept.',
        params: idParamsSchema,
        response: { 200: soaBulkResultSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const result = await soaEntries.redraft(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      setEtag(reply, result.version.version);
      return result;
    },
  );
  app.get(
    '/soa/:id/validation',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: z.object({ version: z.uuid().optional() }),
        response: { 200: soaValidationSchema },
      },
      config: read,
    },
    async (request) =>
      soa.validate(db, contextOf(request), request.params.id, request.query.version),
  );
  app.post(
    '/soa/:id/versions/:versionId/approval',
    {
      schema: {
        tags,
        description:
          'Submits the draft for approval (type `soa`); refused with the list of blockers (422) while any remain.',
        params: versionParams,
        body: soaApprovalRequestSchema.nullish(),
        response: { 200: soaSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const result = await soa.requestSoaApproval(
        db,
        contextOf(request),
        id,
        versionId,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, result.current.version);
      return result;
    },
  );
  app.get(
    '/soa/:id/diff',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: soaDiffQuerySchema,
        response: { 200: soaDiffSchema },
      },
      config: read,
    },
    async (request) =>
      soa.diffVersions(
        db,
        contextOf(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );
  app.get(
    '/soa/:id/export',
    {
      schema: {
        tags,
        description: 'The statement as XLSX (Japanese auditor layout) or PDF with a cover page.',
        params: idParamsSchema,
        querystring: soaExportQuerySchema,
      },
      config: { ...read, slot: true },
    },
    async (request, reply) => {
      const { format, lang, version } = request.query;
      const file = await soaExport.exportSoa(db, contextOf(request), request.params.id, {
        format,
        lang: lang ?? request.locale,
        version,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
