import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/events';
import type { IsmsEventView } from '@mamoru/db/repositories/events';
import type { IsmsEvent, IsmsEventCategory, IsmsEventListQuery } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';

/** The ISMS event log (4.2.3.f) as people read it: everyone with isms:read sees all of it. */

export async function listIsmsEvents(db: Db, ctx: RequestContext, q: IsmsEventListQuery) {
  authorize(ctx.actor, 'isms:read');
  const { limit, cursor, ...filter } = q;
  return repo.listIsmsEvents(db, ctx.actor.organizationId, filter, { limit, cursor });
}

export async function getIsmsEvent(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getIsmsEvent(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('isms_event');
  return row;
}

export function presentIsmsEvent(row: IsmsEventView): IsmsEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    category: row.category as IsmsEventCategory,
    source: row.source as 'auto' | 'manual',
    action: row.action,
    entity: row.entityType && row.entityId ? { type: row.entityType, id: row.entityId } : null,
    title: row.title,
    description: row.description,
    impact: row.impact,
    recordedBy: row.recordedBy
      ? { id: row.recordedBy, displayName: row.recordedByName ?? '' }
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}
