import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/soa';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import { pendingReviewIds } from '@mamoru/db/repositories/soa-migration';
import type { SoaFilter } from '@mamoru/contracts';
import { DomainError, conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { authorizeWriteAll, checkUser, isUniqueViolation } from '../scope/common.ts';
import { SCOPE_LIBRARY_ID } from '../scope/service.ts';
import {
  SOA_ENTITY,
  draftFromRiskWork,
  isFrozen,
  libraryOf,
  loadSoa,
  versionOf,
  withCounts,
} from './common.ts';
import { presentEntry, presentSoa, presentSoaVersion } from './presenters.ts';
import { blockersOf, diffEntries } from './rules.ts';
import { reviewBlockers } from './migration-rules.ts';

/**
 * The Statement of Applicability (4.2.1.h): one per scope version, versioned
 * like the scope. Version 1 starts with one entry per control drafted from
 * the risk work; approval (type `soa`) freezes a version and the next edit
 * starts a new draft.
 */

type Page = { limit: number; cursor?: string | undefined };

async function view(db: Db, org: string, id: string) {
  const soa = await loadSoa(db, org, id);
  const latest = await versionOf(db, org, id);
  const approved = await repo.approvedVersion(db, org, id);
  const rows = approved && approved.id !== latest.id ? [latest, approved] : [latest];
  const [current, other] = await withCounts(db, org, rows);
  return presentSoa({
    soa,
    current: current!,
    approved: approved ? (approved.id === latest.id ? current! : other!) : null,
  });
}

/** The title a statement gets when its author names none, in the author's language. */
export function defaultSoaTitle(locale: 'ja' | 'en' | undefined, scopeNumber: number) {
  return locale === 'ja'
    ? `適用宣言書（適用範囲 第${scopeNumber}版）`
    : `Statement of Applicability (scope v${scopeNumber})`;
}

export async function getSoa(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  return view(db, ctx.actor.organizationId, id);
}

export async function listSoas(db: Db, ctx: RequestContext, page: Page) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const result = await repo.listSoas(db, org, page);
  const items = [];
  for (const row of result.items) items.push(await view(db, org, row.id));
  return { items, nextCursor: result.nextCursor };
}

