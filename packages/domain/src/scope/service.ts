import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/scope';
import type { ScopeVersionRow } from '@mamoru/db/repositories/scope';
import { flattenControls, shippedLibrary } from '@mamoru/catalog';
import type { ScopeContent, ScopeVersionUpdate } from '@mamoru/contracts';
import {
  DomainError,
  conflict,
  invalid,
  notFound,
  staleVersion,
  type FieldError,
} from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import {
  isVersionApproved,
  registerApprovalHandler,
  requestApproval,
} from '../approvals/service.ts';
import { authorizeWriteAll, checkUser, isUniqueViolation } from './common.ts';
import { exclusionProblems } from './exclusions.ts';

/**
 * The ISMS scope (4.2.1.a), versioned. The latest version is the scope being
 * worked on: a draft is edited in place; once approved (approval type
 * `scope`, decided by top management unless configured otherwise) a version
 * is frozen and the next edit starts a new draft version.
 */

export const SCOPE_ENTITY = 'scope';
/** The library whose annex controls a scope may exclude. */
export const SCOPE_LIBRARY_ID = 'jipdec-isms-2.0';

let annexIds: Promise<ReadonlySet<string>> | undefined;
/** The IDs of the annex controls of the shipped criteria (read once). */
export function annexControlIds(): Promise<ReadonlySet<string>> {
  annexIds ??= shippedLibrary(SCOPE_LIBRARY_ID).then((lib) => {
    if (!lib) throw new Error(`shipped library ${SCOPE_LIBRARY_ID} missing`);
    return new Set(flattenControls(lib).map((c) => c.control.id));
  });
  return annexIds;
}

type Page = { limit: number; cursor?: string | undefined };
type Exclusion = ScopeContent['exclusions'][number];

const today = () => new Date().toISOString().slice(0, 10);

