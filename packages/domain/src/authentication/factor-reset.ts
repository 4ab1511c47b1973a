import type { Db, Executor } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { UserRow } from '@mamoru/db/repositories/users';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { openApprovalRequest, registerApprovalHandler } from '../approvals/service.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { PRIVILEGED_ROLES } from '../identity/role-grants.ts';

/**
 * An administrator resets a user's second factors when the user lost them:
 * every factor and recovery code is deleted and every session of the user
 * ends, so the next sign-in enrols afresh. Resetting an administrator's or top
 * management's factors would let one administrator take over another's
 * account, so for them it waits for a second person (approval `mfa_reset`).
 */

/** The approval's object: the set of a user's factors (entity id = the user's id). */
export const FACTORS_ENTITY = 'user_factors';

async function applyReset(tx: Executor, ctx: RequestContext, user: UserRow, approvalId?: string) {
  const org = user.organizationId;
  const factors = await authRepo.deleteUserFactors(tx, org, user.id);
  const sessions = await sessionsRepo.deleteUserSessions(tx, org, user.id);
  await recordAudit(tx, ctx, [
    {
      action: 'factor.reset',
      entityType: 'user',
      entityId: user.id,
      before: { factors: factors.map((f) => f.kind) },
      after: { sessions: sessions.length, approvalId: approvalId ?? null },
    },
  ]);
}

export async function resetUserFactors(db: Db, ctx: RequestContext, userId: string) {
  authorize(ctx.actor, 'users:manage');
  return db.transaction(async (tx) => {
    const user = await usersRepo.getUser(tx, ctx.actor.organizationId, userId);
    if (!user) throw notFound('user');
    const privileged = user.roles.some((r) => PRIVILEGED_ROLES.includes(r as never));
    if (!privileged || ctx.actor.kind === 'system') {
      await applyReset(tx, ctx, user);
      return { status: 'reset' as const, approval: null };
    }
    const approval = await openApprovalRequest(tx, ctx, {
      approvalType: 'mfa_reset',
      entityType: FACTORS_ENTITY,
      entityId: user.id,
      entityVersion: user.version,
      // The stored title is the English fallback; the web words it per language.
      title: `Sign-in factor reset: ${user.displayName}`,
      authorId: ctx.actor.userId,
      proposal: { userName: user.displayName },
    });
    await recordAudit(tx, ctx, [
      {
        action: 'factor.reset_requested',
        entityType: 'user',
        entityId: user.id,
        after: { approvalId: approval.id },
      },
    ]);
    return { status: 'pending' as const, approval };
  });
}

registerApprovalHandler(FACTORS_ENTITY, {
  async onDecided(tx, ctx, approval) {
    if (approval.status !== 'approved' || approval.approvalType !== 'mfa_reset') return;
    const user = await usersRepo.getUser(tx, approval.organizationId, approval.entityId);
    if (user) await applyReset(tx, ctx, user, approval.id);
  },
});
