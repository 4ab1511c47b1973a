import type { ObjectiveRef } from '@mamoru/db/repositories/conformity-objectives';
import { objectiveCode } from '../../objectives/presenters.ts';
import { evidence, gap, judge, notMet, plural, tx, type Fault } from '../text.ts';
import type { ConformityLink, LocalizedText, Rule } from '../types.ts';

/**
 * 5.1.b: top management sees to it that information security objectives and
 * the plans to reach them are set. Met when objectives exist, each with an
 * owner and a plan (metric, target and due date are required by the form),
 * measured at their own frequency, decided on once due, and at least one set
 * or confirmed by top management. The objectives at fault are linked by code.
 */

const OBJECTIVES = '/objectives';

interface Counted {
  count: number;
  refs: ObjectiveRef[];
}

const objectiveLink = (r: ObjectiveRef): ConformityLink => {
  const code = objectiveCode(r.number);
  return gap(`${OBJECTIVES}/${r.id}`, `目標 ${code}`, `Objective ${code}`);
};
const counted = (c: Counted, text: (n: number) => LocalizedText): Fault => [c.count, text(c.count)];

export const objectivesRule: Rule = (s) => {
  const o = s.objectives;
  const data = {
    objectives: o.total,
    active: o.active,
    withoutOwner: o.withoutOwner.count,
    withoutPlan: o.withoutPlan.count,
    measurementOverdue: o.measurementOverdue.count,
    pastDueWithoutDecision: o.pastDue.count,
    setOrConfirmedByTopManagement: o.byTopManagement,
    measurementsLast12Months: o.measurements12m,
  };
  if (o.total === 0) {
    return notMet(
      tx(
        '情報セキュリティ目標が一つも設定されていません。',
        'No information security objective is set.',
      ),
      [gap(OBJECTIVES, '情報セキュリティ目標', 'Information security objectives')],
      data,
    );
  }
  const base = tx(
    `情報セキュリティ目標が${o.total}件（うち取組中${o.active}件）設定され、直近12か月に${o.measurements12m}件の測定値が記録されています。`,
    `${plural(o.total, 'information security objective is', 'information security objectives are')} set (${o.active} being pursued), with ${plural(o.measurements12m, 'measurement', 'measurements')} recorded over the last 12 months.`,
  );
  const faults: Fault[] = [
    counted(o.withoutOwner, (n) =>
      tx(
        `${n}件の目標に責任者がいません。`,
        `${plural(n, 'objective has', 'objectives have')} no owner.`,
      ),
    ),
    counted(o.withoutPlan, (n) =>
      tx(
        `${n}件の目標に達成のための計画が書かれていません。`,
        `${plural(n, 'objective has', 'objectives have')} no plan to reach it.`,
      ),
    ),
    counted(o.measurementOverdue, (n) =>
      tx(
        `${n}件の目標で、定めた頻度での測定が遅れています。`,
        `${plural(n, 'objective is', 'objectives are')} not measured as often as planned.`,
      ),
    ),
    counted(o.pastDue, (n) =>
      tx(
        `${n}件の目標が期限を過ぎても、達成したか未達かの判断が記録されていません。`,
        `${plural(n, 'objective is', 'objectives are')} past the due date with no decision recorded on whether it was reached.`,
      ),
    ),
    [
      o.byTopManagement ? 0 : 1,
      tx(
        'トップマネジメントが設定又は確認した目標がありません。',
        'No objective was set or confirmed by top management.',
      ),
    ],
  ];
  const seen = new Set<string>();
  const atFault = [o.withoutOwner, o.withoutPlan, o.measurementOverdue, o.pastDue]
    .flatMap((c) => c.refs)
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map(objectiveLink);
  const links = [
    evidence(OBJECTIVES, '情報セキュリティ目標', 'Information security objectives'),
    ...atFault,
  ];
  return judge(base, faults, links, data);
};

export const OBJECTIVE_RULES: Record<string, Rule> = { '5.1.b': objectivesRule };
