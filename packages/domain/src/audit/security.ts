import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/security';
import type { SecurityEventFilter } from '@mamoru/db/repositories/security';
import { findUserByEmail } from '@mamoru/db/repositories/users';
import type { SecurityEventKind } from '@mamoru/contracts';
import { authorize } from '../identity/actor.ts';
import type { RequestContext } from './trail.ts';

/** What the server saw of one refused or failed request. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  organizationId: string;
  userId: string | null;
  account: string | null;
  address: string;
  method: string;
  route: string;
  status: number;
  reason: string;
  requestId: string | null;
}

/** Written by the server for the request, not by a person: no permission applies. */
export async function recordSecurityEvent(db: Db, event: SecurityEventInput) {
  await repo.insertSecurityEvent(db, event);
}

/**
 * The organization and user behind the account a log-in attempt named, if
 * one exists: a failed log-in for a known account belongs to its organization.
 */
export async function accountOf(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  return user ? { organizationId: user.organizationId, userId: user.id } : null;
}

export async function listSecurityEvents(
  db: Db,
  ctx: RequestContext,
  filter: SecurityEventFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  authorize(ctx.actor, 'audit:read');
  return repo.listSecurityEvents(db, ctx.actor.organizationId, filter, page);
}
