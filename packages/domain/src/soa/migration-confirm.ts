import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import * as migRepo from '@mamoru/db/repositories/soa-migration';
import type { SoaEntryUpdate } from '@mamoru/contracts';
import { invalid, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorizeWriteAll } from '../scope/common.ts';
import { SOA_ENTITY, editableDraft, libraryOf, loadSoa } from './common.ts';
import { bump, referenceProblems, valuesOf } from './entries.ts';
import { presentMigrationEntry } from './migration-presenters.ts';
import { presentEntry } from './presenters.ts';

/** The reviewer's confirmation of a migrated entry (see migration.ts). */

/** The migration that drafted this statement, or 404. */
export async function migrationOf(db: Executor, org: string, soaId: string) {
  const migration = await migRepo.migrationOfTarget(db, org, soaId);
  if (!migration) throw notFound('statement migration');
  return migration;
}

/**
 * A reviewer confirms one entry, optionally changing its decision first (the
 * same fields as an entry edit). Under the statement's ETag; bumps it.
 */
export async function confirmMigrationEntry(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  controlId: string,
  expectedVersion: number,
  change: SoaEntryUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const soa = await loadSoa(tx, org, soaId);
    const migration = await migrationOf(tx, org, soaId);
    const state = await migRepo.getMigrationEntry(tx, org, migration.id, controlId);
    if (!state) throw notFound('statement entry');
    const draft = await editableDraft(tx, ctx, soaId, expectedVersion);
    const library = await libraryOf(tx, org, soa);
    const [before] = await repo.listEntries(tx, org, draft.id, library, {
      controlIds: [controlId],
    });
    if (!before) throw notFound('statement entry');
    const problems = await referenceProblems(tx, org, change);
    if (problems.length) throw invalid(problems);
    // A person's confirmation settles the proposal, whether or not they changed it.
    const values = { ...valuesOf(change), proposed: false };
    await repo.updateEntries(tx, org, draft.id, [controlId], values, ctx.actor.userId);
    const confirmed = await migRepo.confirmMigrationEntry(
      tx,
      org,
      migration.id,
      controlId,
      ctx.actor.userId,
    );
    const [after] = await repo.listEntries(tx, org, draft.id, library, { controlIds: [controlId] });
    await recordAudit(tx, ctx, [
      {
        action: 'soa.migration_confirmed',
        entityType: SOA_ENTITY,
        entityId: draft.id,
        before: {
          controlId,
          review: state.review,
          confirmedBy: state.confirmedBy,
          entry: { ...before.entry, updatedAt: undefined },
        },
        after: {
          controlId,
          review: 'confirmed',
          confirmedBy: ctx.actor.userId,
          entry: { ...after!.entry, updatedAt: undefined },
        },
      },
    ]);
    return {
      item: presentMigrationEntry(presentEntry(after!), confirmed!),
      version: await bump(tx, org, draft.id, ctx.actor.userId),
    };
  });
}
