import type { Executor } from '@mamoru/db';
import { personUnit, unitsHeadedBy } from '@mamoru/db/repositories/people-access';
import type { RequestContext } from '../audit/trail.ts';
import { forbidden, notFound } from '../errors.ts';
import { authorize, reachOf } from '../identity/actor.ts';
import type { Permission, Reach } from '../identity/permissions.ts';

/**
 * Who reaches whose people and training records, shared by both areas.
 * 'all' reach (the ISMS manager, top management, auditors) reaches everyone;
 * 'own' reach reaches oneself and, for unit heads, the members of the units
 * they head. Managing under 'own' reach never covers one's own records: a
 * person does not vouch for their own competence.
 */

export const PERSON_ENTITY = 'user';

export interface PeopleReach {
  reach: Reach;
  /** Units the caller heads (empty under 'all' reach, where it is not needed). */
  headedUnitIds: string[];
}

/** The caller's reach for a permission of the two areas (403 without it). */
export async function peopleReach(
  db: Executor,
  ctx: RequestContext,
  permission: Permission,
): Promise<PeopleReach> {
  const reach = authorize(ctx.actor, permission);
  if (reach === 'all' || !ctx.actor.userId) return { reach, headedUnitIds: [] };
  return {
    reach,
    headedUnitIds: await unitsHeadedBy(db, ctx.actor.organizationId, ctx.actor.userId),
  };
}

/** Whether the caller reaches the person's records for the permission (no throw). */
export async function reachesPerson(
  db: Executor,
  ctx: RequestContext,
  permission: Permission,
  userId: string,
): Promise<boolean> {
  const reach = reachOf(ctx.actor, permission);
  if (!reach) return false;
  const unit = await personUnit(db, ctx.actor.organizationId, userId);
  if (unit === undefined) return false;
  if (reach === 'all') return true;
  const self = userId === ctx.actor.userId;
  if (self && !permission.endsWith(':manage')) return true;
  if (self || !unit || !ctx.actor.userId) return false;
  return (await unitsHeadedBy(db, ctx.actor.organizationId, ctx.actor.userId)).includes(unit);
}

/** 404 when the person is not of the organization or not readable; else nothing. */
export async function assertReadPerson(
  db: Executor,
  ctx: RequestContext,
  permission: 'people:read' | 'training:read',
  userId: string,
) {
  authorize(ctx.actor, permission);
  if (!(await reachesPerson(db, ctx, permission, userId))) throw notFound(PERSON_ENTITY);
}

/** 404 when not readable, 403 when readable but not manageable by the caller. */
export async function assertManagePerson(
  db: Executor,
  ctx: RequestContext,
  permission: 'people:manage' | 'training:manage',
  userId: string,
) {
  authorize(ctx.actor, permission);
  const read = permission === 'people:manage' ? 'people:read' : 'training:read';
  if (!(await reachesPerson(db, ctx, read, userId))) throw notFound(PERSON_ENTITY);
  if (!(await reachesPerson(db, ctx, permission, userId))) {
    throw forbidden('forbidden_not_owner', { permission });
  }
}

/** The register-wide manage permission (roles, jobs, requirements, courses): 'all' reach only. */
export function authorizeRegister(
  ctx: RequestContext,
  permission: 'people:manage' | 'training:manage',
) {
  if (authorize(ctx.actor, permission) !== 'all') throw forbidden('forbidden', { permission });
}
