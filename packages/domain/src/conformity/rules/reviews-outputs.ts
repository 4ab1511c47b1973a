import { gap, judge, partlyMet, tx } from '../text.ts';
import type { ConformitySnapshot, Evaluation, LocalizedText, Rule } from '../types.ts';
import {
  REVIEW_PAGE,
  heldText,
  reviewData,
  reviewEvidence,
  staleFault,
  staleLinks,
  withoutApprovedReview,
} from './reviews-basis.ts';

/**
 * Review outputs (6.3.a, 6.3.b.1–5, 6.3.c): the decisions the latest approved
 * review recorded, by output (and by reason for changes to procedures). A
 * review that decided nothing at all has no outputs; one that decided nothing
 * of a given kind is fine, and the text says so.
 */

type Output = 'effectiveness' | 'procedure' | 'resources';
type Reason = 'business' | 'security' | 'process' | 'legal' | 'risk_level';

const OUTPUT: Record<Output, LocalizedText> = {
  effectiveness: tx('ISMSの有効性の改善', 'improving the effectiveness of the ISMS'),
  procedure: tx('セキュリティ手順の見直し', 'changes to security procedures'),
  resources: tx('必要な資源', 'resource needs'),
};

/** Why a procedure changes (6.3.b.1–5), in our own words. */
const REASON: Record<Reason, LocalizedText> = {
  business: tx('事業上の要求の変化', 'changed business requirements'),
  security: tx('セキュリティ要求の変化', 'changed security requirements'),
  process: tx('業務プロセスの変化', 'changed business processes'),
  legal: tx('法令や規制の環境の変化', 'a changed legal or regulatory environment'),
  risk_level: tx('リスクの水準や受容水準の変化', 'changed levels of risk or risk acceptance'),
};

function outputRule(output: Output, reason?: Reason): Rule {
  return (s: ConformitySnapshot): Evaluation => {
    const last = s.reviews.lastApproved;
    const data = reviewData(s);
    if (!last) return withoutApprovedReview(s, data);
    const d = last.decisions;
    const total = d.effectiveness + d.procedure + d.resources;
    const count = reason ? (last.procedureReasons[reason] ?? 0) : d[output];
    const what = reason
      ? tx(
          `${REASON[reason].ja}に伴う手順の見直し`,
          `changes to procedures for ${REASON[reason].en}`,
        )
      : OUTPUT[output];
    const held = heldText(last);
    const withData = { ...data, decisions: total, decisionsOfKind: count };
    if (total === 0) {
      return partlyMet(
        tx(
          `${held.ja}の議事録に決定事項が記録されていません。`,
          `The minutes of ${held.en} record no decision.`,
        ),
        [
          gap(
            REVIEW_PAGE(last.id, 'decisions'),
            `${last.code}の決定事項`,
            `Decisions of ${last.code}`,
          ),
        ],
        withData,
      );
    }
    const base =
      count > 0
        ? tx(
            `${held.ja}で「${what.ja}」について${count}件決定しました。`,
            `${held.en} decided ${count} ${count === 1 ? 'action' : 'actions'} on ${what.en}.`,
          )
        : tx(
            `${held.ja}では${total}件の決定事項のうち「${what.ja}」に当たるものはありませんでした。`,
            `None of the ${total} decisions of ${held.en} concerns ${what.en}.`,
          );
    return judge(
      base,
      [staleFault(s)],
      [reviewEvidence(last, 'decisions'), ...staleLinks(s)],
      withData,
    );
  };
}

export const OUTPUT_RULES: Record<string, Rule> = {
  '6.3.a': outputRule('effectiveness'),
  '6.3.b.1': outputRule('procedure', 'business'),
  '6.3.b.2': outputRule('procedure', 'security'),
  '6.3.b.3': outputRule('procedure', 'process'),
  '6.3.b.4': outputRule('procedure', 'legal'),
  '6.3.b.5': outputRule('procedure', 'risk_level'),
  '6.3.c': outputRule('resources'),
};
