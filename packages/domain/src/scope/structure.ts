import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/scope';
import type { z } from 'zod';
import type {
  locationCreateSchema,
  locationUpdateSchema,
  orgUnitCreateSchema,
  orgUnitUpdateSchema,
} from '@mamoru/contracts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, checkUser, isUniqueViolation } from './common.ts';

/**
 * The organization's structure: organization units and locations, each a tree.
 * Both are referenced by assets and the scope, so they are deactivated rather
 * than deleted.
 */

type Page = { limit: number; cursor?: string | undefined };
const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

/** A parent must exist in the organization and must not lie below the node (no cycles). */
async function parentProblems(
  db: Executor,
  organizationId: string,
  nodeId: string | null,
  parentId: string | null | undefined,
  exists: (db: Executor, org: string, id: string) => Promise<unknown>,
  ancestors: (db: Executor, org: string, id: string) => Promise<string[]>,
): Promise<FieldError[]> {
  if (!parentId) return [];
  if (!(await exists(db, organizationId, parentId))) {
    return [{ field: 'parentId', code: 'reference_not_found' }];
  }
  if (nodeId && (await ancestors(db, organizationId, parentId)).includes(nodeId)) {
    return [{ field: 'parentId', code: 'parent_cycle' }];
  }
  return [];
}

const codeTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'code', code: 'code_taken' }]);
  throw error;
};

// ---- organization units ------------------------------------------------------

export async function createOrgUnit(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof orgUnitCreateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const problems = [
        ...(await parentProblems(
          tx,
          org,
          null,
          input.parentId,
          repo.getOrgUnit,
          repo.orgUnitAncestors,
        )),
        ...(await checkUser(tx, org, input.managerUserId, 'managerUserId')),
      ];
      if (problems.length) throw invalid(problems);
      const row = await repo.insertOrgUnit(tx, {
        organizationId: org,
        code: input.code,
        name: input.name,
        description: input.description,
        parentId: input.parentId ?? null,
        managerUserId: input.managerUserId ?? null,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'org_unit.created',
          entityType: 'org_unit',
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return row;
    })
    .catch(codeTaken);
}

export async function getOrgUnit(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getOrgUnit(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('organization unit');
  return row;
}

export async function listOrgUnits(
  db: Db,
  ctx: RequestContext,
  q: {
    q?: string | undefined;
    parentId?: string | undefined;
    roots?: 'true' | 'false' | undefined;
    active?: 'true' | 'false' | undefined;
  } & Page,
) {
  authorize(ctx.actor, 'isms:read');
  return repo.listOrgUnits(
    db,
    ctx.actor.organizationId,
    { q: q.q, parentId: q.parentId, roots: flag(q.roots), active: flag(q.active) },
    q,
  );
}

export async function updateOrgUnit(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof orgUnitUpdateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getOrgUnit(tx, org, id);
      if (!before) throw notFound('organization unit');
      const problems = [
        ...(await parentProblems(
          tx,
          org,
          id,
          input.parentId,
          repo.getOrgUnit,
          repo.orgUnitAncestors,
        )),
        ...(await checkUser(tx, org, input.managerUserId, 'managerUserId')),
      ];
      if (problems.length) throw invalid(problems);
      const after = await repo.updateOrgUnit(tx, org, id, expectedVersion, input);
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'org_unit.updated',
          entityType: 'org_unit',
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return after;
    })
    .catch(codeTaken);
}

// ---- locations -------------------------------------------------------------------

export async function createLocation(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof locationCreateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const problems = await parentProblems(
        tx,
        org,
        null,
        input.parentId,
        repo.getLocation,
        repo.locationAncestors,
      );
      if (problems.length) throw invalid(problems);
      const row = await repo.insertLocation(tx, {
        organizationId: org,
        code: input.code,
        name: input.name,
        kind: input.kind,
        address: input.address,
        description: input.description,
        parentId: input.parentId ?? null,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'location.created',
          entityType: 'location',
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return row;
    })
    .catch(codeTaken);
}

export async function getLocation(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getLocation(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('location');
  return row;
}

export async function listLocations(
  db: Db,
  ctx: RequestContext,
  q: {
    q?: string | undefined;
    kind?: string | undefined;
    parentId?: string | undefined;
    roots?: 'true' | 'false' | undefined;
    active?: 'true' | 'false' | undefined;
  } & Page,
) {
  authorize(ctx.actor, 'isms:read');
  return repo.listLocations(
    db,
    ctx.actor.organizationId,
    { q: q.q, kind: q.kind, parentId: q.parentId, roots: flag(q.roots), active: flag(q.active) },
    q,
  );
}

export async function updateLocation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof locationUpdateSchema>,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await repo.getLocation(tx, org, id);
      if (!before) throw notFound('location');
      const problems = await parentProblems(
        tx,
        org,
        id,
        input.parentId,
        repo.getLocation,
        repo.locationAncestors,
      );
      if (problems.length) throw invalid(problems);
      const after = await repo.updateLocation(tx, org, id, expectedVersion, input);
      if (!after) throw staleVersion();
      await recordAudit(tx, ctx, [
        {
          action: 'location.updated',
          entityType: 'location',
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return after;
    })
    .catch(codeTaken);
}
