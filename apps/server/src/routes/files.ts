import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  fileListQuerySchema,
  fileOwnerQuerySchema,
  approvalSchema,
  fileSchema,
  idParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { approvals, evidenceFiles } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { sendProblem } from '../plugins/problem.ts';

const tags = ['files'];
/**
 * Any signed-in caller reaches the routes; the owner object decides (the
 * owner-type map in the domain), since a file is read like its record or
 * document version, whose permissions differ (staff read issued documents).
 */
const FILE_GUARD = { authenticated: true };
const { presentFile } = evidenceFiles;

/** RFC 6266 filename*: any name, in UTF-8, safe in a header. */
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Evidence files: uploads stream into the content-addressed store; every
 * call is authorized like the object the file is attached to.
 */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const maxBytes = app.config.maxUploadBytes;
  // Scoped to these routes: only here is multipart/form-data accepted.
  await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 10 } });

  app.post(
    '/files',
    {
      schema: {
        tags,
        description:
          'Uploads one file (multipart/form-data, field "file") and attaches it to the object ' +
          'named by ownerType and ownerId. The type is detected from the content; files over ' +
          'MAMORU_MAX_UPLOAD_BYTES get 413 and nothing is stored.',
        querystring: fileOwnerQuerySchema,
        response: { 201: fileSchema },
      },
      config: FILE_GUARD,
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendProblem(request, reply, 415, 'unsupported_media_type', {
          type: String(request.headers['content-type'] ?? ''),
        });
      }
      const part = await request.file();
      if (!part) return sendProblem(request, reply, 422, 'file_missing');
      try {
        const row = await evidenceFiles.uploadFile(db, contextOf(request), {
          owner: { type: request.query.ownerType, id: request.query.ownerId },
          originalName: part.filename,
          content: part.file,
          maxBytes,
        });
        return reply.status(201).send(presentFile(row));
      } catch (error) {
        part.file.resume(); // drain what is left so the connection can answer
        const code = (error as { code?: string }).code;
        if (error instanceof evidenceFiles.FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') {
          return sendProblem(request, reply, 413, 'file_too_large', { limit: maxBytes });
        }
        if (error instanceof evidenceFiles.FileTypeNotAllowedError) {
          return sendProblem(request, reply, 415, 'file_type_not_allowed', {
            type: error.mediaType,
          });
        }
        throw error;
      }
    },
  );

  app.get(
    '/files',
    {
      schema: { tags, querystring: fileListQuerySchema, response: { 200: pageSchema(fileSchema) } },
      config: FILE_GUARD,
    },
    async (request) => {
      const { ownerType, ownerId, ...page } = request.query;
      const result = await evidenceFiles.listFiles(
        db,
        contextOf(request),
        { type: ownerType, id: ownerId },
        page,
      );
      return { items: result.items.map(presentFile), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/files/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: fileSchema } },
      config: FILE_GUARD,
    },
    async (request) =>
      presentFile(await evidenceFiles.getFile(db, contextOf(request), request.params.id)),
  );

  app.get(
    '/files/:id/content',
    {
      schema: {
        tags,
        description: 'The bytes, streamed from the store, always as an attachment.',
        params: idParamsSchema,
      },
      config: FILE_GUARD,
    },
    async (request, reply) => {
      const { file, content } = await evidenceFiles.openFile(
        db,
        contextOf(request),
        request.params.id,
      );
      // The first chunk before any header: a file of one chunk is verified
      // whole by then, so altered bytes still get a 409 problem response.
      const iterator = content[Symbol.asyncIterator]();
      const first = await iterator.next();
      async function* all() {
        if (first.done) return;
        yield first.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          yield next.value;
        }
      }
      return reply
        .type(file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachment(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(all()));
    },
  );

  app.delete(
    '/files/:id',
    {
      schema: {
        tags,
        description:
          "Deletes the file (204), or, for a record's evidence, asks for the disposal " +
          'approval (202 with the approval); the bytes go when a second person approves.',
        params: idParamsSchema,
        response: { 202: approvalSchema, 204: z.null().describe('Deleted') },
      },
      config: FILE_GUARD,
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await evidenceFiles.deleteFile(db, ctx, request.params.id);
      if (!result.approval) return reply.status(204).send(null);
      const [approval] = await approvals.presentApprovals(db, ctx.actor.organizationId, [
        result.approval,
      ]);
      return reply.status(202).send(approval!);
    },
  );
};
