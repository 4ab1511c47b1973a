import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import type { AuthPolicyInput, AuthPolicyView } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { DEFAULT_AUTH_POLICY } from './policy.ts';

/** The policy as the API shows it; version 1 stands for the defaults (no row yet). */
export async function getAuthPolicyView(db: Db, ctx: RequestContext): Promise<AuthPolicyView> {
  authorize(ctx.actor, 'organization:manage');
  const row = await authRepo.getAuthPolicy(db, ctx.actor.organizationId);
  if (!row) return { ...DEFAULT_AUTH_POLICY, version: 1, updatedAt: null };
  return {
    mfaRequired: row.mfaRequired as AuthPolicyView['mfaRequired'],
    mfaRoles: row.mfaRoles,
    stepUpMinutes: row.stepUpMinutes,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Changes who must use a second factor and the step-up window. Sessions
 * already open keep their stage; the policy applies from each user's next
 * sign-in (a user bound anew then enrols).
 */
export async function updateAuthPolicy(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  input: AuthPolicyInput,
) {
  authorize(ctx.actor, 'organization:manage');
  const organizationId = ctx.actor.organizationId;
  const before = await getAuthPolicyView(db, ctx);
  await db.transaction(async (tx) => {
    const values = {
      mfaRequired: input.mfaRequired,
      mfaRoles: [...new Set(input.mfaRoles)],
      stepUpMinutes: input.stepUpMinutes,
    };
    const row = await authRepo.saveAuthPolicy(tx, organizationId, expectedVersion, values);
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'auth_policy.changed',
        entityType: 'auth_policy',
        entityId: organizationId,
        before: {
          mfaRequired: before.mfaRequired,
          mfaRoles: before.mfaRoles,
          stepUpMinutes: before.stepUpMinutes,
        },
        after: values,
      },
    ]);
  });
  return getAuthPolicyView(db, ctx);
}
