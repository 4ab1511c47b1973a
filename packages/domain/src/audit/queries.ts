import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audit';
import type { AuditEventFilter } from '@mamoru/db/repositories/audit';
import { authorize } from '../identity/actor.ts';
import type { RequestContext } from './trail.ts';
import { verifyAuditChain } from './trail.ts';

export async function listEvents(
  db: Db,
  ctx: RequestContext,
  filter: AuditEventFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  authorize(ctx.actor, 'audit:read');
  return repo.listAuditEvents(db, ctx.actor.organizationId, filter, page);
}

/** All matching events, newest first, a page at a time: for exports that stream. */
export async function* eachEvent(db: Db, ctx: RequestContext, filter: AuditEventFilter) {
  authorize(ctx.actor, 'audit:read');
  let cursor: string | undefined;
  do {
    const page = await repo.listAuditEvents(db, ctx.actor.organizationId, filter, {
      limit: 1000,
      cursor,
    });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function verify(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'audit:verify');
  return verifyAuditChain(db, ctx.actor.organizationId);
}
