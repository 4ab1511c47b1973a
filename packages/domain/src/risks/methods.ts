import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/risks-catalog';
import * as compute from '@mamoru/db/repositories/risks-compute';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { recordAudit, type AuditEntry, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { authorizeWriteAll, checkUser } from '../scope/common.ts';
import { methodProblems, previewMatrix, type RiskMethod } from './method.ts';
import { additivePreset, likelihoodImpactPreset, multiplicativePreset } from './presets.ts';
import { compileMethod, methodOf } from './compile.ts';

/**
 * The risk method, versioned (4.2.1.c): drafts are edited, top management
 * approves one (approval type `risk_method`, the 5.1.f decision of the
 * acceptable level), and its approval puts it in force and recomputes the
 * whole register in the same transaction.
 */
export const RISK_METHOD_ENTITY = 'risk_method';
type Page = { limit: number; cursor?: string | undefined };

const PRESETS = {
  multiplicative: multiplicativePreset,
  additive: additivePreset,
  likelihood_impact: likelihoodImpactPreset,
};

/** The approved method in force, or null before the first approval. */
export async function methodInForce(db: Executor, organizationId: string) {
  const row = await repo.approvedRiskMethod(db, organizationId);
  return row ? { row, method: methodOf(row.definition) } : null;
}

export async function listMethods(
  db: Db,
  ctx: RequestContext,
  status: string | undefined,
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  return repo.listRiskMethods(db, ctx.actor.organizationId, status, page);
}

export async function getMethod(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getRiskMethod(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('risk method');
  return row;
}

export async function currentMethod(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'isms:read');
  const inForce = await methodInForce(db, ctx.actor.organizationId);
  if (!inForce) throw notFound('risk method');
  return inForce.row;
}

/** Recomputes the register on request (an approval does it by itself). */
export async function recompute(db: Db, ctx: RequestContext) {
  authorizeWriteAll(ctx.actor);
  return db.transaction(async (tx) => {
    const updated = await recomputeAll(tx, ctx);
    await recordAudit(tx, ctx, [
      {
        action: 'risks.recomputed',
        entityType: RISK_METHOD_ENTITY,
        entityId: ctx.actor.organizationId,
        after: { updated },
      },
    ]);
    return updated;
  });
}

/** Every cell the definition produces, with its problems (nothing is stored). */
export function previewDefinition(ctx: RequestContext, definition: RiskMethodDefinition) {
  authorize(ctx.actor, 'isms:read');
  const method = definition as RiskMethod;
  const problems = methodProblems(method);
  if (problems.some((p) => p.field.startsWith('formula') || p.code.startsWith('scale'))) {
    return { rows: [], columns: [], cells: [], problems };
  }
  return { ...previewMatrix(method), problems };
}

function checkDefinition(definition: RiskMethod) {
  const problems = methodProblems(definition).map((p) => ({
    ...p,
    field: `definition.${p.field}`,
  }));
  if (problems.length) throw invalid(problems);
}

export async function createMethod(
  db: Db,
  ctx: RequestContext,
  input: {
    name: string;
    preset: keyof typeof PRESETS;
    definition?: RiskMethodDefinition | undefined;
  },
) {
  authorizeWriteAll(ctx.actor);
  const definition = (input.definition as RiskMethod | undefined) ?? PRESETS[input.preset]();
  checkDefinition(definition);
  return db.transaction(async (tx) => {
    const row = await repo.insertRiskMethod(tx, {
      organizationId: ctx.actor.organizationId,
      name: input.name,
      definition: definition as unknown as Record<string, unknown>,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'risk_method.created',
        entityType: RISK_METHOD_ENTITY,
        entityId: row.id,
        after: row,
      },
    ]);
    return row;
  });
}

async function draftForChange(tx: Executor, ctx: RequestContext, id: string, expected: number) {
  const row = await repo.getRiskMethod(tx, ctx.actor.organizationId, id, true);
  if (!row) throw notFound('risk method');
  if (row.status === 'approved' || row.status === 'superseded')
    throw conflict('risk_method_frozen', { number: row.number });
  if (row.status === 'in_review') throw conflict('risk_method_in_review');
  if (row.version !== expected) throw staleVersion();
  return row;
}

export async function updateMethod(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { name?: string | undefined; definition?: RiskMethodDefinition | undefined },
) {
  authorizeWriteAll(ctx.actor);
  if (input.definition) checkDefinition(input.definition as RiskMethod);
  return db.transaction(async (tx) => {
    const before = await draftForChange(tx, ctx, id, expectedVersion);
    const row = await repo.updateRiskMethod(tx, ctx.actor.organizationId, id, expectedVersion, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.definition
        ? { definition: input.definition as unknown as Record<string, unknown> }
        : {}),
      updatedBy: ctx.actor.userId,
    });
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'risk_method.updated',
        entityType: RISK_METHOD_ENTITY,
        entityId: id,
        before: { name: before.name, definition: before.definition },
        after: { name: row.name, definition: row.definition },
      },
    ]);
    return row;
  });
}

/** Sends a draft to top management as it stands (the ETag pins what is approved). */
export async function submitMethod(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await draftForChange(tx, ctx, id, expectedVersion);
    checkDefinition(methodOf(row.definition));
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'risk_method',
      entityType: RISK_METHOD_ENTITY,
      entityId: row.id,
      entityVersion: row.number,
      title: row.name,
      authorId: row.updatedBy ?? row.createdBy ?? ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const updated = await repo.updateRiskMethod(tx, org, id, null, {
      status: 'in_review',
      approvalId: approval.id,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'risk_method.submitted',
        entityType: RISK_METHOD_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: 'in_review', approvalId: approval.id },
      },
    ]);
    return updated!;
  });
}

/**
 * Recomputes the values of every risk of the organization by the method in
 * force, in the caller's transaction: one statement over the keys of their
 * inputs (risk_scores); the risks themselves are not written.
 */
export async function recomputeAll(tx: Executor, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  const inForce = await methodInForce(tx, org);
  if (!inForce) {
    await compute.clearRiskValues(tx, org);
    return 0;
  }
  return compute.recomputeScores(tx, org, compileMethod(inForce.method));
}

registerApprovalHandler(RISK_METHOD_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getRiskMethod(tx, org, approval.entityId, true);
    if (!row || row.number !== approval.entityVersion) return;
    const approved = approval.status === 'approved';
    if (approved) {
      await repo.supersedeRiskMethods(tx, org, row.id);
      await repo.updateRiskMethod(tx, org, row.id, null, {
        status: 'approved',
        approvalId: approval.id,
        approvedBy: approval.decidedBy,
        approvedAt: approval.decidedAt ?? new Date(),
      });
    } else {
      await repo.updateRiskMethod(tx, org, row.id, null, { status: 'draft', approvalId: null });
    }
    const entries: AuditEntry[] = [
      {
        action: approved ? 'risk_method.approved' : 'risk_method.reopened',
        entityType: RISK_METHOD_ENTITY,
        entityId: row.id,
        before: { status: row.status },
        after: { status: approved ? 'approved' : 'draft', approvalId: approval.id },
      },
    ];
    if (approved) {
      const updated = await recomputeAll(tx, ctx);
      if (updated > 0) await compute.analyzeScores(tx);
      entries.push({
        action: 'risks.recomputed',
        entityType: RISK_METHOD_ENTITY,
        entityId: row.id,
        after: { updated },
      });
    }
    await recordAudit(tx, ctx, entries);
  },
});
