import type { Db, Executor } from '@mamoru/db';
import * as proposals from '@mamoru/db/repositories/improvement-proposals';
import * as repo from '@mamoru/db/repositories/improvement-register';
import type { ProposalDecision, ProposalListQuery } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeAll, checkOwner } from './improvements.ts';
import { settingsOf } from './improvements-settings.ts';

/**
 * Preventive action from risk changes (7.3.e): each reassessment run proposes
 * a potential nonconformity for the risks whose level rose significantly, or
 * that are new and above the acceptable level with no treatment decided. The
 * ISMS manager accepts (the potential nonconformity is raised) or dismisses it
 * with a reason.
 */
export const PROPOSAL_ENTITY = 'preventive_proposal';

/**
 * Called in the transaction of a reassessment run, after its snapshot. The
 * first run has nothing to compare with: the initial assessment's risks are
 * handled by the treatment plan (4.2.2), so it proposes nothing.
 */
export async function proposeAfterReassessment(
  tx: Executor,
  ctx: RequestContext,
  run: { id: string; previousId: string | null },
  bandCount: number,
) {
  if (!run.previousId || bandCount < 1) return [];
  const org = ctx.actor.organizationId;
  const settings = await settingsOf(tx, org);
  const created = await proposals.proposeFromRun(
    tx,
    org,
    { id: run.id, previousId: run.previousId },
    settings.levelJump,
    bandCount,
  );
  if (created.length > 0) {
    await recordAudit(
      tx,
      ctx,
      created.map((p) => ({
        action: 'preventive_proposal.proposed' as const,
        entityType: PROPOSAL_ENTITY,
        entityId: p.id,
        after: { riskId: p.risk_id, reason: p.reason, newLevel: p.new_level, runId: run.id },
      })),
    );
  }
  return created;
}

export async function getProposal(db: Db, ctx: RequestContext, id: string) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const row = await proposals.getProposalView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('preventive proposal');
  // 'own' reach: the proposals on the risks one owns, as in the list.
  if (reach === 'own' && row.riskOwnerId !== ctx.actor.userId) {
    throw forbidden('forbidden_not_owner', { permission: 'improvement:read' });
  }
  return row;
}

export async function listProposals(db: Db, ctx: RequestContext, q: ProposalListQuery) {
  const reach = authorize(ctx.actor, 'improvement:read');
  return proposals.listProposals(
    db,
    ctx.actor.organizationId,
    {
      status: q.status,
      priority: q.priority,
      riskOwner: reach === 'own' ? (ctx.actor.userId ?? '') : undefined,
    },
    q,
  );
}

/**
 * Accepting raises a potential nonconformity (source risk_change, the risk
 * linked, its priority) that then follows the nonconformity workflow.
 */
export async function decideProposal(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: ProposalDecision,
) {
  authorizeAll(ctx.actor, 'improvement:manage');
  if (input.decision === 'dismissed' && !input.reason) {
    throw invalid([{ field: 'reason', code: 'decision_reason_required' }]);
  }
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await proposals.getProposal(tx, org, id, true);
    if (!before) throw notFound('preventive proposal');
    if (before.version !== expectedVersion) throw staleVersion();
    if (before.status !== 'proposed') throw conflict('proposal_already_decided');
    await checkOwner(tx, org, input.ownerId);
    let nonconformityId: string | null = null;
    const audit = [];
    if (input.decision === 'accepted') {
      const view = (await proposals.getProposalView(tx, org, id))!;
      const nc = await repo.insertPotentialNonconformity(tx, {
        organizationId: org,
        source: 'risk_change',
        sourceLink: { type: 'risk', id: before.riskId, label: view.riskCode },
        riskId: before.riskId,
        title: `${view.riskCode} ${view.assetName} / ${view.threatCode}`,
        description: input.reason,
        priority: before.priority,
        detectedOn: new Date().toISOString().slice(0, 10),
        reportedBy: ctx.actor.userId,
        ownerId: input.ownerId ?? null,
      });
      nonconformityId = nc.id;
      audit.push({
        action: 'nonconformity.raised_from_proposal' as const,
        entityType: 'nonconformity' as const,
        entityId: nc.id,
        after: { number: nc.number, kind: nc.kind, riskId: nc.riskId, priority: nc.priority },
      });
    }
    const updated = await proposals.decideProposal(tx, org, id, expectedVersion, {
      status: input.decision,
      decisionReason: input.reason,
      decidedBy: ctx.actor.userId,
      nonconformityId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action:
          input.decision === 'accepted'
            ? 'preventive_proposal.accepted'
            : 'preventive_proposal.dismissed',
        entityType: PROPOSAL_ENTITY,
        entityId: id,
        before: { status: before.status },
        after: { status: updated.status, reason: updated.decisionReason, nonconformityId },
      },
      ...audit,
    ]);
    return (await proposals.getProposalView(tx, org, id))!;
  });
}
