import type {
  ApprovedReviewFacts,
  ReviewSectionFacts,
} from '@mamoru/db/repositories/conformity-reviews';
import { gap, judge, notMet, plural, tx, type Fault } from '../text.ts';
import type {
  ConformityLink,
  ConformitySnapshot,
  FactValue,
  LocalizedText,
  Rule,
} from '../types.ts';
import {
  IMPROVEMENT_PAGE,
  LINK_CAP,
  REVIEW_PAGE,
  heldText,
  reviewData,
  reviewEvidence,
  staleFault,
  staleLinks,
  withoutApprovedReview,
} from './reviews-basis.ts';

/**
 * Review inputs (6.2.a–h): each section must be in the frozen input pack of
 * the latest approved review. An empty section is fine (nothing happened in
 * the period) and the text says so. The follow-up input (f) also needs the
 * decisions of approved reviews tracked and not overdue.
 */

type InputKey = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';

/** What each input is about, in our own words. */
const INPUT: Record<InputKey, LocalizedText> = {
  a: tx('監査とレビューの結果', 'results of audits and reviews'),
  b: tx('利害関係者からの意見', 'feedback from interested parties'),
  c: tx('改善に役立つ技術・製品・手順', 'techniques, products and procedures for improvement'),
  d: tx('是正処置と予防処置の状況', 'status of corrective and preventive actions'),
  e: tx(
    '十分に対処されていない脆弱性と脅威',
    'vulnerabilities and threats not adequately addressed',
  ),
  f: tx('過去のレビューの決定事項の処置状況', 'follow-up of earlier reviews'),
  g: tx('ISMSに影響する変更', 'changes that could affect the ISMS'),
  h: tx('改善の提案', 'recommendations for improvement'),
};

export const sectionFacts = (r: ApprovedReviewFacts) =>
  new Map<string, ReviewSectionFacts>(r.sections.map((x) => [x.section, x]));

/** Decisions of approved reviews whose improvement is overdue, or that none tracks. */
function followUpFaults(s: ConformitySnapshot): { faults: Fault[]; links: ConformityLink[] } {
  const r = s.reviews;
  return {
    faults: [
      [
        r.decisionsOverdue,
        tx(
          `レビューの決定事項${r.decisionsOverdue}件の改善が期限を過ぎても実施されていません。`,
          `${plural(r.decisionsOverdue, 'review decision has', 'review decisions have')} an improvement past its due date and not implemented.`,
        ),
      ],
      [
        r.decisionsUntracked,
        tx(
          `改善として追跡されていないレビューの決定事項が${r.decisionsUntracked}件あります。`,
          `${plural(r.decisionsUntracked, 'review decision is', 'review decisions are')} not tracked as improvements.`,
        ),
      ],
    ],
    links: [
      ...r.decisionsOverdueRefs
        .slice(0, LINK_CAP)
        .map((d) =>
          gap(
            IMPROVEMENT_PAGE(d.improvementId ?? ''),
            `${d.improvementCode}（${d.reviewCode} 決定${d.decisionNumber}、期限 ${d.dueDate}）`,
            `${d.improvementCode} (${d.reviewCode} decision ${d.decisionNumber}, due ${d.dueDate})`,
          ),
        ),
      ...r.decisionsUntrackedRefs
        .slice(0, LINK_CAP)
        .map((d) =>
          gap(
            REVIEW_PAGE(d.reviewId, 'decisions'),
            `${d.reviewCode} 決定${d.decisionNumber}（改善未登録）`,
            `${d.reviewCode} decision ${d.decisionNumber} (no improvement)`,
          ),
        ),
    ],
  };
}

function inputRule(key: InputKey): Rule {
  return (s) => {
    const last = s.reviews.lastApproved;
    const follow = key === 'f' ? followUpFaults(s) : { faults: [], links: [] };
    const base = reviewData(s);
    const extra: Record<string, FactValue> =
      key === 'f'
        ? {
            previousDecisions: s.reviews.decisions,
            decisionsDone: s.reviews.decisionsDone,
            decisionsOverdue: s.reviews.decisionsOverdue,
            decisionsUntracked: s.reviews.decisionsUntracked,
          }
        : {};
    if (!last) return withoutApprovedReview(s, { ...base, ...extra });
    const section = sectionFacts(last).get(key);
    const data = {
      ...base,
      ...extra,
      inputPresent: section?.available === true,
      inputItems: section?.items ?? 0,
    };
    const what = INPUT[key];
    const held = heldText(last);
    if (!section?.available) {
      return notMet(
        tx(
          `${held.ja}のインプットに「${what.ja}」がありません。`,
          `The inputs of ${held.en} do not include the ${what.en}.`,
        ),
        [gap(REVIEW_PAGE(last.id, 'inputs'), `${last.code}のインプット`, `Inputs of ${last.code}`)],
        data,
      );
    }
    const text = section.empty
      ? tx(
          `${held.ja}のインプットに「${what.ja}」があり、期間中に該当するものはありませんでした。`,
          `The inputs of ${held.en} include the ${what.en}; there was nothing to report for the period.`,
        )
      : section.items > 0
        ? tx(
            `${held.ja}のインプットに「${what.ja}」があります（${section.items}件）。`,
            `The inputs of ${held.en} include the ${what.en} (${plural(section.items, 'entry', 'entries')}).`,
          )
        : tx(
            `${held.ja}のインプットに「${what.ja}」の集計があります。`,
            `The inputs of ${held.en} include the figures of the ${what.en}.`,
          );
    return judge(
      text,
      [staleFault(s), ...follow.faults],
      [reviewEvidence(last, 'inputs'), ...staleLinks(s), ...follow.links],
      data,
    );
  };
}

export const INPUT_RULES: Record<string, Rule> = Object.fromEntries(
  (['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const).map((k) => [`6.2.${k}`, inputRule(k)]),
);
