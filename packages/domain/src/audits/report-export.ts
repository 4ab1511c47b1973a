import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { Db } from '@mamoru/db';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { englishDisplayId, type AuditReportContent } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { conflict } from '../errors.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { getReport, type ReportView } from './report.ts';

/**
 * The approved audit report as auditors file it: a PDF with a cover page or an
 * XLSX workbook, in Japanese or English, always from the frozen snapshot.
 */

export type ReportLang = 'ja' | 'en';

const TEXT = {
  ja: {
    title: '内部監査報告書',
    organization: '組織',
    audit: '監査',
    period: '監査期間',
    units: '被監査部門',
    processes: 'プロセス',
    lead: '監査リーダー',
    team: '監査チーム',
    approvedBy: '承認者',
    approvedOn: '承認日',
    acknowledgedBy: '確認者（被監査部門の責任者）',
    issued: '出力日',
    summary: '総括',
    conclusion: '結論',
    scope: '監査範囲（基準）',
    results: '項目別の監査結果',
    findings: '指摘事項',
    none: 'なし',
    results_headers: [
      '項番',
      '項目',
      '適合',
      '重大な不適合',
      '軽微な不適合',
      '観察事項',
      '改善の機会',
    ],
    line_headers: ['項番', '項目', '結果', 'メモ'],
    finding_headers: ['番号', '区分', '項番', '部門', '内容', '期限', '状態'],
    sheetResults: '監査結果',
    sheetFindings: '指摘事項',
    sheetCover: '表紙',
  },
  en: {
    title: 'Internal audit report',
    organization: 'Organization',
    audit: 'Audit',
    period: 'Audit period',
    units: 'Audited units',
    processes: 'Processes',
    lead: 'Lead auditor',
    team: 'Audit team',
    approvedBy: 'Approved by',
    approvedOn: 'Approved on',
    acknowledgedBy: 'Acknowledged by (head of audited unit)',
    issued: 'Issued on',
    summary: 'Summary',
    conclusion: 'Conclusion',
    scope: 'Audit criteria',
    results: 'Results per clause',
    findings: 'Findings',
    none: 'None',
    results_headers: ['ID', 'Clause', 'Conform', 'Major NC', 'Minor NC', 'Observation', 'OFI'],
    line_headers: ['ID', 'Item', 'Result', 'Notes'],
    finding_headers: ['No.', 'Kind', 'ID', 'Unit', 'Description', 'Due', 'Status'],
    sheetResults: 'Results',
    sheetFindings: 'Findings',
    sheetCover: 'Cover',
  },
} as const;

const RESULT_TEXT: Record<ReportLang, Record<string, string>> = {
  ja: {
    conform: '適合',
    major_nc: '重大な不適合',
    minor_nc: '軽微な不適合',
    observation: '観察事項',
    ofi: '改善の機会',
    unanswered: '未記入',
  },
  en: {
    conform: 'Conform',
    major_nc: 'Major nonconformity',
    minor_nc: 'Minor nonconformity',
    observation: 'Observation',
    ofi: 'Opportunity for improvement',
    unanswered: 'Not answered',
  },
};
const STATUS_TEXT: Record<ReportLang, Record<string, string>> = {
  ja: {
    open: '未対応',
    corrected: '是正済み',
    verified: '検証済み',
    transferred: '是正処置へ移管',
  },
  en: {
    open: 'Open',
    corrected: 'Corrected',
    verified: 'Verified',
    transferred: 'Transferred to corrective action',
  },
};

type Criterion = {
  kind: string;
  id: string | null;
  displayId: string;
  title: { ja: string; en: string };
};
const idText = (c: Criterion, lang: ReportLang) =>
  !c.id ? '' : lang === 'ja' ? c.displayId : englishDisplayId(c.id, c.displayId);
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

function coverFacts(v: ReportView, orgName: string, lang: ReportLang): [string, string][] {
  const t = TEXT[lang];
  const c = v.snapshot.content;
  const lead = c.team.filter((m) => m.role === 'lead').map((m) => m.name);
  const person = (id: string | null | undefined) => (id ? (v.names.get(id) ?? '') : '');
  return [
    [t.organization, orgName],
    [t.audit, `${c.audit.code} ${c.audit.title}`],
    [t.period, `${c.audit.plannedStart} – ${c.audit.plannedEnd}`],
    [t.units, c.audit.auditeeUnits.map((u) => u.name).join(', ')],
    [t.processes, c.audit.processes.join(', ')],
    [t.lead, lead.join(', ')],
    [
      t.team,
      c.team
        .filter((m) => m.role === 'member')
        .map((m) => m.name)
        .join(', '),
    ],
    [t.approvedBy, person(v.row?.approvedBy)],
    [t.approvedOn, day(v.row?.approvedAt?.toISOString())],
    [t.acknowledgedBy, person(v.row?.acknowledgedBy)],
    [t.issued, day(new Date().toISOString())],
  ];
}

