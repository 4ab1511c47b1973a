import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/audits';
import * as facts from '@mamoru/db/repositories/audits-independence';
import type { AuditCreate, AuditListQuery, AuditTeamInput, AuditUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, isUniqueViolation } from '../scope/common.ts';
import { findConflicts, refuseConflicts } from './independence-check.ts';
import { fiscalYearOf } from './lifecycle-rules.ts';

/** Internal audits (個別監査, 6.4): plan, scope, team and notice. */

export const AUDIT_ENTITY = 'internal_audit';

const REFERENCES = [
  ['auditeeUnitIds', 'org_units'],
  ['scopeAssetIds', 'assets'],
  ['scopeDocumentIds', 'documents'],
] as const;

/** 422 for scope ids that are not objects of the organization. */
async function checkReferences(db: Executor, org: string, input: Partial<AuditCreate>) {
  const errors: FieldError[] = [];
  for (const [field, table] of REFERENCES) {
    const ids = [...new Set(input[field] ?? [])];
    if (ids.length && (await facts.countExisting(db, org, table, ids)) !== ids.length) {
      errors.push({ field, code: 'reference_not_found' });
    }
  }
  if (
    input.programmeId &&
    !(await facts.countExisting(db, org, 'audit_programmes', [input.programmeId]))
  ) {
    errors.push({ field: 'programmeId', code: 'reference_not_found' });
  }
  if (errors.length) throw invalid(errors);
}

/** The audit as `id` reaches the actor: 404 when 'own' reach does not cover it. */
export async function getAudit(db: Db, ctx: RequestContext, id: string) {
  const reach = authorize(ctx.actor, 'audits:read');
  const org = ctx.actor.organizationId;
  if (reach === 'own' && !(await repo.canSeeAudit(db, org, id, ctx.actor.userId ?? ''))) {
    throw notFound('audit');
  }
  const row = await repo.getAuditView(db, org, id);
  if (!row) throw notFound('audit');
  return row;
}

export async function listAudits(db: Db, ctx: RequestContext, q: AuditListQuery) {
  const reach = authorize(ctx.actor, 'audits:read');
  return repo.listAudits(
    db,
    ctx.actor.organizationId,
    { ...q, visibleTo: reach === 'own' ? (ctx.actor.userId ?? '') : undefined },
    q,
  );
}

export async function createAudit(db: Db, ctx: RequestContext, input: AuditCreate) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      await checkReferences(tx, org, input);
      const programme = input.programmeId
        ? await facts.programmeYear(tx, org, input.programmeId)
        : null;
      const fiscalYear = programme ?? input.fiscalYear ?? fiscalYearOf(input.plannedStart);
      const row = await repo.insertAudit(tx, {
        organizationId: org,
        programmeId: input.programmeId,
        fiscalYear,
        code: await repo.nextAuditCode(tx, org, fiscalYear),
        title: input.title,
        auditeeUnitIds: [...new Set(input.auditeeUnitIds)],
        scopeProcesses: input.scopeProcesses,
        scopeAssetIds: [...new Set(input.scopeAssetIds)],
        scopeDocumentIds: [...new Set(input.scopeDocumentIds)],
        requirementIds: [...new Set(input.requirementIds)],
        controlIds: [...new Set(input.controlIds)],
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        notes: input.notes,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'internal_audit.created',
          entityType: AUDIT_ENTITY,
          entityId: row.id,
          after: auditable(row),
        },
      ]);
      return (await repo.getAuditView(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      // Two audits created at once took the same number: the second is asked to retry.
      if (isUniqueViolation(error)) throw conflict('audit_code_taken');
      throw error;
    });
}

async function lockedForChange(tx: Executor, org: string, id: string, expectedVersion: number) {
  const before = await repo.getAudit(tx, org, id, true);
  if (!before) throw notFound('audit');
  if (before.version !== expectedVersion) throw staleVersion();
  if (before.status === 'closed') throw conflict('audit_closed');
  return before;
}

const SCOPE_FIELDS = ['auditeeUnitIds', 'scopeAssetIds', 'scopeDocumentIds'] as const;

/**
 * Edits the plan. A scope change is checked against the current team first:
 * a change that would make a team member audit their own work is refused.
 */
