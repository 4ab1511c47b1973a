import type { ConformitySnapshot, Evaluation, LocalizedText, Rule } from '../types.ts';
import type { ConformityLink } from '../types.ts';
import { evidence, gap, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';

/**
 * Rules of control operation (4.2.2.c, 4.2.2.e, 5.2.1.b, 5.2.1.d), read from
 * the applicable controls of the current SoA version, their operation,
 * checks and what evidences them. Links name exactly the controls at fault.
 */

const REGISTER = '/controls';

type Counted = ConformitySnapshot['controls']['withoutOperation'];
type Fault = [Counted, LocalizedText];

/** One link per control at fault (the facts cap them), after the filtered register. */
function faultLinks(counted: Counted, list: string | null): ConformityLink[] {
  return [
    ...(list ? [gap(list, '該当する管理策の一覧', 'The controls concerned')] : []),
    ...counted.refs.map((r) =>
      gap(
        `${REGISTER}/${encodeURIComponent(r.controlId)}`,
        `管理策 ${r.displayId}`,
        `Control ${r.displayId}`,
      ),
    ),
  ];
}

function withoutSoa(s: ConformitySnapshot): Evaluation | null {
  if (s.controls.applicable > 0) return null;
  return notMet(
    s.soa
      ? tx(
          '適用宣言書で適用する管理策がありません。',
          'The Statement of Applicability marks no control applicable.',
        )
      : tx('適用宣言書がまだありません。', 'There is no Statement of Applicability yet.'),
    [gap('/statement-of-applicability', '適用宣言書', 'Statement of Applicability')],
    { applicable: 0 },
  );
}

/** Met unless a fault counts; then partly met (not met when every control is at fault). */
function judged(
  s: ConformitySnapshot,
  base: LocalizedText,
  faults: [Fault, string | null][],
  data: Evaluation['data'],
): Evaluation {
  const at = faults.filter(([[c]]) => c.count > 0);
  const links = at.flatMap(([[c], list]) => faultLinks(c, list));
  if (at.length === 0)
    return met(base, [evidence(REGISTER, '管理策の運用', 'Control operation')], data);
  const everyone = at.some(([[c]]) => c.count >= s.controls.applicable);
  return (everyone ? notMet : partlyMet)(joinTexts([base, ...at.map(([[, t]]) => t)]), links, data);
}

/** 4.2.2.c: every applicable control operated, owned, checked in its interval. */
const implementRule: Rule = (s) => {
  const none = withoutSoa(s);
  if (none) return none;
  const c = s.controls;
  const data = {
    applicable: c.applicable,
    withoutOperation: c.withoutOperation.count,
    withoutOwner: c.withoutOwner.count,
    notInOperation: c.notInOperation.count,
    withoutCheck: c.withoutCheck.count,
    withoutCurrentResult: c.withoutCurrentResult.count,
  };
  return judged(
    s,
    tx(`適用する管理策は${c.applicable}件です。`, `${c.applicable} controls are applicable.`),
    [
      [
        [
          c.withoutOperation,
          tx(
            `${c.withoutOperation.count}件は運用状況が記録されていません。`,
            `${c.withoutOperation.count} have no operation status recorded.`,
          ),
        ],
        `${REGISTER}?status=unset`,
      ],
      [
        [
          c.withoutOwner,
          tx(
            `${c.withoutOwner.count}件は責任者が決まっていません。`,
            `${c.withoutOwner.count} have no owner.`,
          ),
        ],
        null,
      ],
      [
        [
          c.notInOperation,
          tx(
            `${c.notInOperation.count}件はまだ運用中ではありません。`,
            `${c.notInOperation.count} are not yet in operation.`,
          ),
        ],
        null,
      ],
      [
        [
          c.withoutCheck,
          tx(
            `${c.withoutCheck.count}件は点検が計画されていません。`,
            `${c.withoutCheck.count} have no check planned.`,
          ),
        ],
        null,
      ],
      [
        [
          c.withoutCurrentResult,
          tx(
            `${c.withoutCurrentResult.count}件は点検の間隔内に結果が記録されていません。`,
            `${c.withoutCurrentResult.count} have no check result within the check's interval.`,
          ),
        ],
        `${REGISTER}?due=overdue`,
      ],
    ],
    data,
  );
};

/** 4.2.2.e and 5.2.1.b: a procedure or record type evidences each control, or a reason says why not. */
function coverageRule(intro: LocalizedText): Rule {
  return (s) => {
    const none = withoutSoa(s);
    if (none) return none;
    const c = s.controls;
    const data = {
      applicable: c.applicable,
      coveredByEvidence: c.coveredByEvidence,
      coveredByReason: c.coveredByReason,
      uncovered: c.uncovered.count,
    };
    const base = joinTexts([
      intro,
      tx(
        `適用する管理策${c.applicable}件のうち${c.coveredByEvidence}件は発行済みの手順書または記録の種類で裏付けられ、${c.coveredByReason}件は理由が記録されています。`,
        `Of ${c.applicable} applicable controls, ${c.coveredByEvidence} are backed by an issued procedure or a record type and ${c.coveredByReason} by a recorded reason.`,
      ),
    ]);
    return judged(
      s,
      base,
      [
        [
          [
            c.uncovered,
            tx(
              `${c.uncovered.count}件は手順書も記録の種類も理由もありません。`,
              `${c.uncovered.count} have neither a procedure, a record type nor a reason.`,
            ),
          ],
          null,
        ],
      ],
      data,
    );
  };
}

/** 5.2.1.d: every applicable control applied (in operation, last found effective); failures followed up. */
const appliedRule: Rule = (s) => {
  const none = withoutSoa(s);
  if (none) return none;
  const c = s.controls;
  const data = {
    applicable: c.applicable,
    withoutOperation: c.withoutOperation.count,
    notInOperation: c.notInOperation.count,
    withoutCheck: c.withoutCheck.count,
    lastNotEffective: c.lastNotEffective.count,
    failedWithoutNonconformity: c.failedWithoutNonconformity.count,
    results12m: c.results12m,
  };
  return judged(
    s,
    tx(
      `適用する管理策${c.applicable}件について、過去12か月に${c.results12m}件の点検結果があります。`,
      `${c.results12m} check results were recorded in the last 12 months for ${c.applicable} applicable controls.`,
    ),
    [
      [
        [
          c.withoutOperation,
          tx(
            `${c.withoutOperation.count}件は運用状況が記録されていません。`,
            `${c.withoutOperation.count} have no operation status recorded.`,
          ),
        ],
        `${REGISTER}?status=unset`,
      ],
      [
        [
          c.notInOperation,
          tx(
            `${c.notInOperation.count}件は運用中ではありません。`,
            `${c.notInOperation.count} are not in operation.`,
          ),
        ],
        null,
      ],
      [
        [
          c.withoutCheck,
          tx(
            `${c.withoutCheck.count}件は有効性が点検されていません。`,
            `${c.withoutCheck.count} have no check of their effectiveness.`,
          ),
        ],
        null,
      ],
      [
        [
          c.lastNotEffective,
          tx(
            `${c.lastNotEffective.count}件は直近の点検で有効と確認されていません。`,
            `${c.lastNotEffective.count} were not found effective by their latest check.`,
          ),
        ],
        null,
      ],
      [
        [
          c.failedWithoutNonconformity,
          tx(
            `${c.failedWithoutNonconformity.count}件は有効でなかった点検結果から不適合が登録されていません。`,
            `${c.failedWithoutNonconformity.count} had a failed check with no nonconformity raised.`,
          ),
        ],
        null,
      ],
    ],
    data,
  );
};

export const CONTROL_OPERATION_RULES: Record<string, Rule> = {
  '4.2.2.c': implementRule,
  '4.2.2.e': coverageRule(
    tx(
      '運用は手順書と記録で管理されます。',
      'Operations are managed through procedures and records.',
    ),
  ),
  '5.2.1.b': coverageRule(
    tx(
      '管理策の手順は業務の要求に沿って整備されます。',
      'Control procedures are kept in line with the business.',
    ),
  ),
  '5.2.1.d': appliedRule,
};
