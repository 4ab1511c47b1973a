import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/risks';
import * as runs from '@mamoru/db/repositories/risks-runs';
import * as catalogRepo from '@mamoru/db/repositories/catalog';
import type { RiskTreatmentInput } from '@mamoru/contracts';
import { conflict, invalid, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { registerApprovalHandler, requestApproval } from '../approvals/service.ts';
import { auditable, authorizeWriteAll, checkUser } from '../scope/common.ts';
import { treatmentProblems } from './rules.ts';
import { RISK_ENTITY, recomputeSome, riskForChange } from './register.ts';

/**
 * Treatment of a risk (4.2.1.f–g), knowingly retaining a risk (approval type
 * `risk_retention`) and the sign-off of residual risks by top management
 * (4.2.1.i, approval type `residual_risk`), which also records the
 * authorization to implement and operate the ISMS.
 */
export const CONTROL_LIBRARY = 'jipdec-isms-2.0';
export const RETENTION_ENTITY = 'risk_retention';
export const RESIDUAL_ENTITY = 'residual_acceptance';
type Page = { limit: number; cursor?: string | undefined };

/** Control IDs that are not annex controls of the shipped criteria. */
export async function unknownControlProblems(
  tx: Executor,
  ids: string[],
  field: (i: number) => string,
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const library = await catalogRepo.findShippedLibrary(tx, CONTROL_LIBRARY);
  if (!library) return [];
  const known = await catalogRepo.existingLibraryNodeIds(tx, library.id, 'control', ids);
  return ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ field: field(i), code: 'risk_control_unknown', params: { id } }],
  );
}

export async function setTreatment(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: RiskTreatmentInput,
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await riskForChange(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.residualStatus === 'pending') throw conflict('risk_residual_pending');
    const problems = [
      ...treatmentProblems(input),
      ...(await unknownControlProblems(
        tx,
        input.selectedControls.map((c) => c.controlId),
        (i) => `selectedControls.${i}.controlId`,
      )),
    ];
    if (problems.length) throw invalid(problems);
    const optionChanged = before.treatmentOption !== input.option;
    const updated = await repo.updateRisk(tx, org, id, expectedVersion, {
      treatmentOption: input.option,
      transferTo: input.option === 'transfer' ? input.transferTo : '',
      rationale: input.rationale,
      residualLikelihood: input.residualLikelihood ?? null,
      residualVulnerabilityLevel: input.residualVulnerabilityLevel ?? null,
      residualImpact: input.residualImpact ?? null,
      // A changed decision needs a fresh sign-off.
      residualStatus: 'none',
      residualAcceptanceId: null,
      ...(optionChanged ? { retentionStatus: 'none', retentionApprovalId: null } : {}),
      status: input.option && before.status === 'open' ? 'in_treatment' : before.status,
    });
    if (!updated) throw staleVersion();
    await repo.replaceRiskControls(tx, org, id, 'selected', input.selectedControls);
    await recomputeSome(tx, org, { ids: [id] });
    const after = (await repo.getRisk(tx, org, id))!;
    await recordAudit(tx, ctx, [
      {
        action: 'risk.treatment_set',
        entityType: RISK_ENTITY,
        entityId: id,
        ...diff(
          { ...auditable(before), selectedControls: undefined },
          { ...auditable(after), selectedControls: input.selectedControls },
        ),
      },
    ]);
    return (await repo.getRiskView(tx, org, id))!;
  });
}

/** Asks top management to approve knowingly retaining a risk (option 'retain'). */
export async function requestRetention(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { assigneeUserId?: string | null | undefined },
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await riskForChange(tx, ctx, id);
    if (row.version !== expectedVersion) throw staleVersion();
    if (row.treatmentOption !== 'retain')
      throw invalid([{ field: 'option', code: 'risk_not_retained' }], 'risk_not_retained');
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'risk_retention',
      entityType: RETENTION_ENTITY,
      entityId: row.id,
      entityVersion: row.version + 1,
      title: row.code,
      authorId: ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    await repo.updateRisk(tx, org, id, null, {
      retentionStatus: 'pending',
      retentionApprovalId: approval.id,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'risk.retention_requested',
        entityType: RISK_ENTITY,
        entityId: id,
        before: { retentionStatus: row.retentionStatus },
        after: { retentionStatus: 'pending', approvalId: approval.id },
      },
    ]);
    return (await repo.getRiskView(tx, org, id))!;
  });
}

