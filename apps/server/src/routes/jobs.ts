import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, jobSchema, type Job, type Locale } from '@mamoru/contracts';
import { jobs, type assetImport } from '@mamoru/domain';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import { contextOf } from '../plugins/auth.ts';
import { translate } from '../i18n/messages.ts';

type StoredReport = assetImport.StoredImportReport;

/** A job as the API shows it: problems and errors worded in the caller's language. */
export function presentJob(row: JobRow, locale: Locale): Job {
  const report = row.result as StoredReport | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    result: report
      ? {
          ...report,
          errors: report.errors.map((p) => ({
            row: p.row,
            column: p.column,
            code: p.code,
            reason: translate(locale, p.code, { column: p.column ?? '', ...p.params }),
          })),
        }
      : null,
    error: row.error ? { code: row.error, message: translate(locale, row.error) } : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** Progress and outcome of long-running work (imports), from any server instance. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/jobs/:id',
    {
      schema: { tags: ['jobs'], params: idParamsSchema, response: { 200: jobSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      presentJob(await jobs.getJob(db, contextOf(request), request.params.id), request.locale),
  );
};
