import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/views';
import type { SavedViewArea, SavedViewCreate, SavedViewUpdate } from '@mamoru/contracts';
import { DomainError, invalid, notFound, staleVersion } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, type Actor } from '../identity/actor.ts';
import type { Permission } from '../identity/permissions.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';

/**
 * Saved views of a list (filters, sort, columns). Each belongs to the user who
 * saved it: the repository filters by organization and user, so another
 * user's view is simply not found. Reading the list itself needs the area's
 * permission, so does keeping views of it.
 */

const AREA_PERMISSION: Record<SavedViewArea, Permission> = { assets: 'isms:read' };

/** The user behind the request (a session or the user's API token); the system has no views. */
function ownerOf(actor: Actor, area: SavedViewArea) {
  authorize(actor, AREA_PERMISSION[area]);
  if (!actor.userId) throw new DomainError('forbidden', 'saved_views_user_only');
  return actor.userId;
}

const nameTaken = (error: unknown): never => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'name', code: 'view_name_taken' }]);
  throw error;
};

const entry = (action: 'created' | 'updated' | 'deleted', id: string) => ({
  action: `saved_view.${action}` as const,
  entityType: 'saved_view' as const,
  entityId: id,
});

export async function listViews(
  db: Db,
  ctx: RequestContext,
  area: SavedViewArea,
  page: { limit: number; cursor?: string | undefined },
) {
  const userId = ownerOf(ctx.actor, area);
  return repo.listSavedViews(db, ctx.actor.organizationId, userId, area, page);
}

export async function createView(db: Db, ctx: RequestContext, input: SavedViewCreate) {
  const userId = ownerOf(ctx.actor, input.area);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const row = await repo.insertSavedView(tx, {
        organizationId: org,
        userId,
        area: input.area,
        name: input.name,
        definition: input.definition,
      });
      await recordAudit(tx, ctx, [{ ...entry('created', row.id), after: auditable(row) }]);
      return row;
    })
    .catch(nameTaken);
}

/** A view of the caller's: `area` is only known from the row, so the permission check follows the read. */
async function ownView(db: Executor, ctx: RequestContext, id: string) {
  if (!ctx.actor.userId) throw new DomainError('forbidden', 'saved_views_user_only');
  const row = await repo.getSavedView(db, ctx.actor.organizationId, ctx.actor.userId, id);
  if (!row) throw notFound('saved view');
  ownerOf(ctx.actor, row.area as SavedViewArea);
  return { row, userId: ctx.actor.userId };
}

export async function updateView(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: SavedViewUpdate,
) {
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const { row: before, userId } = await ownView(tx, ctx, id);
      const after = await repo.updateSavedView(tx, org, userId, id, expectedVersion, input);
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        { ...entry('updated', id), ...diff(auditable(before), auditable(after)) },
      ]);
      return after;
    })
    .catch(nameTaken);
}

export async function deleteView(db: Db, ctx: RequestContext, id: string, expectedVersion: number) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { userId } = await ownView(tx, ctx, id);
    const row = await repo.deleteSavedView(tx, org, userId, id, expectedVersion);
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [{ ...entry('deleted', id), before: auditable(row) }]);
    return row;
  });
}
