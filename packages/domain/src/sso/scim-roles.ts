import type { Executor } from '@mamoru/db';
import * as approvalsRepo from '@mamoru/db/repositories/approvals';
import * as groupsRepo from '@mamoru/db/repositories/scim-groups';
import type { ScimProviderRow } from '@mamoru/db/repositories/scim-users';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { UserRow } from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { isRole, type Role } from '../identity/permissions.ts';
import { PRIVILEGED_ROLES, USER_ENTITY, requestRoleGrant } from '../identity/role-grants.ts';
import { mappedRoles } from './roles.ts';

/**
 * Roles from SCIM groups. The provider's `group_roles` maps group names
 * (compared without regard to letter case) to roles; a user's mapped roles
 * are those of the provider's groups they belong to (`mappedRoles` of
 * roles.ts, shared with OIDC and SAML sign-in). When memberships change:
 * - mapped roles the user lacks are added: ordinary roles at once,
 *   administrator and top management only through a `role_grant` approval
 *   decided by a second person (opened unless a request for the user waits);
 * - an ordinary role is removed when the user leaves the last group that
 *   mapped it, unless the provider's default roles include it. A role the
 *   user held before a group gave it cannot be told apart and is removed too;
 *   administrator and top management are never removed by SCIM (an
 *   administrator does that), nor is anything changed for a deactivated user
 *   or an external auditor (a temporary, read-only role that stays alone).
 */

/** Known roles only; the external auditor needs an expiry SCIM cannot give. */
function provisionable(roles: readonly string[]): Role[] {
  return [...new Set(roles)].filter((r): r is Role => isRole(r) && r !== 'external_auditor');
}

/** The provider's default roles, for a user SCIM creates. */
export function defaultRoles(provider: ScimProviderRow): Role[] {
  return provisionable(provider.defaultRoles);
}

export const isPrivileged = (role: string) => PRIVILEGED_ROLES.includes(role as Role);

/**
 * Asks a second person to grant administrator or top management. The
 * approvals table names a requesting person and the IdP is none: the user
 * the roles are for stands as requester (the actor's name stays the
 * provider's), so they can never decide it themselves.
 */
export async function requestPrivilegedRoles(
  tx: Executor,
  ctx: RequestContext,
  user: UserRow,
  roles: Role[],
) {
  const waiting = roles.filter((r) => isPrivileged(r) && !user.roles.includes(r));
  if (waiting.length === 0 || !user.active) return;
  if (await approvalsRepo.pendingApprovalFor(tx, user.organizationId, USER_ENTITY, user.id)) return;
  await requestRoleGrant(tx, { ...ctx, actor: { ...ctx.actor, userId: user.id } }, user, waiting);
}

export type GroupNames = Map<string, string[]>;

/** The provider's group names of each user, read before a membership change. */
export async function groupNamesOf(
  tx: Executor,
  provider: ScimProviderRow,
  userIds: string[],
): Promise<GroupNames> {
  const groups = await groupsRepo.groupsOfUsers(tx, provider.id, userIds);
  return new Map([...groups].map(([id, list]) => [id, list.map((g) => g.displayName)]));
}

/** After a membership change: brings each affected user's roles in line (rules above). */
export async function applyGroupRoles(
  tx: Executor,
  ctx: RequestContext,
  provider: ScimProviderRow,
  before: GroupNames,
) {
  if (provider.groupRoles.length === 0) return;
  const after = await groupNamesOf(tx, provider, [...before.keys()]);
  const keep = new Set(defaultRoles(provider));
  for (const [userId, names] of after) {
    const prev = mappedRoles(provider, before.get(userId) ?? []);
    const next = mappedRoles(provider, names);
    if (prev.length === next.length && prev.every((r) => next.includes(r))) continue;
    const user = await usersRepo.getUser(tx, provider.organizationId, userId);
    if (!user || !user.active || user.roles.includes('external_auditor')) continue;
    const removed = prev.filter(
      (r) => !next.includes(r) && !keep.has(r) && !isPrivileged(r) && user.roles.includes(r),
    );
    const added = next.filter((r) => !isPrivileged(r) && !user.roles.includes(r));
    let current = user;
    if (removed.length || added.length) {
      const roles = [...user.roles.filter((r) => !removed.includes(r as Role)), ...added];
      current = (await usersRepo.updateUser(tx, provider.organizationId, userId, null, { roles }))!;
      await recordAudit(tx, ctx, [
        {
          action: 'user.updated',
          entityType: USER_ENTITY,
          entityId: userId,
          before: { roles: user.roles },
          after: { roles: current.roles, groups: names },
        },
      ]);
    }
    await requestPrivilegedRoles(tx, ctx, current, next);
  }
}
