import type { Content } from 'pdfmake/interfaces';
import type { Executor } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as repo from '@mamoru/db/repositories/objectives';
import type { RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { coverPage, renderPdf, textTable } from '../reports/pdf.ts';
import { presentMeasurement, presentObjective } from './presenters.ts';

/**
 * The objectives register with every measurement, as spreadsheet rows in
 * Japanese or English, or as a PDF with each objective's latest values (5.1.b,
 * 4.2.3.a.3: what an auditor asks to see). Labels are ours, never raw codes;
 * spreadsheet cells are neutralized by the spreadsheet writer.
 */

export type Lang = 'ja' | 'en';
type Labels = Record<string, Record<Lang, string>>;

/** At most this many objectives, and measurements of each, go into one export. */
export const EXPORT_MAX_ROWS = 2000;
const PAGE = 200;
/** The PDF shows this many of each objective's newest measurements. */
export const PDF_LATEST_MEASUREMENTS = 5;

const STATUS: Labels = {
  active: { ja: '取組中', en: 'Being pursued' },
  achieved: { ja: '達成', en: 'Achieved' },
  missed: { ja: '未達', en: 'Missed' },
  withdrawn: { ja: '取り下げ', en: 'Withdrawn' },
};
const PROGRESS: Labels = {
  ...STATUS,
  on_track: { ja: '順調', en: 'On track' },
  at_risk: { ja: '要注意', en: 'At risk' },
};
const DIRECTION: Labels = {
  higher_is_better: { ja: '高いほど良い', en: 'Higher is better' },
  lower_is_better: { ja: '低いほど良い', en: 'Lower is better' },
};
const FREQUENCY: Labels = {
  monthly: { ja: '毎月', en: 'Monthly' },
  quarterly: { ja: '四半期ごと', en: 'Quarterly' },
  half_yearly: { ja: '半年ごと', en: 'Every six months' },
  yearly: { ja: '毎年', en: 'Yearly' },
};
const SOURCE: Labels = {
  manual: { ja: '手入力', en: 'By hand' },
  csv: { ja: 'CSV', en: 'CSV' },
  api: { ja: '監視ツール', en: 'Monitoring tool' },
};

const REGISTER: Labels = {
  code: { ja: '番号', en: 'No.' },
  title: { ja: '目標', en: 'Objective' },
  owner: { ja: '責任者', en: 'Owner' },
  metric: { ja: '測定項目', en: 'Metric' },
  unit: { ja: '単位', en: 'Unit' },
  direction: { ja: '方向', en: 'Direction' },
  baseline: { ja: '基準値', en: 'Baseline' },
  target: { ja: '目標値', en: 'Target' },
  start: { ja: '開始日', en: 'Start' },
  due: { ja: '期限', en: 'Due' },
  frequency: { ja: '測定頻度', en: 'Measured' },
  plan: { ja: '達成のための計画', en: 'Plan' },
  status: { ja: '判断', en: 'Decision' },
  progress: { ja: '達成状況', en: 'Standing' },
  percent: { ja: '達成度（%）', en: 'Reached (%)' },
  latest: { ja: '最新の値', en: 'Latest value' },
  next: { ja: '次回測定', en: 'Next measurement' },
};
const MEASUREMENTS: Labels = {
  code: { ja: '番号', en: 'No.' },
  measuredOn: { ja: '測定日', en: 'Measured on' },
  value: { ja: '値', en: 'Value' },
  note: { ja: 'メモ', en: 'Note' },
  source: { ja: '入力元', en: 'Source' },
  recordedBy: { ja: '記録者', en: 'Recorded by' },
};

const REASON: Labels = {
  behind_plan: { ja: '計画より遅れている', en: 'Behind the plan' },
  measurement_overdue: { ja: '測定が遅れている', en: 'Measurement overdue' },
  past_due: { ja: '期限を過ぎた', en: 'Past the due date' },
};

const label = (labels: Labels, key: string, lang: Lang) => labels[key]?.[lang] ?? key;
const header = (labels: Labels, lang: Lang) => Object.values(labels).map((c) => c[lang]);

export interface ExportSheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** Every page of a keyset-paged list, up to the export's cap. */
async function all<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < EXPORT_MAX_ROWS);
  return items.slice(0, EXPORT_MAX_ROWS);
}

