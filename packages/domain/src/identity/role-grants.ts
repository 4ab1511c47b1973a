import type { Executor } from '@mamoru/db';
import * as approvalsRepo from '@mamoru/db/repositories/approvals';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { UserRow } from '@mamoru/db/repositories/users';
import type { User } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { openApprovalRequest, registerApprovalHandler } from '../approvals/service.ts';
import type { Role } from './permissions.ts';
import { presentUser } from './presenters.ts';

/**
 * Granting top management or administrator needs a second administrator's or
 * top management's approval (type `role_grant`, fixed in code), except during
 * first-run set-up: until the first top management member is appointed, an
 * administrator appoints others directly (never themself). The system actor
 * (the machine operator's CLI, the demo) is not bound: it has the database anyway.
 */

export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'top_management'];
export const USER_ENTITY = 'user';

/** The roles to apply now and the privileged ones that wait for a second person. */
export async function splitRoleGrant(
  db: Executor,
  ctx: RequestContext,
  targetUserId: string | null,
  before: readonly string[],
  requested: readonly Role[],
): Promise<{ now: Role[]; waiting: Role[] }> {
  const added = requested.filter((r) => PRIVILEGED_ROLES.includes(r) && !before.includes(r));
  if (added.length === 0 || ctx.actor.kind === 'system')
    return { now: [...requested], waiting: [] };
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const inSetup = !org?.setupCompletedAt && targetUserId !== ctx.actor.userId;
  if (inSetup) return { now: [...requested], waiting: [] };
  return { now: requested.filter((r) => !added.includes(r)), waiting: added };
}

/** After roles changed: appointing the first top management member ends first-run set-up. */
export async function noteRolesApplied(tx: Executor, organizationId: string, roles: string[]) {
  if (roles.includes('top_management')) await orgs.completeSetup(tx, organizationId);
}

/** Opens the request for the waiting roles of a user (inside the caller's transaction). */
export async function requestRoleGrant(
  tx: Executor,
  ctx: RequestContext,
  user: UserRow,
  roles: Role[],
) {
  const approval = await openApprovalRequest(tx, ctx, {
    approvalType: 'role_grant',
    entityType: USER_ENTITY,
    entityId: user.id,
    entityVersion: user.version,
    // The stored title is the English fallback; the web app words it per language.
    title: `Role grant: ${roles.join(', ')} to ${user.displayName}`,
    authorId: ctx.actor.userId,
    proposal: { roles, userName: user.displayName },
  });
  await recordAudit(tx, ctx, [
    {
      action: 'user.role_grant_requested',
      entityType: USER_ENTITY,
      entityId: user.id,
      after: { roles, approvalId: approval.id },
    },
  ]);
  return approval;
}

/** Users as the API shows them, with any role grant waiting for approval (one query). */
export async function presentUsers(
  db: Executor,
  organizationId: string,
  rows: UserRow[],
): Promise<User[]> {
  const pending = await approvalsRepo.pendingOfType(
    db,
    organizationId,
    'role_grant',
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const grant = pending.find((a) => a.entityId === row.id);
    const roles = (grant?.proposal?.roles ?? []) as Role[];
    return {
      ...presentUser(row),
      pendingRoleGrant: grant ? { approvalId: grant.id, roles } : null,
    };
  });
}

registerApprovalHandler(USER_ENTITY, {
  async onDecided(tx, ctx, approval) {
    if (approval.status !== 'approved' || approval.approvalType !== 'role_grant') return;
    const org = approval.organizationId;
    const user = await usersRepo.getUser(tx, org, approval.entityId);
    const roles = (approval.proposal?.roles ?? []) as Role[];
    // An external auditor stays alone in their role; a deactivated user gets nothing.
    if (!user || !user.active || user.roles.includes('external_auditor')) {
      await recordAudit(tx, ctx, [
        {
          action: 'user.role_grant_void',
          entityType: USER_ENTITY,
          entityId: approval.entityId,
          after: { roles, approvalId: approval.id },
        },
      ]);
      return;
    }
    const next = [...new Set([...user.roles, ...roles])];
    await usersRepo.updateUser(tx, org, user.id, null, { roles: next });
    await noteRolesApplied(tx, org, next);
    await recordAudit(tx, ctx, [
      {
        action: 'user.role_granted',
        entityType: USER_ENTITY,
        entityId: user.id,
        before: { roles: user.roles },
        after: { roles: next, approvalId: approval.id },
      },
    ]);
  },
});
