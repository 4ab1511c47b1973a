import type { Content } from 'pdfmake/interfaces';
import type { Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as repo from '@mamoru/db/repositories/improvement';
import type { NonconformityFilter, NonconformityView } from '@mamoru/db/repositories/improvement';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { nonconformityCode } from './workflow.ts';

/**
 * The nonconformity register as XLSX rows or a PDF, in Japanese or English
 * (7.2, 7.3: what an auditor asks to see). Labels are ours, never raw codes.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, { ja: string; en: string }>;

/** At most this many nonconformities go into one export (one query). */
export const EXPORT_MAX_ROWS = 5000;

const SOURCE: Labels = {
  internal_audit: { ja: '内部監査', en: 'Internal audit' },
  external_audit: { ja: '外部監査・審査', en: 'External or certification audit' },
  incident: { ja: 'インシデント', en: 'Incident' },
  management_review: { ja: 'マネジメントレビュー', en: 'Management review' },
  monitoring: { ja: '監視の結果', en: 'Monitoring result' },
  complaint: { ja: '苦情・意見', en: 'Complaint or feedback' },
  self_identified: { ja: '自主発見', en: 'Self-identified' },
  risk_change: { ja: 'リスクの変化', en: 'Risk change' },
  control_check: { ja: '管理策の点検', en: 'Control check' },
};
const STATUS: Labels = {
  reported: { ja: '報告済み', en: 'Reported' },
  contained: { ja: '応急処置済み', en: 'Contained' },
  analysed: { ja: '原因分析済み', en: 'Cause analysed' },
  evaluated: { ja: '評価済み', en: 'Evaluated' },
  in_action: { ja: '処置中', en: 'Actions under way' },
  in_review: { ja: '有効性レビュー', en: 'Effectiveness review' },
  closed: { ja: '完了', en: 'Closed' },
};
const SEVERITY: Labels = { major: { ja: '重大', en: 'Major' }, minor: { ja: '軽微', en: 'Minor' } };
const KIND: Labels = {
  nonconformity: { ja: '不適合', en: 'Nonconformity' },
  potential: { ja: '潜在的不適合', en: 'Potential nonconformity' },
};

const COLUMNS: Labels = {
  code: { ja: '番号', en: 'No.' },
  kind: { ja: '種類', en: 'Kind' },
  title: { ja: '件名', en: 'Title' },
  source: { ja: '発生源', en: 'Source' },
  severity: { ja: '重大度', en: 'Severity' },
  status: { ja: '手順', en: 'Step' },
  clauses: { ja: '要求事項・管理策', en: 'Requirement items and controls' },
  unit: { ja: '部門', en: 'Unit' },
  detectedOn: { ja: '検出日', en: 'Detected' },
  ageDays: { ja: '経過日数', en: 'Age (days)' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  cycle: { ja: 'サイクル', en: 'Cycle' },
  containment: { ja: '応急処置', en: 'Containment' },
  closedAt: { ja: '完了日', en: 'Closed on' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;

export const exportHeader = (lang: Lang) => Object.values(COLUMNS).map((c) => c[lang]);

export function exportCells(n: NonconformityView, lang: Lang): (string | number)[] {
  const yes = lang === 'ja' ? 'はい' : 'Yes';
  return [
    nonconformityCode(n.number),
    label(KIND, n.kind, lang),
    n.title,
    label(SOURCE, n.source, lang),
    label(SEVERITY, n.severity, lang),
    label(STATUS, n.status, lang),
    [...n.requirementIds, ...n.controlIds].join(', '),
    n.unitName ?? '',
    n.detectedOn,
    Number(n.ageDays),
    n.overdue ? yes : '',
    n.cycle,
    n.containment,
    n.closedAt ? n.closedAt.toISOString().slice(0, 10) : '',
  ];
}

/** The register's rows for an export, filtered like the list (and by 'own' reach). */
export async function exportRows(db: Db, ctx: RequestContext, filter: NonconformityFilter) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const page = await repo.listNonconformities(
    db,
    ctx.actor.organizationId,
    { ...filter, visibleTo: reach === 'own' ? (ctx.actor.userId ?? '') : undefined },
    { limit: EXPORT_MAX_ROWS },
  );
  return page.items;
}

export async function registerPdf(
  db: Db,
  ctx: RequestContext,
  filter: NonconformityFilter,
  lang: Lang,
) {
  const rows = await exportRows(db, ctx, filter);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const title = lang === 'ja' ? '不適合登録簿' : 'Nonconformity register';
  const date = new Date().toISOString().slice(0, 10);
  const shown = ['code', 'title', 'source', 'severity', 'status', 'detectedOn', 'ageDays'];
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
      shown.map((k) => label(COLUMNS, k, lang)),
      rows.map((r) => {
        const cells = exportCells(r, lang);
        return shown.map((k) => cells[all.indexOf(k)]);
      }),
      [50, '*', 80, 40, 70, 55, 40],
    ),
  ];
  return renderPdf(content, { title, footer: org?.name ?? '', orientation: 'landscape' });
}
