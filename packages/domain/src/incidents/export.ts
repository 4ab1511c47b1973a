import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import {
  incidentRegister,
  type RegisterFilter,
  type RegisterRow,
} from '@mamoru/db/repositories/incidents-export';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { incidentAccess } from './access.ts';
import { incidentReference } from './workflow.ts';
import { neutralize } from '../reports/cells.ts';

/**
 * The incident register as XLSX rows or a PDF, in Japanese or English (4.3.3;
 * annex 6.3: what an auditor asks to see). Only the incidents the caller sees:
 * confidential ones stay out for readers without the right to them. Labels are
 * ours, never raw codes.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, Record<Lang, string>>;

/** At most this many incidents go into one export (one query). */
export const EXPORT_MAX_ROWS = 5000;

export const INCIDENT_TYPE_LABELS: Labels = {
  incident: { ja: 'インシデント', en: 'Incident' },
  suspected: { ja: 'インシデントの疑い', en: 'Suspected incident' },
  weakness: { ja: 'ぜい弱性・弱点', en: 'Weakness' },
  malfunction: { ja: '誤動作・故障', en: 'Malfunction' },
  near_miss: { ja: 'ヒヤリハット', en: 'Near miss' },
};
export const INCIDENT_STATUS_LABELS: Labels = {
  reported: { ja: '報告済み', en: 'Reported' },
  triaged: { ja: '評価済み', en: 'Triaged' },
  contained: { ja: '封じ込め済み', en: 'Contained' },
  eradicated: { ja: '原因除去済み', en: 'Eradicated' },
  recovered: { ja: '復旧済み', en: 'Recovered' },
  closed: { ja: '終結', en: 'Closed' },
};
export const INCIDENT_LEVEL_LABELS: Labels = {
  low: { ja: '低', en: 'Low' },
  medium: { ja: '中', en: 'Medium' },
  high: { ja: '高', en: 'High' },
  critical: { ja: '重大', en: 'Critical' },
};

const COLUMNS: Labels = {
  reference: { ja: '番号', en: 'No.' },
  type: { ja: '種類', en: 'Type' },
  title: { ja: '件名', en: 'Title' },
  status: { ja: '状態', en: 'Status' },
  severity: { ja: '重大度', en: 'Severity' },
  urgency: { ja: '緊急度', en: 'Urgency' },
  priority: { ja: '優先度', en: 'Priority' },
  confidential: { ja: '機密扱い', en: 'Confidential' },
  affects: { ja: '影響（C/I/A）', en: 'Affected (C/I/A)' },
  personalData: { ja: '個人データ', en: 'Personal data' },
  personalRecords: { ja: '個人データの件数', en: 'Personal records' },
  unit: { ja: '部門', en: 'Unit' },
  place: { ja: '場所', en: 'Place' },
  discoveredAt: { ja: '発見日時', en: 'Discovered' },
  reportedAt: { ja: '報告日時', en: 'Reported' },
  triagedAt: { ja: '評価日時', en: 'Triaged' },
  closedAt: { ja: '終結日時', en: 'Closed' },
  reporter: { ja: '報告者', en: 'Reporter' },
  assignee: { ja: '担当者', en: 'Assignee' },
  downtime: { ja: '停止時間（分）', en: 'Downtime (minutes)' },
  costResponse: { ja: '対応費用（円）', en: 'Response cost (JPY)' },
  costRecovery: { ja: '復旧費用（円）', en: 'Recovery cost (JPY)' },
  costLoss: { ja: '損失（円）', en: 'Loss (JPY)' },
  rootCause: { ja: '根本原因', en: 'Root cause' },
  lessonsLearned: { ja: '得られた教訓', en: 'Lessons learned' },
  notificationsSent: { ja: '実施した通知', en: 'Notifications sent' },
  overdueClocks: { ja: '期限切れの通知', en: 'Overdue notifications' },
};

