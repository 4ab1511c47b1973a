import { forbidden } from '../errors.ts';
import type { Grants, Permission, Reach, Role } from './permissions.ts';

/** Who is acting: a signed-in user, an API token of a user, or the system itself. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  organizationId: string;
  displayName: string;
  roles: readonly Role[];
  grants: Grants;
  /** The language the person reads; server messages follow it. */
  locale?: 'ja' | 'en';
}

export function systemActor(organizationId: string): Actor {
  return {
    kind: 'system',
    userId: null,
    organizationId,
    displayName: 'system',
    roles: [],
    grants: {},
  };
}

export function reachOf(actor: Actor, permission: Permission): Reach | undefined {
  if (actor.kind === 'system') return 'all';
  return actor.grants[permission];
}

export function can(actor: Actor, permission: Permission): boolean {
  return reachOf(actor, permission) !== undefined;
}

/** Throws 403 unless the actor holds the permission (at any reach). */
export function authorize(actor: Actor, permission: Permission): Reach {
  const reach = reachOf(actor, permission);
  if (!reach) throw forbidden('forbidden', { permission });
  return reach;
}

/** For 'own' reach: the object must belong to the actor. */
export function authorizeObject(
  actor: Actor,
  permission: Permission,
  ownerUserId: string | null | undefined,
) {
  const reach = authorize(actor, permission);
  if (reach === 'own' && (!ownerUserId || ownerUserId !== actor.userId)) {
    throw forbidden('forbidden_not_owner', { permission });
  }
}
