import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/approvals';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { conflict, forbidden, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, reachOf, type Actor } from '../identity/actor.ts';
import { READ_ONLY_ROLES, type Role } from '../identity/permissions.ts';
import { APPROVAL_TYPES, FIXED_APPROVAL_TYPES, effectivePolicy } from './types.ts';
import { notifyApprovalRequested } from '../notifications/approvals.ts';

export { APPROVAL_TYPES, FIXED_APPROVAL_TYPES, effectivePolicy };

export interface ApprovalHandler {
  /** Runs in the deciding transaction: freeze the approved version, or reopen on rejection. */
  onDecided(tx: Executor, ctx: RequestContext, approval: ApprovalRow): Promise<void>;
}

// Code, not state: each area registers how its objects react to a decision.
const handlers = new Map<string, ApprovalHandler>();
export function registerApprovalHandler(entityType: string, handler: ApprovalHandler) {
  handlers.set(entityType, handler);
}

export interface ApprovalRequest {
  approvalType: string;
  entityType: string;
  entityId: string;
  entityVersion: number;
  /**
   * The object's own name (user data, e.g. a document's code and title), or ''.
   * The web words the whole title from the approval type and version in the
   * reader's language, so no language is stored here.
   */
  title: string;
  authorId: string | null;
  assigneeUserId?: string | null;
  /** What the request proposes, applied by the area's handler on approval. */
  proposal?: Record<string, unknown> | null;
}

/** Asks for sign-off of one version of one object; areas call it inside their transaction. */
export async function requestApproval(tx: Executor, ctx: RequestContext, input: ApprovalRequest) {
  authorize(ctx.actor, 'approvals:request');
  return openApprovalRequest(tx, ctx, input);
}

/**
 * The request itself, for changes whose caller was authorized by their own
 * area (an administrator changing a policy or granting a role holds no
 * approvals:request): the change waits for a second person instead of applying.
 */