export const labelOf = (labels: Labels, key: string | null, lang: Lang) =>
  key === null ? '' : (labels[key]?.[lang] ?? key);

export const exportHeader = (lang: Lang) => Object.values(COLUMNS).map((c) => c[lang]);

export function exportCells(r: RegisterRow, lang: Lang): (string | number | null)[] {
  const yes = lang === 'ja' ? 'はい' : 'Yes';
  return [
    incidentReference(r.number),
    labelOf(INCIDENT_TYPE_LABELS, r.type, lang),
    r.title,
    labelOf(INCIDENT_STATUS_LABELS, r.status, lang),
    labelOf(INCIDENT_LEVEL_LABELS, r.severity, lang),
    labelOf(INCIDENT_LEVEL_LABELS, r.urgency, lang),
    r.priority,
    r.confidential ? yes : '',
    r.affects,
    r.personalData ? yes : '',
    r.personalRecords,
    r.unitName ?? '',
    r.place,
    r.discoveredAt,
    r.reportedAt,
    r.triagedAt ?? '',
    r.closedAt ?? '',
    r.reporterName ?? '',
    r.assigneeName ?? '',
    r.downtimeMinutes,
    r.costResponse,
    r.costRecovery,
    r.costLoss,
    r.rootCause,
    r.lessonsLearned,
    r.notificationsSent,
    r.overdueClocks,
  ];
}

/** The register's rows for an export, filtered like the list and by what the caller sees. */
export async function exportRows(db: Executor, ctx: RequestContext, filter: RegisterFilter) {
  authorize(ctx.actor, 'incidents:read');
  const access = await incidentAccess(db, ctx);
  const { timeZone } = await incidentSettingsOf(db, ctx.actor.organizationId);
  return incidentRegister(
    db,
    ctx.actor.organizationId,
    { read: access.read, confidential: access.confidential, userId: access.userId },
    filter,
    timeZone,
    EXPORT_MAX_ROWS,
  );
}

export const registerTitle = (lang: Lang) =>
  lang === 'ja' ? 'インシデント登録簿' : 'Incident register';

export async function registerPdf(
  db: Executor,
  ctx: RequestContext,
  filter: RegisterFilter,
  lang: Lang,
) {
  const rows = await exportRows(db, ctx, filter);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const title = registerTitle(lang);
  const date = new Date().toISOString().slice(0, 10);
  const shown = ['reference', 'type', 'title', 'status', 'severity', 'unit', 'discoveredAt'];
  const all = Object.keys(COLUMNS);
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [lang === 'ja' ? '組織' : 'Organization', org?.name ?? ''],
        [lang === 'ja' ? '作成日' : 'Date', date],
        [lang === 'ja' ? '件数' : 'Entries', String(rows.length)],
      ],
    }),
    textTable(
      [...shown.map((k) => labelOf(COLUMNS, k, lang)), labelOf(COLUMNS, 'lessonsLearned', lang)],
      rows.map((r) => {
        const cells = exportCells(r, lang);
        return [...shown.map((k) => cells[all.indexOf(k)]), r.lessonsLearned];
      }),
      [50, 60, '*', 55, 40, 70, 70, '*'],
    ),
  ];
  return renderPdf(content, { title, footer: org?.name ?? '', orientation: 'landscape' });
}

/** Text a spreadsheet would run as a formula is kept as text, as the server's exports do. */
const asText = (v: string | number | null) => (typeof v === 'string' ? neutralize(v) : v);

/** The register as a workbook in memory (for the command line; the server streams its own). */
export async function registerXlsx(
  db: Executor,
  ctx: RequestContext,
  filter: RegisterFilter,
  lang: Lang,
): Promise<Buffer> {
  const rows = await exportRows(db, ctx, filter);
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamoru';
  const sheet = book.addWorksheet(registerTitle(lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(exportHeader(lang)).font = { bold: true };
  for (const r of rows) sheet.addRow(exportCells(r, lang).map(asText));
  return Buffer.from(await book.xlsx.writeBuffer());
}
