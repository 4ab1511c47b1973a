import type { Content } from 'pdfmake/interfaces';
import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/documents';
import type { DocumentVersionRow, DocumentView } from '@mamoru/db/repositories/documents';
import type { FileView } from '@mamoru/db/repositories/files';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { displayNames } from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import { renderPdf, textTable } from '../reports/pdf.ts';
import { visibleDocument, visibleVersion } from './common.ts';
import { allVersionFiles } from './files.ts';
import { markdownToPdf } from './markdown-pdf.ts';
import { versionStatus } from './rules.ts';
import { EXPORT_TEXT, type ExportLang, type ExportText } from './export-text.ts';

/**
 * One version of a controlled document as a PDF (4.3.2.h, i): a header block
 * of its register facts, the body, and its attachments with their SHA-256, so
 * a printed copy can be checked against the store. A version that is not the
 * one in force carries a watermark on every page: superseded, obsolete or draft.
 */

export type { ExportLang } from './export-text.ts';

/** The watermark of a version's status; none for the issued version. */
export function watermarkOf(status: string, lang: ExportLang): string | undefined {
  const t = EXPORT_TEXT[lang].watermarks;
  if (status === 'issued') return undefined;
  if (status === 'superseded') return t.superseded;
  if (status === 'obsolete') return t.obsolete;
  return t.draft; // draft, in review, approved but not yet issued
}

const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** Bytes as people read them: 1,234 B, 12.3 KB, 4.5 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en')} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

interface Loaded {
  view: DocumentView;
  version: DocumentVersionRow;
  status: string;
  approver: string;
  files: FileView[];
  organization: string;
}

function facts(data: Loaded, t: ExportText, lang: ExportLang): Array<[string, string]> {
  const { view, version } = data;
  const classification = lang === 'ja' ? view.classificationNameJa : view.classificationNameEn;
  const rows: Array<[string, string]> = [
    [t.code, view.code],
    [t.type, t.types[view.type as keyof ExportText['types']] ?? view.type],
    [t.revision, String(version.revision)],
    [t.status, t.statuses[data.status as keyof ExportText['statuses']] ?? data.status],
    [t.owner, view.ownerName ?? ''],
    [t.classification, classification ?? ''],
    [t.issuedOn, date(version.issuedAt)],
  ];
  if (version.approvedAt) {
    rows.push([t.approvedBy, data.approver], [t.approvedOn, date(version.approvedAt)]);
  }
  if (version.supersededAt) rows.push([t.supersededOn, date(version.supersededAt)]);
  if (version.withdrawnAt) rows.push([t.withdrawnOn, date(version.withdrawnAt)]);
  if (version.withdrawalReason) rows.push([t.withdrawalReason, version.withdrawalReason]);
  if (version.changeSummary) rows.push([t.changeSummary, version.changeSummary]);
  rows.push([t.exportedOn, date(new Date())]);
  return rows;
}

function content(data: Loaded, lang: ExportLang): Content[] {
  const t = EXPORT_TEXT[lang];
  const out: Content[] = [
    { text: data.view.title, fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
  ];
  // The mark is in the text too (top of the first page, every footer), not only in the
  // watermark: a faint watermark may not survive a copier, and text extraction misses it.
  const mark = watermarkOf(data.status, lang);
  if (mark) {
    const notice = t.notices[data.status as keyof ExportText['notices']] ?? t.notices.draft;
    out.push({
      text: `${mark}${t.noticeSeparator}${notice}`,
      bold: true,
      color: '#c92a2a',
      margin: [0, 0, 0, 8],
    });
  }
  out.push({
    table: {
      widths: [110, '*'],
      body: facts(data, t, lang).map(([label, value]) => [
        { text: label, bold: true },
        { text: value || '—' },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 14],
  });
  const body = data.version.body.trim() ? markdownToPdf(data.version.body) : [];
  out.push(...(body.length ? body : [{ text: t.emptyBody, style: 'muted' }]));
  const policy = data.version.policyFields;
  if (policy) {
    out.push({ text: t.policy.heading, style: 'h1' });
    for (const key of [
      'objectivesFramework',
      'obligationsConsidered',
      'riskCriteriaReference',
    ] as const) {
      out.push({ text: t.policy[key], style: 'h2' }, { text: policy[key] || '—' });
    }
  }
  out.push({ text: t.files.heading, style: 'h1' });
  if (data.files.length === 0) out.push({ text: t.files.none, style: 'muted' });
  else {
    out.push({
      ...(textTable(
        [t.files.name, t.files.size, 'SHA-256'],
        data.files.map((f) => [f.originalName, sizeText(f.size), f.sha256]),
        ['*', 60, 'auto'],
      ) as object),
      fontSize: 7.5,
    } as Content);
  }
  return out;
}

/** The version as the caller may read it, rendered to PDF in the language. */
export async function exportVersionPdf(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  versionId: string,
  lang: ExportLang,
) {
  const doc = await visibleDocument(db, ctx, documentId);
  const version = await visibleVersion(db, ctx, doc, versionId);
  const org = ctx.actor.organizationId;
  const view = await repo.getDocumentView(db, org, doc.id);
  if (!view) throw notFound('document');
  const names = await displayNames(db, org, version.approvedBy ? [version.approvedBy] : []);
  const status = versionStatus(version);
  const data: Loaded = {
    view,
    version,
    status,
    approver: version.approvedBy ? (names.get(version.approvedBy) ?? '') : '',
    files: await allVersionFiles(db, org, version.id),
    organization: (await getOrganization(db, org))?.name ?? '',
  };
  const revision = `${view.code} ${EXPORT_TEXT[lang].revisionLabel(version.revision)}`;
  const watermark = watermarkOf(status, lang);
  const body = await renderPdf(content(data, lang), {
    title: `${view.title} (${revision})`,
    footer: [data.organization, revision, watermark].filter(Boolean).join(' — '),
    ...(watermark ? { watermark } : {}),
  });
  return { filename: `${view.code}-rev${version.revision}-${lang}.pdf`, body };
}