export async function openApprovalRequest(
  tx: Executor,
  ctx: RequestContext,
  input: ApprovalRequest,
) {
  if (!ctx.actor.userId) throw forbidden();
  if (
    await repo.pendingApprovalFor(tx, ctx.actor.organizationId, input.entityType, input.entityId)
  ) {
    throw conflict('approval_pending');
  }
  const policy = await effectivePolicy(tx, ctx.actor.organizationId, input.approvalType);
  const row = await repo.insertApproval(tx, {
    organizationId: ctx.actor.organizationId,
    ...input,
    assigneeUserId: input.assigneeUserId ?? null,
    assigneeRole: input.assigneeUserId ? null : policy.approverRole,
    // Fixed now: a later policy change never applies to this waiting request.
    segregateAuthor: policy.segregateAuthor,
    proposal: input.proposal ?? null,
    requestedBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, [
    { action: 'approval.requested', entityType: 'approval', entityId: row.id, after: row },
  ]);
  // In the same transaction: the approvers' notifications exist exactly when the request does.
  const fixed = FIXED_APPROVAL_TYPES[input.approvalType];
  await notifyApprovalRequested(tx, row, fixed ? fixed.approverRoles : [policy.approverRole]);
  return row;
}

/** The fixed approval types this actor may decide by role (an admin through users:manage). */
export function fixedTypesDecidableBy(actor: Actor): string[] {
  return Object.entries(FIXED_APPROVAL_TYPES)
    .filter(([, { approverRoles }]) =>
      approverRoles.some(
        (role) =>
          actor.roles.includes(role) &&
          reachOf(actor, role === 'admin' ? 'users:manage' : 'approvals:decide'),
      ),
    )
    .map(([type]) => type);
}

/** Whether this actor may decide this request, and if not, why. */
export async function decisionBlocker(_db: Executor, ctx: RequestContext, approval: ApprovalRow) {
  const actor = ctx.actor;
  if (approval.status !== 'pending') return 'approval_not_pending';
  if (!actor.userId || actor.kind === 'system') return 'forbidden';
  // A read-only role (the external auditor) never decides, even when a request names them.
  if (actor.roles.some((role) => READ_ONLY_ROLES.includes(role))) return 'forbidden';
  const author = approval.authorId ?? approval.requestedBy;
  const fixed = FIXED_APPROVAL_TYPES[approval.approvalType];
  if (fixed) {
    // Always a second person: never the requester, nor the user a role grant is for.
    if (!fixedTypesDecidableBy(actor).includes(approval.approvalType)) {
      const hasRole = fixed.approverRoles.some((role) => actor.roles.includes(role));
      return hasRole ? 'forbidden' : 'approval_wrong_role';
    }
    const aboutSelf =
      (approval.entityType === 'user' || approval.entityType === 'user_factors') &&
      approval.entityId === actor.userId;
    if (author === actor.userId || approval.requestedBy === actor.userId || aboutSelf)
      return 'approval_own_object';
    return null;
  }
  // Being the named assignee stands in for the permission only for the person
  // themself: an API token must carry approvals:decide in its own subset.
  const assignee = actor.kind === 'user' && approval.assigneeUserId === actor.userId;
  if (!reachOf(actor, 'approvals:decide') && !assignee) return 'forbidden';
  if (approval.assigneeUserId && approval.assigneeUserId !== actor.userId)
    return 'approval_not_assignee';
  if (approval.assigneeRole && !actor.roles.includes(approval.assigneeRole as Role))
    return 'approval_wrong_role';
  // Segregation as it stood when the request was made (a later change never applies).
  if (approval.segregateAuthor && author === actor.userId) return 'approval_own_object';
  return null;
}

export async function decideApproval(
  db: Db,
  ctx: RequestContext,
  approvalId: string,
  decision: 'approved' | 'rejected',
  comment: string | undefined,
) {
  return db.transaction(async (tx) => {
    const approval = await repo.getApproval(tx, ctx.actor.organizationId, approvalId, true);
    if (!approval) throw notFound('approval');
    const blocker = await decisionBlocker(tx, ctx, approval);
    if (blocker === 'approval_not_pending') throw conflict(blocker);
    if (blocker) throw forbidden(blocker);
    const decided = await repo.decideApproval(tx, ctx.actor.organizationId, approvalId, {
      status: decision,
      decidedBy: ctx.actor.userId,
      comment: comment ?? null,
    });
    if (!decided) throw conflict('approval_not_pending');
    await handlers.get(decided.entityType)?.onDecided(tx, ctx, decided);
    await recordAudit(tx, ctx, [
      {
        action: `approval.${decision}`,
        entityType: 'approval',
        entityId: approvalId,
        before: { status: 'pending' },
        after: {
          status: decision,
          comment: comment ?? null,
          entity: `${decided.entityType}:${decided.entityId}@${decided.entityVersion}`,
        },
      },
    ]);
    return decided;
  });
}

/** The requester withdraws a pending request (e.g. to edit the object again). */
export async function cancelApproval(db: Db, ctx: RequestContext, approvalId: string) {
  return db.transaction(async (tx) => {
    const approval = await repo.getApproval(tx, ctx.actor.organizationId, approvalId, true);
    if (!approval) throw notFound('approval');
    if (approval.requestedBy !== ctx.actor.userId) throw forbidden('approval_not_requester');
    const row = await repo.decideApproval(tx, ctx.actor.organizationId, approvalId, {
      status: 'cancelled',
      decidedBy: ctx.actor.userId,
      comment: null,
    });
    if (!row) throw conflict('approval_not_pending');
    await handlers.get(row.entityType)?.onDecided(tx, ctx, row);
    await recordAudit(tx, ctx, [
      { action: 'approval.cancelled', entityType: 'approval', entityId: approvalId },
    ]);
    return row;
  });
}

export async function getApproval(db: Db, ctx: RequestContext, approvalId: string) {
  const reach = authorize(ctx.actor, 'approvals:read');
  const row = await repo.getApproval(db, ctx.actor.organizationId, approvalId);
  const uid = ctx.actor.userId;
  const involved = row && [row.requestedBy, row.authorId, row.assigneeUserId].includes(uid);
  if (!row || (reach === 'own' && !involved)) throw notFound('approval');
  return row;
}

export async function listApprovals(
  db: Db,
  ctx: RequestContext,
  q: {
    status?: string | undefined;
    mine?: string | undefined;
    entityType?: string | undefined;
    entityId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const reach = authorize(ctx.actor, 'approvals:read');
  const uid = ctx.actor.userId ?? '';
  return repo.listApprovals(
    db,
    ctx.actor.organizationId,
    {
      status: q.mine === 'true' ? 'pending' : q.status,
      entityType: q.entityType,
      entityId: q.entityId,
      decidableBy:
        q.mine === 'true'
          ? {
              userId: uid,
              roles: [...ctx.actor.roles],
              fixedTypes: fixedTypesDecidableBy(ctx.actor),
            }
          : undefined,
      involving: reach === 'own' ? uid : undefined,
    },
    q,
  );
}

/** The approved version of an object, if any: areas use it to refuse edits to frozen versions. */
export async function isVersionApproved(
  db: Executor,
  organizationId: string,
  entityType: string,
  entityId: string,
  version: number,
) {
  const page = await repo.listApprovals(
    db,
    organizationId,
    { status: 'approved', entityType, entityId },
    { limit: 200 },
  );
  return page.items.some((a) => a.entityVersion === version);
}

export { presentApprovals } from './presenter.ts';
