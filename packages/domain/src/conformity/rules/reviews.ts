import { REVIEW_DUE_SOON_DAYS } from '@mamoru/db/repositories/conformity-reviews';
import { gap, judge, plural, tx, type Fault } from '../text.ts';
import type { ConformityLink, ConformitySnapshot, Rule } from '../types.ts';
import {
  LINK_CAP,
  REVIEW_PAGE,
  heldText,
  nextReviewLink,
  reviewData,
  reviewEvidence,
  staleFault,
  staleLinks,
  uniqueLinks,
  withoutApprovedReview,
} from './reviews-basis.ts';
import { INPUT_RULES, sectionFacts } from './reviews-inputs.ts';
import { OUTPUT_RULES } from './reviews-outputs.ts';

/**
 * Management review (4.2.3.e, 5.1.g, 6.1, and the review part of 4.2.3.b):
 * held at the organization's interval (at most twelve months), minutes
 * recorded and approved by top management, the next review planned in time.
 * The inputs (6.2) and outputs (6.3) are judged in their own files.
 */

/** Planned reviews whose date passed without being held, each linked. */
function lateFault(s: ConformitySnapshot): { fault: Fault; links: ConformityLink[] } {
  const r = s.reviews;
  return {
    fault: [
      r.plannedLate,
      tx(
        `予定日を過ぎても開催されていないレビューが${r.plannedLate}件あります。`,
        `${plural(r.plannedLate, 'planned review is past its date', 'planned reviews are past their date')} and not held.`,
      ),
    ],
    links: r.plannedLateRefs
      .slice(0, LINK_CAP)
      .map((p) =>
        gap(
          REVIEW_PAGE(p.id),
          `${p.code}（予定日 ${p.plannedOn}）`,
          `${p.code} (planned for ${p.plannedOn})`,
        ),
      ),
  };
}

/** 4.2.3.e: a review held and its minutes approved within the interval. */
const intervalRule: Rule = (s) => {
  const r = s.reviews;
  const data = { ...reviewData(s), plannedLate: r.plannedLate };
  const last = r.lastApproved;
  if (!last) return withoutApprovedReview(s, data);
  const held = heldText(last);
  const base = tx(
    `${held.ja}の議事録が承認されています。見直しの間隔は${r.intervalMonths}か月で、次回の期限は${r.nextDueOn}です。`,
    `The minutes of ${held.en} are approved. Reviews are held every ${r.intervalMonths} months; the next is due by ${r.nextDueOn}.`,
  );
  const late = lateFault(s);
  return judge(
    base,
    [staleFault(s), late.fault],
    uniqueLinks([reviewEvidence(last), ...staleLinks(s), ...late.links]),
    data,
  );
};

/** 5.1.g: top management takes part in the review and approves its minutes. */
const commitmentRule: Rule = (s) => {
  const last = s.reviews.lastApproved;
  const data = {
    ...reviewData(s),
    topManagementAttended: last?.topManagementAttended ?? false,
    approvedByTopManagement: last?.approvedByTopManagement ?? false,
  };
  if (!last) return withoutApprovedReview(s, data);
  const held = heldText(last);
  const base = tx(`経営陣が${held.ja}を実施しました。`, `Top management conducted ${held.en}.`);
  const faults: Fault[] = [
    [
      last.topManagementAttended ? 0 : 1,
      tx(
        '議事録に経営陣の出席が記録されていません。',
        'The minutes record no member of top management as attending.',
      ),
    ],
    [
      last.approvedByTopManagement ? 0 : 1,
      tx(
        '議事録を承認した人が経営陣の役割を持っていません。',
        'The minutes were approved by someone outside top management.',
      ),
    ],
    staleFault(s),
  ];
  const atFault = faults[0]![0] + faults[1]![0] > 0;
  const links = [
    reviewEvidence(last),
    ...(atFault
      ? [gap(REVIEW_PAGE(last.id, 'minutes'), `${last.code}の議事録`, `Minutes of ${last.code}`)]
      : []),
    ...staleLinks(s),
  ];
  return judge(base, faults, links, data);
};

