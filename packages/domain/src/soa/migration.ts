import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import * as migRepo from '@mamoru/db/repositories/soa-migration';
import type { SoaMigrationRow } from '@mamoru/db/repositories/soa-migration';
import type {
  SoaMigration,
  SoaMigrationEntry,
  SoaMigrationFilter,
  SoaMigrationStatus,
} from '@mamoru/contracts';
import { conflict } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeWriteAll, isUniqueViolation } from '../scope/common.ts';
import { SOA_ENTITY, libraryOf, loadSoa } from './common.ts';
import {
  MIGRATION_SOURCE_LIBRARY_ID as SOURCE,
  MIGRATION_TARGET_LIBRARY_ID as TARGET,
  migrationRules,
} from './migration-mapping.ts';
import { migrationOf } from './migration-confirm.ts';
import { presentMigration, presentMigrationEntry } from './migration-presenters.ts';
import { prefillEntry, progressOf, type SourceDecision } from './migration-rules.ts';
import { presentEntry } from './presenters.ts';

export { confirmMigrationEntry } from './migration-confirm.ts';

/**
 * The migration assistant: drafts an ISO/IEC 27001:2022 statement from the
 * Ver.2.0 statement in force, then a reviewer confirms it entry by entry. The
 * draft is an ordinary statement of the 2022 library, so editing, versions
 * and approval are the statement's own; approval waits until no entry awaits
 * review (see reviewBlockers in service.ts). The Ver.2.0 statement stays in
 * force, and stays the conformity evidence, until the new one is approved.
 */

/** The title the draft gets when none is given, in the author's language. */
export function defaultMigrationTitle(locale: 'ja' | 'en' | undefined, scopeNumber: number) {
  return locale === 'ja'
    ? `適用宣言書 ISO/IEC 27001:2022（適用範囲 第${scopeNumber}版）`
    : `Statement of Applicability, ISO/IEC 27001:2022 (scope v${scopeNumber})`;
}

async function describe(db: Executor, org: string, migration: SoaMigrationRow) {
  const source = await repo.getVersion(db, org, migration.sourceVersionId);
  const rows = await migRepo.listMigrationEntries(db, org, migration.id);
  return presentMigration(migration, source?.number ?? 0, progressOf(rows));
}

/** What there is to migrate from, and the draft already made, if any. */
export async function migrationStatus(db: Db, ctx: RequestContext): Promise<SoaMigrationStatus> {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const source = await migRepo.inForceSoa(db, org, SOURCE);
  const migration = source
    ? await migRepo.migrationFromSource(db, org, source.soaId, TARGET)
    : null;
  return {
    source: source
      ? {
          soaId: source.soaId,
          title: source.title,
          libraryId: source.libraryId,
          versionId: source.versionId,
          versionNumber: source.versionNumber,
          approvedAt: source.approvedAt ? source.approvedAt.toISOString() : null,
        }
      : null,
    migration: migration ? await describe(db, org, migration) : null,
    targetLibraryId: TARGET,
  };
}

/**
 * Drafts the 2022 statement from the Ver.2.0 one in force. Idempotent: when a
 * draft was already made from that statement, it is returned (created false).
 */
export async function draftMigration(
  db: Db,
  ctx: RequestContext,
  input: { title?: string | undefined },
): Promise<{ created: boolean; migration: SoaMigration }> {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  const existing = async () => {
    const source = await migRepo.inForceSoa(db, org, SOURCE);
    const found = source && (await migRepo.migrationFromSource(db, org, source.soaId, TARGET));
    return found ? { created: false, migration: await describe(db, org, found) } : null;
  };
  const before = await existing();
  if (before) return before;
  const rules = await migrationRules(SOURCE, TARGET);
  const migration = await db
    .transaction((tx) => draftIn(tx, ctx, input, rules))
    .catch(async (error: unknown) => {
      // Two drafts raced past the check above: the loser returns the winner's.
      if (isUniqueViolation(error)) {
        const won = await existing();
        if (won) return won.migration;
      }
      throw error;
    });
  return { created: true, migration };
}

