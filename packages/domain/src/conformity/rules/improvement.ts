import type { Fault, NcKind } from '@mamoru/db/repositories/conformity-improvement';
import { evidence, gap, tx } from '../text.ts';
import type {
  ConformityLink,
  ConformitySnapshot,
  FactValue,
  LocalizedText,
  Rule,
} from '../types.ts';
import { CONTINUAL_RULES } from './improvement-continual.ts';
import {
  ACTION_PAGE,
  AUDIT_PAGE,
  DOCUMENTS,
  NC_PAGE,
  PROPOSALS,
  counted,
  finding,
  refGaps,
  verdict,
  type Finding,
} from './improvement-links.ts';

/**
 * Corrective action (7.2.a–f) and preventive action (7.3.a–e): each item is
 * judged on the nonconformity register (potential nonconformities for 7.3),
 * and 7.2 and 7.3 both need an issued procedure tagged with their item.
 */

const WORDS: Record<NcKind, { ja: string; en: string; item: string; procedure: LocalizedText }> = {
  nonconformity: {
    ja: '不適合',
    en: 'nonconformities',
    item: '7.2',
    procedure: tx('是正処置の手順書', 'corrective action procedure'),
  },
  potential: {
    ja: '潜在的な不適合',
    en: 'potential nonconformities',
    item: '7.3',
    procedure: tx('予防処置の手順書', 'preventive action procedure'),
  },
};

function procedureFinding(s: ConformitySnapshot, kind: NcKind): Finding {
  const codes =
    kind === 'nonconformity'
      ? s.improvement.correctiveProcedures
      : s.improvement.preventiveProcedures;
  const w = WORDS[kind];
  return {
    key: 'withoutProcedure',
    count: codes.length ? 0 : 1,
    text: tx(
      `${w.item}の要求事項を付けた発行済みの${w.procedure.ja}がありません。`,
      `No issued ${w.procedure.en} is tagged with ${w.item}.`,
    ),
    links: [
      gap(
        `${DOCUMENTS}?type=procedure`,
        `${w.procedure.ja}（未発行）`,
        `${w.procedure.en} (none issued)`,
      ),
    ],
  };
}

function procedureEvidence(s: ConformitySnapshot, kind: NcKind): ConformityLink[] {
  const codes =
    kind === 'nonconformity'
      ? s.improvement.correctiveProcedures
      : s.improvement.preventiveProcedures;
  return codes.map((code) =>
    evidence(`${DOCUMENTS}?q=${encodeURIComponent(code)}`, `手順書 ${code}`, `Procedure ${code}`),
  );
}

type Step = (s: ConformitySnapshot, kind: NcKind) => { base: LocalizedText; findings: Finding[] };

/** Builds the rule of one item from its step: the procedure, then the step's own faults. */
function stepRule(kind: NcKind, step: Step): Rule {
  return (s) => {
    const i = s.improvement;
    const { base, findings } = step(s, kind);
    const all = [procedureFinding(s, kind), ...findings];
    const data: Record<string, FactValue> = {
      recorded: i.recorded[kind],
      closed: i.closed[kind],
      actions: i.actions[kind],
      procedures: kind === 'nonconformity' ? i.correctiveProcedures : i.preventiveProcedures,
      ...Object.fromEntries(findings.map((f) => [f.key, f.count])),
    };
    return verdict(base, all, data, procedureEvidence(s, kind), i.recorded[kind] === 0);
  };
}

const recordedBase = (s: ConformitySnapshot, kind: NcKind) => {
  const w = WORDS[kind];
  return tx(
    `${w.ja}が${s.improvement.recorded[kind]}件記録されています（うち完了${s.improvement.closed[kind]}件）。`,
    `${s.improvement.recorded[kind]} ${w.en} are recorded (${s.improvement.closed[kind]} closed).`,
  );
};

const identify: Step = (s, kind) => {
  const i = s.improvement;
  const findings =
    kind === 'nonconformity'
      ? [
          finding(
            'findingsNotTakenOver',
            i.findingsNotTakenOver,
            counted(
              i.findingsNotTakenOver,
              '内部監査の不適合の指摘{n}件が不適合として登録されていません。',
              '{n} nonconformity findings of internal audits are not in the register.',
            ),
            refGaps(i.findingsNotTakenOver, (r) => AUDIT_PAGE(r.parentId ?? ''), {
              ja: '不適合として未登録',
              en: 'not in the nonconformity register',
            }),
          ),
        ]
      : [
          {
            key: 'noneIdentified',
            count: i.recorded.potential === 0 ? 1 : 0,
            text: tx(
              '潜在的な不適合がまだ特定されていません。',
              'No potential nonconformity has been identified yet.',
            ),
            links: [gap(PROPOSALS, '予防処置の提案', 'Preventive proposals')],
          },
          finding(
            'withoutCause',
            i.withoutCause.potential,
            counted(
              i.withoutCause.potential,
              '潜在的な不適合{n}件に原因が記録されていません。',
              '{n} potential nonconformities record no cause.',
            ),
            refGaps(i.withoutCause.potential, (r) => NC_PAGE(r.id), {
              ja: '原因が未記録',
              en: 'no cause recorded',
            }),
          ),
        ];
  return { base: recordedBase(s, kind), findings };
};

