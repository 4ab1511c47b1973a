import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CATALOG_IMPORT_HARD_MAX_BYTES,
  catalogImportJobSchema,
  catalogImportPreviewSchema,
  catalogImportRequestQuerySchema,
  catalogLibrarySchema,
  idParamsSchema,
  type CatalogImportJob,
  type CatalogImportPreview,
  type Locale,
} from '@mamoru/contracts';
import { catalog, DomainError } from '@mamoru/domain';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import { localizeFormatParams } from '../i18n/messages-catalog-import.ts';
import { translate } from '../i18n/messages.ts';
import { contextOf } from '../plugins/auth.ts';

const tags = ['catalog'];

const wording =
  (locale: Locale) =>
  (code: string, params: Record<string, string | number> = {}) =>
    translate(locale, code, params);

/** A refusal's params with the words naming what the file looks like in the reader's language. */
function localized(error: unknown, locale: Locale): unknown {
  if (!(error instanceof DomainError)) return error;
  const params = localizeFormatParams(wording(locale), error.code, error.params);
  return params === error.params
    ? error
    : new DomainError(error.kind, error.code, params, error.fieldErrors);
}

function presentPreview(preview: catalog.ImportPreview, locale: Locale): CatalogImportPreview {
  const say = wording(locale);
  return {
    format: preview.format,
    libraryId: preview.libraryId,
    version: preview.version,
    name: Object.fromEntries(
      Object.entries(preview.name).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    languages: [...preview.languages],
    counts: preview.counts,
    warnings: preview.warnings.map((w) => ({ code: w.code, message: say(w.code, w.params) })),
    conflict: preview.conflict
      ? {
          code: preview.conflict.code,
          message: say(preview.conflict.code, preview.conflict.params),
        }
      : null,
  };
}

/** A background import as the API shows it: the library, or the refusal worded for the reader. */
export function presentImportJob(row: JobRow, locale: Locale): CatalogImportJob {
  const say = wording(locale);
  const result = (row.result ?? {}) as catalog.ImportJobResult;
  const errorParams = localizeFormatParams(say, row.error ?? '', result.errorParams ?? {});
  return {
    id: row.id,
    status: row.status as CatalogImportJob['status'],
    phase: row.phase,
    library: row.status === 'succeeded' ? (result.library ?? null) : null,
    error: row.error ? { code: row.error, message: say(row.error, errorParams) } : null,
    issues: (result.issues ?? []).map((f) => ({ field: f.field, reason: say(f.code, f.params) })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/**
 * POST /catalogs/import takes the file itself as the body, in any content
 * type: the format is told from the content (OSCAL JSON, YAML or XML, CISO
 * Assistant framework YAML, Mamoru library JSON). Files up to the server's
 * setting import within the request; larger ones up to the hard cap become a
 * job; above it, 413. `dryRun=true` reports what would be imported.
 */
export const catalogImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Encapsulated: only these routes read every body as raw bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: CATALOG_IMPORT_HARD_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/catalogs/import',
    {
      bodyLimit: CATALOG_IMPORT_HARD_MAX_BYTES,
      schema: {
        tags,
        description:
          'Imports a catalog file sent as the raw body (any content type; the format is ' +
          'detected from the content: OSCAL catalog JSON/YAML/XML, CISO Assistant framework ' +
          'YAML, Mamoru library JSON). Up to MAMORU_CATALOG_IMPORT_MAX_BYTES (default 5 MiB) ' +
          'the import finishes within the request (201); larger files up to 50 MiB answer 202 ' +
          'with a job to poll at /catalogs/import/jobs/{id}; larger ones 413. With dryRun=true ' +
          'nothing is written and the answer (200) reports what would be imported.',
        querystring: catalogImportRequestQuerySchema,
        response: {
          200: catalogImportPreviewSchema,
          201: catalogLibrarySchema,
          202: catalogImportJobSchema,
        },
      },
      config: { permission: 'catalog:manage' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { dryRun, ...query } = request.query;
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const options = { ...query, sourceName: 'upload' };
      try {
        if (dryRun === 'true') {
          const preview = await catalog.previewImport(db, ctx, data, options);
          return reply.status(200).send(presentPreview(preview, request.locale));
        }
        if (data.byteLength <= app.config.catalogImportMaxBytes) {
          return reply.status(201).send(await catalog.importFile(db, ctx, data, options));
        }
        const { job } = await app.jobRunner.background(
          ctx.actor.organizationId,
          () => catalog.startImportJob(db, ctx),
          (started) => catalog.runImportJob(db, ctx, started, data, options),
          request.log,
        );
        return reply
          .status(202)
          .header('location', `/api/v1/catalogs/import/jobs/${job.id}`)
          .send(presentImportJob(job, request.locale));
      } catch (error) {
        throw localized(error, request.locale);
      }
    },
  );

  app.get(
    '/catalogs/import/jobs/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: catalogImportJobSchema } },
      config: { permission: 'catalog:manage' },
    },
    async (request) =>
      presentImportJob(
        await catalog.getImportJob(db, contextOf(request), request.params.id),
        request.locale,
      ),
  );
};
