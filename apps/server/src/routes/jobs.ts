import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, jobSchema, type Job, type Locale } from '@mamoru/contracts';
import { assetImport, jobs } from '@mamoru/domain';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import { contextOf } from '../plugins/auth.ts';
import { translate } from '../i18n/messages.ts';

type StoredReport = assetImport.StoredImportReport;

/** A failed job's message, worded with the params its error was raised with. */
export function jobError(row: JobRow, locale: Locale) {
  if (!row.error) return null;
  const params = (row.result as { errorParams?: Record<string, string | number> } | null)
    ?.errorParams;
  return { code: row.error, message: translate(locale, row.error, params ?? {}) };
}

/** An import report worded in the reader's language: problems, and the preview's values. */
function presentReport(stored: StoredReport, locale: Locale): NonNullable<Job['result']> {
  const { preview, ...report } = stored;
  return {
    ...report,
    errors: report.errors.map((p) => ({
      row: p.row,
      column: p.column,
      code: p.code,
      reason: translate(locale, p.code, { column: p.column ?? '', ...p.params }),
    })),
    ...(preview
      ? {
          preview: preview.map((r) => ({
            ...r,
            changes: r.changes.map((c) => ({
              field: c.field,
              before: assetImport.wordValue(c.before, locale),
              after: assetImport.wordValue(c.after, locale),
            })),
          })),
        }
      : {}),
  };
}

/** A job as the API shows it: problems and errors worded in the caller's language. */
export function presentJob(row: JobRow, locale: Locale): Job {
  // A job that failed on a coded error keeps only the params of its message.
  const stored = row.result as StoredReport | null;
  const report = stored && Array.isArray(stored.errors) ? stored : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as Job['status'],
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    result: report ? presentReport(report, locale) : null,
    error: jobError(row, locale),
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
