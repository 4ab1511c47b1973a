import type { Fault } from '@mamoru/db/repositories/conformity-improvement';
import { gap, tx } from '../text.ts';
import type { ConformitySnapshot, LocalizedText, Rule } from '../types.ts';
import {
  ACTION_PAGE,
  COMMUNICATIONS,
  IMPROVEMENTS,
  IMPROVEMENT_PAGE,
  NC_PAGE,
  PROPOSALS,
  REGISTER,
  counted,
  finding,
  refGaps,
  verdict,
  type Finding,
} from './improvement-links.ts';

/**
 * Continual improvement (7.1), risk changes (7.3.e) and maintaining and
 * improving the ISMS (4.2.4.a–d): the improvement register, actions of both
 * kinds, lessons learned, the communication log and the effect achieved.
 */

/** Nothing to judge yet: a fault of its own, so the item reads not met. */
const nothing = (
  when: boolean,
  text: LocalizedText,
  href: string,
  label: LocalizedText,
): Finding => ({
  key: 'nothingRecorded',
  count: when ? 1 : 0,
  text,
  links: [gap(href, label.ja, label.en)],
});

const both = (f: Record<'nonconformity' | 'potential', Fault>): Fault => ({
  count: f.nonconformity.count + f.potential.count,
  refs: [...f.nonconformity.refs, ...f.potential.refs],
});

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

const communicate: Rule = (s) => {
  const i = s.improvement;
  const quiet = i.notCommunicated;
  const empty = i.communications === 0 && quiet.count === 0;
  return verdict(
    tx(
      `結果と処置の伝達が${i.communications}件記録されています。`,
      `${i.communications} communications of results and actions are recorded.`,
    ),
    [
      nothing(
        empty,
        tx('伝達の記録がまだありません。', 'No communication is recorded yet.'),
        COMMUNICATIONS,
        tx('伝達の記録', 'Communication log'),
      ),
      finding(
        'notCommunicated',
        quiet,
        counted(
          quiet,
          '完了した不適合・実施した改善{n}件が伝達されていません。',
          '{n} closed nonconformities and implemented improvements were never communicated.',
        ),
        refGaps(quiet, (r) => (r.parentId ? NC_PAGE(r.id) : IMPROVEMENT_PAGE(r.id)), {
          ja: '未伝達',
          en: 'not communicated',
        }),
      ),
      finding(
        'pending',
        i.communicationsPending,
        counted(
          i.communicationsPending,
          '伝達{n}件で相手の合意がまだ得られていません。',
          '{n} communications still await the agreement of their parties.',
        ),
        i.communicationsPending.count
          ? [gap(`${COMMUNICATIONS}?agreement=pending`, '合意待ちの伝達', 'Awaiting agreement')]
          : [],
      ),
      finding(
        'objected',
        i.communicationsObjected,
        counted(
          i.communicationsObjected,
          '伝達{n}件で相手が合意していません。',
          '{n} communications met with objection.',
        ),
        i.communicationsObjected.count
          ? [gap(`${COMMUNICATIONS}?agreement=objected`, '合意されなかった伝達', 'Objected to')]
          : [],
      ),
    ],
    {
      communications: i.communications,
      notCommunicated: quiet.count,
      pending: i.communicationsPending.count,
      objected: i.communicationsObjected.count,
    },
    [],
    empty,
  );
};

const objectivesReached: Rule = (s) => {
  const i = s.improvement;
  const closed = i.closed.nonconformity + i.closed.potential;
  const failed = both(i.closedNotEffective);
  const bare = i.improvementsWithoutEvidence;
  const empty = closed === 0 && i.improvements.implemented === 0;
  return verdict(
    tx(
      `完了した不適合が${closed}件、実施済みの改善が${i.improvements.implemented}件あります。`,
      `${closed} nonconformities are closed and ${i.improvements.implemented} improvements implemented.`,
    ),
    [
      nothing(
        empty,
        tx('完了した改善がまだありません。', 'No improvement has been completed yet.'),
        REGISTER,
        tx('不適合の登録', 'Nonconformity register'),
      ),
      finding(
        'closedNotEffective',
        failed,
        counted(
          failed,
          '不適合{n}件が、有効と確認されていない処置を残したまま完了しています。',
          '{n} nonconformities were closed with actions not found effective.',
        ),
        refGaps(failed, (r) => NC_PAGE(r.id), { ja: '有効性未確認', en: 'not found effective' }),
      ),
      finding(
        'improvementsWithoutEvidence',
        bare,
        counted(
          bare,
          '実施済みの改善{n}件に効果の証拠がありません。',
          '{n} implemented improvements show no evidence of their effect.',
        ),
        refGaps(bare, (r) => IMPROVEMENT_PAGE(r.id), { ja: '証拠なし', en: 'no evidence' }),
      ),
    ],
    {
      closed,
      implemented: i.improvements.implemented,
      closedNotEffective: failed.count,
      improvementsWithoutEvidence: bare.count,
    },
    [],
    empty,
  );
};

export const CONTINUAL_RULES: Record<string, Rule> = {
  '7.1': continual,
  '7.3.e': riskChanges,
  '4.2.4.a': implementImprovements,
  '4.2.4.b': correctiveAndPreventive,
  '4.2.4.c': communicate,
  '4.2.4.d': objectivesReached,
};