/** A step over nonconformities (cause, evaluation): "NC-0003: no root cause". */
const ncStep =
  (
    key: string,
    pick: (s: ConformitySnapshot) => Record<NcKind, Fault>,
    ja: string,
    en: string,
    label: LocalizedText,
  ): Step =>
  (s, kind) => {
    const f = pick(s)[kind];
    const w = WORDS[kind];
    return {
      base: recordedBase(s, kind),
      findings: [
        finding(
          key,
          f,
          counted(f, `${w.ja}{n}件${ja}`, `{n} ${w.en} ${en}`),
          refGaps(f, (r) => NC_PAGE(r.id), label),
        ),
      ],
    };
  };

/** A step over actions (overdue, result, review): "NC-0003 Fix backups: overdue". */
const actionFinding = (key: string, f: Fault, ja: string, en: string, label: LocalizedText) =>
  finding(
    key,
    f,
    counted(f, `処置{n}件${ja}`, `{n} actions ${en}`),
    refGaps(f, ACTION_PAGE, label),
  );

const actionsBase = (s: ConformitySnapshot, kind: NcKind) =>
  tx(
    `${WORDS[kind].ja}への処置が${s.improvement.actions[kind]}件あります。`,
    `${s.improvement.actions[kind]} actions address ${WORDS[kind].en}.`,
  );

const decideAndImplement: Step = (s, kind) => {
  const i = s.improvement;
  const w = WORDS[kind];
  return {
    base: actionsBase(s, kind),
    findings: [
      finding(
        'withoutAction',
        i.withoutAction[kind],
        counted(
          i.withoutAction[kind],
          `処置が必要と評価された${w.ja}{n}件に処置がありません。`,
          `{n} ${w.en} found to need action have none planned.`,
        ),
        refGaps(i.withoutAction[kind], (r) => NC_PAGE(r.id), {
          ja: '処置が未計画',
          en: 'no action planned',
        }),
      ),
      actionFinding(
        'actionsOverdue',
        i.actionsOverdue[kind],
        'が期限を過ぎています。',
        'are past their due date.',
        {
          ja: '期限超過',
          en: 'overdue',
        },
      ),
    ],
  };
};

const recordResults: Step = (s, kind) => {
  const f = s.improvement.withoutResult[kind];
  return {
    base: actionsBase(s, kind),
    findings: [
      actionFinding(
        'withoutResult',
        f,
        'は実施済みですが、結果も証拠も記録されていません。',
        'are implemented with neither a result nor evidence recorded.',
        { ja: '結果が未記録', en: 'no result recorded' },
      ),
    ],
  };
};

const reviewActions: Step = (s, kind) => {
  const i = s.improvement;
  const w = WORDS[kind];
  return {
    base: tx(
      `${actionsBase(s, kind).ja}有効性のレビューは全体で${i.reviews}件です。`,
      `${actionsBase(s, kind).en} ${i.reviews} effectiveness reviews are recorded in all.`,
    ),
    findings: [
      actionFinding(
        'reviewOverdue',
        i.reviewOverdue[kind],
        'がレビュー期日を過ぎても有効性をレビューされていません。',
        'are past their review date without an effectiveness review.',
        { ja: '有効性レビュー未実施', en: 'effectiveness not reviewed' },
      ),
      finding(
        'closedNotEffective',
        i.closedNotEffective[kind],
        counted(
          i.closedNotEffective[kind],
          `${w.ja}{n}件が、有効と確認されていない処置を残したまま完了しています。`,
          `{n} ${w.en} were closed with actions not found effective.`,
        ),
        refGaps(i.closedNotEffective[kind], (r) => NC_PAGE(r.id), {
          ja: '有効性未確認のまま完了',
          en: 'closed without effective actions',
        }),
      ),
    ],
  };
};

const cause = ncStep(
  'withoutCause',
  (s) => s.improvement.withoutCause,
  'に原因が記録されていません。',
  'record no root cause.',
  {
    ja: '原因が未記録',
    en: 'no root cause',
  },
);
const evaluate = ncStep(
  'withoutEvaluation',
  (s) => s.improvement.withoutEvaluation,
  'で処置の必要性の評価（理由付き）がありません。',
  'have no evaluation of the need for action with its reason.',
  { ja: '処置の必要性が未評価', en: 'need for action not evaluated' },
);

export const IMPROVEMENT_RULES: Record<string, Rule> = {
  '7.2.a': stepRule('nonconformity', identify),
  '7.2.b': stepRule('nonconformity', cause),
  '7.2.c': stepRule('nonconformity', evaluate),
  '7.2.d': stepRule('nonconformity', decideAndImplement),
  '7.2.e': stepRule('nonconformity', recordResults),
  '7.2.f': stepRule('nonconformity', reviewActions),
  '7.3.a': stepRule('potential', identify),
  '7.3.b': stepRule('potential', decideAndImplement),
  '7.3.c': stepRule('potential', recordResults),
  '7.3.d': stepRule('potential', reviewActions),
  ...CONTINUAL_RULES,
};
