import type { Executor } from '@mamoru/db';
import { getReviewRow, type ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import type { RequestContext } from '../audit/trail.ts';
import { notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';

/**
 * Who may see a management review, shared by every use-case of the area.
 * 'all' reach sees every review; 'own' reach (staff, owners) sees only reviews
 * whose minutes were approved and then distributed to the organization. A
 * review one may not see answers 404, so its existence does not leak.
 */

export const REVIEW_ENTITY = 'management_review';
export const DECISION_ENTITY = 'management_review_decision';

export function visibleUnderOwnReach(row: Pick<ReviewRow, 'status' | 'distributedAt'>) {
  return row.status === 'approved' && row.distributedAt !== null;
}

/** The review if the actor may read it (reviews:read), else 404/403. */
export async function readableReview(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<ReviewRow> {
  const reach = authorize(ctx.actor, 'reviews:read');
  const row = await getReviewRow(db, ctx.actor.organizationId, id);
  if (!row || (reach === 'own' && !visibleUnderOwnReach(row))) throw notFound(REVIEW_ENTITY);
  return row;
}

/**
 * The review locked for a change by the ISMS manager (reviews:manage), its
 * version checked when the client sent one (If-Match).
 */
export async function lockReviewForManage(
  tx: Executor,
  ctx: RequestContext,
  id: string,
  expectedVersion: number | null,
): Promise<ReviewRow> {
  authorize(ctx.actor, 'reviews:manage');
  const row = await getReviewRow(tx, ctx.actor.organizationId, id, true);
  if (!row) throw notFound(REVIEW_ENTITY);
  if (expectedVersion !== null && row.version !== expectedVersion) throw staleVersion();
  return row;
}
