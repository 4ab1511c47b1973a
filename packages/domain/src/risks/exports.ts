import type { Content } from 'pdfmake/interfaces';
import type { RiskView } from '@mamoru/db/repositories/risks';
import type { TreatmentActionView } from '@mamoru/db/repositories/risks-plan';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import type { RiskMethod } from './method.ts';

/**
 * The risk assessment report and the risk treatment plan as spreadsheet rows
 * (streamed to XLSX by the server) and as PDF (pdfmake with Noto Sans JP).
 * Labels are our own words in both languages.
 */
export type Lang = 'ja' | 'en';
type Cell = string | number | null;
const L = (ja: string, en: string) => ({ ja, en });

const RISK_COLUMNS = [
  L('リスクID', 'Risk ID'),
  L('資産コード', 'Asset code'),
  L('資産名', 'Asset'),
  L('資産分類', 'Category'),
  L('脅威', 'Threat'),
  L('脆弱性', 'Vulnerability'),
  L('影響を受ける特性', 'Properties affected'),
  L('脅威の発生可能性', 'Likelihood'),
  L('脆弱性の程度', 'Vulnerability level'),
  L('資産価値', 'Asset value'),
  L('リスク値', 'Risk value'),
  L('リスクレベル', 'Risk level'),
  L('評価', 'Evaluation'),
  L('対応の選択肢', 'Treatment option'),
  L('移転先', 'Transferred to'),
  L('根拠', 'Rationale'),
  L('残留リスク値', 'Residual risk value'),
  L('残留リスクの承認', 'Residual acceptance'),
  L('リスク所有者', 'Risk owner'),
  L('状態', 'Status'),
];

const WORDS: Record<string, { ja: string; en: string }> = {
  accept: L('受容', 'Accept'),
  treat: L('対応要', 'Treat'),
  apply_controls: L('管理策の適用', 'Apply controls'),
  retain: L('保有', 'Retain'),
  avoid: L('回避', 'Avoid'),
  transfer: L('移転', 'Transfer'),
  none: L('未申請', 'Not submitted'),
  pending: L('承認待ち', 'Pending'),
  accepted: L('承認済み', 'Accepted'),
  rejected: L('却下', 'Rejected'),
  open: L('未対応', 'Open'),
  in_treatment: L('対応中', 'In treatment'),
  closed: L('終了', 'Closed'),
  confidentiality: L('機密性', 'C'),
  integrity: L('完全性', 'I'),
  availability: L('可用性', 'A'),
  information: L('情報', 'Information'),
  software: L('ソフトウェア', 'Software'),
  physical: L('物理的資産', 'Physical'),
  service: L('サービス', 'Service'),
  people: L('人的資産', 'People'),
  intangible: L('無形資産', 'Intangible'),
  planned: L('計画', 'Planned'),
  in_progress: L('実施中', 'In progress'),
  done: L('完了', 'Done'),
  cancelled: L('中止', 'Cancelled'),
  low: L('低', 'Low'),
  medium: L('中', 'Medium'),
  high: L('高', 'High'),
  critical: L('緊急', 'Critical'),
  yes: L('はい', 'Yes'),
  no: L('いいえ', 'No'),
};
const word = (key: string | null | undefined, lang: Lang) =>
  key ? (WORDS[key]?.[lang] ?? key) : '';

export const riskHeader = (lang: Lang) => RISK_COLUMNS.map((c) => c[lang]);

export function riskCells(r: RiskView, method: RiskMethod | null, lang: Lang): Cell[] {
  const band = (level: number | null) =>
    method && level !== null ? (method.bands[level - 1]?.label[lang] ?? String(level)) : '';
  return [
    r.code,
    r.assetCode,
    r.assetName,
    word(r.assetCategory, lang),
    `${r.threatCode} ${lang === 'ja' ? r.threatNameJa : r.threatNameEn}`,
    r.vulnerabilityCode
      ? `${r.vulnerabilityCode} ${(lang === 'ja' ? r.vulnerabilityNameJa : r.vulnerabilityNameEn) ?? ''}`
      : '',
    r.threatAffects.map((p) => word(p, lang)).join(lang === 'ja' ? '・' : ', '),
    r.likelihood,
    r.vulnerabilityLevel,
    r.assetValue,
    r.value,
    band(r.level),
    word(r.evaluation, lang),
    word(r.treatmentOption, lang),
    r.transferTo,
    r.rationale,
    r.residualValue,
    word(r.residualStatus, lang),
    r.ownerName ?? '',
    word(r.status, lang),
  ];
}

const ACTION_COLUMNS = [
  L('対策ID', 'Action ID'),
  L('対策', 'Action'),
  L('責任者', 'Owner'),
  L('優先度', 'Priority'),
  L('期限', 'Due date'),
  L('状態', 'Status'),
  L('進捗(%)', 'Progress (%)'),
  L('期限超過', 'Overdue'),
  L('資源', 'Resources'),
  L('予算', 'Budget'),
  L('対象リスク数', 'Risks'),
  L('管理策', 'Controls'),
];
export const actionHeader = (lang: Lang) => ACTION_COLUMNS.map((c) => c[lang]);

export function actionCells(a: TreatmentActionView, lang: Lang): Cell[] {
  return [
    a.code,
    a.title,
    a.ownerName ?? '',
    word(a.priority, lang),
    a.dueDate,
    word(a.status, lang),
    a.progress,
    word(a.overdue ? 'yes' : 'no', lang),
    a.resources,
    a.budget,
    a.riskIds.length,
    a.controlIds.join(', '),
  ];
}