async function draftIn(
  tx: Executor,
  ctx: RequestContext,
  input: { title?: string | undefined },
  rules: Awaited<ReturnType<typeof migrationRules>>,
) {
  const org = ctx.actor.organizationId;
  const user = ctx.actor.userId;
  const source = await migRepo.inForceSoa(tx, org, SOURCE);
  if (!source) throw conflict('soa_migration_no_source');
  const targetLibrary = await repo.libraryUuid(tx, org, TARGET);
  if (!targetLibrary || rules.rows.length === 0) {
    throw conflict('soa_migration_unavailable', { library: TARGET });
  }
  const sourceSoa = await loadSoa(tx, org, source.soaId);
  const soa = await repo.insertSoa(tx, {
    organizationId: org,
    scopeVersionId: source.scopeVersionId,
    libraryId: TARGET,
    title: input.title ?? defaultMigrationTitle(ctx.actor.locale, sourceSoa.scopeVersionNumber),
    createdBy: user,
  });
  const version = await repo.insertVersion(tx, {
    organizationId: org,
    soaId: soa.id,
    number: 1,
    status: 'draft',
    createdBy: user,
    updatedBy: user,
  });
  await repo.insertCatalogEntries(tx, org, version.id, targetLibrary);
  const targets = await repo.listEntries(tx, org, version.id, targetLibrary);
  const sourceEntries = await repo.listEntries(
    tx,
    org,
    source.versionId,
    await libraryOf(tx, org, sourceSoa),
  );
  const decisions = new Map<string, SourceDecision>(
    sourceEntries.map((row) => {
      const e = presentEntry(row);
      return [e.controlId, e];
    }),
  );
  const prefilled = targets.map((t) =>
    prefillEntry(t.entry.controlId, rules.rows, decisions, rules.newControls),
  );
  await migRepo.applyMigratedEntries(tx, org, version.id, prefilled, user);
  const migration = await migRepo.insertMigration(tx, {
    organizationId: org,
    sourceSoaId: source.soaId,
    sourceVersionId: source.versionId,
    targetSoaId: soa.id,
    targetLibraryId: TARGET,
    createdBy: user,
  });
  await migRepo.insertMigrationEntries(
    tx,
    prefilled.map((p) => ({
      migrationId: migration.id,
      organizationId: org,
      controlId: p.controlId,
      sources: p.sources,
      reviewReasons: p.reviewReasons,
      review: p.review,
      confirmedBy: null,
    })),
  );
  const progress = progressOf(prefilled.map((p) => ({ ...p, confirmedBy: null })));
  await recordAudit(tx, ctx, [
    {
      action: 'soa.migration_drafted',
      entityType: SOA_ENTITY,
      entityId: version.id,
      after: {
        soaId: soa.id,
        libraryId: TARGET,
        sourceSoaId: source.soaId,
        sourceVersionId: source.versionId,
        progress,
      },
    },
  ]);
  return presentMigration(migration, source.versionNumber, progress);
}

/** The migrated statement's entries with their sources and review state, optionally filtered. */
export async function listMigrationEntries(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  q: { filter?: SoaMigrationFilter | undefined },
) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const soa = await loadSoa(db, org, soaId);
  const migration = await migrationOf(db, org, soaId);
  const latest = await repo.latestVersion(db, org, soaId);
  const rows = await repo.listEntries(db, org, latest!.id, await libraryOf(db, org, soa));
  const states = await migRepo.listMigrationEntries(db, org, migration.id);
  const byControl = new Map(states.map((s) => [s.controlId, s]));
  const all = rows.map((r) =>
    presentMigrationEntry(presentEntry(r), byControl.get(r.entry.controlId)),
  );
  const items = all.filter((e) => matches(e, q.filter));
  const mapped = new Set(states.flatMap((s) => s.sources.map((x) => x.controlId)));
  const source = await loadSoa(db, org, migration.sourceSoaId);
  const sourceRows = await repo.listEntries(
    db,
    org,
    migration.sourceVersionId,
    await libraryOf(db, org, source),
  );
  const unmapped = sourceRows
    .map(presentEntry)
    .filter((e) => !mapped.has(e.controlId))
    .map((e) => ({ controlId: e.controlId, displayId: e.displayId, applicable: e.applicable }));
  return { migration: await describe(db, org, migration), items, unmapped };
}

function matches(e: SoaMigrationEntry, filter: SoaMigrationFilter | undefined) {
  if (filter === 'needs_review') return e.review === 'pending';
  if (filter === 'confirmed') return e.review === 'confirmed';
  if (filter === 'new') return e.reviewReasons.includes('new_control');
  return true;
}
