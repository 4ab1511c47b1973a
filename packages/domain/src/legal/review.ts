import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/legal';
import type { LegalReviewCreate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable } from '../scope/common.ts';
import { reviewEffect } from './rules.ts';
import { LEGAL_OBLIGATION_ENTITY, lockForChange, todayUtc } from './service.ts';

/**
 * Records a review of an obligation (is it still in force, did it change?):
 * the review is kept, and the obligation's next review date moves on, its
 * change is dated, or it is retired — in one transaction, under If-Match.
 */
export async function reviewObligation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: LegalReviewCreate,
) {
  authorize(ctx.actor, 'legal:manage');
  const org = ctx.actor.organizationId;
  if (input.reviewedOn > todayUtc()) {
    throw invalid([{ field: 'reviewedOn', code: 'legal_review_in_future' }]);
  }
  if (input.nextReviewDate && input.nextReviewDate <= input.reviewedOn) {
    throw invalid([{ field: 'nextReviewDate', code: 'legal_next_review_before_review' }]);
  }
  return db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status === 'retired') throw conflict('legal_obligation_retired');
    const effect = reviewEffect(input, before.reviewIntervalMonths);
    const review = await repo.insertReview(tx, {
      organizationId: org,
      obligationId: id,
      reviewedOn: input.reviewedOn,
      reviewerUserId: ctx.actor.userId,
      outcome: input.outcome,
      note: input.note,
      nextReviewDate: effect.nextReviewDate,
    });
    const now = new Date();
    const updated = await repo.updateObligation(tx, org, id, null, {
      status: effect.status,
      ...(effect.nextReviewDate && { nextReviewDate: effect.nextReviewDate }),
      ...(effect.changed && { contentChangedAt: now }),
      ...(effect.status === 'retired' && { retiredAt: now }),
    });
    if (!updated) throw staleVersion();
    const changed = diff(auditable(before), auditable(updated));
    await recordAudit(tx, ctx, [
      {
        action: 'legal_obligation.reviewed',
        entityType: LEGAL_OBLIGATION_ENTITY,
        entityId: id,
        before: changed.before,
        // The review itself rides along: it has no audit entry of its own.
        after: { ...changed.after, review: auditable({ ...review, updatedAt: review.createdAt }) },
        eventTitle: `${updated.code} ${updated.title}`,
      },
    ]);
    return (await repo.getObligationView(tx, org, id))!;
  });
}