registerApprovalHandler(RETENTION_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await repo.getRisk(tx, org, approval.entityId, true);
    if (!row || row.retentionApprovalId !== approval.id) return;
    const status =
      approval.status === 'approved'
        ? 'approved'
        : approval.status === 'rejected'
          ? 'rejected'
          : 'none';
    await repo.updateRisk(tx, org, row.id, null, { retentionStatus: status });
    await recordAudit(tx, ctx, [
      {
        action: `risk.retention_${status === 'none' ? 'withdrawn' : status}`,
        entityType: RISK_ENTITY,
        entityId: row.id,
        before: { retentionStatus: row.retentionStatus },
        after: { retentionStatus: status, approvalId: approval.id },
      },
    ]);
  },
});

/** Sends residual risks to top management together (one approval for the submission). */
export async function submitResidualAcceptance(
  db: Db,
  ctx: RequestContext,
  input: {
    riskIds?: string[] | undefined;
    note: string;
    authorizeOperation: boolean;
    assigneeUserId?: string | null | undefined;
  },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const problems = await checkUser(tx, org, input.assigneeUserId, 'assigneeUserId');
    if (problems.length) throw invalid(problems);
    const acceptance = await runs.insertResidualAcceptance(tx, {
      id: randomUUID(),
      organizationId: org,
      note: input.note,
      authorizeOperation: input.authorizeOperation,
      submittedBy: ctx.actor.userId,
    });
    const count = await runs.attachRisksToAcceptance(tx, org, acceptance.id, input.riskIds);
    if (count === 0)
      throw invalid([{ field: 'riskIds', code: 'no_residual_risks' }], 'no_residual_risks');
    const approval = await requestApproval(tx, ctx, {
      approvalType: 'residual_risk',
      entityType: RESIDUAL_ENTITY,
      entityId: acceptance.id,
      entityVersion: 1,
      title: String(count),
      authorId: ctx.actor.userId,
      assigneeUserId: input.assigneeUserId ?? null,
    });
    const row = await runs.updateResidualAcceptance(tx, org, acceptance.id, {
      approvalId: approval.id,
      riskCount: count,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'residual_acceptance.submitted',
        entityType: RESIDUAL_ENTITY,
        entityId: acceptance.id,
        after: { riskCount: count, approvalId: approval.id, note: input.note },
      },
    ]);
    return row!;
  });
}

export async function listResidualAcceptances(
  db: Db,
  ctx: RequestContext,
  status: string | undefined,
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  return runs.listResidualAcceptances(db, ctx.actor.organizationId, status, page);
}

// Approving records acceptance on every risk of the submission and, when asked,
// the authorization to implement and operate the ISMS; rejecting marks them rejected.
registerApprovalHandler(RESIDUAL_ENTITY, {
  async onDecided(tx, ctx, approval) {
    const org = approval.organizationId;
    const row = await runs.getResidualAcceptance(tx, org, approval.entityId);
    if (!row || row.approvalId !== approval.id) return;
    const accepted = approval.status === 'approved';
    const outcome = accepted ? 'accepted' : approval.status === 'rejected' ? 'rejected' : 'none';
    const count = await runs.decideAcceptanceRisks(
      tx,
      org,
      row.id,
      approval.id,
      outcome,
      approval.decidedBy,
    );
    await runs.updateResidualAcceptance(tx, org, row.id, {
      status: accepted ? 'accepted' : 'rejected',
      decidedBy: approval.decidedBy,
      decidedAt: approval.decidedAt ?? new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: accepted ? 'residual_acceptance.accepted' : 'residual_acceptance.rejected',
        entityType: RESIDUAL_ENTITY,
        entityId: row.id,
        after: {
          risks: count,
          approvalId: approval.id,
          authorizesOperation: accepted && row.authorizeOperation,
        },
      },
    ]);
  },
});
