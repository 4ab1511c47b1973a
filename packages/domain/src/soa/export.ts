import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { displayNames } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf } from '../reports/pdf.ts';
import { libraryOf, loadSoa, versionOf } from './common.ts';
import { presentEntry } from './presenters.ts';
import {
  EXPORT_HEADERS,
  exportRow,
  pick,
  type ExportEntry,
  type ExportLang,
} from './export-rows.ts';

/**
 * The statement as auditors receive it: an XLSX workbook in the familiar
 * Japanese layout, or a PDF with a cover page. Three reads: the statement and
 * version, the entries with their catalog text (one join), and names.
 */

const TEXT = {
  ja: {
    title: '適用宣言書',
    cover: '表紙',
    organization: '組織',
    scope: '適用範囲',
    version: '版',
    status: '状態',
    approver: '承認者',
    approvedOn: '承認日',
    issued: '出力日',
    draft: '（未承認）',
    statuses: { draft: '作成中', pending: '承認待ち', approved: '承認済み', superseded: '廃版' },
  },
  en: {
    title: 'Statement of Applicability',
    cover: 'Cover',
    organization: 'Organization',
    scope: 'Scope',
    version: 'Version',
    status: 'Status',
    approver: 'Approved by',
    approvedOn: 'Approved on',
    issued: 'Issued on',
    draft: '(not approved)',
    statuses: {
      draft: 'Draft',
      pending: 'Pending approval',
      approved: 'Approved',
      superseded: 'Superseded',
    },
  },
} as const;

export interface SoaExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

async function load(db: Db, ctx: RequestContext, soaId: string, versionId?: string) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const soa = await loadSoa(db, org, soaId);
  const version = await versionOf(db, org, soaId, versionId);
  const rows = await repo.listEntries(db, org, version.id, await libraryOf(db, org, soa));
  const entries: ExportEntry[] = rows.map((r) => ({
    ...presentEntry(r),
    official: r.official,
  }));
  const people = entries.flatMap((e) => (e.riskAcceptedBy ? [e.riskAcceptedBy] : []));
  if (version.approvedBy) people.push(version.approvedBy);
  const names = await displayNames(db, org, people);
  const organization = await getOrganization(db, org);
  const scope = await scopeRepo.getScopeVersion(db, org, soa.scopeVersionId);
  return { soa, version, entries, names, organization, scope };
}
type Loaded = Awaited<ReturnType<typeof load>>;

async function xlsx(data: Loaded, lang: ExportLang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamoru';
  const sheet = workbook.addWorksheet(TEXT[lang].title, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [12, 30, 50, 10, 45, 14, 30].map((width) => ({ width }));
  const header = sheet.addRow(EXPORT_HEADERS[lang]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  for (const e of data.entries) sheet.addRow(exportRow(e, lang, data.names));
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: 'A1', to: 'G1' };
  // The cover data of the PDF, on a sheet of its own after the statement.
  const cover = workbook.addWorksheet(TEXT[lang].cover);
  cover.columns = [{ width: 18 }, { width: 60 }];
  cover.addRow([TEXT[lang].title]).font = { bold: true, size: 14 };
  for (const fact of coverFacts(data, lang)) cover.addRow(fact).getCell(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function dateText(d: Date | null) {
  return d ? d.toISOString().slice(0, 10) : '';
}

/** What the cover of either format states: organization, scope, version, approval, date. */
function coverFacts(data: Loaded, lang: ExportLang): [string, string][] {
  const t = TEXT[lang];
  const { version } = data;
  const scopeText = data.scope
    ? `v${data.scope.number} ${data.scope.businessActivities.split('\n')[0] ?? ''}`.trim()
    : '';
  return [
    [t.organization, data.organization?.name ?? ''],
    [t.scope, scopeText],
    [t.version, `v${version.number}`],
    [t.status, t.statuses[version.status as keyof typeof t.statuses] ?? version.status],
    [t.approver, version.approvedBy ? (data.names.get(version.approvedBy) ?? '') : t.draft],
    [t.approvedOn, dateText(version.approvedAt)],
    [t.issued, dateText(new Date())],
  ];
}

async function pdf(data: Loaded, lang: ExportLang): Promise<Buffer> {
  const t = TEXT[lang];
  const { version } = data;
  const orgName = data.organization?.name ?? '';
  const content: Content[] = coverPage({
    title: t.title,
    subtitle: orgName,
    facts: coverFacts(data, lang),
  });
  const headers = EXPORT_HEADERS[lang];
  const body: unknown[][] = [headers.map((text) => ({ text, style: 'tableHeader' }))];
  let domain: string | null = null;
  let objective: string | null = null;
  for (const e of data.entries) {
    if (e.domainId !== domain) {
      domain = e.domainId;
      const text = [e.domainDisplayId, pick(e.domainTitle, lang)].filter(Boolean).join(' ');
      body.push([{ text, colSpan: 7, bold: true, fillColor: '#f1f3f5' }, '', '', '', '', '', '']);
    }
    const cells = exportRow(e, lang, data.names);
    if (e.objectiveId !== objective) objective = e.objectiveId;
    else cells[1] = '';
    body.push(cells.map((text) => ({ text })));
  }
  content.push({
    table: { headerRows: 1, widths: [40, 80, '*', 40, 110, 50, 70], body },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  } as Content);
  return renderPdf(content, {
    title: `${t.title} v${version.number}`,
    footer: `${orgName} — ${t.title} v${version.number}`,
    orientation: 'landscape',
    ...(version.status === 'superseded' ? { watermark: t.statuses.superseded } : {}),
  });
}

/** The statement (a version, the latest by default) as XLSX or PDF in the language. */
export async function exportSoa(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  q: { format: 'xlsx' | 'pdf'; lang: ExportLang; version?: string | undefined },
): Promise<SoaExport> {
  const data = await load(db, ctx, soaId, q.version);
  const filename = `soa-v${data.version.number}-${q.lang}.${q.format}`;
  if (q.format === 'xlsx') {
    return {
      filename,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await xlsx(data, q.lang),
    };
  }
  return { filename, contentType: 'application/pdf', body: await pdf(data, q.lang) };
}
