import type { Content } from 'pdfmake/interfaces';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as register from '@mamoru/db/repositories/controls-register';
import * as repo from '@mamoru/db/repositories/controls';
import type { RequestContext } from '../audit/trail.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { todayOf, visibleTo } from './access.ts';
import { coverageOf, isOverdue } from './schedule.ts';

/**
 * The register of applicable controls with their checks, as an auditor asks
 * for it (4.2.2.c, 4.2.3.b): XLSX sheets (the server streams them) or a PDF,
 * in Japanese or English, labels in words, never raw codes.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, Record<Lang, string>>;

export const OPERATION_LABELS: Labels = {
  not_started: { ja: '未着手', en: 'Not started' },
  in_operation: { ja: '運用中', en: 'In operation' },
  partly: { ja: '一部運用', en: 'Partly operated' },
  suspended: { ja: '停止中', en: 'Suspended' },
};
export const FREQUENCY_LABELS: Labels = {
  monthly: { ja: '毎月', en: 'Monthly' },
  quarterly: { ja: '四半期ごと', en: 'Quarterly' },
  half_yearly: { ja: '半年ごと', en: 'Half-yearly' },
  yearly: { ja: '毎年', en: 'Yearly' },
};
export const RESULT_LABELS: Labels = {
  effective: { ja: '有効', en: 'Effective' },
  partly_effective: { ja: '一部有効', en: 'Partly effective' },
  not_effective: { ja: '有効でない', en: 'Not effective' },
};
const IMPLEMENTATION: Labels = {
  not_started: { ja: '未着手', en: 'Not started' },
  planned: { ja: '計画済み', en: 'Planned' },
  partial: { ja: '一部実施', en: 'Partly implemented' },
  implemented: { ja: '実施済み', en: 'Implemented' },
};

const CONTROL_COLUMNS: Labels = {
  control: { ja: '管理策', en: 'Control' },
  title: { ja: '名称', en: 'Title' },
  implementation: { ja: '適用宣言書の実施状況', en: 'Implementation (SoA)' },
  status: { ja: '運用状況', en: 'Operation' },
  owner: { ja: '責任者', en: 'Owner' },
  procedures: { ja: '手順書', en: 'Procedures' },
  recordTypes: { ja: '記録の種類', en: 'Record types' },
  reason: { ja: '手順書・記録がない理由', en: 'Reason without procedure or record' },
  nextDue: { ja: '次回点検期限', en: 'Next check due' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  lastResult: { ja: '直近の点検結果', en: 'Last result' },
  lastPerformed: { ja: '直近の点検日', en: 'Last checked' },
};
const CHECK_COLUMNS: Labels = {
  control: { ja: '管理策', en: 'Control' },
  title: { ja: '点検', en: 'Check' },
  method: { ja: '点検内容', en: 'What is checked' },
  frequency: { ja: '頻度', en: 'Frequency' },
  checker: { ja: '点検者', en: 'Checker' },
  nextDue: { ja: '次回期限', en: 'Next due' },
  active: { ja: '有効', en: 'Active' },
  lastResult: { ja: '直近の結果', en: 'Last result' },
  lastPerformed: { ja: '直近の点検日', en: 'Last checked' },
};

const label = (labels: Labels, key: string | null, lang: Lang) =>
  key === null ? '' : (labels[key]?.[lang] ?? key);
const header = (labels: Labels, lang: Lang) => Object.values(labels).map((l) => l[lang]);
const titleIn = (t: Record<string, string> | null, lang: Lang) =>
  t ? (t[lang] ?? t.ja ?? '') : '';

export const registerTitle = (lang: Lang) =>
  lang === 'ja' ? '管理策の運用状況と点検' : 'Control operation and checks';

/** The two sheets' rows: only the controls (and their checks) the caller sees. */
async function rowsOf(db: Executor, ctx: RequestContext, lang: Lang) {
  const only = visibleTo(ctx);
  const org = ctx.actor.organizationId;
  const today = todayOf();
  const yes = lang === 'ja' ? 'はい' : 'Yes';
  const no = lang === 'ja' ? 'いいえ' : 'No';
  const allChecks = await repo.allChecks(db, org);
  // Reach 'own': controls one owns, and the checks one performs or whose control one owns.
  const owned = new Set<string>();
  const all = await register.allControlRegister(db, org, today);
  for (const r of all) if (r.owner_user_id === only) owned.add(r.control_id);
  const myChecks = allChecks.filter(
    (c) => only === undefined || c.check.checkerUserId === only || owned.has(c.check.controlId),
  );
  const involved = new Set([...owned, ...myChecks.map((c) => c.check.controlId)]);
  const lines = all.filter((r) => only === undefined || involved.has(r.control_id));
  const controls = lines.map((r) => {
    const cov = coverageOf(r.procedures, r.record_types, r.no_procedure_reason);
    return [
      r.display_id ?? r.control_id,
      titleIn(r.title, lang),
      label(IMPLEMENTATION, r.implementation_status, lang),
      label(OPERATION_LABELS, r.status, lang),
      r.owner_name ?? '',
      r.procedures,
      r.record_types,
      cov.reason ?? '',
      r.next_due ?? '',
      r.next_due && isOverdue(r.next_due, today) ? yes : '',
      label(RESULT_LABELS, r.last_result, lang),
      r.last_performed_on ?? '',
    ];
  });
  const names = new Map(lines.map((r) => [r.control_id, r.display_id ?? r.control_id]));
  const checks = myChecks
    .filter((c) => names.has(c.check.controlId))
    .map((c) => [
      names.get(c.check.controlId) ?? c.check.controlId,
      c.check.title,
      c.check.method,
      label(FREQUENCY_LABELS, c.check.frequency, lang),
      c.checkerName ?? '',
      c.check.nextDue,
      c.check.active ? yes : no,
      label(RESULT_LABELS, c.lastResult, lang),
      c.lastPerformedOn ?? '',
    ]);
  return { controls, checks };
}

