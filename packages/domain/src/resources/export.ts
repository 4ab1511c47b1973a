import type { Content } from 'pdfmake/interfaces';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import { allResourcesOf, type ResourceView } from '@mamoru/db/repositories/resources';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { yearSummary } from './plan.ts';
import { presentPlan } from './presenters.ts';

/**
 * The resources register of a fiscal year as spreadsheet rows or a PDF, in
 * Japanese or English, with the plan's approval and the treatment roll-up:
 * what an auditor asks for under 5.1.e and 5.2.1.a. Labels are ours, never codes.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, Record<Lang, string>>;

export const KIND_LABELS: Labels = {
  people: { ja: '要員（工数）', en: "People's time" },
  money: { ja: '予算', en: 'Money' },
  tool: { ja: 'ツール', en: 'Tool' },
  service: { ja: '外部サービス', en: 'Service' },
  other: { ja: 'その他', en: 'Other' },
};
export const ACTIVITY_LABELS: Labels = {
  establish: { ja: '確立', en: 'Establish' },
  operate: { ja: '導入・運用', en: 'Implement and operate' },
  monitor: { ja: '監視・レビュー', en: 'Monitor and review' },
  improve: { ja: '維持・改善', en: 'Maintain and improve' },
};
export const PLAN_STATUS_LABELS: Labels = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '承認待ち', en: 'Awaiting approval' },
  approved: { ja: '承認済み', en: 'Approved' },
};

const COLUMNS: Labels = {
  kind: { ja: '種類', en: 'Kind' },
  activity: { ja: 'ISMSの活動', en: 'ISMS activity' },
  title: { ja: '名称', en: 'Title' },
  owner: { ja: '管理責任者', en: 'Owner' },
  unit: { ja: '部門', en: 'Unit' },
  plannedAmount: { ja: '計画金額（円）', en: 'Planned (JPY)' },
  plannedHours: { ja: '計画工数（時間）', en: 'Planned hours' },
  usedAmount: { ja: '実績金額（円）', en: 'Used (JPY)' },
  usedHours: { ja: '実績工数（時間）', en: 'Used hours' },
  description: { ja: '説明', en: 'Description' },
  notes: { ja: '備考', en: 'Notes' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;

export const exportHeader = (lang: Lang) => Object.values(COLUMNS).map((c) => c[lang]);

export function exportCells(r: ResourceView, lang: Lang): (string | number | null)[] {
  return [
    label(KIND_LABELS, r.kind, lang),
    label(ACTIVITY_LABELS, r.activity, lang),
    r.title,
    r.ownerName ?? '',
    r.unitName ?? '',
    r.plannedAmount,
    r.plannedHours,
    r.usedAmount,
    r.usedHours,
    r.description,
    r.notes,
  ];
}

export const registerTitle = (fiscalYear: number, lang: Lang) =>
  lang === 'ja' ? `${fiscalYear}年度 ISMS経営資源` : `ISMS resources FY${fiscalYear}`;

/** The rows of a year and the treatment actions due in it, for the workbook. */
export async function exportData(db: Executor, ctx: RequestContext, fiscalYear: number) {
  authorize(ctx.actor, 'resources:read');
  const org = ctx.actor.organizationId;
  return {
    rows: await allResourcesOf(db, org, fiscalYear),
    summary: await yearSummary(db, org, fiscalYear),
  };
}

export const treatmentHeader = (lang: Lang) =>
  lang === 'ja'
    ? ['処置', '件名', '期限', '予算（円）', '資源']
    : ['Action', 'Title', 'Due', 'Budget (JPY)', 'Resources'];

export const treatmentSheetName = (lang: Lang) =>
  lang === 'ja' ? 'リスク対応の資源' : 'Risk treatment resources';

export async function registerPdf(
  db: Executor,
  ctx: RequestContext,
  fiscalYear: number,
  lang: Lang,
) {
  const { rows, summary } = await exportData(db, ctx, fiscalYear);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const plan = presentPlan(summary.plan);
  const title = registerTitle(fiscalYear, lang);
  const ja = lang === 'ja';
  const sum = (k: 'plannedAmount' | 'usedAmount' | 'plannedHours' | 'usedHours') =>
    summary.rows.reduce((n, r) => n + r[k], 0).toLocaleString('en-US');
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [ja ? '組織' : 'Organization', org?.name ?? ''],
        [ja ? '期間' : 'Period', `${summary.from} – ${summary.to}`],
        [ja ? '計画の状態' : 'Plan status', label(PLAN_STATUS_LABELS, plan.status, lang)],
        [
          ja ? '最新の承認' : 'Latest approval',
          plan.approvedAt ? `${plan.approvedAt.slice(0, 10)} ${plan.approvedBy?.name ?? ''}` : '',
        ],
        [
          ja ? '計画／実績（円）' : 'Planned / used (JPY)',
          `${sum('plannedAmount')} / ${sum('usedAmount')}`,
        ],
        [
          ja ? '計画／実績（時間）' : 'Planned / used (hours)',
          `${sum('plannedHours')} / ${sum('usedHours')}`,
        ],
        [
          ja ? 'リスク対応の予算（円）' : 'Risk treatment budget (JPY)',
          summary.treatment.budget.toLocaleString('en-US'),
        ],
        [ja ? '作成日' : 'Date', new Date().toISOString().slice(0, 10)],
      ],
    }),
    textTable(
      exportHeader(lang).slice(0, 9),
      rows.map((r) => exportCells(r, lang).slice(0, 9)),
      [55, 70, '*', 60, 55, 55, 40, 55, 40],
    ),
    { text: treatmentSheetName(lang), style: 'h2' },
    textTable(
      treatmentHeader(lang),
      summary.treatment.items.map((a) => [a.code, a.title, a.dueDate, a.budget, a.resources]),
      [50, '*', 60, 60, '*'],
    ),
  ];
  return renderPdf(content, { title, footer: org?.name ?? '', orientation: 'landscape' });
}
