import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-roles';
import type { MyRole } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { authorize, can } from '../identity/actor.ts';
import { ASSIGNMENT_ENTITY, loadAssignment } from './assignments.ts';
import { presentMyRole } from './roles-presenters.ts';

/**
 * A role holder acknowledges the responsibilities of their role (5.1.d,
 * 5.2.2): the acknowledgement records which version of the role they read,
 * so a later change of the role asks them again. Only the assignee
 * acknowledges, and only while the assignment is current.
 */

/** Whoever takes part in training or reads the people area sees their own roles. */
function authorizeOwnRoles(ctx: RequestContext) {
  if (!ctx.actor.userId) throw forbidden('forbidden', { permission: 'training:take' });
  if (!can(ctx.actor, 'training:take') && !can(ctx.actor, 'people:read')) {
    throw forbidden('forbidden', { permission: 'training:take' });
  }
  return ctx.actor.userId;
}

/** GET /my-roles: the caller's current assignments of active roles, with the roles' texts. */
export async function myRoles(db: Db, ctx: RequestContext): Promise<MyRole[]> {
  const userId = authorizeOwnRoles(ctx);
  const org = ctx.actor.organizationId;
  const assignments = await repo.currentAssignmentsOfUser(db, org, userId);
  const roles = await repo.rolesByIds(db, org, [...new Set(assignments.map((a) => a.roleId))]);
  const byId = new Map(roles.map((r) => [r.id, r]));
  return assignments.map((a) => presentMyRole(a, byId.get(a.roleId)!));
}

/** Acknowledging is taking part (training:take, never the external auditor's); one's own only. */
export async function acknowledgeAssignment(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'training:take');
  const userId = authorizeOwnRoles(ctx);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getAssignmentRow(tx, org, id, true);
    if (!before) throw notFound(ASSIGNMENT_ENTITY);
    if (before.userId !== userId) throw forbidden('role_acknowledge_not_assignee');
    const view = await repo.getAssignment(tx, org, id);
    if (!view?.current) throw conflict('role_assignment_not_current');
    const role = await repo.getRoleRow(tx, org, before.roleId);
    if (!role?.active) throw conflict('isms_role_inactive');
    const updated = await repo.updateAssignment(tx, org, id, null, {
      acknowledgedAt: new Date(),
      acknowledgedRoleVersion: role.version,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'isms_role_assignment.acknowledged',
        entityType: ASSIGNMENT_ENTITY,
        entityId: id,
        before: {
          acknowledgedAt: before.acknowledgedAt,
          acknowledgedRoleVersion: before.acknowledgedRoleVersion,
        },
        after: {
          acknowledgedAt: updated!.acknowledgedAt,
          acknowledgedRoleVersion: updated!.acknowledgedRoleVersion,
        },
      },
    ]);
    return loadAssignment(tx, org, id);
  });
}