/** 6.1: reviews at planned intervals, with their results documented and recorded. */
const generalRule: Rule = (s) => {
  const r = s.reviews;
  const last = r.lastApproved;
  const data = {
    ...reviewData(s),
    minutesRecorded: last?.minutesRecorded ?? false,
    nextReview: r.underway?.code ?? null,
  };
  if (!last) return withoutApprovedReview(s, data);
  const held = heldText(last);
  const decided =
    last.decisions.effectiveness + last.decisions.procedure + last.decisions.resources;
  const base = tx(
    `${held.ja}の議事録が承認され、決定事項が${decided}件記録されています。`,
    `The minutes of ${held.en} are approved and record ${plural(decided, 'decision', 'decisions')}.`,
  );
  // The next review counts as planned once one is under way; it is needed when due within 30 days.
  const soon = new Date(`${s.today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + REVIEW_DUE_SOON_DAYS);
  const needsNext =
    !r.underway && r.nextDueOn !== null && r.nextDueOn <= soon.toISOString().slice(0, 10);
  const late = lateFault(s);
  const faults: Fault[] = [
    [
      last.minutesRecorded ? 0 : 1,
      tx(
        '議事録に概要もインプットごとの討議内容も記録されていません。',
        'The minutes record neither a summary nor the discussion of any input.',
      ),
    ],
    [
      needsNext ? 1 : 0,
      tx(
        `${r.nextDueOn}が期限の次回レビューが計画されていません。`,
        `No review is planned for the next one due by ${r.nextDueOn}.`,
      ),
    ],
    late.fault,
    staleFault(s),
  ];
  const links = uniqueLinks([
    reviewEvidence(last, 'minutes'),
    ...(last.minutesRecorded
      ? []
      : [gap(REVIEW_PAGE(last.id, 'minutes'), `${last.code}の議事録`, `Minutes of ${last.code}`)]),
    ...(needsNext ? [nextReviewLink(s)] : staleLinks(s)),
    ...late.links,
  ]);
  return judge(base, faults, links, data);
};

/** 4.2.3.b (its review part): effectiveness reviewed regularly on audits, feedback and suggestions. */
const effectivenessRule: Rule = (s) => {
  const last = s.reviews.lastApproved;
  const data = reviewData(s);
  if (!last) return withoutApprovedReview(s, data);
  const sections = sectionFacts(last);
  const missing = (['a', 'b', 'h'] as const).filter((k) => !sections.get(k)?.available);
  const incidents = sections.get('incidents')?.available === true;
  const held = heldText(last);
  const base = tx(
    `${held.ja}で、監査の結果、利害関係者の意見、改善の提案を基にISMSの有効性をレビューしました。${
      incidents ? '' : 'インシデントの記録はMamoruにまだないため、インプットに含まれていません。'
    }`,
    `${held.en} reviewed the effectiveness of the ISMS on audit results, feedback from interested parties and suggestions.${
      incidents
        ? ''
        : ' Incidents are not recorded in Mamoru yet, so the inputs do not include them.'
    }`,
  );
  const faults: Fault[] = [
    [
      missing.length,
      tx(
        `インプットに欠けている項目があります（${missing.map((k) => `6.2.${k}`).join('、')}）。`,
        `Inputs are missing (${missing.map((k) => `6.2.${k}`).join(', ')}).`,
      ),
    ],
    staleFault(s),
    // The controls' own checks are the other half of reviewing effectiveness.
    [
      s.controls.applicable > 0 && s.controls.results12m === 0 ? 1 : 0,
      tx(
        '適用する管理策の有効性が過去12か月に点検されていません。',
        'The effectiveness of the applicable controls was not checked in the last 12 months.',
      ),
    ],
  ];
  const links = [
    reviewEvidence(last, 'inputs'),
    ...(missing.length
      ? [gap(REVIEW_PAGE(last.id, 'inputs'), `${last.code}のインプット`, `Inputs of ${last.code}`)]
      : []),
    ...staleLinks(s),
    ...(s.controls.applicable > 0 && s.controls.results12m === 0
      ? [gap('/controls?tab=checks', '管理策の点検', 'Control checks')]
      : []),
  ];
  return judge(base, faults, links, {
    ...data,
    missingInputs: missing.map((k) => `6.2.${k}`),
    controlCheckResults12m: s.controls.results12m,
  });
};

export const REVIEW_RULES: Record<string, Rule> = {
  '4.2.3.b': effectivenessRule,
  '4.2.3.e': intervalRule,
  '5.1.g': commitmentRule,
  '6.1': generalRule,
  ...INPUT_RULES,
  ...OUTPUT_RULES,
};
