import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/approvals';
import { conflict, invalid } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { ROLE_GRANTS, type Role } from '../identity/permissions.ts';
import { openApprovalRequest, registerApprovalHandler } from './service.ts';
import { APPROVAL_TYPES, effectivePolicy } from './types.ts';

/**
 * Who approves what (approval policies). A change is itself a request that
 * top management approves, never the requester (type `approval_policy`,
 * fixed in code); it applies on approval and only to requests made after.
 */

export const POLICY_ENTITY = 'approval_policy';

interface PolicyValues {
  approverRole: Role;
  segregateAuthor: boolean;
}

/** Every configurable type's policy in force, and the change waiting for approval, if any. */
export async function listPolicies(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'approvals:read');
  const org = ctx.actor.organizationId;
  const types = Object.keys(APPROVAL_TYPES);
  const pending = await repo.pendingOfType(db, org, 'approval_policy', types);
  return Promise.all(
    types.map(async (type) => {
      const waiting = pending.find((a) => a.entityId === type);
      const proposal = waiting?.proposal as PolicyValues | undefined;
      return {
        ...(await effectivePolicy(db, org, type)),
        pendingChange:
          waiting && proposal
            ? {
                approvalId: waiting.id,
                approverRole: proposal.approverRole,
                segregateAuthor: proposal.segregateAuthor,
              }
            : null,
      };
    }),
  );
}

/** Asks top management to approve a change of one type's policy; nothing changes until then. */
export async function requestPolicyChange(
  db: Db,
  ctx: RequestContext,
  approvalType: string,
  values: PolicyValues,
) {
  authorize(ctx.actor, 'approvals:configure');
  if (!APPROVAL_TYPES[approvalType]) {
    throw invalid([
      { field: 'type', code: 'approval_type_unknown', params: { type: approvalType } },
    ]);
  }
  // A role that cannot decide would leave every request of this type stuck.
  if (!ROLE_GRANTS[values.approverRole]['approvals:decide']) {
    throw invalid([{ field: 'approverRole', code: 'approver_role_cannot_decide' }]);
  }
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const current = await effectivePolicy(tx, org, approvalType);
    if (
      current.approverRole === values.approverRole &&
      current.segregateAuthor === values.segregateAuthor
    ) {
      throw conflict('approval_policy_unchanged');
    }
    const approval = await openApprovalRequest(tx, ctx, {
      approvalType: 'approval_policy',
      entityType: POLICY_ENTITY,
      entityId: approvalType,
      entityVersion: 1,
      // The stored title is the English fallback; the web app words it per language.
      title: `Approval policy change: ${approvalType}`,
      authorId: ctx.actor.userId,
      proposal: { ...values, before: current },
    });
    await recordAudit(tx, ctx, [
      {
        action: 'approval_policy.change_requested',
        entityType: POLICY_ENTITY,
        entityId: approvalType,
        before: { ...current },
        after: { ...values, approvalId: approval.id },
      },
    ]);
    return {
      ...current,
      pendingChange: { approvalId: approval.id, ...values },
    };
  });
}

registerApprovalHandler(POLICY_ENTITY, {
  async onDecided(tx, ctx, approval) {
    if (approval.status !== 'approved' || approval.approvalType !== 'approval_policy') return;
    const proposal = approval.proposal as unknown as PolicyValues;
    const before = await effectivePolicy(tx, approval.organizationId, approval.entityId);
    const values = {
      approverRole: proposal.approverRole,
      segregateAuthor: proposal.segregateAuthor,
    };
    await repo.upsertPolicy(tx, approval.organizationId, approval.entityId, values);
    await recordAudit(tx, ctx, [
      {
        action: 'approval_policy.updated',
        entityType: POLICY_ENTITY,
        entityId: approval.entityId,
        before: { ...before },
        after: { ...values, approvalId: approval.id },
      },
    ]);
  },
});
