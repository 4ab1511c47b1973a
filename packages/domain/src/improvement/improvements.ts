import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement-register';
import type {
  ImprovementCreate,
  ImprovementDecision,
  ImprovementImplementation,
  ImprovementListQuery,
  ImprovementUpdate,
  Suggestion,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, type Actor } from '../identity/actor.ts';
import type { Permission } from '../identity/permissions.ts';
import { improvementCode, nonconformityCode } from './improvements-presenters.ts';

/**
 * The improvement register (4.2.4.a, 7.1): opportunities from audits, reviews,
 * lessons learned and suggestions, each decided with a reason and implemented.
 * Anyone may suggest (an improvement, or a potential problem that enters the
 * nonconformity register as a potential nonconformity, 7.3.a).
 */
export const IMPROVEMENT_ENTITY = 'improvement';

/** Organization-wide writes need reach 'all' of the permission. */
export function authorizeAll(actor: Actor, permission: Permission) {
  if (authorize(actor, permission) !== 'all') {
    throw forbidden('forbidden_reach_all', { permission });
  }
}

const today = () => new Date().toISOString().slice(0, 10);

const contentOf = (r: repo.ImprovementRow) => ({
  number: r.number,
  source: r.source,
  sourceLink: r.sourceLink,
  title: r.title,
  description: r.description,
  status: r.status,
  decisionReason: r.decisionReason,
  ownerId: r.ownerId,
  dueDate: r.dueDate,
  implementation: r.implementation,
  evidence: r.evidence,
  objectiveId: r.objectiveId,
  version: r.version,
});

const linkOf = (l: { type: string; id: string; label?: string | undefined }) => ({
  type: l.type,
  id: l.id,
  label: l.label ?? '',
});

/** An owner must be an active user of the organization (422 on the field otherwise). */
export async function checkOwner(db: Executor, org: string, ownerId: string | null | undefined) {
  if (ownerId && !(await repo.activeUserIn(db, org, ownerId))) {
    throw invalid([{ field: 'ownerId', code: 'reference_not_found' }]);
  }
}

const isVisibleTo = (row: repo.ImprovementRow, userId: string | null) =>
  userId !== null && (row.suggestedBy === userId || row.ownerId === userId);

export async function getImprovement(db: Db, ctx: RequestContext, id: string) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const row = await repo.getImprovementView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('improvement');
  if (reach === 'own' && !isVisibleTo(row, ctx.actor.userId)) {
    throw forbidden('forbidden_not_owner', { permission: 'improvement:read' });
  }
  return row;
}

export async function listImprovements(db: Db, ctx: RequestContext, q: ImprovementListQuery) {
  const reach = authorize(ctx.actor, 'improvement:read');
  return repo.listImprovements(
    db,
    ctx.actor.organizationId,
    {
      q: q.q,
      status: q.status,
      source: q.source,
      overdueBefore: q.overdue === 'true' ? today() : undefined,
      withoutEvidence: q.evidence === 'none',
      visibleTo: reach === 'own' ? (ctx.actor.userId ?? '') : undefined,
    },
    q,
  );
}

export async function createImprovement(db: Db, ctx: RequestContext, input: ImprovementCreate) {
  authorizeAll(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await checkOwner(tx, org, input.ownerId);
    const row = await repo.insertImprovement(tx, {
      organizationId: org,
      source: input.source,
      sourceLink: input.sourceLink ? linkOf(input.sourceLink) : null,
      title: input.title,
      description: input.description,
      suggestedBy: ctx.actor.userId,
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate ?? null,
      objectiveId: input.objectiveId ?? null,
      evidence: input.evidence.map(linkOf),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'improvement.created',
        entityType: IMPROVEMENT_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getImprovementView(tx, org, row.id))!;
  });
}

