import type { ReviewDecision, ReviewInputSectionKey } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import type { ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import type { DecisionView } from '@mamoru/db/repositories/reviews-minutes';
import { getReviewView } from '@mamoru/db/repositories/reviews';
import { improvementCode } from '../improvement/improvements-presenters.ts';

/**
 * The shapes the minutes' routes answer with. The review answer is the same
 * contract (ManagementReview) the planning routes give, so the web app keeps
 * one cache entry per review whichever route changed it.
 */

/** The review as every route of the area presents it (presenters.ts presentReview). */
export async function loadReviewView(db: Executor, org: string, row: ReviewRow) {
  return (await getReviewView(db, org, row.id))!;
}

export function presentDecision(d: DecisionView): ReviewDecision {
  return {
    id: d.id,
    reviewId: d.reviewId,
    number: d.number,
    output: d.output as ReviewDecision['output'],
    procedureReason: d.procedureReason as ReviewDecision['procedureReason'],
    amount: d.amount,
    currency: d.currency,
    title: d.title,
    description: d.description,
    inputSections: d.inputSections as ReviewInputSectionKey[],
    owner: { id: d.ownerId, name: d.ownerName ?? '' },
    dueDate: d.dueDate,
    improvement:
      d.improvementId && d.improvementNumber !== null
        ? {
            id: d.improvementId,
            code: improvementCode(d.improvementNumber),
            status: d.improvementStatus ?? '',
            dueDate: d.improvementDueDate,
          }
        : null,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
