import type { Executor } from '@mamoru/db';
import * as approvalsRepo from '@mamoru/db/repositories/approvals';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { UserRow } from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { isRole, type Role } from '../identity/permissions.ts';
import { PRIVILEGED_ROLES, requestRoleGrant } from '../identity/role-grants.ts';

/**
 * Roles from an identity provider's groups (OIDC groups claim, SAML
 * attribute, SCIM group membership) through the provider's `group_roles`.
 * Group names compare without regard to case or surrounding spaces (IdPs differ
 * in how they spell them). The external auditor's role is never mapped: it is
 * temporary and read-only, granted by hand with an expiry.
 */
export function mappedRoles(
  provider: Pick<IdentityProviderRow, 'groupRoles'>,
  groups: readonly string[],
): Role[] {
  const held = new Set(groups.map((g) => g.trim().toLowerCase()));
  const roles = provider.groupRoles
    .filter((m) => held.has(m.group.trim().toLowerCase()))
    .flatMap((m) => m.roles);
  return [...new Set(roles)].filter((r): r is Role => isRole(r) && r !== 'external_auditor');
}

export interface MappedRolesOutcome {
  user: UserRow;
  /** Applied at once. */
  added: Role[];
  /** Privileged roles now waiting for a second person (a `role_grant` request). */
  requested: Role[];
}

/**
 * Adds the roles an IdP maps to a user who lacks them. Non-privileged roles
 * apply at once; administrator and top management never do: they open a
 * `role_grant` request that another administrator or top manager decides,
 * unless a request about the user is already pending. Roles the mapping does
 * not name are never removed here. An external auditor gets nothing (the role
 * stays alone). `ctx.actor` must name a user: it is the request's requester,
 * who then cannot approve it (SSO passes the signing-in user).
 */
export async function applyMappedRoles(
  tx: Executor,
  ctx: RequestContext,
  user: UserRow,
  roles: readonly Role[],
  via: { providerId: string; providerName: string },
): Promise<MappedRolesOutcome> {
  const missing = roles.filter((r) => !user.roles.includes(r) && r !== 'external_auditor');
  if (missing.length === 0 || user.roles.includes('external_auditor')) {
    return { user, added: [], requested: [] };
  }
  const added = missing.filter((r) => !PRIVILEGED_ROLES.includes(r));
  let waiting = missing.filter((r) => PRIVILEGED_ROLES.includes(r));
  let current = user;
  if (added.length) {
    const next = [...user.roles, ...added];
    current =
      (await usersRepo.updateUser(tx, user.organizationId, user.id, null, { roles: next })) ?? user;
    await recordAudit(tx, ctx, [
      {
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        before: { roles: user.roles },
        after: { roles: next, via: via.providerName, providerId: via.providerId },
      },
    ]);
  }
  if (waiting.length) {
    const pending = await approvalsRepo.pendingApprovalFor(
      tx,
      user.organizationId,
      'user',
      user.id,
    );
    if (pending) waiting = [];
    else await requestRoleGrant(tx, ctx, current, waiting);
  }
  return { user: current, added, requested: waiting };
}
