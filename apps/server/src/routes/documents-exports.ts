import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  documentExportQuerySchema,
  documentFilesQuerySchema,
  documentVersionParamsSchema,
  fileSchema,
  pageSchema,
} from '@mamoru/contracts';
import { documents, evidenceFiles } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['documents'];

/** RFC 6266 filename*: any document code, in UTF-8, safe in a header. */
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * What a reader takes away from a version: its PDF and its attachments,
 * both authorized exactly like reading the version (staff: documents they
 * own or were distributed, issued, superseded or obsolete versions only).
 */
export const documentExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/documents/:id/versions/:versionId/export.pdf',
    {
      schema: {
        tags,
        description:
          'The version as a PDF: its register facts, the text and the attachments with their ' +
          'SHA-256, in ja or en. A version that is not in force carries a watermark on every ' +
          'page (superseded, obsolete or draft).',
        params: documentVersionParamsSchema,
        querystring: documentExportQuerySchema,
      },
      config: { permission: 'documents:read', slot: true },
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const lang = request.query.lang ?? request.locale;
      const file = await documents.exportVersionPdf(db, contextOf(request), id, versionId, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/documents/:id/versions/:versionId/files',
    {
      schema: {
        tags,
        description:
          'The attachments of a version, for everyone who may read it; download them at ' +
          '/files/{id}/content.',
        params: documentVersionParamsSchema,
        querystring: documentFilesQuerySchema,
        response: { 200: pageSchema(fileSchema) },
      },
      config: { permission: 'documents:read' },
    },
    async (request) => {
      const { id, versionId } = request.params;
      const result = await documents.listVersionFiles(
        db,
        contextOf(request),
        id,
        versionId,
        request.query,
      );
      return { items: result.items.map(evidenceFiles.presentFile), nextCursor: result.nextCursor };
    },
  );
};
