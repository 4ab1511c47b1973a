import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/assets';
import type { AssetFilter, AssetOrder, AssetRow, NewAsset } from '@mamoru/db/repositories/assets';
import * as auditRepo from '@mamoru/db/repositories/audit';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { AssetCreate, AssetUpdate, PartyRef } from '@mamoru/contracts';
import { forbidden, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';
import { recomputeForAssets } from '../risks/register.ts';
import { ciaChanged, ciaProblems, deriveAssetValue } from './values.ts';

/**
 * The asset inventory (annex 5.1): register, details, dependencies, history
 * and bulk changes. Owners ('own' reach of isms:write) change only assets they
 * own as a user; creating and importing assets needs 'all' reach.
 */

export const ASSET_ENTITY = 'asset';
type Page = { limit: number; cursor?: string | undefined };

async function partyProblems(
  db: Executor,
  org: string,
  party: PartyRef | null | undefined,
  field: string,
): Promise<FieldError[]> {
  if (!party) return [];
  const found =
    party.type === 'user'
      ? await usersRepo.getUser(db, org, party.id)
      : await scopeRepo.getOrgUnit(db, org, party.id);
  return found ? [] : [{ field, code: 'reference_not_found' }];
}

/** Every reference of the input must be an object of the actor's organization. */
async function referenceProblems(
  db: Executor,
  org: string,
  input: Partial<AssetCreate>,
): Promise<FieldError[]> {
  const problems = [
    ...(await partyProblems(db, org, input.owner, 'owner')),
    ...(await partyProblems(db, org, input.custodian, 'custodian')),
    ...ciaProblems(input),
  ];
  if (input.orgUnitId && !(await scopeRepo.getOrgUnit(db, org, input.orgUnitId))) {
    problems.push({ field: 'orgUnitId', code: 'reference_not_found' });
  }
  if (input.locationId && !(await scopeRepo.getLocation(db, org, input.locationId))) {
    problems.push({ field: 'locationId', code: 'reference_not_found' });
  }
  if (
    input.classificationId &&
    !(await repo.getClassificationLevel(db, org, input.classificationId))
  ) {
    problems.push({ field: 'classificationId', code: 'reference_not_found' });
  }
  return problems;
}

const partyColumns = (prefix: 'owner' | 'custodian', p: PartyRef | null) => ({
  [`${prefix}UserId`]: p?.type === 'user' ? p.id : null,
  [`${prefix}UnitId`]: p?.type === 'unit' ? p.id : null,
});

/** The columns an input sets (undefined leaves a column as it is). */
function columnsOf(input: Partial<AssetCreate>): Partial<NewAsset> {
  const { owner, custodian, ...rest } = input;
  return {
    ...rest,
    ...(owner ? partyColumns('owner', owner) : {}),
    ...(custodian !== undefined ? partyColumns('custodian', custodian) : {}),
  };
}

const codeTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw invalid([{ field: 'code', code: 'code_taken' }]);
  throw error;
};

export async function createAsset(db: Db, ctx: RequestContext, input: AssetCreate) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const problems = await referenceProblems(tx, org, input);
      if (problems.length) throw invalid(problems);
      const cia = {
        confidentiality: input.confidentiality ?? null,
        integrity: input.integrity ?? null,
        availability: input.availability ?? null,
      };
      const row = await repo.insertAsset(tx, {
        ...(columnsOf(input) as NewAsset),
        ...cia,
        value: deriveAssetValue(cia),
        organizationId: org,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'asset.created',
          entityType: ASSET_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getAssetView(tx, org, row.id))!;
    })
    .catch(codeTaken);
}

export async function getAsset(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getAssetView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('asset');
  return row;
}

export async function listAssets(
  db: Db,
  ctx: RequestContext,
  filter: AssetFilter,
  order: AssetOrder,
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  return repo.listAssets(db, ctx.actor.organizationId, filter, order, page);
}

/** The whole filtered register in order, a page at a time, for exports that stream. */
export function eachAsset(db: Db, ctx: RequestContext, filter: AssetFilter, order: AssetOrder) {
  authorize(ctx.actor, 'isms:read');
  return repo.eachAsset(db, ctx.actor.organizationId, filter, order);
}

/** Loads the asset for a change and checks the actor may change it (owners: their own). */
async function assetForChange(tx: Executor, ctx: RequestContext, id: string): Promise<AssetRow> {
  const row = await repo.getAsset(tx, ctx.actor.organizationId, id, true);
  if (!row) throw notFound('asset');
  authorizeObject(ctx.actor, 'isms:write', row.ownerUserId);
  return row;
}