/** At most this many rows go into a PDF; the XLSX export has them all. */
export const PDF_MAX_ROWS = 2000;

async function collect<T>(batches: AsyncIterable<T[]>, max: number) {
  const rows: T[] = [];
  let total = 0;
  for await (const batch of batches) {
    total += batch.length;
    for (const row of batch) if (rows.length < max) rows.push(row);
  }
  return { rows, total };
}

const truncatedNote = (shown: number, total: number, lang: Lang): Content[] =>
  shown < total
    ? [
        {
          text:
            lang === 'ja'
              ? `先頭の ${shown} 件を掲載しています(全 ${total} 件は XLSX 出力を参照)。`
              : `The first ${shown} of ${total} rows are shown; the XLSX export has them all.`,
          style: 'muted',
          margin: [0, 0, 0, 6],
        },
      ]
    : [];

/**
 * The PDF's columns: every column of the XLSX (indexes into riskCells), with
 * related ones in one cell so the table fits a landscape A4 page and wraps.
 * The rationale takes what the fixed widths (and each cell's padding) leave
 * of the printable width.
 */
const PDF_COLUMNS: { label: { ja: string; en: string }; cells: number[]; width: number | '*' }[] = [
  { label: L('リスクID', 'Risk ID'), cells: [0], width: 44 },
  {
    label: L('資産（コード・名称・分類）', 'Asset (code, name, category)'),
    cells: [1, 2, 3],
    width: 77,
  },
  { label: L('脅威・ぜい弱性', 'Threat, vulnerability'), cells: [4, 5], width: 94 },
  { label: L('影響を受ける特性', 'Properties affected'), cells: [6], width: 37 },
  {
    label: L('発生可能性・ぜい弱性の程度・資産価値', 'Likelihood, vulnerability, asset value'),
    cells: [7, 8, 9],
    width: 48,
  },
  { label: L('リスク値・レベル', 'Risk value, level'), cells: [10, 11], width: 39 },
  { label: L('評価', 'Evaluation'), cells: [12], width: 32 },
  { label: L('対応の選択肢・移転先', 'Treatment, transferred to'), cells: [13, 14], width: 50 },
  { label: L('根拠', 'Rationale'), cells: [15], width: '*' },
  { label: L('残留リスク値', 'Residual risk value'), cells: [16], width: 36 },
  { label: L('残留リスクの承認', 'Residual acceptance'), cells: [17], width: 43 },
  { label: L('リスク所有者', 'Risk owner'), cells: [18], width: 43 },
  { label: L('状態', 'Status'), cells: [19], width: 29 },
];

function pdfCells(cells: Cell[]): string[] {
  return PDF_COLUMNS.map((c) =>
    c.cells
      .map((i) => cells[i])
      .filter((v) => v !== null && v !== '')
      .join(c.cells.length === 3 && typeof cells[c.cells[0]!] === 'number' ? ' / ' : '\n'),
  );
}

export async function riskReportPdf(
  batches: AsyncIterable<RiskView[]>,
  method: RiskMethod | null,
  lang: Lang,
  facts: { organization: string; date: string },
) {
  const { rows, total } = await collect(batches, PDF_MAX_ROWS);
  const title = lang === 'ja' ? 'リスクアセスメント報告書' : 'Risk assessment report';
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [lang === 'ja' ? '組織' : 'Organization', facts.organization],
        [lang === 'ja' ? '作成日' : 'Date', facts.date],
        [lang === 'ja' ? 'リスク数' : 'Risks', String(total)],
        [
          lang === 'ja' ? '受容可能なリスクレベル' : 'Acceptable level',
          method ? String(method.acceptableLevel) : '—',
        ],
      ],
    }),
    { text: title, style: 'h1' },
    {
      text:
        lang === 'ja'
          ? 'XLSX 出力と同じ項目を、関連する列をまとめて掲載しています。'
          : 'The columns of the XLSX export, related ones combined in one column.',
      style: 'muted',
      margin: [0, 0, 0, 6],
    },
    ...truncatedNote(rows.length, total, lang),
    {
      ...(textTable(
        PDF_COLUMNS.map((c) => c.label[lang]),
        rows.map((r) => pdfCells(riskCells(r, method, lang))),
        PDF_COLUMNS.map((c) => c.width),
      ) as object),
      fontSize: 7.5,
    } as Content,
  ];
  return renderPdf(content, { title, footer: facts.organization, orientation: 'landscape' });
}

export async function treatmentPlanPdf(
  batches: AsyncIterable<TreatmentActionView[]>,
  lang: Lang,
  facts: { organization: string; date: string },
) {
  const { rows, total } = await collect(batches, PDF_MAX_ROWS);
  const title = lang === 'ja' ? 'リスク対応計画' : 'Risk treatment plan';
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [lang === 'ja' ? '組織' : 'Organization', facts.organization],
        [lang === 'ja' ? '作成日' : 'Date', facts.date],
        [lang === 'ja' ? '対策数' : 'Actions', String(total)],
      ],
    }),
    { text: title, style: 'h1' },
    ...truncatedNote(rows.length, total, lang),
    textTable(
      actionHeader(lang),
      rows.map((a) => actionCells(a, lang)),
    ),
  ];
  return renderPdf(content, { title, footer: facts.organization, orientation: 'landscape' });
}
