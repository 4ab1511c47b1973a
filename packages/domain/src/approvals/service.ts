import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/approvals';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { DomainError, conflict, forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, reachOf } from '../identity/actor.ts';
import { READ_ONLY_ROLES, ROLE_GRANTS, type Role } from '../identity/permissions.ts';

/**
 * What needs sign-off in the standard, and by whom unless the organization
 * configures otherwise. Segregation of duties is on by default for each.
 */
export const APPROVAL_TYPES: Record<string, { approverRole: Role }> = {
  isms_policy: { approverRole: 'top_management' },
  scope: { approverRole: 'top_management' },
  risk_method: { approverRole: 'top_management' },
  risk_retention: { approverRole: 'top_management' },
  residual_risk: { approverRole: 'top_management' },
  soa: { approverRole: 'top_management' },
  management_review: { approverRole: 'top_management' },
  document: { approverRole: 'isms_manager' },
  record_disposal: { approverRole: 'isms_manager' },
};

export interface ApprovalHandler {
  /** Runs in the deciding transaction: freeze the approved version, or reopen on rejection. */
  onDecided(tx: Executor, ctx: RequestContext, approval: ApprovalRow): Promise<void>;
}

// Code, not state: each area registers how its objects react to a decision.
const handlers = new Map<string, ApprovalHandler>();
export function registerApprovalHandler(entityType: string, handler: ApprovalHandler) {
  handlers.set(entityType, handler);
}

export async function effectivePolicy(db: Executor, organizationId: string, approvalType: string) {
  const stored = await repo.getPolicy(db, organizationId, approvalType);
  const fallback = APPROVAL_TYPES[approvalType];
  if (!stored && !fallback)
    throw new DomainError('validation', 'approval_type_unknown', { type: approvalType });
  return {
    approvalType,
    approverRole: (stored?.approverRole ?? fallback!.approverRole) as Role,
    segregateAuthor: stored?.segregateAuthor ?? true,
  };
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
}

/** Asks for sign-off of one version of one object; areas call it inside their transaction. */
export async function requestApproval(tx: Executor, ctx: RequestContext, input: ApprovalRequest) {
  authorize(ctx.actor, 'approvals:request');
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
    requestedBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, [
    { action: 'approval.requested', entityType: 'approval', entityId: row.id, after: row },
  ]);
  return row;
}

/** Whether this actor may decide this request, and if not, why. */
export async function decisionBlocker(db: Executor, ctx: RequestContext, approval: ApprovalRow) {
  const actor = ctx.actor;
  if (approval.status !== 'pending') return 'approval_not_pending';
  if (!actor.userId || actor.kind === 'system') return 'forbidden';
  // A read-only role (the external auditor) never decides, even when a request names them.
  if (actor.roles.some((role) => READ_ONLY_ROLES.includes(role))) return 'forbidden';
  // Being the named assignee stands in for the permission only for the person
  // themself: an API token must carry approvals:decide in its own subset.
  const assignee = actor.kind === 'user' && approval.assigneeUserId === actor.userId;
  if (!reachOf(actor, 'approvals:decide') && !assignee) return 'forbidden';
  if (approval.assigneeUserId && approval.assigneeUserId !== actor.userId)
    return 'approval_not_assignee';
  if (approval.assigneeRole && !actor.roles.includes(approval.assigneeRole as Role))
    return 'approval_wrong_role';
  const policy = await effectivePolicy(db, actor.organizationId, approval.approvalType);
  const author = approval.authorId ?? approval.requestedBy;
  if (policy.segregateAuthor && author === actor.userId) return 'approval_own_object';
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
      decidableBy: q.mine === 'true' ? { userId: uid, roles: [...ctx.actor.roles] } : undefined,
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

export async function listPolicies(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'approvals:read');
  return Promise.all(
    Object.keys(APPROVAL_TYPES).map((t) => effectivePolicy(db, ctx.actor.organizationId, t)),
  );
}

export async function setPolicy(
  db: Db,
  ctx: RequestContext,
  approvalType: string,
  values: { approverRole: Role; segregateAuthor: boolean },
) {
  authorize(ctx.actor, 'approvals:configure');
  // A role that cannot decide would leave every request of this type stuck.
  if (!ROLE_GRANTS[values.approverRole]['approvals:decide']) {
    throw invalid([{ field: 'approverRole', code: 'approver_role_cannot_decide' }]);
  }
  const before = await effectivePolicy(db, ctx.actor.organizationId, approvalType);
  return db.transaction(async (tx) => {
    const row = await repo.upsertPolicy(tx, ctx.actor.organizationId, approvalType, values);
    await recordAudit(tx, ctx, [
      {
        action: 'approval_policy.updated',
        entityType: 'approval_policy',
        entityId: approvalType,
        before,
        after: values,
      },
    ]);
    return row;
  });
}

export { presentApprovals } from './presenter.ts';
