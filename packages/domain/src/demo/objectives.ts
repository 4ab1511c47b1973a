import { addMonths, format, startOfMonth, subMonths } from 'date-fns';
import type { Db } from '@mamoru/db';
import type { MeasurementFrequency, ObjectiveDirection } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { addMeasurement } from '../objectives/measurements.ts';
import { createObjective } from '../objectives/service.ts';

/**
 * The sample company's ISMS objectives (5.1.b, 4.2.1.b.1): set by the
 * president, owned by the ISMS manager or the IT manager, each measured every
 * month since its start about a year ago up to this month. The vulnerability
 * objective lags its plan, so the sample has one objective at risk.
 */

export interface DemoObjective {
  title: string;
  description: string;
  owner: 'manager' | 'itHead';
  metric: string;
  measureUnit: string;
  direction: ObjectiveDirection;
  baseline: number;
  target: number;
  /** Months from the start to the due date (the start is `months` ago). */
  span: number;
  frequency: MeasurementFrequency;
  plan: string;
  controlIds: string[];
  /** Values measured on the first of each month, the last one this month. */
  values: number[];
}

export const DEMO_OBJECTIVES: DemoObjective[] = [
  {
    title: '標的型メール訓練の開封率を10%以下にする',
    description: '訓練メールの添付やリンクを開いてしまう従業員の割合を下げる。',
    owner: 'manager',
    metric: '訓練メールの開封率',
    measureUnit: '%',
    direction: 'lower_is_better',
    baseline: 25,
    target: 10,
    span: 18,
    frequency: 'monthly',
    plan: '毎月の訓練メール送信、開封者への個別フォロー、四半期ごとの事例紹介。',
    controlIds: ['6.2.1'],
    values: [24, 23, 21, 22, 19, 18, 17, 17, 16, 15, 14, 13],
  },
  {
    title: '意識向上教育の受講率100%',
    description: '全従業員が年度の情報セキュリティ教育を受講する。',
    owner: 'manager',
    metric: '年度教育の受講率（累計）',
    measureUnit: '%',
    direction: 'higher_is_better',
    baseline: 40,
    target: 100,
    span: 15,
    frequency: 'monthly',
    plan: 'eラーニングの配信、未受講者への督促を月1回、部門長への受講状況の共有。',
    controlIds: ['6.2.1'],
    values: [48, 55, 61, 66, 72, 77, 81, 85, 89, 92, 95, 97],
  },
  {
    title: '重大インシデント0件',
    description: '事業や顧客に重大な影響を与える情報セキュリティインシデントを起こさない。',
    owner: 'itHead',
    metric: '直近12か月の重大インシデント件数',
    measureUnit: '件',
    direction: 'lower_is_better',
    baseline: 2,
    target: 0,
    span: 18,
    frequency: 'monthly',
    plan: '検知ルールの見直し、バックアップ復旧訓練、インシデント対応手順の年次演習。',
    controlIds: ['6.3.1', '8.1.3'],
    values: [2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
  },
  {
    title: '脆弱性の修正（重大）を30日以内に95%',
    description: '重大な脆弱性を公表から30日以内に修正する割合を上げる。',
    owner: 'itHead',
    metric: '30日以内に修正した重大な脆弱性の割合',
    measureUnit: '%',
    direction: 'higher_is_better',
    baseline: 70,
    target: 95,
    span: 14,
    frequency: 'monthly',
    plan: '脆弱性情報の週次確認、パッチ適用の定例作業日の設定、例外の承認手続き。',
    controlIds: [],
    // Behind the straight line to the target: the sample's objective at risk.
    values: [71, 72, 70, 73, 74, 73, 75, 76, 75, 77, 78, 78],
  },
];

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** Creates the objectives as the president and records their measurements as each owner. */
export async function createDemoObjectives(
  db: Db,
  people: { president: RequestContext; manager: RequestContext; itHead: RequestContext },
  today = new Date(),
) {
  const thisMonth = startOfMonth(today);
  let measurements = 0;
  for (const o of DEMO_OBJECTIVES) {
    const owner = people[o.owner];
    const start = subMonths(thisMonth, o.values.length);
    const created = await createObjective(db, people.president, {
      title: o.title,
      description: o.description,
      ownerId: owner.actor.userId,
      metric: o.metric,
      measureUnit: o.measureUnit,
      direction: o.direction,
      baseline: o.baseline,
      target: o.target,
      startDate: day(start),
      dueDate: day(addMonths(start, o.span)),
      plan: o.plan,
      frequency: o.frequency,
      controlIds: o.controlIds,
    });
    for (const [i, value] of o.values.entries()) {
      await addMeasurement(db, owner, created.id, {
        measuredOn: day(addMonths(start, i + 1)),
        value,
        note: '',
      });
      measurements += 1;
    }
  }
  return { objectives: DEMO_OBJECTIVES.length, measurements };
}
