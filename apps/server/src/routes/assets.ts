import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  assetBulkUpdateResultSchema,
  assetBulkUpdateSchema,
  assetCreateSchema,
  assetDependenciesSchema,
  assetDependenciesUpdateSchema,
  assetExportQuerySchema,
  assetImportQuerySchema,
  assetListItemSchema,
  assetListQuerySchema,
  assetSchema,
  assetTemplateQuerySchema,
  assetUpdateSchema,
  auditEventSchema,
  classificationLevelCreateSchema,
  classificationLevelQuerySchema,
  classificationLevelSchema,
  classificationLevelUpdateSchema,
  idParamsSchema,
  jobSchema,
  pageQuerySchema,
  pageSchema,
  type Locale,
} from '@mamoru/contracts';
import {
  assetFiles,
  assetImport,
  assets,
  classifications,
  jobs,
  presentAsset,
  presentAssetListItem,
  presentClassificationLevel,
} from '@mamoru/domain';
import type { AssetFilter, AssetOrder } from '@mamoru/db/repositories/assets';
import type { AuditEventRow } from '@mamoru/db/repositories/audit';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendProblem } from '../plugins/problem.ts';
import { checkImportCost, detectFormat, readRows } from '../tabular/read.ts';
import { spool } from '../tabular/upload.ts';
import { sendSpreadsheet, type Cell } from '../tabular/write.ts';
import { presentJob } from './jobs.ts';

const tags = ['assets'];

/** The largest import file (about 100 bytes a row leaves room for a million rows). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/**
 * Files up to this size are imported within the request (200 with the finished
 * job); larger ones run in the background (202 with the job to poll).
 */
export const IMPORT_SYNC_MAX_BYTES = 256 * 1024;

/** Content types an import accepts as the raw request body. */
const IMPORT_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

const presentEvent = (e: AuditEventRow) => ({
  seq: e.seq,
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
  hash: e.hash,
});

function filterOf(
  q: z.infer<typeof assetListQuerySchema> | z.infer<typeof assetExportQuerySchema>,
): {
  filter: AssetFilter;
  order: AssetOrder;
} {
  return {
    filter: {
      q: q.q,
      category: q.category,
      owner: q.owner,
      orgUnitId: q.orgUnitId,
      locationId: q.locationId,
      classificationId: q.classificationId,
      status: q.status,
      tag: q.tag,
      reviewDueBy: q.reviewDueBy,
    },
    order: { sort: q.sort, direction: q.direction },
  };
}

const dependencyItem = (d: { type: string; assetId: string; code: string; name: string }) => ({
  type: d.type as z.infer<typeof assetDependenciesSchema>['outgoing'][number]['type'],
  asset: { id: d.assetId, code: d.code, name: d.name },
});

async function* mapAsync<T, U>(items: AsyncIterable<T>, f: (item: T) => U) {
  for await (const item of items) yield f(item);
}