export async function updateAudit(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: AuditUpdate,
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockedForChange(tx, org, id, expectedVersion);
    await checkReferences(tx, org, patch);
    const plannedStart = patch.plannedStart ?? before.plannedStart;
    const plannedEnd = patch.plannedEnd ?? before.plannedEnd;
    if (plannedEnd < plannedStart)
      throw invalid([{ field: 'plannedEnd', code: 'audit_end_before_start' }]);
    const dedupe = (v: string[] | undefined) => (v ? [...new Set(v)] : undefined);
    const scope = {
      auditeeUnitIds: dedupe(patch.auditeeUnitIds) ?? before.auditeeUnitIds,
      scopeAssetIds: dedupe(patch.scopeAssetIds) ?? before.scopeAssetIds,
      scopeDocumentIds: dedupe(patch.scopeDocumentIds) ?? before.scopeDocumentIds,
    };
    // Only a scope that really changes is checked again (a form sends every field).
    const sameSet = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((v) => b.includes(v));
    const changed = SCOPE_FIELDS.filter((f) => !sameSet(scope[f], before[f]));
    if (changed.length) {
      const [current] = await facts.openAuditsWithTeams(tx, org, { auditId: id });
      const conflicts = await findConflicts(tx, org, [{ ...current!, ...scope }]);
      const fieldOf = (c: { objectType: string }) =>
        c.objectType === 'org_unit'
          ? 'auditeeUnitIds'
          : c.objectType === 'asset'
            ? 'scopeAssetIds'
            : 'scopeDocumentIds';
      refuseConflicts(conflicts, fieldOf);
    }
    const toDate = (v: string | null | undefined) =>
      v === undefined ? undefined : v === null ? null : new Date(v);
    const updated = await repo.updateAudit(tx, org, id, expectedVersion, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.programmeId !== undefined && { programmeId: patch.programmeId }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      ...(patch.scopeProcesses !== undefined && { scopeProcesses: patch.scopeProcesses }),
      ...(patch.requirementIds !== undefined && { requirementIds: dedupe(patch.requirementIds)! }),
      ...(patch.controlIds !== undefined && { controlIds: dedupe(patch.controlIds)! }),
      ...(patch.openingMeetingAt !== undefined && {
        openingMeetingAt: toDate(patch.openingMeetingAt)!,
      }),
      ...(patch.closingMeetingAt !== undefined && {
        closingMeetingAt: toDate(patch.closingMeetingAt)!,
      }),
      plannedStart,
      plannedEnd,
      ...scope,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'internal_audit.updated',
        entityType: AUDIT_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return (await repo.getAuditView(tx, org, id))!;
  });
}

/**
 * Sets the whole team. Each member must be an active auditor of the register
 * and independent of the scope (6.4); the lead auditor is one of the team.
 */
export async function setTeam(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: AuditTeamInput,
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockedForChange(tx, org, id, expectedVersion);
    const members = [...new Set(input.memberUserIds)].filter((u) => u !== input.leadUserId);
    const team = [...(input.leadUserId ? [input.leadUserId] : []), ...members];
    const fieldOf = (userId: string) =>
      userId === input.leadUserId
        ? 'leadUserId'
        : `memberUserIds.${input.memberUserIds.indexOf(userId)}`;
    const registered = new Set(await repo.activeAuditorUserIds(tx, org, team));
    const unregistered = team.filter((u) => !registered.has(u));
    if (unregistered.length) {
      throw invalid(
        unregistered.map((u) => ({ field: fieldOf(u), code: 'auditor_not_registered' })),
      );
    }
    refuseConflicts(await findConflicts(tx, org, [{ ...before, team }]), (c) => fieldOf(c.user.id));
    const updated = await repo.updateAudit(tx, org, id, expectedVersion, {
      leadAuditorId: input.leadUserId,
    });
    if (!updated) throw staleVersion();
    const previous = (await repo.getAuditView(tx, org, id))!.team;
    await repo.replaceTeam(
      tx,
      org,
      id,
      team.map((userId) => ({ userId, role: userId === input.leadUserId ? 'lead' : 'member' })),
    );
    await recordAudit(tx, ctx, [
      {
        action: 'internal_audit.team_updated',
        entityType: AUDIT_ENTITY,
        entityId: id,
        before: { leadAuditorId: before.leadAuditorId, team: previous.map((m) => m.id) },
        after: { leadAuditorId: input.leadUserId, team },
      },
    ]);
    return (await repo.getAuditView(tx, org, id))!;
  });
}

/** Records that the auditees were notified (who and when; the mail itself comes later). */
export async function recordNotice(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorize(ctx.actor, 'audits:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockedForChange(tx, org, id, expectedVersion);
    const updated = await repo.updateAudit(tx, org, id, expectedVersion, {
      noticeSentAt: new Date(),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'internal_audit.notice_sent',
        entityType: AUDIT_ENTITY,
        entityId: id,
        before: { noticeSentAt: before.noticeSentAt },
        after: { noticeSentAt: updated.noticeSentAt },
      },
    ]);
    return (await repo.getAuditView(tx, org, id))!;
  });
}
