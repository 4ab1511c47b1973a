import type { Db, Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import type { UserFactorRow } from '@mamoru/db/repositories/authentication';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { Factor, FactorList } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { DomainError, conflict, notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { issueRecoveryCodes } from './recovery.ts';
import { mfaRequiredFor, policyOf } from './policy.ts';

export function presentFactor(row: UserFactorRow): Factor {
  return {
    id: row.id,
    kind: row.kind as Factor['kind'],
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A user's factors, codes left and whether the policy binds them (no secrets). */
export async function factorListOf(
  db: Executor,
  organizationId: string,
  user: { id: string; roles: readonly string[] },
): Promise<FactorList> {
  const [rows, left, policy] = await Promise.all([
    authRepo.listFactors(db, organizationId, user.id),
    authRepo.countUnusedRecoveryCodes(db, organizationId, user.id),
    authRepo.getAuthPolicy(db, organizationId),
  ]);
  return {
    items: rows.map(presentFactor),
    recoveryCodesLeft: left,
    mfaRequired: mfaRequiredFor(policyOf(policy), user.roles),
  };
}

function ownUserId(ctx: RequestContext) {
  if (!ctx.actor.userId || ctx.actor.kind !== 'user')
    throw new DomainError('forbidden', 'forbidden');
  return ctx.actor.userId;
}

export async function listMyFactors(db: Db, ctx: RequestContext) {
  const userId = ownUserId(ctx);
  return factorListOf(db, ctx.actor.organizationId, { id: userId, roles: ctx.actor.roles });
}

/**
 * Removes one of the caller's factors. The last one stays while the policy
 * requires MFA of them (`mfa_last_factor`); once none is left the recovery
 * codes go too, as they stand in for a factor that no longer exists.
 */
export async function removeMyFactor(db: Db, ctx: RequestContext, factorId: string) {
  const userId = ownUserId(ctx);
  const organizationId = ctx.actor.organizationId;
  const policy = policyOf(await authRepo.getAuthPolicy(db, organizationId));
  await db.transaction(async (tx) => {
    const factor = await authRepo.getFactor(tx, organizationId, userId, factorId);
    if (!factor) throw notFound('factor');
    const confirmed = await authRepo.countConfirmedFactors(tx, organizationId, userId);
    const last = confirmed <= 1 && factor.confirmedAt !== null;
    if (last && mfaRequiredFor(policy, ctx.actor.roles)) throw conflict('mfa_last_factor');
    await authRepo.deleteFactor(tx, organizationId, factorId);
    if (last) await authRepo.deleteRecoveryCodes(tx, organizationId, userId);
    await recordAudit(tx, ctx, [
      {
        action: 'factor.removed',
        entityType: 'user_factor',
        entityId: factorId,
        before: { userId, kind: factor.kind, label: factor.label },
      },
    ]);
  });
}

/** New recovery codes for the caller (the old ones void); only for a user with a factor. */
export async function regenerateRecoveryCodes(db: Db, ctx: RequestContext) {
  const userId = ownUserId(ctx);
  return db.transaction(async (tx) => {
    if ((await authRepo.countConfirmedFactors(tx, ctx.actor.organizationId, userId)) === 0) {
      throw conflict('mfa_no_factor');
    }
    return issueRecoveryCodes(tx, ctx, userId);
  });
}

/** An administrator's view of a user's factors (no secrets). */
export async function listUserFactors(db: Db, ctx: RequestContext, userId: string) {
  authorize(ctx.actor, 'users:manage');
  const user = await usersRepo.getUser(db, ctx.actor.organizationId, userId);
  if (!user) throw notFound('user');
  return factorListOf(db, ctx.actor.organizationId, user);
}
