import type { Ref } from '@mamoru/db/repositories/conformity-rules';
import type { ConformityLink, LocalizedText, Rule } from '../types.ts';
import { evidence, gap, judge, notMet, tx } from '../text.ts';

/**
 * 4.2.3.c.1–5: within the interval (12 months) the organization reviewed each
 * kind of change: a change names the reassessment made for it, "no change"
 * is itself the recorded decision.
 */

const RUNS = '/risks/assessments';
const reviewHref = (id: string) => `${RUNS}?changeReview=${id}`;

export const CHANGE_KIND_NAMES: Record<string, LocalizedText> = {
  organization: tx('組織', 'the organization'),
  technology: tx('技術', 'technology'),
  business: tx('事業目的及びプロセス', 'business objectives and processes'),
  threats: tx('特定された脅威', 'identified threats'),
  external: tx('外部の事象', 'external events'),
};

const refLinks = (refs: Ref[], ja: string, en: string): ConformityLink[] =>
  refs.map((r) => gap(reviewHref(r.id), `${ja}: ${r.label}`, `${en}: ${r.label}`));

function changeRule(kind: keyof typeof CHANGE_KIND_NAMES): Rule {
  return (s) => {
    const name = CHANGE_KIND_NAMES[kind]!;
    const facts = s.deep.changes[kind] ?? {
      latest: null,
      changedWithoutAssessment: { count: 0, refs: [] },
    };
    const latest = facts.latest;
    const missing = facts.changedWithoutAssessment;
    const data = {
      latestReviewedOn: latest?.reviewedOn ?? null,
      latestChanged: latest ? latest.outcome === 'changed' : null,
      reassessmentLinked: latest ? latest.assessmentId !== null : null,
      changesWithoutReassessment: missing.count,
    };
    if (!latest) {
      return notMet(
        tx(
          `過去12か月に${name.ja}の変化を確認した記録がありません。変化がなければ「変化なし」の判断を記録してください。`,
          `No review in the last 12 months records whether ${name.en} changed; if nothing changed, record that decision.`,
        ),
        [gap(RUNS, '変化の確認を記録する', 'Record a review of change')],
        data,
      );
    }
    const base =
      latest.outcome === 'changed'
        ? tx(
            `${latest.reviewedOn}に${name.ja}の変化を確認し、変化ありと記録しています。`,
            `On ${latest.reviewedOn} a change in ${name.en} was recorded.`,
          )
        : tx(
            `${latest.reviewedOn}に${name.ja}の変化を確認し、変化なしと判断しています。`,
            `On ${latest.reviewedOn} ${name.en} was reviewed and found unchanged.`,
          );
    const links: ConformityLink[] = [
      evidence(reviewHref(latest.id), '変化の確認', 'Review of change'),
      ...(latest.assessmentId
        ? [evidence(`${RUNS}?run=${latest.assessmentId}`, '再アセスメント', 'Reassessment')]
        : []),
      ...refLinks(missing.refs, '再アセスメントのない変化', 'Change without reassessment'),
    ];
    return judge(
      base,
      [
        [
          missing.count,
          tx(
            `${missing.count}件の変化に再アセスメントが結び付いていません。`,
            `${missing.count} changes name no reassessment made for them.`,
          ),
        ],
      ],
      links,
      data,
    );
  };
}

export const CHANGE_RULES: Record<string, Rule> = {
  '4.2.3.c.1': changeRule('organization'),
  '4.2.3.c.2': changeRule('technology'),
  '4.2.3.c.3': changeRule('business'),
  '4.2.3.c.4': changeRule('threats'),
  '4.2.3.c.5': changeRule('external'),
};
