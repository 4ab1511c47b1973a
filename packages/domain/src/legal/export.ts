import type { Content } from 'pdfmake/interfaces';
import { flattenControls, shippedLibrary } from '@mamoru/catalog';
import { displayIdIn, type LegalExportQuery } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as repo from '@mamoru/db/repositories/legal';
import type { LegalObligationView } from '@mamoru/db/repositories/legal';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import { LEGAL_DUE_SOON_DAYS, reviewState } from './rules.ts';
import { todayUtc } from './service.ts';

/**
 * The legal register as XLSX rows or a PDF, in Japanese or English: what an
 * auditor asks to see for 5.2.1.c and annex 12.1.1. Controls are shown in the
 * reader's form of their ID; codes never reach the reader.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, Record<Lang, string>>;

/** At most this many obligations go into one export. */
export const EXPORT_MAX_ROWS = 5_000;

export const KIND: Labels = {
  law: { ja: '法律', en: 'Law' },
  regulation: { ja: '政省令・規則', en: 'Regulation' },
  contract: { ja: '契約', en: 'Contract' },
  guideline: { ja: 'ガイドライン', en: 'Guideline' },
  other: { ja: 'その他', en: 'Other' },
};
export const STATE: Labels = {
  overdue: { ja: 'レビュー期限超過', en: 'Review overdue' },
  due_soon: { ja: 'レビュー期限間近', en: 'Review due soon' },
  scheduled: { ja: '予定どおり', en: 'Scheduled' },
  retired: { ja: '廃止', en: 'Retired' },
};

const COLUMNS: Labels = {
  code: { ja: '番号', en: 'Code' },
  kind: { ja: '種類', en: 'Kind' },
  title: { ja: '名称', en: 'Title' },
  authority: { ja: '所管・契約相手', en: 'Authority or counterparty' },
  reference: { ja: '該当条項', en: 'Articles or clauses' },
  summary: { ja: '要求事項の概要', en: 'What it requires' },
  owner: { ja: '責任者', en: 'Owner' },
  appliesSince: { ja: '適用開始日', en: 'Applies since' },
  interval: { ja: 'レビュー間隔（月）', en: 'Review interval (months)' },
  nextReview: { ja: '次回レビュー日', en: 'Next review' },
  state: { ja: '状況', en: 'State' },
  controls: { ja: '対応する管理策', en: 'Controls answering it' },
  documents: { ja: '対応する文書', en: 'Documents answering it' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;
export const registerTitle = (lang: Lang) =>
  lang === 'ja' ? '法的及び契約上の要求事項一覧' : 'Register of legal and contractual obligations';

export const exportHeader = (lang: Lang) => Object.values(COLUMNS).map((c) => c[lang]);

let controlNames: Promise<Map<string, string>> | undefined;
/** Annex control id → its Japanese display ID (read once from the shipped criteria). */
function japaneseControlIds() {
  controlNames ??= shippedLibrary(SCOPE_LIBRARY_ID).then(
    (lib) =>
      new Map((lib ? flattenControls(lib) : []).map((c) => [c.control.id, c.control.displayId])),
  );
  return controlNames;
}

export interface ExportRow {
  obligation: LegalObligationView;
  controls: string[];
  documents: string[];
}

export function exportCells(r: ExportRow, lang: Lang, today: string): string[] {
  const o = r.obligation;
  return [
    o.code,
    label(KIND, o.kind, lang),
    o.title,
    o.authority,
    o.reference,
    o.summary,
    o.ownerName ?? '',
    o.appliesSince ?? '',
    String(o.reviewIntervalMonths),
    o.status === 'retired' ? '' : o.nextReviewDate,
    label(STATE, reviewState(o, today, LEGAL_DUE_SOON_DAYS), lang),
    r.controls.join(', '),
    r.documents.join(', '),
  ];
}

type Filter = Omit<LegalExportQuery, 'lang'>;

/** The filtered register with its controls and documents worded in the language. */
export async function exportRows(
  db: Executor,
  ctx: RequestContext,
  filter: Filter,
  lang: Lang,
): Promise<ExportRow[]> {
  authorize(ctx.actor, 'legal:read');
  const org = ctx.actor.organizationId;
  const rows = await repo.exportObligations(
    db,
    org,
    { ...filter, today: todayUtc(), soonDays: LEGAL_DUE_SOON_DAYS },
    EXPORT_MAX_ROWS,
  );
  const docIds = [...new Set(rows.flatMap((r) => r.documentIds))];
  const docs = new Map(
    (await repo.documentTitles(db, org, docIds)).map((d) => [d.id, `${d.code} ${d.title}`]),
  );
  const ja = await japaneseControlIds();
  return rows.map((o) => ({
    obligation: o,
    controls: o.controlIds.map((id) => displayIdIn({ id, displayId: ja.get(id) ?? id }, lang)),
    documents: o.documentIds.map((id) => docs.get(id) ?? ''),
  }));
}

/** The register as the one sheet of its workbook (the server streams it; the CLI writes it). */
export async function exportSheets(db: Executor, ctx: RequestContext, filter: Filter, lang: Lang) {
  const rows = await exportRows(db, ctx, filter, lang);
  const today = todayUtc();
  return [
    {
      name: lang === 'ja' ? '法的要求事項' : 'Legal obligations',
      header: exportHeader(lang),
      rows: rows.map((r) => exportCells(r, lang, today)),
    },
  ];
}

/** The register as a landscape PDF with a cover page. */
export async function exportPdf(db: Executor, ctx: RequestContext, filter: Filter, lang: Lang) {
  const rows = await exportRows(db, ctx, filter, lang);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const title = registerTitle(lang);
  const today = todayUtc();
  const shown = ['code', 'kind', 'title', 'authority', 'summary', 'owner', 'nextReview', 'state'];
  const keys = Object.keys(COLUMNS);
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [lang === 'ja' ? '組織' : 'Organization', org?.name ?? ''],
        [lang === 'ja' ? '作成日' : 'Date', today],
        [lang === 'ja' ? '件数' : 'Entries', String(rows.length)],
      ],
    }),
    textTable(
      [...shown, 'controls', 'documents'].map((k) => label(COLUMNS, k, lang)),
      rows.map((r) => {
        const cells = exportCells(r, lang, today);
        return [...shown, 'controls', 'documents'].map((k) => cells[keys.indexOf(k)]);
      }),
      [42, 45, '*', 70, '*', 50, 52, 52, 55, '*'],
    ),
  ];
  return renderPdf(content, { title, footer: org?.name ?? '', orientation: 'landscape' });
}
