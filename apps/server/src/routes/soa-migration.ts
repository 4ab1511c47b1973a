import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamsSchema,
  soaEntryParamsSchema,
  soaEntryUpdateSchema,
  soaMigrationCreateSchema,
  soaMigrationEntriesQuerySchema,
  soaMigrationEntriesSchema,
  soaMigrationEntrySchema,
  soaMigrationSchema,
  soaMigrationStatusSchema,
  soaVersionSchema,
} from '@mamoru/contracts';
import { exportSoaMigration, soaMigration } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['soa'];
const read = { permission: 'isms:read' } as const;
const write = { permission: 'isms:write' } as const;

/**
 * The migration assistant: drafts an ISO/IEC 27001:2022 statement from the
 * Ver.2.0 statement in force; a reviewer confirms each entry. The draft is a
 * statement like any other (GET /soa/{id}, its ETag, its approval).
 */
export const soaMigrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/soa-migration',
    {
      schema: {
        tags,
        description: 'The statement in force to migrate from, and the draft made from it, if any.',
        response: { 200: soaMigrationStatusSchema },
      },
      config: read,
    },
    async (request) => soaMigration.migrationStatus(db, contextOf(request)),
  );
  app.post(
    '/soa-migration',
    {
      schema: {
        tags,
        description:
          'Drafts the ISO/IEC 27001:2022 statement from the one in force (201). Drafting again returns the draft already made (200), never a second one.',
        body: soaMigrationCreateSchema.nullish(),
        response: { 200: soaMigrationSchema, 201: soaMigrationSchema },
      },
      config: write,
    },
    async (request, reply) => {
      const result = await soaMigration.draftMigration(db, contextOf(request), request.body ?? {});
      return reply.status(result.created ? 201 : 200).send(result.migration);
    },
  );
  app.get(
    '/soa/:id/migration',
    {
      schema: {
        tags,
        description:
          'The migrated statement’s entries (latest version) with their sources, relation and review state; and the source controls that map to nothing.',
        params: idParamsSchema,
        querystring: soaMigrationEntriesQuerySchema,
        response: { 200: soaMigrationEntriesSchema },
      },
      config: read,
    },
    async (request) =>
      soaMigration.listMigrationEntries(db, contextOf(request), request.params.id, request.query),
  );
  app.post(
    '/soa/:id/migration/entries/:controlId/confirm',
    {
      schema: {
        tags,
        description:
          'Confirms one migrated entry, applying the changes sent first (If-Match: ETag of the statement).',
        params: soaEntryParamsSchema,
        body: soaEntryUpdateSchema.nullish(),
        response: { 200: z.object({ item: soaMigrationEntrySchema, version: soaVersionSchema }) },
      },
      config: write,
    },
    async (request, reply) => {
      const { id, controlId } = request.params;
      const result = await soaMigration.confirmMigrationEntry(
        db,
        contextOf(request),
        id,
        controlId,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, result.version.version);
      return result;
    },
  );
  app.get(
    '/soa/:id/migration/export',
    {
      schema: {
        tags,
        description: 'Both statements side by side as XLSX, in the language asked for.',
        params: idParamsSchema,
        querystring: z.object({ lang: z.enum(['ja', 'en']).optional() }),
      },
      config: { ...read, slot: true },
    },
    async (request, reply) => {
      const file = await exportSoaMigration(
        db,
        contextOf(request),
        request.params.id,
        request.query.lang ?? request.locale,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
};