export async function updateAsset(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: AssetUpdate,
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const before = await assetForChange(tx, ctx, id);
      const problems = await referenceProblems(tx, org, input);
      if (problems.length) throw invalid(problems);
      const cia = {
        confidentiality:
          input.confidentiality !== undefined ? input.confidentiality : before.confidentiality,
        integrity: input.integrity !== undefined ? input.integrity : before.integrity,
        availability: input.availability !== undefined ? input.availability : before.availability,
      };
      const after = await repo.updateAsset(tx, org, id, expectedVersion, {
        ...columnsOf(input),
        value: deriveAssetValue(cia),
      });
      if (!after) throw staleVersion();
      if (ciaChanged(before, after)) await recomputeForAssets(tx, org, [id]);
      await recordAudit(tx, ctx, [
        {
          action: 'asset.updated',
          entityType: ASSET_ENTITY,
          entityId: id,
          ...diff(auditable(before), auditable(after)),
        },
      ]);
      return (await repo.getAssetView(tx, org, id))!;
    })
    .catch(codeTaken);
}

export async function getDependencies(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const asset = await repo.getAsset(db, org, id);
  if (!asset) throw notFound('asset');
  const outgoing = await repo.outgoingDependencies(db, org, id);
  const incoming = await repo.incomingDependencies(db, org, id);
  return { asset, outgoing, incoming };
}

/** Replaces what the asset depends on; the edges belong to the asset and bump its version. */
export async function replaceDependencies(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  items: { type: string; assetId: string }[],
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await assetForChange(tx, ctx, id);
    const problems: FieldError[] = [];
    const existing = await repo.existingAssetIds(
      tx,
      org,
      items.map((i) => i.assetId),
    );
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = `${item.type}:${item.assetId}`;
      if (item.assetId === id)
        problems.push({ field: `items.${i}.assetId`, code: 'dependency_self' });
      else if (!existing.has(item.assetId)) {
        problems.push({ field: `items.${i}.assetId`, code: 'reference_not_found' });
      } else if (seen.has(key)) {
        problems.push({ field: `items.${i}`, code: 'dependency_duplicate' });
      }
      seen.add(key);
    });
    if (problems.length) throw invalid(problems);
    const before = await repo.outgoingDependencies(tx, org, id);
    const bumped = await repo.updateAsset(tx, org, id, expectedVersion, {});
    if (!bumped) throw staleVersion();
    await repo.replaceDependencies(
      tx,
      org,
      id,
      items.map((i) => ({ type: i.type, targetAssetId: i.assetId })),
    );
    const after = await repo.outgoingDependencies(tx, org, id);
    const edge = (d: { type: string; assetId: string; code: string }) => ({
      type: d.type,
      assetId: d.assetId,
      code: d.code,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'asset.dependencies_updated',
        entityType: ASSET_ENTITY,
        entityId: id,
        before: { dependencies: before.map(edge), version: expectedVersion },
        after: { dependencies: after.map(edge), version: bumped.version },
      },
    ]);
    return {
      asset: bumped,
      outgoing: after,
      incoming: await repo.incomingDependencies(tx, org, id),
    };
  });
}

/** The asset's full history: its audit events, newest first. */
export async function assetHistory(db: Db, ctx: RequestContext, id: string, page: Page) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  if (!(await repo.getAsset(db, org, id))) throw notFound('asset');
  return auditRepo.listAuditEvents(db, org, { entityType: ASSET_ENTITY, entityId: id }, page);
}

/**
 * Changes the owner and/or classification of a selection of assets in one
 * set-based UPDATE, with one batch of audit events. All or nothing: an id that
 * is not an asset of the organization, or (for owners) not their own, refuses
 * the whole change.
 */
export async function bulkUpdate(
  db: Db,
  ctx: RequestContext,
  input: {
    ids: string[];
    owner?: PartyRef | undefined;
    classificationId?: string | null | undefined;
  },
) {
  const reach = authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  if (!input.owner && input.classificationId === undefined) {
    throw invalid([{ field: 'owner', code: 'bulk_nothing_to_change' }]);
  }
  const ids = [...new Set(input.ids)];
  return db.transaction(async (tx) => {
    const locked = await repo.lockAssets(tx, org, ids);
    if (locked.length !== ids.length) throw notFound('asset');
    if (
      reach === 'own' &&
      locked.some((a) => !a.ownerUserId || a.ownerUserId !== ctx.actor.userId)
    ) {
      throw forbidden('forbidden_not_owner', { permission: 'isms:write' });
    }
    const problems = await referenceProblems(tx, org, {
      owner: input.owner,
      classificationId: input.classificationId ?? undefined,
    });
    if (problems.length) throw invalid(problems);
    const changed = await repo.bulkUpdateAssets(tx, org, ids, {
      ...(input.owner
        ? {
            owner: {
              userId: input.owner.type === 'user' ? input.owner.id : null,
              unitId: input.owner.type === 'unit' ? input.owner.id : null,
            },
          }
        : {}),
      ...(input.classificationId !== undefined ? { classificationId: input.classificationId } : {}),
    });
    await recordAudit(
      tx,
      ctx,
      changed.map((c) => ({
        action: 'asset.updated',
        entityType: ASSET_ENTITY,
        entityId: c.id,
        ...diff({ ...c.before, version: c.version - 1 }, { ...c.after, version: c.version }),
      })),
    );
    return { updated: changed.length };
  });
}