/** Two sheets: the register (one row per objective) and the measurements, oldest first. */
export async function objectiveWorkbook(
  db: Executor,
  ctx: RequestContext,
  lang: Lang,
  today: string,
): Promise<ExportSheet[]> {
  authorize(ctx.actor, 'objectives:read');
  const org = ctx.actor.organizationId;
  const views = await all((cursor) => repo.listObjectives(db, org, {}, { limit: PAGE, cursor }));
  const register: ExportSheet['rows'] = [];
  const measured: ExportSheet['rows'] = [];
  for (const view of views) {
    const o = presentObjective(view, today);
    register.push([
      o.code,
      o.title,
      o.owner?.name ?? '',
      o.metric,
      o.measureUnit,
      label(DIRECTION, o.direction, lang),
      o.baseline,
      o.target,
      o.startDate,
      o.dueDate,
      label(FREQUENCY, o.frequency, lang),
      o.plan,
      label(STATUS, o.status, lang),
      label(PROGRESS, o.progress, lang),
      o.percent,
      o.latest?.value ?? null,
      o.nextMeasurementDue ?? '',
    ]);
    const values = await all((cursor) =>
      repo.listMeasurements(db, org, o.id, {}, { limit: PAGE, cursor }),
    );
    for (const m of values.map(presentMeasurement).reverse()) {
      measured.push([
        o.code,
        m.measuredOn,
        m.value,
        m.note,
        label(SOURCE, m.source, lang),
        m.recordedBy?.name ?? '',
      ]);
    }
  }
  return [
    {
      name: lang === 'ja' ? '情報セキュリティ目標' : 'Objectives',
      header: header(REGISTER, lang),
      rows: register,
    },
    {
      name: lang === 'ja' ? '測定値' : 'Measurements',
      header: header(MEASUREMENTS, lang),
      rows: measured,
    },
  ];
}

/**
 * The register as a PDF: a cover, an overview table, then each objective with
 * its owner, metric, baseline, target, due date, standing, plan and newest values.
 */
export async function objectivePdf(db: Executor, ctx: RequestContext, lang: Lang, today: string) {
  authorize(ctx.actor, 'objectives:read');
  const org = ctx.actor.organizationId;
  const views = await all((cursor) => repo.listObjectives(db, org, {}, { limit: PAGE, cursor }));
  const list = views.map((v) => presentObjective(v, today));
  const latest = await repo.latestMeasurementsOf(
    db,
    org,
    list.map((o) => o.id),
    PDF_LATEST_MEASUREMENTS,
  );
  const organization = await orgs.getOrganization(db, org);
  const ja = lang === 'ja';
  const title = ja ? '情報セキュリティ目標' : 'Information security objectives';
  const count = (p: string) => String(list.filter((o) => o.progress === p).length);
  const col = (key: string) => label(REGISTER, key, lang);
  const withUnit = (n: number, unit: string) => (unit ? `${n} ${unit}` : String(n));
  const content: Content[] = [
    ...coverPage({
      title,
      facts: [
        [ja ? '組織' : 'Organization', organization?.name ?? ''],
        [ja ? '作成日' : 'Date', today],
        [ja ? '目標の数' : 'Objectives', String(list.length)],
        ...(['on_track', 'at_risk', 'achieved', 'missed'] as const).map(
          (p) => [label(PROGRESS, p, lang), count(p)] as const,
        ),
      ],
    }),
    textTable(
      ['code', 'title', 'owner', 'baseline', 'target', 'due', 'progress', 'latest'].map(col),
      list.map((o) => [
        o.code,
        o.title,
        o.owner?.name ?? '',
        withUnit(o.baseline, o.measureUnit),
        withUnit(o.target, o.measureUnit),
        o.dueDate,
        label(PROGRESS, o.progress, lang),
        o.latest ? `${withUnit(o.latest.value, o.measureUnit)} (${o.latest.measuredOn})` : '',
      ]),
      [45, '*', 60, 45, 45, 55, 50, 70],
    ),
  ];
  for (const o of list) {
    const values = latest.filter((m) => m.objectiveId === o.id).map(presentMeasurement);
    const reasons = o.reasons.map((r) => label(REASON, r, lang)).join(ja ? '、' : '; ');
    content.push(
      { text: `${o.code} ${o.title}`, style: 'h2', pageBreak: 'before' },
      textTable(
        [ja ? '項目' : 'Item', ja ? '内容' : 'Value'],
        [
          [col('owner'), o.owner?.name ?? ''],
          [col('metric'), o.metric],
          [col('direction'), label(DIRECTION, o.direction, lang)],
          [col('baseline'), withUnit(o.baseline, o.measureUnit)],
          [col('target'), withUnit(o.target, o.measureUnit)],
          [col('start'), o.startDate],
          [col('due'), o.dueDate],
          [col('frequency'), label(FREQUENCY, o.frequency, lang)],
          [col('status'), label(STATUS, o.status, lang)],
          [
            col('progress'),
            label(PROGRESS, o.progress, lang) +
              (reasons ? (ja ? `（${reasons}）` : ` (${reasons})`) : ''),
          ],
          [col('percent'), `${o.percent}%`],
          [col('next'), o.nextMeasurementDue ?? ''],
        ],
        [120, '*'],
      ),
      { text: col('plan'), style: 'h2' },
      { text: o.plan || (ja ? '（記載なし）' : '(none written)') },
      { text: ja ? '最新の測定値' : 'Latest measurements', style: 'h2' },
      values.length
        ? textTable(
            Object.values(MEASUREMENTS)
              .slice(1)
              .map((c) => c[lang]),
            values.map((m) => [
              m.measuredOn,
              withUnit(m.value, o.measureUnit),
              m.note,
              label(SOURCE, m.source, lang),
              m.recordedBy?.name ?? '',
            ]),
            [60, 60, '*', 70, 80],
          )
        : { text: ja ? '測定値はまだありません。' : 'Not measured yet.', style: 'muted' },
    );
  }
  return renderPdf(content, { title, footer: organization?.name ?? '' });
}
