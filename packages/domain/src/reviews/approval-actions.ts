import type { Executor } from '@mamoru/db';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import * as improvementsRepo from '@mamoru/db/repositories/improvement-register';
import { reviewCode, type ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import { improvementCode } from '../improvement/improvements-presenters.ts';
import { IMPROVEMENT_ENTITY } from '../improvement/improvements.ts';
import { REVIEW_ENTITY } from './access.ts';

/**
 * What approving the minutes sets in motion: each decision becomes one
 * accepted improvement in the register, with the decision's owner and due
 * date, decided by the approver, and linked back to the review. The next
 * review's input f follows these improvements (through the decision's link).
 */
export async function createDecisionActions(
  tx: Executor,
  ctx: RequestContext,
  review: ReviewRow,
  approval: ApprovalRow,
) {
  const org = review.organizationId;
  const label = `${reviewCode(review.number)} ${review.title}`;
  const decidedAt = approval.decidedAt ?? new Date();
  const entries: AuditEntry[] = [];
  const created: { decision: number; improvementId: string; code: string }[] = [];
  for (const d of await repo.allDecisions(tx, org, review.id)) {
    // A decision tracked already (minutes approved before) keeps its improvement.
    if (d.improvementId) continue;
    const improvement = await improvementsRepo.insertImprovement(tx, {
      organizationId: org,
      source: 'management_review',
      sourceLink: { type: REVIEW_ENTITY, id: review.id, label },
      title: d.title,
      description: d.description,
      suggestedBy: approval.requestedBy,
      status: 'accepted',
      decisionReason: label,
      decidedBy: approval.decidedBy,
      decidedAt,
      ownerId: d.ownerId,
      dueDate: d.dueDate,
    });
    await repo.updateDecision(tx, org, d.id, null, { improvementId: improvement.id });
    created.push({
      decision: d.number,
      improvementId: improvement.id,
      code: improvementCode(improvement.number),
    });
    entries.push({
      action: 'improvement.created',
      entityType: IMPROVEMENT_ENTITY,
      entityId: improvement.id,
      after: {
        number: improvement.number,
        source: improvement.source,
        sourceLink: improvement.sourceLink,
        title: improvement.title,
        status: improvement.status,
        ownerId: improvement.ownerId,
        dueDate: improvement.dueDate,
      },
    });
  }
  if (created.length > 0) {
    entries.push({
      action: 'management_review.actions_created',
      entityType: REVIEW_ENTITY,
      entityId: review.id,
      after: { actions: created },
    });
  }
  await recordAudit(tx, ctx, entries);
  return created;
}