export interface ControlsSheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** The workbook's sheets (controls, then checks); the server streams them. */
export async function controlsWorkbook(
  db: Executor,
  ctx: RequestContext,
  lang: Lang,
): Promise<ControlsSheet[]> {
  const { controls, checks } = await rowsOf(db, ctx, lang);
  return [
    {
      name: lang === 'ja' ? '管理策' : 'Controls',
      header: header(CONTROL_COLUMNS, lang),
      rows: controls,
    },
    { name: lang === 'ja' ? '点検' : 'Checks', header: header(CHECK_COLUMNS, lang), rows: checks },
  ];
}

export async function controlsPdf(db: Executor, ctx: RequestContext, lang: Lang) {
  const { controls, checks } = await rowsOf(db, ctx, lang);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const title = registerTitle(lang);
  const pick = (row: (string | number)[], idx: number[]) => idx.map((i) => row[i] ?? '');
  const controlIdx = [0, 1, 3, 4, 5, 6, 8, 10];
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [lang === 'ja' ? '組織' : 'Organization', org?.name ?? ''],
        [lang === 'ja' ? '作成日' : 'Date', todayOf()],
        [lang === 'ja' ? '適用する管理策' : 'Applicable controls', String(controls.length)],
        [lang === 'ja' ? '点検' : 'Checks', String(checks.length)],
      ],
    }),
    { text: lang === 'ja' ? '管理策' : 'Controls', style: 'h1' },
    textTable(
      pick(header(CONTROL_COLUMNS, lang), controlIdx).map(String),
      controls.map((r) => pick(r, controlIdx)),
      [45, '*', 60, 70, 40, 40, 55, 60],
    ),
    { text: lang === 'ja' ? '点検' : 'Checks', style: 'h1', pageBreak: 'before' },
    textTable(header(CHECK_COLUMNS, lang), checks, [45, 80, '*', 50, 60, 55, 30, 55, 55]),
  ];
  return renderPdf(content, { title, footer: org?.name ?? '', orientation: 'landscape' });
}
