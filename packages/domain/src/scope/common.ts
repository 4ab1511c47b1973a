import type { Executor } from '@mamoru/db';
import * as usersRepo from '@mamoru/db/repositories/users';
import { forbidden, type FieldError } from '../errors.ts';
import { authorize, type Actor } from '../identity/actor.ts';

/**
 * Writes that reach beyond objects a user owns (creating, importing, the
 * organization's structure and scope) need isms:write with reach 'all'. An
 * owner ('own' reach) gets a 403 that says why.
 */
export function authorizeWriteAll(actor: Actor) {
  if (authorize(actor, 'isms:write') !== 'all') {
    throw forbidden('forbidden_reach_all', { permission: 'isms:write' });
  }
}

/** PostgreSQL unique violation: two requests raced past a pre-check. */
export function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A snapshot for the audit trail: the row without its timestamps. */
export function auditable<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** A field error when the user id is not a user of the organization. */
export async function checkUser(
  db: Executor,
  organizationId: string,
  userId: string | null | undefined,
  field: string,
): Promise<FieldError[]> {
  if (!userId) return [];
  const user = await usersRepo.getUser(db, organizationId, userId);
  return user ? [] : [{ field, code: 'reference_not_found' }];
}