const clauseRow = (c: AuditReportContent['clauses'][number], lang: ReportLang) => [
  idText(c, lang),
  c.title[lang],
  c.counts.conform,
  c.counts.major_nc,
  c.counts.minor_nc,
  c.counts.observation,
  c.counts.ofi,
];
const findingRow = (f: AuditReportContent['findings'][number], lang: ReportLang) => [
  f.number,
  RESULT_TEXT[lang][f.kind] ?? f.kind,
  f.criterion ? `${idText(f.criterion, lang)} ${f.criterion.title[lang]}` : '',
  f.unit ?? '',
  f.description,
  f.dueDate ?? '',
  STATUS_TEXT[lang][f.status] ?? f.status,
];

async function pdf(v: ReportView, orgName: string, lang: ReportLang) {
  const t = TEXT[lang];
  const c = v.snapshot.content;
  const content: Content[] = coverPage({
    title: t.title,
    subtitle: `${c.audit.code} ${c.audit.title}`,
    facts: coverFacts(v, orgName, lang),
  });
  content.push({ text: t.summary, style: 'h1' }, { text: v.snapshot.summary || t.none });
  content.push({ text: t.conclusion, style: 'h1' }, { text: v.snapshot.conclusion || t.none });
  content.push({ text: t.scope, style: 'h1' });
  const criteria = [...c.audit.requirements, ...c.audit.controls];
  content.push({
    ul: criteria.length ? criteria.map((x) => `${idText(x, lang)} ${x.title[lang]}`) : [t.none],
  });
  content.push({ text: t.results, style: 'h1' });
  content.push(
    textTable(
      t.results_headers,
      c.clauses.map((cl) => clauseRow(cl, lang)),
      [50, '*', 35, 45, 45, 40, 40],
    ),
  );
  for (const cl of c.clauses) {
    content.push({ text: `${idText(cl, lang)} ${cl.title[lang]}`, style: 'h2' });
    content.push(
      textTable(
        t.line_headers,
        cl.lines.map((l) => [
          idText(l, lang),
          l.title[lang],
          RESULT_TEXT[lang][l.result ?? 'unanswered'],
          l.notes,
        ]),
        [60, '*', 70, 150],
      ),
    );
  }
  content.push({ text: t.findings, style: 'h1' });
  content.push(
    c.findings.length
      ? textTable(
          t.finding_headers,
          c.findings.map((f) => findingRow(f, lang)),
          [25, 60, 90, 55, '*', 50, 45],
        )
      : { text: t.none },
  );
  return renderPdf(content, {
    title: `${t.title} ${c.audit.code}`,
    footer: `${orgName} — ${t.title} ${c.audit.code}`,
  });
}

async function xlsx(v: ReportView, orgName: string, lang: ReportLang) {
  const t = TEXT[lang];
  const c = v.snapshot.content;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamoru';
  const cover = workbook.addWorksheet(t.sheetCover);
  cover.columns = [{ width: 28 }, { width: 70 }];
  cover.addRow([t.title]).font = { bold: true, size: 14 };
  const facts: [string, string][] = [
    ...coverFacts(v, orgName, lang),
    [t.summary, v.snapshot.summary],
    [t.conclusion, v.snapshot.conclusion],
  ];
  for (const fact of facts) cover.addRow(fact).getCell(1).font = { bold: true };
  const results = workbook.addWorksheet(t.sheetResults, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  results.columns = [14, 40, 14, 50, 40].map((width) => ({ width }));
  results.addRow([
    t.line_headers[0],
    t.line_headers[1],
    t.line_headers[2],
    t.line_headers[3],
  ]).font = { bold: true };
  for (const cl of c.clauses) {
    results.addRow([idText(cl, lang), cl.title[lang]]).font = { bold: true };
    for (const l of cl.lines) {
      results.addRow([
        idText(l, lang),
        l.title[lang],
        RESULT_TEXT[lang][l.result ?? 'unanswered'],
        l.notes,
      ]);
    }
  }
  const findings = workbook.addWorksheet(t.sheetFindings, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  findings.columns = [8, 22, 36, 20, 60, 12, 18].map((width) => ({ width }));
  findings.addRow([...t.finding_headers]).font = { bold: true };
  for (const f of c.findings) findings.addRow(findingRow(f, lang));
  for (const sheet of [results, findings]) {
    sheet.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The approved report as PDF or XLSX; a draft has nothing frozen to export (409). */
export async function exportReport(
  db: Db,
  ctx: RequestContext,
  auditId: string,
  q: { format: 'pdf' | 'xlsx'; lang: ReportLang },
) {
  const v = await getReport(db, ctx, auditId);
  if (!v.row || v.row.status === 'draft') throw conflict('audit_report_draft');
  const orgName = (await getOrganization(db, ctx.actor.organizationId))?.name ?? '';
  const filename = `audit-report-${v.snapshot.content.audit.code}-${q.lang}.${q.format}`;
  if (q.format === 'xlsx') {
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await xlsx(v, orgName, q.lang),
    };
  }
  return { filename, contentType: 'application/pdf', body: await pdf(v, orgName, q.lang) };
}
