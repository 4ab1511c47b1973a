import type { Db } from '@mamoru/db';
import { attendeesOf } from '@mamoru/db/repositories/reviews';
import { getReviewRow, reviewCode, updateReviewRow } from '@mamoru/db/repositories/reviews-rows';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { conflict, invalid, staleVersion, type FieldError } from '../errors.ts';
import { checkUser } from '../scope/common.ts';
import { lockReviewForManage, REVIEW_ENTITY } from './access.ts';
import { createDecisionActions } from './approval-actions.ts';
import { loadReviewView } from './minutes-presenters.ts';

/**
 * Top management's approval of the minutes (approval type `management_review`,
 * segregation of duties as the policy says): held → submitted → approved, or
 * back to held when rejected or withdrawn. Approval freezes the minutes and
 * turns the decisions into tracked improvements; the ISMS manager then
 * distributes them, which is when staff may read them.
 */

/** What must hold before the minutes go to top management. */
export function submitProblems(
  row: { heldOn: string | null },
  attendees: readonly { role: string; attended: boolean | null }[],
): FieldError[] {
  const problems: FieldError[] = [];
  if (!row.heldOn) problems.push({ field: 'heldOn', code: 'field_required' });
  if (!attendees.some((a) => a.role === 'top_management' && a.attended === true)) {
    problems.push({ field: 'attendees', code: 'review_top_management_absent' });
  }
  return problems;
}

/** Submits the held review's minutes for approval as of the If-Match version. */
export async function submitMinutes(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | undefined; comment?: string | undefined },
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (row.status !== 'held') throw conflict('review_submit_needs_held');
    const problems = [
      ...submitProblems(row, await attendeesOf(tx, org, [id])),
      ...(await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId')),
    ];
    if (problems.length) throw invalid(problems);
    const updated = await updateReviewRow(tx, org, id, row.version, {
      status: 'submitted',
      submittedAt: new Date(),
    });
    if (!updated) throw staleVersion();
    // The approval pins this version: nothing of the minutes changes while submitted.
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'management_review',
      entityType: REVIEW_ENTITY,
      entityId: id,
      entityVersion: updated.version,
      title: `${reviewCode(row.number)} ${row.title}`,
      authorId: ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.approval_requested',
        entityType: REVIEW_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'submitted', approvalId: approval.id, comment: input.comment ?? null },
      },
    ]);
    return loadReviewView(tx, org, updated);
  });
}

// Approval: approved with its approver and date, and the decisions become
// improvements, all in the deciding transaction; rejection or withdrawal
// returns the minutes to the ISMS manager.
registerApprovalHandler(REVIEW_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await getReviewRow(tx, org, approval.entityId, true);
    if (!row || row.status !== 'submitted' || row.version !== approval.entityVersion) return;
    if (approval.status === 'approved') {
      const approved = (await updateReviewRow(tx, org, row.id, row.version, {
        status: 'approved',
        approvedAt: approval.decidedAt ?? new Date(),
        approvedBy: approval.decidedBy,
      }))!;
      await recordAudit(tx, ctx, [
        {
          action: 'management_review.approved',
          entityType: REVIEW_ENTITY,
          entityId: row.id,
          before: { status: row.status },
          after: { status: 'approved', approvalId: approval.id },
        },
      ]);
      await createDecisionActions(tx, ctx, approved, approval);
      return;
    }
    await updateReviewRow(tx, org, row.id, row.version, { status: 'held', submittedAt: null });
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.returned',
        entityType: REVIEW_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'held', approvalId: approval.id, decision: approval.status },
      },
    ]);
  },
});

/** Distributes the approved minutes to the organization: staff may read them from now on. */
export async function distributeMinutes(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (row.status !== 'approved') throw conflict('review_distribute_needs_approval');
    if (row.distributedAt) throw conflict('review_already_distributed');
    const updated = await updateReviewRow(tx, org, id, row.version, {
      distributedAt: new Date(),
      distributedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.distributed',
        entityType: REVIEW_ENTITY,
        entityId: id,
        before: { distributedAt: null },
        after: { distributedAt: updated.distributedAt, distributedBy: ctx.actor.userId },
      },
    ]);
    return loadReviewView(tx, org, updated);
  });
}
