import ExcelJS from 'exceljs';
import {
  displayIdIn,
  type SoaMigrationEntry,
  type SoaMigrationReviewReason,
} from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import { displayNames } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { libraryOf, loadSoa } from './common.ts';
import { STATUS_LABELS, decisionText, pick, reasonText, type ExportLang } from './export-rows.ts';
import { listMigrationEntries } from './migration.ts';
import { presentEntry } from './presenters.ts';
import type { SoaExport } from './export.ts';

/**
 * Both statements side by side as XLSX: one row per target (2022) control with
 * its decision, reason, status and review state beside the mapped source
 * (Ver.2.0) controls and their decisions; a second sheet lists the source
 * controls that map to nothing.
 */

const TEXT = {
  ja: {
    sheet: '2022年版と現行版',
    unmappedSheet: '対応先のない現行管理策',
    headers: [
      '管理策番号',
      '管理策',
      '採否',
      '理由',
      '実施状況',
      '確認',
      '確認者・確認日',
      '現行の管理策（対応関係）',
      '現行の採否・実施状況',
    ],
    unmappedHeaders: ['管理策番号', '管理策', '採否', '理由', '実施状況'],
    review: { pending: '要確認', confirmed: '確認済み', carried: '対応表から引継ぎ' },
    reasons: {
      new_control: '新規の管理策',
      partial_mapping: '部分的な対応',
      sources_disagree: '対応元の採否が不一致',
      low_confidence: '対応の確度が低い',
      source_undecided: '対応元が未決定',
    },
    relations: {
      equal: '同等',
      subset: '一部',
      superset: '包含',
      intersects: '重複',
      related: '関連',
    },
  },
  en: {
    sheet: '2022 and current',
    unmappedSheet: 'Current controls unmapped',
    headers: [
      'Control No.',
      'Control',
      'Applicable',
      'Justification',
      'Implementation',
      'Review',
      'Confirmed by / on',
      'Current controls (relation)',
      'Current decisions',
    ],
    unmappedHeaders: ['Control No.', 'Control', 'Applicable', 'Justification', 'Implementation'],
    review: { pending: 'Needs review', confirmed: 'Confirmed', carried: 'Carried over (mapping)' },
    reasons: {
      new_control: 'New control',
      partial_mapping: 'Partial mapping',
      sources_disagree: 'Sources disagree',
      low_confidence: 'Uncertain mapping',
      source_undecided: 'Source undecided',
    },
    relations: {
      equal: 'equal',
      subset: 'subset',
      superset: 'superset',
      intersects: 'intersects',
      related: 'related',
    },
  },
} as const;

function reviewText(e: SoaMigrationEntry, lang: ExportLang) {
  const t = TEXT[lang];
  const state =
    e.review === 'pending'
      ? t.review.pending
      : e.confirmedBy
        ? t.review.confirmed
        : t.review.carried;
  const why = e.reviewReasons.map((r: SoaMigrationReviewReason) => t.reasons[r]);
  return why.length ? `${state}\n${why.join(', ')}` : state;
}

/** One row of cells per target control, in the order of TEXT[lang].headers. */
export function migrationRow(
  e: SoaMigrationEntry,
  lang: ExportLang,
  names: ReadonlyMap<string, string>,
) {
  const t = TEXT[lang];
  const entry = e.entry;
  const confirmed = e.confirmedBy
    ? `${names.get(e.confirmedBy) ?? ''} ${e.confirmedAt?.slice(0, 10) ?? ''}`.trim()
    : '';
  const sourceId = (s: SoaMigrationEntry['sources'][number]) =>
    displayIdIn({ id: s.controlId, displayId: s.displayId }, lang);
  return [
    displayIdIn({ id: entry.controlId, displayId: entry.displayId }, lang),
    pick(entry.title, lang),
    decisionText(lang, entry.applicable),
    reasonText(entry, lang, names),
    entry.applicable === false ? '' : STATUS_LABELS[lang][entry.implementationStatus],
    reviewText(e, lang),
    confirmed,
    e.sources.map((s) => `${sourceId(s)} (${t.relations[s.relation]})`).join('\n'),
    e.sources
      .map((s) => {
        const status = s.applicable ? ` / ${STATUS_LABELS[lang][s.implementationStatus]}` : '';
        return `${sourceId(s)}: ${decisionText(lang, s.applicable)}${status}`;
      })
      .join('\n'),
  ];
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  widths: number[],
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  return sheet;
}

/** The migrated statement beside the statement it was drafted from, as XLSX in the language. */
export async function exportMigration(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  lang: ExportLang,
): Promise<SoaExport> {
  const { migration, items } = await listMigrationEntries(db, ctx, soaId, {});
  const org = ctx.actor.organizationId;
  const source = await loadSoa(db, org, migration.sourceSoaId);
  const sourceRows = (
    await repo.listEntries(db, org, migration.sourceVersionId, await libraryOf(db, org, source))
  ).map(presentEntry);
  const mapped = new Set(items.flatMap((e) => e.sources.map((s) => s.controlId)));
  const unmapped = sourceRows.filter((e) => !mapped.has(e.controlId));
  const people = [
    ...items.flatMap((e) => [e.confirmedBy, e.entry.riskAcceptedBy]),
    ...unmapped.map((e) => e.riskAcceptedBy),
  ].filter((id): id is string => Boolean(id));
  const names = await displayNames(db, org, people);
  const t = TEXT[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamoru';
  const main = addSheet(workbook, t.sheet, t.headers, [12, 36, 10, 40, 14, 20, 20, 26, 30]);
  for (const e of items) main.addRow(migrationRow(e, lang, names));
  const rest = addSheet(workbook, t.unmappedSheet, t.unmappedHeaders, [12, 40, 10, 45, 14]);
  for (const e of unmapped) {
    rest.addRow([
      displayIdIn({ id: e.controlId, displayId: e.displayId }, lang),
      pick(e.title, lang),
      decisionText(lang, e.applicable),
      reasonText(e, lang, names),
      e.applicable === false ? '' : STATUS_LABELS[lang][e.implementationStatus],
    ]);
  }
  for (const sheet of [main, rest]) {
    sheet.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return {
    filename: `soa-migration-${migration.targetLibraryId}-${lang}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
