import type { Rule } from '../types.ts';
import { evidence, gap, gapIf, judge, notMet, tx } from '../text.ts';

/**
 * 4.2.3.a.3: management can see whether the security activities work as
 * intended. The measures are the ISMS objectives, measured on schedule, and
 * the checks of the applicable controls, each with a current result; the last
 * management review must be recent enough to have looked at them.
 */
export const activitiesWorkRule: Rule = (s) => {
  const o = s.objectives;
  const c = s.controls;
  const data = {
    activeObjectives: o.active,
    objectiveMeasurements12m: o.measurements12m,
    measurementOverdue: o.measurementOverdue.count,
    applicableControls: c.applicable,
    checkResults12m: c.results12m,
    controlsWithoutCurrentResult: c.withoutCurrentResult.count,
    lastReview: s.reviews.lastApproved?.code ?? null,
  };
  const base = tx(
    `過去12か月に目的の測定${o.measurements12m}件と管理策の点検結果${c.results12m}件が記録されています。`,
    `${o.measurements12m} objective measurements and ${c.results12m} control check results were recorded in the last 12 months.`,
  );
  const links = [
    evidence('/objectives', 'ISMSの目的と測定', 'Objectives and measurements'),
    evidence('/controls?tab=checks', '管理策の点検', 'Control checks'),
  ];
  if (o.measurements12m === 0 && c.results12m === 0) {
    return notMet(
      base,
      [
        gap('/objectives', '目的を定めて測定する', 'Set objectives and measure them'),
        gap('/controls?tab=checks', '管理策の点検を記録する', 'Record control checks'),
      ],
      data,
    );
  }
  const reviewCurrent = s.reviews.lastApproved !== null && (s.reviews.nextDueOn ?? '') >= s.today;
  return judge(
    base,
    [
      [
        o.active === 0 ? 1 : 0,
        tx('進行中のISMSの目的がありません。', 'No ISMS objective is being pursued.'),
      ],
      [
        o.measurementOverdue.count,
        tx(
          `${o.measurementOverdue.count}件の目的の測定が予定を過ぎています。`,
          `${o.measurementOverdue.count} objectives are past their scheduled measurement.`,
        ),
      ],
      [
        c.applicable > 0 && c.results12m === 0 ? 1 : 0,
        tx(
          '適用する管理策の点検結果が過去12か月にありません。',
          'No applicable control was checked in the last 12 months.',
        ),
      ],
      [
        c.withoutCurrentResult.count,
        tx(
          `${c.withoutCurrentResult.count}件の管理策に周期内の点検結果がありません。`,
          `${c.withoutCurrentResult.count} controls have no check result within their interval.`,
        ),
      ],
      [
        reviewCurrent ? 0 : 1,
        tx(
          '結果を見るマネジメントレビューが間隔内に行われていません。',
          'No management review within its interval has looked at the results.',
        ),
      ],
    ],
    [
      ...links,
      // Each objective and control at fault, as far as the facts name them.
      ...o.measurementOverdue.refs.map((r) => {
        const code = `OBJ-${String(r.number).padStart(3, '0')}`;
        return gap(`/objectives/${r.id}`, `${code}の測定`, `Measurement of ${code}`);
      }),
      ...c.withoutCurrentResult.refs.map((r) =>
        gap(`/controls/${r.controlId}`, `${r.displayId}の点検`, `Check of ${r.displayId}`),
      ),
      ...gapIf(
        c.withoutCurrentResult.count > c.withoutCurrentResult.refs.length ? 1 : 0,
        '/controls?due=overdue',
        '点検が遅れている管理策',
        'Controls with overdue checks',
      ),
      ...(reviewCurrent
        ? []
        : [gap('/management-review', 'マネジメントレビュー', 'Management review')]),
    ],
    data,
  );
};
