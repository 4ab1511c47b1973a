import { gap, tx } from '../text.ts';
import type { ConformitySnapshot, Rule } from '../types.ts';
import {
  ACTION_PAGE,
  IMPROVEMENTS,
  IMPROVEMENT_PAGE,
  PROPOSALS,
  REGISTER,
  both,
  counted,
  finding,
  nothing,
  refGaps,
  verdict,
} from './improvement-links.ts';
import { RESULT_RULES } from './improvement-results.ts';

/**
 * Continual improvement (7.1), risk changes (7.3.e) and maintaining and
 * improving the ISMS (4.2.4.a–d): the improvement register, actions of both
 * kinds, lessons learned, the communication log and the effect achieved.
 */

const undecided = (s: ConformitySnapshot) =>
  finding(
    'improvementsUndecided',
    s.improvement.improvementsUndecided,
    counted(
      s.improvement.improvementsUndecided,
      '改善の提案{n}件が30日を超えて決定されていません。',
      '{n} proposed improvements have waited over 30 days for a decision.',
    ),
    refGaps(s.improvement.improvementsUndecided, (r) => IMPROVEMENT_PAGE(r.id), {
      ja: '未決定',
      en: 'not decided',
    }),
  );

const overdue = (s: ConformitySnapshot) => {
  const f = s.improvement.improvementsOverdue;
  return finding(
    'improvementsOverdue',
    f,
    counted(
      f,
      '採用した改善{n}件が期限を過ぎても実施されていません。',
      '{n} accepted improvements are past their due date and not implemented.',
    ),
    f.count
      ? [
          gap(
            `${IMPROVEMENTS}?status=accepted&overdue=true`,
            '期限を過ぎた改善',
            'Overdue improvements',
          ),
        ]
      : [],
  );
};

const continual: Rule = (s) => {
  const i = s.improvement;
  const empty = i.improvements.total === 0 && i.recorded.nonconformity === 0;
  return verdict(
    tx(
      `改善の記録が${i.improvements.total}件（実施済み${i.improvements.implemented}件）、不適合が${i.recorded.nonconformity}件（完了${i.closed.nonconformity}件）あります。`,
      `${i.improvements.total} improvements (${i.improvements.implemented} implemented) and ${i.recorded.nonconformity} nonconformities (${i.closed.nonconformity} closed) are recorded.`,
    ),
    [
      nothing(
        empty,
        tx(
          '改善も不適合もまだ記録されていません。',
          'No improvement or nonconformity is recorded yet.',
        ),
        IMPROVEMENTS,
        tx('改善の登録', 'Improvement register'),
      ),
      undecided(s),
      overdue(s),
    ],
    {
      improvements: i.improvements.total,
      implemented: i.improvements.implemented,
      nonconformities: i.recorded.nonconformity,
      closed: i.closed.nonconformity,
      improvementsUndecided: i.improvementsUndecided.count,
      improvementsOverdue: i.improvementsOverdue.count,
    },
    [],
    empty,
  );
};

const riskChanges: Rule = (s) => {
  const i = s.improvement;
  const open = i.proposalsOpen;
  const noRun = s.risks.assessments === 0;
  return verdict(
    tx(
      `リスクの変化から予防処置の提案が${i.proposals.total}件あり、${i.proposals.decided}件が決定済みです。`,
      `Risk changes led to ${i.proposals.total} preventive proposals, ${i.proposals.decided} of them decided.`,
    ),
    [
      nothing(
        noRun,
        tx('リスクの再評価がまだ記録されていません。', 'No risk reassessment is recorded yet.'),
        '/risks/assessments',
        tx('リスクの再評価', 'Risk reassessments'),
      ),
      finding(
        'proposalsOpen',
        open,
        counted(
          open,
          '大きく変化したリスク{n}件で予防処置が決定されていません。',
          '{n} significantly changed risks await a preventive decision.',
        ),
        open.count
          ? [gap(`${PROPOSALS}?status=proposed`, '未決定の予防処置の提案', 'Undecided proposals')]
          : [],
      ),
    ],
    {
      reassessments: s.risks.assessments,
      proposals: i.proposals.total,
      decided: i.proposals.decided,
      undecided: open.count,
    },
    [],
    noRun,
  );
};

const implementImprovements: Rule = (s) => {
  const i = s.improvement;
  const empty = i.improvements.total === 0;
  return verdict(
    tx(
      `改善${i.improvements.total}件のうち${i.improvements.implemented}件が実施済みです。`,
      `${i.improvements.implemented} of ${i.improvements.total} improvements are implemented.`,
    ),
    [
      nothing(
        empty,
        tx('改善がまだ特定されていません。', 'No improvement has been identified yet.'),
        IMPROVEMENTS,
        tx('改善の登録', 'Improvement register'),
      ),
      undecided(s),
      overdue(s),
    ],
    {
      improvements: i.improvements.total,
      implemented: i.improvements.implemented,
      improvementsUndecided: i.improvementsUndecided.count,
      improvementsOverdue: i.improvementsOverdue.count,
    },
    [],
    empty,
  );
};

const correctiveAndPreventive: Rule = (s) => {
  const i = s.improvement;
  const actions = i.actions.nonconformity + i.actions.potential;
  const late = both(i.actionsOverdue);
  const empty = actions === 0 && i.improvements.lessons === 0;
  return verdict(
    tx(
      `是正処置・予防処置が${actions}件、インシデントからの教訓が${i.improvements.lessons}件記録されています。`,
      `${actions} corrective and preventive actions and ${i.improvements.lessons} lessons from incidents are recorded.`,
    ),
    [
      nothing(
        empty,
        tx(
          '是正処置・予防処置がまだありません。',
          'No corrective or preventive action exists yet.',
        ),
        REGISTER,
        tx('不適合の登録', 'Nonconformity register'),
      ),
      {
        key: 'withoutLessons',
        count: !empty && i.improvements.lessons === 0 ? 1 : 0,
        text: tx(
          '自組織や他組織のインシデントからの教訓が記録されていません。',
          "No lesson learned from the organization's own or others' incidents is recorded.",
        ),
        links: [
          gap(
            `${IMPROVEMENTS}?source=incident_lesson`,
            'インシデントの教訓',
            'Lessons from incidents',
          ),
        ],
      },
      finding(
        'actionsOverdue',
        late,
        counted(late, '処置{n}件が期限を過ぎています。', '{n} actions are past their due date.'),
        refGaps(late, ACTION_PAGE, { ja: '期限超過', en: 'overdue' }),
      ),
    ],
    { actions, lessons: i.improvements.lessons, actionsOverdue: late.count },
    [],
    empty,
  );
};

export const CONTINUAL_RULES: Record<string, Rule> = {
  '7.1': continual,
  '7.3.e': riskChanges,
  '4.2.4.a': implementImprovements,
  '4.2.4.b': correctiveAndPreventive,
  ...RESULT_RULES,
};
