import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audit';
import type { AuditEventFilter } from '@mamoru/db/repositories/audit';
import { confidentialIncidentObjects } from '@mamoru/db/repositories/incidents-access';
import { authorize } from '../identity/actor.ts';
import { incidentAccess } from '../incidents/access.ts';
import type { RequestContext } from './trail.ts';
import { verifyAuditChain } from './trail.ts';

type AuditRow = Awaited<ReturnType<typeof repo.listAuditEvents>>['items'][number];
const INCIDENT_TYPES = new Set(['incident', 'incident_notification']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Events about a confidential incident keep who did what and when, but not what
 * they wrote, for readers who may not see the incident (auditors read the log,
 * not confidential incidents). The stored chain is unchanged.
 */
async function withoutConfidential(db: Db, ctx: RequestContext, rows: AuditRow[]) {
  const ids = rows
    .filter((r) => INCIDENT_TYPES.has(r.entityType) && UUID.test(r.entityId))
    .map((r) => r.entityId);
  if (ids.length === 0) return rows;
  if ((await incidentAccess(db, ctx)).confidential) return rows;
  const hidden = await confidentialIncidentObjects(db, ctx.actor.organizationId, ids);
  if (hidden.size === 0) return rows;
  return rows.map((r) =>
    hidden.has(r.entityId) ? { ...r, before: null, after: { confidential: true } } : r,
  );
}

export async function listEvents(
  db: Db,
  ctx: RequestContext,
  filter: AuditEventFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  authorize(ctx.actor, 'audit:read');
  const result = await repo.listAuditEvents(db, ctx.actor.organizationId, filter, page);
  return { ...result, items: await withoutConfidential(db, ctx, result.items) };
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
    yield* await withoutConfidential(db, ctx, page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function verify(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'audit:verify');
  return verifyAuditChain(db, ctx.actor.organizationId);
}