async function contentProblems(tx: Executor, org: string, c: ScopeContent) {
  const problems: FieldError[] = [];
  const units = await repo.existingOrgUnitIds(tx, org, c.orgUnitIds);
  c.orgUnitIds.forEach((id, i) => {
    if (!units.has(id)) problems.push({ field: `orgUnitIds.${i}`, code: 'reference_not_found' });
  });
  const places = await repo.existingLocationIds(tx, org, c.locationIds);
  c.locationIds.forEach((id, i) => {
    if (!places.has(id)) problems.push({ field: `locationIds.${i}`, code: 'reference_not_found' });
  });
  problems.push(...exclusionProblems(c.exclusions, await annexControlIds()));
  for (const [i, e] of c.exclusions.entries()) {
    if (problems.some((p) => p.field.startsWith(`exclusions.${i}.`))) continue;
    problems.push(
      ...(await checkUser(tx, org, e.riskAcceptedBy, `exclusions.${i}.riskAcceptedBy`)),
    );
  }
  return problems;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

function columnsOf(c: ScopeContent) {
  return {
    businessActivities: c.businessActivities,
    orgUnitIds: unique(c.orgUnitIds),
    organizationNote: c.organizationNote,
    locationIds: unique(c.locationIds),
    locationNote: c.locationNote,
    assetCategories: unique(c.assetCategories),
    assetNote: c.assetNote,
    technology: c.technology,
    boundaries: c.boundaries,
    interfaces: c.interfaces,
  };
}

function exclusionRows(items: Exclusion[]) {
  return items.map((e) => ({
    controlId: e.id.trim(),
    reason: e.reason.trim(),
    riskAcceptedBy: e.riskAcceptedBy!,
    riskAcceptedOn: e.riskAcceptedOn ?? today(),
  }));
}

/** A version with its exclusions, as the API and the audit trail show it. */
export interface ScopeVersionView extends ScopeVersionRow {
  exclusions: {
    controlId: string;
    reason: string;
    riskAcceptedBy: string;
    riskAcceptedOn: string;
  }[];
}

async function view(db: Executor, row: ScopeVersionRow): Promise<ScopeVersionView> {
  const exclusions = await repo.scopeExclusionsOf(db, row.organizationId, row.id);
  return {
    ...row,
    exclusions: exclusions.map((e) => ({
      controlId: e.controlId,
      reason: e.reason,
      riskAcceptedBy: e.riskAcceptedBy,
      riskAcceptedOn: e.riskAcceptedOn,
    })),
  };
}

/** The content fields of a version (what an edit changes and the audit trail diffs). */
function contentOf(v: ScopeVersionView) {
  return {
    number: v.number,
    status: v.status,
    businessActivities: v.businessActivities,
    orgUnitIds: v.orgUnitIds,
    organizationNote: v.organizationNote,
    locationIds: v.locationIds,
    locationNote: v.locationNote,
    assetCategories: v.assetCategories,
    assetNote: v.assetNote,
    technology: v.technology,
    boundaries: v.boundaries,
    interfaces: v.interfaces,
    exclusions: v.exclusions,
    version: v.version,
  };
}

function asInput(v: ScopeVersionView): ScopeContent {
  return {
    businessActivities: v.businessActivities,
    orgUnitIds: v.orgUnitIds,
    organizationNote: v.organizationNote,
    locationIds: v.locationIds,
    locationNote: v.locationNote,
    assetCategories: v.assetCategories as ScopeContent['assetCategories'],
    assetNote: v.assetNote,
    technology: v.technology,
    boundaries: v.boundaries,
    interfaces: v.interfaces.map((i) => ({ name: i.name, description: i.description })),
    exclusions: v.exclusions.map((e) => ({
      namespace: 'control' as const,
      id: e.controlId,
      reason: e.reason,
      riskAcceptedBy: e.riskAcceptedBy,
      riskAcceptedOn: e.riskAcceptedOn,
    })),
  };
}

async function frozen(tx: Executor, row: ScopeVersionRow) {
  return (
    row.status === 'approved' ||
    row.status === 'superseded' ||
    (await isVersionApproved(tx, row.organizationId, SCOPE_ENTITY, row.id, row.number))
  );
}

/** The version being worked on (the latest) and the approved version in force. */
export async function getScope(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const latest = await repo.latestScopeVersion(db, org);
  const approved = await repo.approvedScopeVersion(db, org);
  const current = latest ? await view(db, latest) : null;
  return {
    current,
    approved:
      approved && approved.id === latest?.id ? current : approved && (await view(db, approved)),
  };
}

export async function getScopeVersion(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getScopeVersion(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('scope version');
  return view(db, row);
}

export async function listScopeVersions(
  db: Db,
  ctx: RequestContext,
  q: { status?: string | undefined } & Page,
) {
  authorize(ctx.actor, 'isms:read');
  return repo.listScopeVersions(db, ctx.actor.organizationId, q, q);
}

/**
 * Replaces the content of the scope. `expectedVersion` is the ETag of the
 * latest version, or null to create the first version (If-None-Match: *).
 * A draft changes in place; after approval this starts the next version.
 */
export async function putScope(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number | null,
  content: ScopeContent,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  const userId = ctx.actor.userId;
  return db
    .transaction(async (tx) => {
      const latest = await repo.latestScopeVersion(tx, org, true);
      if (expectedVersion === null && latest) {
        throw new DomainError('precondition_failed', 'scope_exists');
      }
      if (expectedVersion !== null && (!latest || latest.version !== expectedVersion)) {
        throw staleVersion();
      }
      if (latest?.status === 'pending') throw conflict('scope_approval_pending');
      const problems = await contentProblems(tx, org, content);
      if (problems.length) throw invalid(problems);

      if (latest && latest.status === 'draft' && !(await frozen(tx, latest))) {
        const before = await view(tx, latest);
        const updated = await repo.updateScopeVersion(tx, org, latest.id, latest.version, {
          ...columnsOf(content),
          updatedBy: userId,
        });
        if (!updated) throw staleVersion();
        await repo.replaceScopeExclusions(tx, org, latest.id, exclusionRows(content.exclusions));
        const after = await view(tx, updated);
        await recordAudit(tx, ctx, [
          {
            action: 'scope.updated',
            entityType: SCOPE_ENTITY,
            entityId: latest.id,
            ...diff(contentOf(before), contentOf(after)),
          },
        ]);
        return after;
      }
      // No version yet, or the latest is approved: the edit makes the next draft version.
      const created = await repo.insertScopeVersion(tx, {
        organizationId: org,
        number: (latest?.number ?? 0) + 1,
        status: 'draft',
        ...columnsOf(content),
        createdBy: userId,
        updatedBy: userId,
        // ETags continue across versions, so an old one never matches the new draft.
        version: (latest?.version ?? 0) + 1,
      });
      await repo.replaceScopeExclusions(tx, org, created.id, exclusionRows(content.exclusions));
      const after = await view(tx, created);
      await recordAudit(tx, ctx, [
        {
          action: 'scope.version_created',
          entityType: SCOPE_ENTITY,
          entityId: created.id,
          before: latest ? { basedOn: latest.id, number: latest.number } : null,
          after: contentOf(after),
        },
      ]);
      return after;
    })
    .catch((error: unknown) => {
      // Two first versions (or two next drafts) raced: the loser's view was stale.
      if (isUniqueViolation(error)) throw staleVersion();
      throw error;
    });
}

/** Edits one version; only a draft can change (an approved version is frozen). */
export async function updateScopeVersion(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ScopeVersionUpdate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await repo.getScopeVersion(tx, org, id, true);
    if (!row) throw notFound('scope version');
    if (await frozen(tx, row)) throw conflict('scope_version_frozen', { number: row.number });
    if (row.status === 'pending') throw conflict('scope_approval_pending');
    if (row.version !== expectedVersion) throw staleVersion();
    const before = await view(tx, row);
    const content: ScopeContent = { ...asInput(before), ...stripUndefined(patch) };
    const problems = await contentProblems(tx, org, content);
    if (problems.length) throw invalid(problems);
    const updated = await repo.updateScopeVersion(tx, org, id, expectedVersion, {
      ...columnsOf(content),
      updatedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    if (patch.exclusions) {
      await repo.replaceScopeExclusions(tx, org, id, exclusionRows(content.exclusions));
    }
    const after = await view(tx, updated);
    await recordAudit(tx, ctx, [
      {
        action: 'scope.updated',
        entityType: SCOPE_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(after)),
      },
    ]);
    return after;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Asks for approval of a draft version as it stands (the ETag pins what is approved). */
export async function requestScopeApproval(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await repo.getScopeVersion(tx, org, id, true);
    if (!row) throw notFound('scope version');
    if (await frozen(tx, row)) throw conflict('scope_version_frozen', { number: row.number });
    if (row.status === 'pending') throw conflict('scope_approval_pending');
    if (row.version !== expectedVersion) throw staleVersion();
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'scope',
      entityType: SCOPE_ENTITY,
      entityId: row.id,
      entityVersion: row.number,
      // The web words the title from the approval type and version.
      title: '',
      authorId: row.updatedBy ?? row.createdBy ?? ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const updated = await repo.updateScopeVersion(tx, org, id, null, {
      status: 'pending',
      approvalId: approval.id,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'scope.approval_requested',
        entityType: SCOPE_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'pending', approvalId: approval.id },
      },
    ]);
    return view(tx, updated!);
  });
}

// Approval freezes the version and supersedes the one before; a rejected or
// withdrawn request reopens the draft.
registerApprovalHandler(SCOPE_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getScopeVersion(tx, org, approval.entityId, true);
    if (!row || row.number !== approval.entityVersion) return;
    if (approval.status === 'approved') {
      await repo.supersedeApprovedScopes(tx, org, row.id);
      await repo.updateScopeVersion(tx, org, row.id, null, {
        status: 'approved',
        approvalId: approval.id,
        approvedBy: approval.decidedBy,
        approvedAt: approval.decidedAt ?? new Date(),
      });
    } else {
      await repo.updateScopeVersion(tx, org, row.id, null, { status: 'draft', approvalId: null });
    }
    await recordAudit(tx, ctx, [
      {
        action: approval.status === 'approved' ? 'scope.approved' : 'scope.reopened',
        entityType: SCOPE_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: approval.status === 'approved' ? 'approved' : 'draft',
          approvalId: approval.id,
        },
      },
    ]);
  },
});
