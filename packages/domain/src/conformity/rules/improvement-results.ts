import { gap, tx } from '../text.ts';
import type { Rule } from '../types.ts';
import {
  COMMUNICATIONS,
  IMPROVEMENT_PAGE,
  NC_PAGE,
  REGISTER,
  both,
  counted,
  finding,
  nothing,
  refGaps,
  verdict,
} from './improvement-links.ts';

/** Communicating results and actions (4.2.4.c) and reaching the intended effect (4.2.4.d). */

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

export const RESULT_RULES: Record<string, Rule> = {
  '4.2.4.c': communicate,
  '4.2.4.d': objectivesReached,
};