/** The classification scheme, the asset inventory, its files and dependencies. */
export const assetRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const languageOf = (request: FastifyRequest, lang: Locale | undefined) => lang ?? request.locale;

  // ---- classification scheme ----
  app.get(
    '/classifications',
    {
      schema: {
        tags,
        querystring: classificationLevelQuerySchema,
        response: { 200: pageSchema(classificationLevelSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await classifications.listLevels(db, contextOf(request), request.query);
      return { items: page.items.map(presentClassificationLevel), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/classifications',
    {
      schema: {
        tags,
        body: classificationLevelCreateSchema,
        response: { 201: classificationLevelSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await classifications.createLevel(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentClassificationLevel(row));
    },
  );
  app.get(
    '/classifications/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: classificationLevelSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await classifications.getLevel(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentClassificationLevel(row);
    },
  );
  app.patch(
    '/classifications/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: classificationLevelUpdateSchema,
        response: { 200: classificationLevelSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await classifications.updateLevel(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentClassificationLevel(row);
    },
  );

  // ---- the register ----
  app.get(
    '/assets',
    {
      schema: {
        tags,
        querystring: assetListQuerySchema,
        response: { 200: pageSchema(assetListItemSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { filter, order } = filterOf(request.query);
      const page = await assets.listAssets(db, contextOf(request), filter, order, request.query);
      return { items: page.items.map(presentAssetListItem), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/assets',
    {
      schema: { tags, body: assetCreateSchema, response: { 201: assetSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await assets.createAsset(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentAsset(row));
    },
  );
  app.post(
    '/assets/bulk-update',
    {
      schema: {
        tags,
        description:
          'Sets the owner and/or classification of the selected assets in one change. ' +
          'All or nothing; owners may change only their own assets.',
        body: assetBulkUpdateSchema,
        response: { 200: assetBulkUpdateResultSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request) => assets.bulkUpdate(db, contextOf(request), request.body),
  );
  app.get(
    '/assets/export',
    {
      schema: { tags, querystring: assetExportQuerySchema },
      config: { permission: 'isms:read', slot: true },
    },
    async (request, reply) => {
      const { filter, order } = filterOf(request.query);
      const lang = languageOf(request, request.query.lang);
      const rows = assets.eachAsset(db, contextOf(request), filter, order);
      return sendSpreadsheet(request, reply, request.query.format, 'assets', [
        {
          name: lang === 'ja' ? '資産台帳' : 'Assets',
          header: assetFiles.headerRow(assetFiles.exportColumns(), lang),
          rows: mapAsync(rows, (a): Cell[] => assetFiles.exportCells(a, lang)),
        },
      ]);
    },
  );
  app.get(
    '/assets/import/template',
    {
      schema: { tags, querystring: assetTemplateQuerySchema },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const lang = languageOf(request, request.query.lang);
      const notes = lang === 'ja' ? ['列', '必須', '内容'] : ['Column', 'Required', 'Contents'];
      return sendSpreadsheet(request, reply, request.query.format, 'assets-template', [
        {
          name: lang === 'ja' ? '資産台帳' : 'Assets',
          header: assetFiles.headerRow(assetFiles.templateColumns(), lang),
          rows: [],
        },
        {
          name: lang === 'ja' ? '説明' : 'Notes',
          header: notes,
          rows: assetFiles.templateNotes(lang),
        },
      ]);
    },
  );

  // ---- import: the file is the raw request body (CSV in UTF-8 or Shift_JIS, or XLSX) ----
  await app.register(async (plain) => {
    const files = plain.withTypeProvider<ZodTypeProvider>();
    for (const type of IMPORT_TYPES) {
      files.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
    }
    const importRoute = (mode: 'validate' | 'commit') =>
      files.post(
        mode === 'commit' ? '/assets/import' : '/assets/import/validate',
        {
          schema: {
            tags,
            description:
              (mode === 'commit'
                ? 'Imports assets from the file in the body, all or nothing unless partial=true; ' +
                  'the same code updates an asset. '
                : 'Checks the file in the body and reports every problem by row and column; ' +
                  'writes nothing. ') +
              'Send the file as the raw body (text/csv or the XLSX type). Small files finish ' +
              'within the request (200); larger ones answer 202 with a job to poll at /jobs/{id}.',
            querystring: assetImportQuerySchema,
            response: { 200: jobSchema, 202: jobSchema },
          },
          config: { permission: 'isms:write' },
          bodyLimit: IMPORT_MAX_BYTES,
        },
        async (request, reply) => {
          if (!(request.body instanceof Readable)) {
            return sendProblem(request, reply, 415, 'unsupported_media_type', {
              type: String(request.headers['content-type'] ?? ''),
            });
          }
          const ctx = contextOf(request);
          assetImport.authorizeImport(ctx);
          const file = await spool(request.body, IMPORT_MAX_BYTES);
          let handedOver = false;
          try {
            const format = request.query.format ?? (await detectFormat(file.path));
            const limits = app.config.importLimits;
            // What the file would cost is refused here (422), before any job exists.
            const header = await checkImportCost(file.path, format, limits);
            if (header) assetImport.requireKnownColumns(header);
            const org = ctx.actor.organizationId;
            const kind = mode === 'commit' ? 'asset_import' : 'asset_import_validation';
            const create = () => jobs.createJob(db, ctx, kind);
            const run = (job: JobRow) =>
              jobs
                .runJob(db, job, () =>
                  assetImport.importAssets(
                    db,
                    ctx,
                    () => readRows(file.path, format, limits),
                    { mode, format, partial: request.query.partial === 'true' },
                    {
                      progress: jobs.progressReporter(db, org, job.id),
                      // Never a second connection from inside the transaction.
                      progressInTransaction: jobs.memoryProgressReporter(job.id),
                    },
                  ),
                )
                .finally(() => file.remove());
            if (file.bytes <= IMPORT_SYNC_MAX_BYTES) {
              const finished = await app.jobRunner.now(org, async () => {
                const job = await create();
                handedOver = true;
                return run(job);
              });
              return reply.status(200).send(presentJob(finished, request.locale));
            }
            const { job } = await app.jobRunner.background(org, create, run, request.log);
            handedOver = true;
            return reply
              .status(202)
              .header('location', `/api/v1/jobs/${job.id}`)
              .send(presentJob(job, request.locale));
          } finally {
            if (!handedOver) await file.remove();
          }
        },
      );
    importRoute('commit');
    importRoute('validate');
  });

  // ---- one asset ----
  app.get(
    '/assets/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: assetSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await assets.getAsset(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentAsset(row);
    },
  );
  app.patch(
    '/assets/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: assetUpdateSchema,
        response: { 200: assetSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await assets.updateAsset(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAsset(row);
    },
  );
  app.get(
    '/assets/:id/dependencies',
    {
      schema: { tags, params: idParamsSchema, response: { 200: assetDependenciesSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const d = await assets.getDependencies(db, contextOf(request), request.params.id);
      setEtag(reply, d.asset.version);
      return { outgoing: d.outgoing.map(dependencyItem), incoming: d.incoming.map(dependencyItem) };
    },
  );
  app.put(
    '/assets/:id/dependencies',
    {
      schema: {
        tags,
        description:
          "Replaces what the asset depends on. The edges are part of the asset: If-Match takes the asset's ETag.",
        params: idParamsSchema,
        body: assetDependenciesUpdateSchema,
        response: { 200: assetDependenciesSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const d = await assets.replaceDependencies(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body.items,
      );
      setEtag(reply, d.asset.version);
      return { outgoing: d.outgoing.map(dependencyItem), incoming: d.incoming.map(dependencyItem) };
    },
  );
  app.get(
    '/assets/:id/history',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(auditEventSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await assets.assetHistory(
        db,
        contextOf(request),
        request.params.id,
        request.query,
      );
      return { items: page.items.map(presentEvent), nextCursor: page.nextCursor };
    },
  );
};
