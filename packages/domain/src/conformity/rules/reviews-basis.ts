import type { ApprovedReviewFacts, ReviewRef } from '@mamoru/db/repositories/conformity-reviews';
import { evidence, gap, notMet, partlyMet, tx, type Fault } from '../text.ts';
import type {
  ConformityLink,
  ConformitySnapshot,
  Evaluation,
  FactValue,
  LocalizedText,
} from '../types.ts';

/**
 * What every management review rule stands on: the latest review whose minutes
 * top management approved, whether it is still within the interval, and the
 * review to point at when it is missing or stale.
 */

export const REVIEWS = '/management-review';
export const REVIEW_PAGE = (id: string, tab?: 'inputs' | 'minutes' | 'decisions') =>
  `${REVIEWS}/${id}${tab ? `?tab=${tab}` : ''}`;
export const IMPROVEMENT_PAGE = (id: string) => `/improvement/${id}`;
/** Links per kind of fault; the text still counts all of them. */
export const LINK_CAP = 10;

/** A review's status as the reader says it, never the stored code. */
const STATUS: Record<string, LocalizedText> = {
  planned: tx('計画済み', 'planned'),
  inputs_prepared: tx('インプット準備済み', 'inputs prepared'),
  held: tx('開催済み（議事録作成中）', 'held, minutes being written'),
  submitted: tx('議事録の承認待ち', 'minutes awaiting approval'),
  approved: tx('承認済み', 'approved'),
  cancelled: tx('中止', 'cancelled'),
};
export const reviewStatus = (status: string): LocalizedText =>
  STATUS[status] ?? tx('不明', 'unknown');

/** The common data of the review rules, as shown with every item. */
export function reviewData(s: ConformitySnapshot): Record<string, FactValue> {
  const r = s.reviews;
  return {
    intervalMonths: r.intervalMonths,
    lastApprovedReview: r.lastApproved?.code ?? null,
    lastHeldOn: r.lastApproved?.heldOn ?? null,
    nextDueOn: r.nextDueOn,
  };
}

/** Link to the review under way, else to the list where one is planned. */
export function nextReviewLink(s: ConformitySnapshot): ConformityLink {
  const u = s.reviews.underway;
  return u
    ? gap(
        REVIEW_PAGE(u.id),
        `${u.code}（${reviewStatus(u.status).ja}）`,
        `${u.code} (${reviewStatus(u.status).en})`,
      )
    : gap(REVIEWS, 'マネジメントレビューの計画', 'Plan a management review');
}

/** Text of the review under way, when there is one ("MR-0002 is planned for …"). */
export function underwayText(u: ReviewRef | null): LocalizedText | null {
  if (!u) return null;
  const st = reviewStatus(u.status);
  return u.heldOn
    ? tx(
        `${u.code}は${u.heldOn}に開催され、現在「${st.ja}」です。`,
        `${u.code} was held on ${u.heldOn} and is ${st.en}.`,
      )
    : tx(
        `${u.code}は${u.plannedOn}に予定され、現在「${st.ja}」です。`,
        `${u.code} is planned for ${u.plannedOn} (${st.en}).`,
      );
}

/** Nothing approved yet: the item cannot be evidenced by a review. */
export function withoutApprovedReview(
  s: ConformitySnapshot,
  data: Record<string, FactValue>,
): Evaluation {
  const base = tx(
    '経営陣が議事録を承認したマネジメントレビューはまだありません。',
    'No management review has minutes approved by top management yet.',
  );
  const u = underwayText(s.reviews.underway);
  const text = u ? tx(`${base.ja}${u.ja}`, `${base.en} ${u.en}`) : base;
  const links = [nextReviewLink(s)];
  // A held review only needs its minutes approved: one step away.
  const held = s.reviews.underway && ['held', 'submitted'].includes(s.reviews.underway.status);
  return held ? partlyMet(text, links, data) : notMet(text, links, data);
}

/** The interval has passed since the latest approved review: its evidence is out of date. */
export function staleFault(s: ConformitySnapshot): Fault {
  const r = s.reviews;
  const stale = r.nextDueOn !== null && r.nextDueOn < s.today;
  return [
    stale ? 1 : 0,
    tx(
      `見直しの間隔（${r.intervalMonths}か月）を過ぎ、${r.nextDueOn}までに次のレビューが承認されていません。`,
      `The ${r.intervalMonths}-month interval has passed: no review was approved by ${r.nextDueOn}.`,
    ),
  ];
}

export const staleLinks = (s: ConformitySnapshot): ConformityLink[] =>
  staleFault(s)[0] > 0 ? [nextReviewLink(s)] : [];

/** "MR-0001 (held on 2026-03-10)". */
export const heldText = (r: ApprovedReviewFacts): LocalizedText =>
  tx(
    r.heldOn ? `${r.code}（${r.heldOn}開催）` : `${r.code}（開催日未記録）`,
    `${r.code} (held on ${r.heldOn ?? 'an unrecorded date'})`,
  );

export const reviewEvidence = (
  r: ApprovedReviewFacts,
  tab?: 'inputs' | 'minutes' | 'decisions',
): ConformityLink =>
  evidence(REVIEW_PAGE(r.id, tab), `マネジメントレビュー ${r.code}`, `Management review ${r.code}`);

/** One link per page (the review under way may also be the late one); a gap wins over evidence. */
export function uniqueLinks(links: ConformityLink[]): ConformityLink[] {
  const gaps = new Set(links.filter((l) => l.kind === 'gap').map((l) => l.href));
  const seen = new Set<string>();
  return links.filter(
    (l) => !(l.kind === 'evidence' && gaps.has(l.href)) && !seen.has(l.href) && seen.add(l.href),
  );
}
