import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import type { EntryValues } from '@mamoru/db/repositories/soa';
import type { SoaEntryUpdate } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorizeWriteAll, checkUser } from '../scope/common.ts';
import {
  SOA_ENTITY,
  draftFromRiskWork,
  editableDraft,
  isFrozen,
  libraryOf,
  loadSoa,
  withCounts,
} from './common.ts';
import { presentEntry } from './presenters.ts';

/**
 * Decisions on entries: one at a time, in bulk, or redrafted from the risk
 * work. Every change applies to the open draft (starting one after approval)
 * under the ETag of the latest version, and bumps it.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** The column values of a change; a person's decision confirms a proposal. */
export function valuesOf(change: SoaEntryUpdate): EntryValues {
  const values: EntryValues = {};
  for (const [key, value] of Object.entries(change)) {
    if (value !== undefined) (values as Record<string, unknown>)[key] = value;
  }
  if (change.applicable !== undefined || change.reasons !== undefined) values.proposed = false;
  // Selecting a control drops an earlier exclusion's justification unless one is sent.
  if (change.applicable === true) {
    values.exclusionReason ??= '';
    values.riskAcceptedBy ??= null;
    values.riskAcceptedOn ??= null;
  }
  if (change.riskAcceptedBy && !change.riskAcceptedOn) values.riskAcceptedOn = today();
  return values;
}

export async function referenceProblems(tx: Executor, org: string, change: SoaEntryUpdate) {
  const problems: FieldError[] = [];
  problems.push(...(await checkUser(tx, org, change.riskAcceptedBy, 'riskAcceptedBy')));
  problems.push(...(await checkUser(tx, org, change.ownerUserId, 'ownerUserId')));
  return problems;
}

export async function bump(tx: Executor, org: string, versionId: string, userId: string | null) {
  const row = await repo.updateVersion(tx, org, versionId, null, { updatedBy: userId });
  const [version] = await withCounts(tx, org, [row!]);
  return version!;
}

async function refuseFrozenTarget(tx: Executor, org: string, soaId: string, versionId?: string) {
  if (!versionId) return;
  const target = await repo.getVersion(tx, org, versionId);
  if (!target || target.soaId !== soaId) throw notFound('statement version');
  if (await isFrozen(tx, target)) throw conflict('soa_version_frozen', { number: target.number });
}

/** Changes one entry; `versionId`, when sent, must be the open draft (a frozen one is refused). */
export async function updateEntry(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  controlId: string,
  expectedVersion: number,
  change: SoaEntryUpdate,
  versionId?: string,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const soa = await loadSoa(tx, org, soaId);
    await refuseFrozenTarget(tx, org, soaId, versionId);
    const draft = await editableDraft(tx, ctx, soaId, expectedVersion);
    const library = await libraryOf(tx, org, soa);
    const [before] = await repo.listEntries(tx, org, draft.id, library, {
      controlIds: [controlId],
    });
    if (!before) throw notFound('statement entry');
    const problems = await referenceProblems(tx, org, change);
    if (problems.length) throw invalid(problems);
    await repo.updateEntries(tx, org, draft.id, [controlId], valuesOf(change), ctx.actor.userId);
    const [after] = await repo.listEntries(tx, org, draft.id, library, { controlIds: [controlId] });
    await recordAudit(tx, ctx, [
      {
        action: 'soa.entry_updated',
        entityType: SOA_ENTITY,
        entityId: draft.id,
        before: { ...before.entry, updatedAt: undefined },
        after: { ...after!.entry, updatedAt: undefined },
      },
    ]);
    return {
      entry: presentEntry(after!),
      version: await bump(tx, org, draft.id, ctx.actor.userId),
    };
  });
}

/** The same decision for many controls: one update and one batch of audit events. */
export async function bulkUpdate(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  expectedVersion: number,
  input: { controlIds: string[]; change: SoaEntryUpdate },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await loadSoa(tx, org, soaId);
    const draft = await editableDraft(tx, ctx, soaId, expectedVersion);
    const problems = await referenceProblems(tx, org, input.change);
    if (problems.length) throw invalid(problems);
    const ids = [...new Set(input.controlIds)];
    const updated = await repo.updateEntries(
      tx,
      org,
      draft.id,
      ids,
      valuesOf(input.change),
      ctx.actor.userId,
    );
    const missing = ids.filter((id) => !updated.includes(id));
    if (missing.length) {
      throw invalid(
        missing.map((id) => ({
          field: `controlIds.${ids.indexOf(id)}`,
          code: 'soa_control_unknown',
        })),
      );
    }
    await recordAudit(
      tx,
      ctx,
      updated.map((controlId) => ({
        action: 'soa.entry_updated',
        entityType: SOA_ENTITY,
        entityId: draft.id,
        after: { controlId, ...input.change, bulk: true },
      })),
    );
    return { updated: updated.length, version: await bump(tx, org, draft.id, ctx.actor.userId) };
  });
}

/** Drafts again from the current risk work; decisions people made are kept. */
export async function redraft(db: Db, ctx: RequestContext, soaId: string, expectedVersion: number) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const soa = await loadSoa(tx, org, soaId);
    const draft = await editableDraft(tx, ctx, soaId, expectedVersion);
    const changed = await draftFromRiskWork(tx, org, soa, draft.id);
    await recordAudit(tx, ctx, [
      {
        action: 'soa.redrafted',
        entityType: SOA_ENTITY,
        entityId: draft.id,
        after: { changed },
      },
    ]);
    const version = await bump(tx, org, draft.id, ctx.actor.userId);
    if (!version) throw staleVersion();
    return { updated: changed.length, version };
  });
}