/** A suggestion from any page: an improvement to decide, or a potential nonconformity. */
export async function suggest(db: Db, ctx: RequestContext, input: Suggestion) {
  authorize(ctx.actor, 'improvement:suggest');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    if (input.kind === 'improvement') {
      const row = await repo.insertImprovement(tx, {
        organizationId: org,
        source: 'suggestion',
        title: input.title,
        description: input.description,
        suggestedBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'improvement.suggested',
          entityType: IMPROVEMENT_ENTITY,
          entityId: row.id,
          after: contentOf(row),
        },
      ]);
      return { kind: input.kind, id: row.id, code: improvementCode(row.number) };
    }
    const nc = await repo.insertPotentialNonconformity(tx, {
      organizationId: org,
      source: 'self_identified',
      title: input.title,
      description: input.description,
      detectedOn: today(),
      reportedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.potential_reported',
        entityType: 'nonconformity',
        entityId: nc.id,
        after: { number: nc.number, kind: nc.kind, source: nc.source, title: nc.title },
      },
    ]);
    return { kind: input.kind, id: nc.id, code: nonconformityCode(nc.number) };
  });
}

/** Runs a change of one improvement under its row lock and version, audited. */
async function change(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  action:
    | 'improvement.updated'
    | 'improvement.accepted'
    | 'improvement.rejected'
    | 'improvement.implemented',
  build: (
    before: repo.ImprovementRow,
    tx: Executor,
  ) => Promise<Partial<repo.NewImprovement>> | Partial<repo.NewImprovement>,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getImprovement(tx, org, id, true);
    if (!before) throw notFound('improvement');
    if (before.version !== expectedVersion) throw staleVersion();
    const values = await build(before, tx);
    const updated = await repo.updateImprovement(tx, org, id, expectedVersion, values);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action,
        entityType: IMPROVEMENT_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getImprovementView(tx, org, id))!;
  });
}

export function updateImprovement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ImprovementUpdate,
) {
  authorizeAll(ctx.actor, 'improvement:manage');
  return change(db, ctx, id, expectedVersion, 'improvement.updated', async (before, tx) => {
    // Once implemented only the evidence of its effect may still be added (4.2.4.d): the
    // effect often shows months after the change.
    const evidenceOnly = Object.keys(patch).every((k) => k === 'evidence');
    if (before.status === 'implemented' && !evidenceOnly) throw conflict('improvement_implemented');
    await checkOwner(tx, ctx.actor.organizationId, patch.ownerId);
    return {
      ...(patch.source !== undefined && { source: patch.source }),
      ...(patch.sourceLink !== undefined && {
        sourceLink: patch.sourceLink ? linkOf(patch.sourceLink) : null,
      }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.ownerId !== undefined && { ownerId: patch.ownerId }),
      ...(patch.dueDate !== undefined && { dueDate: patch.dueDate }),
      ...(patch.objectiveId !== undefined && { objectiveId: patch.objectiveId }),
      ...(patch.evidence !== undefined && { evidence: patch.evidence.map(linkOf) }),
    };
  });
}

/** Accepts or rejects a proposed improvement; the reason is required either way. */
export function decideImprovement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: ImprovementDecision,
) {
  authorizeAll(ctx.actor, 'improvement:manage');
  if (!input.reason) throw invalid([{ field: 'reason', code: 'decision_reason_required' }]);
  const action = input.decision === 'accepted' ? 'improvement.accepted' : 'improvement.rejected';
  return change(db, ctx, id, expectedVersion, action, (before) => {
    if (before.status !== 'proposed') throw conflict('improvement_already_decided');
    return {
      status: input.decision,
      decisionReason: input.reason,
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
    };
  });
}

/** Records the implementation of an accepted improvement: its owner or a manager. */
export function implementImprovement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: ImprovementImplementation,
) {
  const reach = authorize(ctx.actor, 'improvement:act');
  if (!input.implementation) {
    throw invalid([{ field: 'implementation', code: 'field_required' }]);
  }
  return change(db, ctx, id, expectedVersion, 'improvement.implemented', (before) => {
    if (reach === 'own' && before.ownerId !== ctx.actor.userId) {
      throw forbidden('forbidden_not_owner', { permission: 'improvement:act' });
    }
    if (before.status !== 'accepted') throw conflict('improvement_not_accepted');
    return {
      status: 'implemented',
      implementation: input.implementation,
      evidence: [...before.evidence, ...input.evidence.map(linkOf)],
      implementedAt: new Date(),
    };
  });
}
