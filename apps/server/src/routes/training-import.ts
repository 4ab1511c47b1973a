import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attendanceImportQuerySchema,
  attendanceImportReportSchema,
  attendanceTemplateQuerySchema,
  idParamsSchema,
  type AttendanceImportReport,
  type Locale,
} from '@mamoru/contracts';
import { training } from '@mamoru/domain';
import { translate } from '../i18n/messages.ts';
import { contextOf } from '../plugins/auth.ts';
import { sendProblem } from '../plugins/problem.ts';
import { detectCsvEncoding, detectFormat, readRows } from '../tabular/read.ts';
import { spool } from '../tabular/upload.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['training'];

/** The largest attendance file: a thousand people take a few dozen KiB. */
export const ATTENDANCE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

type ImportColumn = Parameters<typeof training.attendanceColumnLabel>[0];
const isColumn = (c: string): c is ImportColumn =>
  training.ATTENDANCE_COLUMNS.some((k) => k.key === c);

/** The domain's outcome with each problem's column and reason in the caller's language. */
export function presentImportReport(
  result: training.AttendanceImportResult,
  locale: Locale,
): AttendanceImportReport {
  return {
    ...result,
    rows: result.rows.map((r) => ({
      ...r,
      errors: r.errors.map((e) => {
        const column = isColumn(e.column)
          ? training.attendanceColumnLabel(e.column, locale)
          : e.column;
        return {
          column,
          code: e.code,
          message: translate(locale, e.code, { column, ...e.params }),
        };
      }),
    })),
  };
}

/** Attendance of a session imported from CSV (UTF-8 or Shift_JIS) or XLSX, and its template. */
export const trainingImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Scoped to these routes, as on /files: only here is multipart/form-data accepted.
  await app.register(multipart, {
    limits: { fileSize: ATTENDANCE_IMPORT_MAX_BYTES + 1, files: 1, fields: 5 },
  });

  app.get(
    '/training-sessions/attendance-template',
    {
      schema: {
        tags,
        description: 'An empty attendance file with the header in ja or en, as CSV or XLSX.',
        querystring: attendanceTemplateQuerySchema,
      },
      config: { permission: 'training:record' },
    },
    async (request, reply) => {
      const locale = request.query.locale ?? request.locale;
      const header = training.ATTENDANCE_COLUMNS.map((c) => c.header[locale]);
      const example =
        locale === 'ja'
          ? ['taro.yamada@example.com', '出席', '']
          : ['taro.yamada@example.com', 'attended', ''];
      return sendSpreadsheet(request, reply, request.query.format, 'attendance-template', [
        { name: locale === 'ja' ? '出欠' : 'Attendance', header, rows: [example] },
      ]);
    },
  );

  app.post(
    '/training-sessions/:id/attendance/import',
    {
      schema: {
        tags,
        description:
          'Records the session attendance from one file (multipart/form-data, field "file"): ' +
          'CSV in UTF-8 with or without BOM or in Shift_JIS, or XLSX; columns email (required), ' +
          'status (出席/欠席/attended/absent; attended when blank) and note, headed in ja or en. ' +
          'Answers a report per row (recorded, updated, skipped, error naming the column). ' +
          'dryRun=true writes nothing. Files over 2 MiB get 413; over 1,000 rows 422.',
        params: idParamsSchema,
        querystring: attendanceImportQuerySchema,
        response: { 200: attendanceImportReportSchema },
      },
      config: { permission: 'training:record' },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendProblem(request, reply, 415, 'unsupported_media_type', {
          type: String(request.headers['content-type'] ?? ''),
        });
      }
      const part = await request.file();
      if (!part) return sendProblem(request, reply, 422, 'file_missing');
      let file;
      try {
        file = await spool(part.file, ATTENDANCE_IMPORT_MAX_BYTES);
      } catch (error) {
        part.file.resume(); // drain what is left so the connection can answer
        const code = (error as { code?: string }).code;
        if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') {
          return sendProblem(request, reply, 413, 'file_too_large', {
            limit: ATTENDANCE_IMPORT_MAX_BYTES,
          });
        }
        throw error;
      }
      try {
        const format = await detectFormat(file.path);
        const encoding = format === 'xlsx' ? 'xlsx' : await detectCsvEncoding(file.path);
        const limits = app.config.importLimits;
        const result = await training.importAttendance(
          db,
          contextOf(request),
          request.params.id,
          readRows(file.path, format, limits),
          {
            dryRun: request.query.dryRun === 'true',
            encoding: encoding === 'cp932' ? 'shift_jis' : encoding === 'utf8' ? 'utf-8' : encoding,
          },
        );
        return presentImportReport(result, request.locale);
      } finally {
        await file.remove();
      }
    },
  );
};
