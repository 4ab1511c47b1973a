import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import * as actionsRepo from '@mamoru/db/repositories/improvement-actions';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import { DomainError, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { ACTION_ENTITY, loadBundle, lockForStep, next, NONCONFORMITY_ENTITY } from './access.ts';
import { reviewerConflict } from './workflow.ts';

/**
 * Effectiveness reviews (7.2.f, 7.3.d): after the action's interval, someone
 * other than its owner judges whether the cause was removed. Not effective
 * reopens the nonconformity for a new cause analysis in a new cycle.
 */

const today = () => new Date().toISOString().slice(0, 10);

export async function reviewAction(
  db: Db,
  ctx: RequestContext,
  actionId: string,
  expectedVersion: number,
  input: {
    effective: boolean;
    note: string;
    evidence: { type: string; id: string; label?: string | undefined }[];
  },
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  const reviewerId = ctx.actor.userId;
  return db.transaction(async (tx) => {
    const action = await actionsRepo.getAction(tx, org, actionId);
    if (!action) throw notFound('improvement_action');
    const { row, state } = await lockForStep(tx, org, action.nonconformityId, null);
    const locked = (await actionsRepo.getAction(tx, org, actionId, true))!;
    if (locked.version !== expectedVersion) throw staleVersion();
    if (!reviewerId || reviewerConflict(reviewerId, locked.ownerId)) {
      throw invalid([{ field: 'reviewer', code: 'nc_reviewer_is_owner' }], 'nc_reviewer_is_owner');
    }
    if (locked.status !== 'implemented' || locked.cycle !== state.cycle) {
      throw invalid(
        [{ field: 'status', code: 'nc_action_not_implemented' }],
        'nc_action_not_implemented',
      );
    }
    if (locked.reviewDue && locked.reviewDue > today()) {
      const params = { reviewDue: locked.reviewDue };
      throw new DomainError('validation', 'nc_review_not_due', params, [
        { field: 'effective', code: 'nc_review_not_due', params },
      ]);
    }
    const t = next(state, { type: 'review', effective: input.effective });
    const evidence = input.evidence.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));
    const review = await actionsRepo.insertReview(tx, {
      organizationId: org,
      actionId,
      actionOwnerId: locked.ownerId,
      reviewerId,
      effective: input.effective,
      note: input.note,
      evidence,
    });
    const status = input.effective ? 'effective' : 'not_effective';
    await actionsRepo.updateAction(tx, org, actionId, null, { status });
    await repo.updateNonconformity(tx, org, row.id, null, { status: t.status, cycle: t.cycle });
    const entries: AuditEntry[] = [
      {
        action: 'improvement_action.reviewed',
        entityType: ACTION_ENTITY,
        entityId: actionId,
        before: { status: locked.status },
        after: { status, reviewId: review.id, effective: input.effective, note: input.note },
      },
    ];
    if (t.cycle !== row.cycle) {
      entries.push({
        action: 'nonconformity.reopened',
        entityType: NONCONFORMITY_ENTITY,
        entityId: row.id,
        before: { status: row.status, cycle: row.cycle },
        after: { status: t.status, cycle: t.cycle, actionId },
      });
    }
    await recordAudit(tx, ctx, entries);
    return loadBundle(tx, org, row.id);
  });
}
