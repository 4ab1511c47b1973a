import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import type { CauseAnalysisInput } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { loadBundle, lockForStep, next, NONCONFORMITY_ENTITY } from './access.ts';

/**
 * The middle steps of a nonconformity's cycle (7.2.b, 7.2.c): the cause
 * analysis (why-why steps, a fishbone category, the root cause) and the
 * evaluation of the need for action, both per cycle.
 */

export async function recordCauseAnalysis(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: CauseAnalysisInput,
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row, state } = await lockForStep(tx, org, id, expectedVersion);
    const t = next(state, { type: 'analyse' });
    const analysis = await repo.upsertAnalysis(tx, {
      organizationId: org,
      nonconformityId: id,
      cycle: row.cycle,
      whySteps: input.whySteps,
      fishboneCategory: input.fishboneCategory,
      rootCause: input.rootCause,
      analysedBy: ctx.actor.userId,
    });
    await repo.updateNonconformity(tx, org, id, null, { status: t.status });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.analysed',
        entityType: NONCONFORMITY_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: {
          status: t.status,
          cycle: analysis.cycle,
          whySteps: analysis.whySteps,
          fishboneCategory: analysis.fishboneCategory,
          rootCause: analysis.rootCause,
        },
      },
    ]);
    return loadBundle(tx, org, id);
  });
}

/** Decides whether action is needed; when not, the reason is what closing rests on. */
export async function recordEvaluation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: { actionNeeded: boolean; reason: string },
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row, state } = await lockForStep(tx, org, id, expectedVersion);
    const t = next(state, { type: 'evaluate', actionNeeded: input.actionNeeded });
    await repo.setEvaluation(tx, org, id, row.cycle, {
      actionNeeded: input.actionNeeded,
      evaluationReason: input.reason,
      evaluatedBy: ctx.actor.userId,
    });
    await repo.updateNonconformity(tx, org, id, null, { status: t.status });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.evaluated',
        entityType: NONCONFORMITY_ENTITY,
        entityId: id,
        before: { status: row.status, actionNeeded: state.actionNeeded },
        after: {
          status: t.status,
          cycle: row.cycle,
          actionNeeded: input.actionNeeded,
          reason: input.reason,
        },
      },
    ]);
    return loadBundle(tx, org, id);
  });
}
