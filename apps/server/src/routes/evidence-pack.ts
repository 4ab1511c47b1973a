import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  evidencePackCreateSchema,
  evidencePackListSchema,
  evidencePackSchema,
  idParamsSchema,
  type EvidencePack,
  type EvidencePackPart,
  type Locale,
} from '@mamoru/contracts';
import { evidencePacks } from '@mamoru/domain';
import type { PackRow } from '@mamoru/db/repositories/evidence-pack-jobs';
import { contextOf } from '../plugins/auth.ts';
import { translate } from '../i18n/messages.ts';
import { MAMORU_VERSION } from '../version.ts';

const tags = ['evidence-packs'];

/** RFC 6266 filename*: the organization's name may be Japanese. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; ` +
  `filename*=UTF-8''${encodeURIComponent(name)}`;

/** A pack as the API shows it: its request, progress, outcome and stored ZIP. */
export function presentPack(row: PackRow, locale: Locale): EvidencePack {
  const result = (row.result ?? {}) as Partial<evidencePacks.PackResult>;
  const request = result.request ?? { asOf: row.createdAt.toISOString().slice(0, 10) };
  const stored = row.fileId && result.filename && result.sha256 !== undefined;
  return {
    id: row.id,
    status: row.status as EvidencePack['status'],
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    asOf: request.asOf,
    auditId: result.request?.auditId ?? null,
    lang: result.request?.lang ?? locale,
    createdBy: row.createdBy ? { id: row.createdBy, name: row.createdByName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    file: stored
      ? { name: result.filename!, bytes: result.bytes ?? 0, sha256: result.sha256! }
      : null,
    emptyParts: (result.emptyParts ?? []) as EvidencePackPart[],
    error: row.error ? { code: row.error, message: translate(locale, row.error) } : null,
  };
}

/**
 * The evidence pack: start one (a background job in the organization's
 * slots), list them with their progress, and download the ZIP (audited).
 */
export const evidencePackRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/evidence-packs',
    {
      schema: {
        tags,
        description:
          'Starts an evidence pack as of a day (default today) or as of an internal audit, in ' +
          'ja or en: every part as PDF and XLSX, a README and manifest.json with the SHA-256 of ' +
          'each file and the audit chain head at that day. Answers 202 with the pack to poll at ' +
          'GET /evidence-packs/{id}; download it from /evidence-packs/{id}/download.',
        body: evidencePackCreateSchema,
        response: { 202: evidencePackSchema },
      },
      config: { permission: 'evidence_packs:create' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { job } = await app.jobRunner.background(
        ctx.actor.organizationId,
        () => evidencePacks.startPack(db, ctx, request.body),
        (started) => evidencePacks.runPack(db, ctx, started, { mamoruVersion: MAMORU_VERSION }),
        request.log,
      );
      const pack = await evidencePacks.getPack(db, ctx, job.id);
      return reply
        .status(202)
        .header('location', `/api/v1/evidence-packs/${job.id}`)
        .send(presentPack(pack, request.locale));
    },
  );

  app.get(
    '/evidence-packs',
    {
      schema: {
        tags,
        description: `The organization's packs, newest first; the newest ${evidencePacks.KEEP_PACKS} keep their ZIP.`,
        response: { 200: evidencePackListSchema },
      },
      config: { permission: 'evidence_packs:read' },
    },
    async (request) => {
      const rows = await evidencePacks.listPacks(db, contextOf(request));
      return {
        items: rows.map((r) => presentPack(r, request.locale)),
        keep: evidencePacks.KEEP_PACKS,
      };
    },
  );

  app.get(
    '/evidence-packs/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: evidencePackSchema } },
      config: { permission: 'evidence_packs:read' },
    },
    async (request) =>
      presentPack(
        await evidencePacks.getPack(db, contextOf(request), request.params.id),
        request.locale,
      ),
  );

  app.get(
    '/evidence-packs/:id/download',
    {
      schema: {
        tags,
        description:
          'The ZIP, streamed from the file store and checked against its SHA-256 as it goes. ' +
          'Each download is recorded in the audit trail (evidence_pack.downloaded).',
        params: idParamsSchema,
      },
      config: { permission: 'evidence_packs:read' },
    },
    async (request, reply) => {
      const { file, content } = await evidencePacks.downloadPack(
        db,
        contextOf(request),
        request.params.id,
      );
      return reply
        .type('application/zip')
        .header('content-length', String(file.size))
        .header('content-disposition', attachment(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Readable.from(content));
    },
  );
};
