import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits-programmes';
import type { AuditProgrammeRow } from '@mamoru/db/repositories/audits-programmes';
import type { AuditProgrammeCreate, AuditProgrammeUpdate } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { checkUser, isUniqueViolation } from '../scope/common.ts';
import {
  contentOf,
  contentProblems,
  newContent,
  normalized,
  type ProgrammeContent,
} from './programme-content.ts';

/**
 * The internal audit programme (6.4) of a fiscal year, versioned like the
 * scope: a draft is edited in place (If-Match), approval by top management
 * (type `audit_programme`) freezes it, the next edit starts a new draft, and
 * approving that supersedes the version before.
 */

export const PROGRAMME_ENTITY = 'audit_programme';

type Page = { limit: number; cursor?: string | undefined };

const trail = (row: AuditProgrammeRow) => ({
  fiscalYear: row.fiscalYear,
  number: row.number,
  status: row.status,
  ...contentOf(row),
  version: row.version,
});

export async function getProgramme(db: Db, ctx: RequestContext, id: string) {
  // The programme is the organization's plan, communicated to auditees too: any reach reads it.
  authorize(ctx.actor, 'audits:read');
  const row = await repo.getProgramme(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('audit programme');
  return row;
}

export async function listProgrammes(
  db: Db,
  ctx: RequestContext,
  q: { fiscalYear?: number | undefined; status?: string | undefined } & Page,
) {
  authorize(ctx.actor, 'audits:read');
  return repo.listProgrammes(db, ctx.actor.organizationId, q, q);
}

/** Starts the programme of a fiscal year (one per year; later changes are versions). */
export async function createProgramme(db: Db, ctx: RequestContext, input: AuditProgrammeCreate) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      if (await repo.latestProgramme(tx, org, input.fiscalYear)) {
        throw conflict('audit_programme_exists', { fiscalYear: input.fiscalYear });
      }
      const content = await newContent(tx, org, input);
      const problems = await contentProblems(tx, org, content);
      if (problems.length) throw invalid(problems);
      const row = await repo.insertProgramme(tx, {
        organizationId: org,
        fiscalYear: input.fiscalYear,
        number: 1,
        status: 'draft',
        ...content,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'audit_programme.created',
          entityType: PROGRAMME_ENTITY,
          entityId: row.id,
          before: null,
          after: trail(row),
        },
      ]);
      return row;
    })
    .catch((error: unknown) => {
      // Two first versions of a year raced: the loser learns the year has one.
      if (isUniqueViolation(error)) {
        throw conflict('audit_programme_exists', { fiscalYear: input.fiscalYear });
      }
      throw error;
    });
}

/**
 * Changes the latest version of a year: a draft in place; an approved version
 * stays frozen and the change becomes the next draft version.
 */
export async function updateProgramme(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: AuditProgrammeUpdate,
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const row = await repo.getProgramme(tx, org, id, true);
      if (!row) throw notFound('audit programme');
      const latest = await repo.latestProgramme(tx, org, row.fiscalYear, true);
      if (row.status === 'superseded' || latest?.id !== row.id) {
        throw conflict('audit_programme_version_frozen', { number: row.number });
      }
      if (row.status === 'pending') throw conflict('audit_programme_approval_pending');
      if (row.version !== expectedVersion) throw staleVersion();
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, v]) => v !== undefined),
      ) as Partial<ProgrammeContent>;
      const content = normalized({ ...contentOf(row), ...defined });
      const problems = await contentProblems(tx, org, content);
      if (problems.length) throw invalid(problems);
      if (row.status === 'draft') {
        const updated = await repo.updateProgramme(tx, org, id, expectedVersion, {
          ...content,
          updatedBy: ctx.actor.userId,
        });
        if (!updated) throw staleVersion();
        await recordAudit(tx, ctx, [
          {
            action: 'audit_programme.updated',
            entityType: PROGRAMME_ENTITY,
            entityId: id,
            ...diff(trail(row), trail(updated)),
          },
        ]);
        return updated;
      }
      const created = await repo.insertProgramme(tx, {
        organizationId: org,
        fiscalYear: row.fiscalYear,
        number: row.number + 1,
        status: 'draft',
        ...content,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
        // ETags continue across versions, so the approved version's never matches the draft.
        version: row.version + 1,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'audit_programme.version_created',
          entityType: PROGRAMME_ENTITY,
          entityId: created.id,
          before: { basedOn: row.id, number: row.number },
          after: trail(created),
        },
      ]);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw staleVersion();
      throw error;
    });
}

/** Asks top management to approve a draft as it stands (the ETag pins what is approved). */
export async function requestProgrammeApproval(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await repo.getProgramme(tx, org, id, true);
    if (!row) throw notFound('audit programme');
    if (row.status === 'approved' || row.status === 'superseded') {
      throw conflict('audit_programme_version_frozen', { number: row.number });
    }
    if (row.status === 'pending') throw conflict('audit_programme_approval_pending');
    if (row.version !== expectedVersion) throw staleVersion();
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'audit_programme',
      entityType: PROGRAMME_ENTITY,
      entityId: row.id,
      entityVersion: row.number,
      // The web words the title from the approval type, fiscal year and version.
      title: String(row.fiscalYear),
      authorId: row.updatedBy ?? row.createdBy ?? ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const updated = await repo.updateProgramme(tx, org, id, null, {
      status: 'pending',
      approvalId: approval.id,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'audit_programme.approval_requested',
        entityType: PROGRAMME_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'pending', approvalId: approval.id },
      },
    ]);
    return updated!;
  });
}

// Approval freezes the version and supersedes the year's version before; a
// rejected or withdrawn request reopens the draft.
registerApprovalHandler(PROGRAMME_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getProgramme(tx, org, approval.entityId, true);
    if (!row || row.number !== approval.entityVersion || row.status !== 'pending') return;
    const approved = approval.status === 'approved';
    if (approved) {
      await repo.supersedeApprovedProgrammes(tx, org, row.fiscalYear, row.id);
      await repo.updateProgramme(tx, org, row.id, null, {
        status: 'approved',
        approvalId: approval.id,
        approvedBy: approval.decidedBy,
        approvedAt: approval.decidedAt ?? new Date(),
      });
    } else {
      await repo.updateProgramme(tx, org, row.id, null, { status: 'draft', approvalId: null });
    }
    await recordAudit(tx, ctx, [
      {
        action: approved ? 'audit_programme.approved' : 'audit_programme.reopened',
        entityType: PROGRAMME_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: approved ? 'approved' : 'draft', approvalId: approval.id },
      },
    ]);
  },
});
