import type { TrainingReportQuery } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { completionByUnit } from '@mamoru/db/repositories/training-completion';
import {
  completionRowsSql,
  unitsOf,
  type CompletionListRow,
} from '@mamoru/db/repositories/training-dashboard';
import { reportAttempts, reportAttendance } from '@mamoru/db/repositories/training-report';
import { queryRows } from '@mamoru/db';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../audit/trail.ts';
import { DomainError } from '../errors.ts';
import { courseCode, readablePeople, sessionCode, todayUtc } from './dashboard.ts';
import { REPORT_TEXT, type ReportLang } from './report-labels.ts';
import { trainingReportPdf } from './report-pdf.ts';
import { trainingReportXlsx } from './report-xlsx.ts';

/**
 * The training records report (5.2.2.d: records of training, its
 * effectiveness and completion) for the people the reader reaches: a summary
 * per unit, each person's courses and where they stand, attendance with
 * supervisors' evaluations, and quiz results. One table over the cap refuses
 * the report (422) rather than cut records silently.
 */

export const REPORT_MAX_ROWS = 5000;

export type Cell = string | number;
export interface ReportSection {
  heading: string;
  headers: readonly string[];
  rows: Cell[][];
  /** Column widths in characters (XLSX); the PDF scales them. */
  widths: number[];
}
export interface TrainingReportDocument {
  lang: ReportLang;
  title: string;
  facts: [string, string][];
  sections: ReportSection[];
}

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const tooMany = () =>
  new DomainError('validation', 'training_report_too_many_rows', { limit: REPORT_MAX_ROWS });

function capped<T>(rows: T[]) {
  if (rows.length > REPORT_MAX_ROWS) throw tooMany();
  return rows;
}

export async function buildTrainingReport(
  db: Executor,
  ctx: RequestContext,
  q: Omit<TrainingReportQuery, 'format'> & { lang: ReportLang },
  today = todayUtc(),
): Promise<TrainingReportDocument> {
  const t = REPORT_TEXT[q.lang];
  const org = ctx.actor.organizationId;
  const people = await readablePeople(db, ctx);
  const onUser = people('u.id');
  const onPair = people('c.user_id');
  const onCount = people('user_id');
  const limit = REPORT_MAX_ROWS + 1;
  const filter = {
    courseId: q.courseId,
    unitId: q.unitId,
    from: q.from,
    to: q.to,
    people: onUser,
    limit,
  };
  const courseIds = q.courseId ? [q.courseId] : undefined;
  const [organization, byUnit, pairs, attendance, attempts, course] = await Promise.all([
    getOrganization(db, org),
    completionByUnit(db, org, today, {
      courseIds,
      unitId: q.unitId,
      peopleFilter: onCount,
    }),
    queryRows<CompletionListRow>(
      db,
      sql`${completionRowsSql(org, today, {
        courseIds,
        unitId: q.unitId,
        requiredOnly: true,
        peopleFilter: onPair,
      })} order by u.display_name, c.user_id, tc.number limit ${limit}`,
    ),
    reportAttendance(db, org, filter),
    reportAttempts(db, org, filter),
    q.courseId
      ? queryRows<{ number: number; title: string; title_en: string }>(
          db,
          sql`select number, title, title_en from training_courses
            where organization_id = ${org} and id = ${q.courseId}`,
        )
      : Promise.resolve([]),
  ]);
  capped(pairs);
  capped(attendance);
  capped(attempts);
  const units = await unitsOf(db, org, [
    ...byUnit.flatMap((u) => (u.unitId ? [u.unitId] : [])),
    ...(q.unitId ? [q.unitId] : []),
  ]);
  const title = (c: { title: string; title_en: string }) =>
    q.lang === 'en' && c.title_en ? c.title_en : c.title;
  const courseName = (n: number, c: { title: string; title_en: string }) =>
    `${courseCode(n)} ${title(c)}`;
  const unitName = (name: string | null) => name ?? t.noUnit;
  const chosen = course[0];
  const facts: [string, string][] = [
    [t.organization, organization?.name ?? ''],
    [t.issuedOn, today],
    [t.period, q.from || q.to ? `${q.from ?? ''} – ${q.to ?? ''}` : t.all],
    [t.course, chosen ? courseName(chosen.number, chosen) : t.all],
    [t.unit, q.unitId ? (units.get(q.unitId)?.name ?? '') : t.all],
  ];
  const summary = byUnit
    .map((u) => ({ ...u, unit: u.unitId ? units.get(u.unitId) : undefined }))
    .sort((a, b) => (a.unit?.code ?? '\uffff').localeCompare(b.unit?.code ?? '\uffff'))
    .map((u): Cell[] => [
      u.unit?.name ?? t.noUnit,
      u.required,
      u.completed,
      u.overdue,
      u.dueSoon,
      u.failed,
      u.required ? `${Math.floor((u.completed * 100) / u.required)}%` : '—',
    ]);
  return {
    lang: q.lang,
    title: t.title,
    facts,
    sections: [
      {
        heading: t.summary,
        headers: t.summaryHeaders,
        rows: summary,
        widths: [28, 10, 10, 10, 10, 10, 10],
      },
      {
        heading: t.completion,
        headers: t.completionHeaders,
        widths: [22, 20, 36, 16, 14, 14, 10, 10],
        rows: pairs.map((p) => [
          p.user_name,
          unitName(p.unit_name),
          courseName(p.course_number, { title: p.course_title, title_en: p.course_title_en }),
          t.status[p.status],
          p.completed_on ?? '',
          p.due_on ?? '',
          p.attempts,
          p.last_score ?? '',
        ]),
      },
      {
        heading: t.attendance,
        headers: t.attendanceHeaders,
        widths: [22, 20, 36, 10, 12, 10, 12, 30, 14, 20, 12],
        rows: attendance.map((a) => [
          a.user_name,
          unitName(a.unit_name),
          courseName(a.course_number, { title: a.course_title, title_en: a.course_title_en }),
          a.session_number ? sessionCode(a.session_number) : '',
          a.attended_on,
          t.attended[a.status] ?? a.status,
          t.source[a.source] ?? a.source,
          a.note,
          a.evaluation_result ? (t.result[a.evaluation_result] ?? '') : '',
          a.evaluated_by_name ?? '',
          a.evaluated_on ?? '',
        ]),
      },
      {
        heading: t.attempts,
        headers: t.attemptHeaders,
        widths: [22, 20, 36, 12, 8, 10, 10],
        rows: attempts.map((a) => [
          a.user_name,
          unitName(a.unit_name),
          courseName(a.course_number, { title: a.course_title, title_en: a.course_title_en }),
          a.submitted_on,
          a.score,
          a.pass_mark,
          a.passed ? t.passed : t.notPassed,
        ]),
      },
    ],
  };
}

/** The report as XLSX or PDF, in the chosen language. */
export async function exportTrainingReport(
  db: Executor,
  ctx: RequestContext,
  q: TrainingReportQuery & { lang: ReportLang },
): Promise<ReportFile> {
  const doc = await buildTrainingReport(db, ctx, q);
  const filename = `${REPORT_TEXT[q.lang].fileName}-${q.lang}.${q.format}`;
  if (q.format === 'xlsx') {
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await trainingReportXlsx(doc),
    };
  }
  const orgName = doc.facts[0]?.[1] ?? '';
  return { filename, contentType: 'application/pdf', body: await trainingReportPdf(doc, orgName) };
}