/** Starts the statement of a scope version (the latest when none is named), drafted from risks. */
export async function createSoa(
  db: Db,
  ctx: RequestContext,
  input: { scopeVersionId?: string | undefined; title?: string | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  const id = await db
    .transaction(async (tx) => {
      const scope = input.scopeVersionId
        ? await scopeRepo.getScopeVersion(tx, org, input.scopeVersionId)
        : await scopeRepo.latestScopeVersion(tx, org);
      if (!scope) throw invalid([{ field: 'scopeVersionId', code: 'soa_scope_required' }]);
      const soa = await repo.insertSoa(tx, {
        organizationId: org,
        scopeVersionId: scope.id,
        libraryId: SCOPE_LIBRARY_ID,
        title: input.title ?? defaultSoaTitle(ctx.actor.locale, scope.number),
        createdBy: ctx.actor.userId,
      });
      const version = await repo.insertVersion(tx, {
        organizationId: org,
        soaId: soa.id,
        number: 1,
        status: 'draft',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      const full = { ...soa, scopeVersionNumber: scope.number };
      const drafted = await draftFromRiskWork(tx, org, full, version.id);
      await recordAudit(tx, ctx, [
        {
          action: 'soa.created',
          entityType: SOA_ENTITY,
          entityId: version.id,
          after: { soaId: soa.id, scopeVersionId: scope.id, number: 1, drafted },
        },
      ]);
      return soa.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('soa_exists');
      throw error;
    });
  return view(db, org, id);
}

export async function listVersions(db: Db, ctx: RequestContext, soaId: string, page: Page) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  await loadSoa(db, org, soaId);
  const result = await repo.listVersions(db, org, soaId, page);
  return { items: await withCounts(db, org, result.items), nextCursor: result.nextCursor };
}

/** The entries of a version (the latest by default) in catalog order, optionally filtered. */
async function entriesOf(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  q: { version?: string | undefined; filter?: SoaFilter | undefined },
) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const soa = await loadSoa(db, org, soaId);
  const version = await versionOf(db, org, soaId, q.version);
  const rows = await repo.listEntries(db, org, version.id, await libraryOf(db, org, soa), {
    filter: q.filter,
  });
  return { version, items: rows.map(presentEntry) };
}

export async function listEntries(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  q: { version?: string | undefined; filter?: SoaFilter | undefined },
) {
  const { version, items } = await entriesOf(db, ctx, soaId, q);
  return { version: presentSoaVersion(version), items };
}

/** What blocks submission of a version (the latest by default). */
export async function validate(db: Db, ctx: RequestContext, soaId: string, versionId?: string) {
  const { items } = await entriesOf(db, ctx, soaId, { version: versionId });
  // A migrated statement also waits for its reviewer (see migration.ts).
  const pending = await pendingReviewIds(db, ctx.actor.organizationId, soaId);
  const blockers = [...blockersOf(items), ...reviewBlockers(items, pending)];
  return { ok: blockers.length === 0, blockers };
}

/** Submits a draft for approval (type `soa`); refused with the blockers while any remain. */
export async function requestSoaApproval(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  versionId: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const soa = await loadSoa(tx, org, soaId);
    const row = await repo.getVersion(tx, org, versionId, true);
    if (!row || row.soaId !== soaId) throw notFound('statement version');
    if (await isFrozen(tx, row)) throw conflict('soa_version_frozen', { number: row.number });
    if (row.status === 'pending') throw conflict('soa_approval_pending');
    if (row.version !== expectedVersion) throw staleVersion();
    const entries = await repo.listEntries(tx, org, row.id, await libraryOf(tx, org, soa));
    const presented = entries.map(presentEntry);
    const pending = await pendingReviewIds(tx, org, soaId);
    const blockers = [...blockersOf(presented), ...reviewBlockers(presented, pending)];
    if (blockers.length) {
      throw new DomainError(
        'validation',
        'soa_blocked',
        { count: blockers.length },
        blockers.map((b) => ({
          field: `entries.${b.controlId}`,
          code: `soa_${b.code}`,
          params: { control: b.displayId },
        })),
      );
    }
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'soa',
      entityType: SOA_ENTITY,
      entityId: row.id,
      entityVersion: row.number,
      title: soa.title,
      authorId: row.updatedBy ?? row.createdBy ?? ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    await repo.updateVersion(tx, org, row.id, null, { status: 'pending', approvalId: approval.id });
    await recordAudit(tx, ctx, [
      {
        action: 'soa.approval_requested',
        entityType: SOA_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'pending', approvalId: approval.id },
      },
    ]);
  });
  return view(db, org, soaId);
}

/** Which controls changed between two versions of the statement, and how. */
export async function diffVersions(
  db: Db,
  ctx: RequestContext,
  soaId: string,
  fromId: string,
  toId: string,
) {
  const from = await entriesOf(db, ctx, soaId, { version: fromId });
  const to = await entriesOf(db, ctx, soaId, { version: toId });
  return {
    from: { id: from.version.id, number: from.version.number },
    to: { id: to.version.id, number: to.version.number },
    changes: diffEntries(from.items, to.items),
  };
}

// Approval freezes the version and supersedes the one before; a rejected or
// withdrawn request reopens the draft.
registerApprovalHandler(SOA_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getVersion(tx, org, approval.entityId, true);
    if (!row || row.number !== approval.entityVersion) return;
    const approved = approval.status === 'approved';
    if (approved) {
      await repo.supersedeApproved(tx, org, row.soaId, row.id);
      await repo.updateVersion(tx, org, row.id, null, {
        status: 'approved',
        approvalId: approval.id,
        approvedBy: approval.decidedBy,
        approvedAt: approval.decidedAt ?? new Date(),
      });
    } else {
      await repo.updateVersion(tx, org, row.id, null, { status: 'draft', approvalId: null });
    }
    await recordAudit(tx, ctx, [
      {
        action: approved ? 'soa.approved' : 'soa.reopened',
        entityType: SOA_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: approved ? 'approved' : 'draft', approvalId: approval.id },
      },
    ]);
  },
});
