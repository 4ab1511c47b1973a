import type { Content } from 'pdfmake/interfaces';
import type { RecordIndexRow, RegisterRow } from '@mamoru/db/repositories/evidence-pack';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { sheetsXlsx, type WorkbookSheet } from '../reports/workbook.ts';
import { TEXT, partTitle, type PackLang, type PartKey } from './labels.ts';

/**
 * The parts no area exported before: the scope, the document register, the
 * records index, the policy's register sheet, and the page standing for a
 * part with nothing to show. Each PDF names the organization on its cover
 * and in its footer, as every report of the pack does.
 */

export interface Facts {
  organization: string;
  asOf: string;
  lang: PackLang;
}

export interface RenderedPart {
  pdf: Buffer;
  xlsx: Buffer;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const L = (lang: PackLang, ja: string, en: string) => (lang === 'ja' ? ja : en);

function cover(title: string, facts: Facts, more: [string, string][] = []) {
  const t = TEXT[facts.lang];
  return coverPage({
    title,
    subtitle: facts.organization,
    facts: [[t.organization, facts.organization], [t.asOf, facts.asOf], ...more],
  });
}

async function render(
  title: string,
  facts: Facts,
  body: Content[],
  sheets: WorkbookSheet[],
  orientation: 'portrait' | 'landscape' = 'portrait',
): Promise<RenderedPart> {
  const t = TEXT[facts.lang];
  const summary: WorkbookSheet = {
    name: L(facts.lang, '表紙', 'Cover'),
    header: [title, ''],
    rows: [
      [t.organization, facts.organization],
      [t.asOf, facts.asOf],
    ],
  };
  const [pdf, xlsx] = await Promise.all([
    renderPdf([...cover(title, facts), ...body], {
      title,
      footer: `${facts.organization} — ${title}`,
      orientation,
    }),
    sheetsXlsx([...sheets, summary]),
  ]);
  return { pdf, xlsx };
}

/** One page (and one sheet) saying the part has nothing to show, and why. */
export function emptyPart(part: PartKey, facts: Facts): Promise<RenderedPart> {
  const t = TEXT[facts.lang];
  const reason = (t.noData as Record<string, string>)[part] ?? t.noData.other;
  const title = partTitle(part, facts.lang);
  return Promise.all([
    renderPdf(
      [
        { text: title, style: 'h1' },
        { text: facts.organization, style: 'h2' },
        { text: `${t.asOf}: ${facts.asOf}`, margin: [0, 0, 0, 12] },
        { text: t.emptyTitle, bold: true },
        { text: reason },
      ],
      { title, footer: `${facts.organization} — ${title}` },
    ),
    sheetsXlsx([
      {
        name: L(facts.lang, '該当なし', 'Nothing to show'),
        header: [title, ''],
        rows: [
          [t.organization, facts.organization],
          [t.asOf, facts.asOf],
          [t.emptyTitle, reason],
        ],
      },
    ]),
  ]).then(([pdf, xlsx]) => ({ pdf, xlsx }));
}

export interface ScopeData {
  number: number;
  approvedAt: Date | null;
  approver: string;
  businessActivities: string;
  units: string[];
  organizationNote: string;
  locations: string[];
  locationNote: string;
  assetCategories: string[];
  assetNote: string;
  technology: string;
  boundaries: string;
  interfaces: { name: string; description: string }[];
  exclusions: { controlId: string; reason: string }[];
}

/** The approved scope in force: its sections as headed paragraphs, and one sheet per list. */
export function scopeReport(s: ScopeData, facts: Facts): Promise<RenderedPart> {
  const lang = facts.lang;
  const title = partTitle('scope', lang);
  const sections: [string, string][] = [
    [L(lang, '事業活動', 'Business activities'), s.businessActivities],
    [
      L(lang, '組織', 'Organization units'),
      [...s.units, s.organizationNote].filter(Boolean).join('\n'),
    ],
    [L(lang, '所在地', 'Locations'), [...s.locations, s.locationNote].filter(Boolean).join('\n')],
    [
      L(lang, '資産', 'Assets'),
      [s.assetCategories.join(', '), s.assetNote].filter(Boolean).join('\n'),
    ],
    [L(lang, '技術', 'Technology'), s.technology],
    [L(lang, '境界', 'Boundaries'), s.boundaries],
  ];
  const version: [string, string][] = [
    [L(lang, '版', 'Version'), `v${s.number}`],
    [L(lang, '承認日', 'Approved on'), day(s.approvedAt)],
    [L(lang, '承認者', 'Approved by'), s.approver],
  ];
  const body: Content[] = [
    textTable([L(lang, '項目', 'Item'), L(lang, '内容', 'Content')], version, [120, '*']),
    ...sections.flatMap(([h, text]): Content[] => [
      { text: h, style: 'h2' },
      { text: text || '—' },
    ]),
    { text: L(lang, 'インターフェース', 'Interfaces'), style: 'h2' },
    textTable(
      [L(lang, '名称', 'Name'), L(lang, '説明', 'Description')],
      s.interfaces.map((i) => [i.name, i.description]),
      [140, '*'],
    ),
    { text: L(lang, '適用除外', 'Exclusions'), style: 'h2' },
    textTable(
      [L(lang, '管理策', 'Control'), L(lang, '理由', 'Reason')],
      s.exclusions.map((e) => [e.controlId, e.reason]),
      [80, '*'],
    ),
  ];
  return render(title, facts, body, [
    {
      name: L(lang, '適用範囲', 'Scope'),
      header: [L(lang, '項目', 'Item'), L(lang, '内容', 'Content')],
      rows: [...version, ...sections],
    },
    {
      name: L(lang, 'インターフェース', 'Interfaces'),
      header: [L(lang, '名称', 'Name'), L(lang, '説明', 'Description')],
      rows: s.interfaces.map((i) => [i.name, i.description]),
    },
    {
      name: L(lang, '適用除外', 'Exclusions'),
      header: [L(lang, '管理策', 'Control'), L(lang, '理由', 'Reason')],
      rows: s.exclusions.map((e) => [e.controlId, e.reason]),
    },
  ]);
}

const yesNo = (v: boolean, lang: PackLang) => (v ? L(lang, 'はい', 'Yes') : '');

/** The document register: each document and the version in force on the day. */
export function documentRegisterReport(rows: RegisterRow[], facts: Facts): Promise<RenderedPart> {
  const lang = facts.lang;
  const title = partTitle('document_register', lang);
  const header = [
    L(lang, '文書番号', 'Code'),
    L(lang, '文書名', 'Title'),
    L(lang, '種類', 'Type'),
    L(lang, '基本方針', 'Policy'),
    L(lang, '有効版', 'Revision in force'),
    L(lang, '発行日', 'Issued'),
    L(lang, '承認者', 'Approved by'),
    L(lang, '文書管理者', 'Owner'),
    L(lang, '次回見直し', 'Next review'),
    L(lang, '外部文書', 'External'),
  ];
  const cells = rows.map((r) => [
    r.code,
    r.title,
    r.type,
    yesNo(r.ismsPolicy, lang),
    r.revision == null ? L(lang, '未発行', 'Not issued') : String(r.revision),
    day(r.issuedAt),
    r.approverName ?? '',
    r.ownerName ?? '',
    r.nextReviewDate ?? '',
    yesNo(r.external, lang),
  ]);
  const body: Content[] = [
    { text: title, style: 'h1' },
    textTable(header, cells, [50, '*', 55, 35, 45, 55, 70, 70, 55, 35]),
  ];
  return render(
    title,
    facts,
    body,
    [{ name: title.slice(0, 31), header, rows: cells }],
    'landscape',
  );
}

const STATUS = {
  active: { ja: '保管中', en: 'Kept' },
  disposal_pending: { ja: '廃棄承認待ち', en: 'Disposal pending' },
  disposed: { ja: '廃棄済み', en: 'Disposed of' },
} as const;

/** The records index: every record dated by the day, grouped by its type's code. */
export function recordsIndexReport(rows: RecordIndexRow[], facts: Facts): Promise<RenderedPart> {
  const lang = facts.lang;
  const title = partTitle('records_index', lang);
  const header = [
    L(lang, '記録の種類', 'Record type'),
    L(lang, '件名', 'Title'),
    L(lang, '記録日', 'Dated'),
    L(lang, '保管期限', 'Kept until'),
    L(lang, '保管場所', 'Stored at'),
    L(lang, '証拠ファイル数', 'Evidence files'),
    L(lang, '訴訟ホールド', 'Legal hold'),
    L(lang, '状態', 'Status'),
  ];
  const cells = rows.map((r) => [
    `${r.typeCode} ${lang === 'ja' ? r.typeNameJa : r.typeNameEn}`,
    r.title,
    r.recordDate,
    r.retentionEnd,
    r.storageLocation,
    r.files,
    yesNo(r.legalHold, lang),
    STATUS[r.status as keyof typeof STATUS]?.[lang] ?? r.status,
  ]);
  const body: Content[] = [
    { text: title, style: 'h1' },
    textTable(header, cells, [110, '*', 55, 55, 90, 45, 40, 55]),
  ];
  return render(
    title,
    facts,
    body,
    [{ name: title.slice(0, 31), header, rows: cells }],
    'landscape',
  );
}

/** The policy's register facts and text as a sheet (its PDF is the document's own export). */
export function policySheet(
  policy: { code: string; title: string; revision: number; issuedAt: Date | null; body: string },
  facts: Facts,
): Promise<Buffer> {
  const lang = facts.lang;
  const t = TEXT[lang];
  return sheetsXlsx([
    {
      name: L(lang, '基本方針', 'Policy'),
      header: [L(lang, '項目', 'Item'), L(lang, '内容', 'Content')],
      rows: [
        [t.organization, facts.organization],
        [t.asOf, facts.asOf],
        [L(lang, '文書番号', 'Code'), policy.code],
        [L(lang, '文書名', 'Title'), policy.title],
        [L(lang, '版', 'Revision'), policy.revision],
        [L(lang, '発行日', 'Issued'), day(policy.issuedAt)],
        [L(lang, '本文', 'Text'), policy.body],
      ],
    },
  ]);
}
