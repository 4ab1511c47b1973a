import type { Ref } from '@mamoru/db/repositories/conformity-rules';
import type { ConformityLink, Rule } from '../types.ts';
import { evidence, gap, gapIf, judge, notMet, tx } from '../text.ts';
import { AUDIT_PAGE, IMPROVEMENTS } from './improvement-links.ts';
import { PLAN } from './risks.ts';

/**
 * 4.2.2.b (the treatment plan being carried out), 5.2.1.e (results reviewed
 * and reacted to) and 5.2.1.f (effectiveness improved within the year).
 */

const actionLinks = (refs: Ref[], ja: string, en: string): ConformityLink[] =>
  refs.map((r) =>
    gap(`${PLAN}?q=${encodeURIComponent(r.label)}`, `${r.label}: ${ja}`, `${r.label}: ${en}`),
  );

const planProgress: Rule = (s) => {
  const p = s.deep.treatmentProgress;
  const t = s.treatment;
  const data = {
    actions: t.actions,
    open: t.open,
    done: p.done,
    averageProgress: p.averageProgress,
    overdue: p.overdue.count,
    withoutOwner: p.withoutOwner.count,
    unfunded: p.unfunded.count,
  };
  if (t.actions === 0) {
    return notMet(
      tx(
        'リスク対応計画に処置がなく、実施を示せません。',
        'The risk treatment plan holds no actions, so its implementation cannot be shown.',
      ),
      [gap(PLAN, 'リスク対応計画', 'Risk treatment plan')],
      data,
    );
  }
  return judge(
    tx(
      `リスク対応計画の処置${t.actions}件のうち${p.done}件が完了しています（平均進捗${p.averageProgress ?? 0}%）。`,
      `${p.done} of ${t.actions} treatment actions are done (average progress ${p.averageProgress ?? 0}%).`,
    ),
    [
      [
        p.overdue.count,
        tx(
          `${p.overdue.count}件の処置が期限を過ぎています。`,
          `${p.overdue.count} actions are past their due date.`,
        ),
      ],
      [
        p.withoutOwner.count,
        tx(
          `${p.withoutOwner.count}件の処置に責任者がいません。`,
          `${p.withoutOwner.count} actions have no owner.`,
        ),
      ],
      [
        p.unfunded.count,
        tx(
          `${p.unfunded.count}件の処置に予算も資源も割り当てられていません。`,
          `${p.unfunded.count} actions have neither budget nor resources.`,
        ),
      ],
    ],
    [
      evidence(PLAN, 'リスク対応計画', 'Risk treatment plan'),
      ...actionLinks(p.overdue.refs, '期限超過', 'past due'),
      ...actionLinks(p.withoutOwner.refs, '責任者なし', 'no owner'),
      ...actionLinks(p.unfunded.refs, '予算・資源なし', 'no budget or resources'),
    ],
    data,
  );
};

/** 5.2.1.e: the latest review's outputs have actions; findings and lessons were taken up. */
const reviewAndReact: Rule = (s) => {
  const last = s.reviews.lastApproved;
  const findings = s.improvement.findingsNotTakenOver;
  const lessons = s.incidents.withoutRecurrenceAction;
  const data = {
    lastReview: last ? last.code : null,
    decisionsUntracked: s.reviews.decisionsUntracked,
    findingsNotTakenOver: findings.count,
    incidentsWithoutLessonAction: lessons.count,
  };
  if (!last) {
    return notMet(
      tx(
        '承認されたマネジメントレビューがなく、結果への対応を示せません。',
        'No management review is approved, so no reaction to its results can be shown.',
      ),
      [gap('/management-review', 'マネジメントレビュー', 'Management review')],
      data,
    );
  }
  return judge(
    tx(
      `直近のマネジメントレビュー ${last.code} の結果を見直しています。`,
      `The results were reviewed in management review ${last.code}.`,
    ),
    [
      [
        s.reviews.decisionsUntracked,
        tx(
          `レビューの決定${s.reviews.decisionsUntracked}件に処置がありません。`,
          `${s.reviews.decisionsUntracked} review decisions have no action tracking them.`,
        ),
      ],
      [
        findings.count,
        tx(
          `内部監査の指摘${findings.count}件が不適合として取り上げられていません。`,
          `${findings.count} internal audit findings were not taken up as nonconformities.`,
        ),
      ],
      [
        lessons.count,
        tx(
          `インシデント${lessons.count}件の教訓が処置につながっていません。`,
          `${lessons.count} incidents' lessons led to no action.`,
        ),
      ],
    ],
    [
      evidence(`/management-review/${last.id}`, 'マネジメントレビュー', 'Management review'),
      ...s.reviews.decisionsUntrackedRefs.map((r) =>
        gap(
          `/management-review/${r.reviewId}`,
          `${r.reviewCode} 決定${r.decisionNumber}: 処置なし`,
          `${r.reviewCode} decision ${r.decisionNumber}: no action`,
        ),
      ),
      ...findings.refs.map((r) =>
        gap(AUDIT_PAGE(r.parentId ?? ''), `${r.label}: 未対応`, `${r.label}: not taken up`),
      ),
      ...lessons.refs.map((r) =>
        gap(`/incidents/${r.id}`, `INC-${r.number}: 処置なし`, `INC-${r.number}: no action`),
      ),
    ],
    data,
  );
};

/** 5.2.1.f: improvements completed and their effect verified within the last 12 months. */
const improveEffectiveness: Rule = (s) => {
  const d = s.deep;
  const verified = d.yearImprovementsWithEvidence + d.yearActionsReviewedEffective;
  const unverified = d.yearImprovementsImplemented - d.yearImprovementsWithEvidence;
  const data = {
    improvementsImplemented: d.yearImprovementsImplemented,
    improvementsWithEvidence: d.yearImprovementsWithEvidence,
    actionsReviewedEffective: d.yearActionsReviewedEffective,
    actionsReviewedNotEffective: d.yearActionsReviewedNotEffective,
  };
  if (d.yearImprovementsImplemented === 0 && d.yearActionsReviewedEffective === 0) {
    return notMet(
      tx(
        '過去12か月に完了し、効果を確かめた改善がありません。',
        'No improvement was completed and verified effective in the last 12 months.',
      ),
      [gap(IMPROVEMENTS, '改善', 'Improvements')],
      data,
    );
  }
  return judge(
    tx(
      `過去12か月に改善${d.yearImprovementsImplemented}件を完了し、効果を確かめた改善・是正処置は${verified}件です。`,
      `In the last 12 months ${d.yearImprovementsImplemented} improvements were completed; ${verified} improvements and corrective actions were verified effective.`,
    ),
    [
      [
        unverified,
        tx(
          `完了した改善${unverified}件に効果の証拠がありません。`,
          `${unverified} completed improvements show no evidence of their effect.`,
        ),
      ],
      [
        verified === 0 ? 1 : 0,
        tx('効果を確かめた改善がありません。', 'None was verified effective.'),
      ],
    ],
    [
      evidence(IMPROVEMENTS, '改善', 'Improvements'),
      ...gapIf(
        unverified,
        `${IMPROVEMENTS}?status=implemented&evidence=none`,
        '効果の証拠がない改善',
        'Improvements without evidence of effect',
      ),
    ],
    data,
  );
};

export const RESULT_RULES: Record<string, Rule> = {
  '4.2.2.b': planProgress,
  '5.2.1.e': reviewAndReact,
  '5.2.1.f': improveEffectiveness,
};
