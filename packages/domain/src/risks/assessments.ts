import type { Db } from '@mamoru/db';
import * as runs from '@mamoru/db/repositories/risks-runs';
import { invalid, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeWriteAll } from '../scope/common.ts';
import { methodInForce } from './methods.ts';
import { proposeAfterReassessment } from '../improvement/preventive.ts';

/**
 * Reassessment (4.2.3.c): a run is a dated snapshot of the register with the
 * reasons for it. The register itself carries on from the last run, so a new
 * run "starts from" it; the diff of two runs shows what changed.
 */
export const ASSESSMENT_ENTITY = 'risk_assessment';
type Page = { limit: number; cursor?: string | undefined };

export async function listAssessments(db: Db, ctx: RequestContext, page: Page) {
  authorize(ctx.actor, 'isms:read');
  return runs.listRiskAssessments(db, ctx.actor.organizationId, page);
}

export async function getAssessment(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await runs.getRiskAssessment(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('risk assessment');
  return row;
}

export async function recordAssessment(
  db: Db,
  ctx: RequestContext,
  input: { title: string; assessedOn?: string | undefined; reasons: string[]; reasonText: string },
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  if (input.reasons.includes('other') && !input.reasonText.trim())
    throw invalid([{ field: 'reasonText', code: 'field_required' }]);
  return db.transaction(async (tx) => {
    const inForce = await methodInForce(tx, org);
    const row = await runs.snapshotRiskAssessment(tx, org, {
      title: input.title,
      assessedOn: input.assessedOn ?? new Date().toISOString().slice(0, 10),
      reasons: input.reasons,
      reasonText: input.reasonText,
      methodId: inForce?.row.id ?? null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'risk_assessment.recorded',
        entityType: ASSESSMENT_ENTITY,
        entityId: row.id,
        after: { ...row, createdAt: undefined },
      },
    ]);
    // Risks that changed significantly get a preventive proposal (7.3.e).
    await proposeAfterReassessment(tx, ctx, row, inForce?.method.bands.length ?? 0);
    return row;
  });
}

export async function diffAssessments(
  db: Db,
  ctx: RequestContext,
  q: {
    from: string;
    to: string;
    change?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const from = await runs.getRiskAssessment(db, org, q.from);
  const to = await runs.getRiskAssessment(db, org, q.to);
  if (!from || !to) throw notFound('risk assessment');
  const counts = await runs.diffCounts(db, org, from.id, to.id);
  const page = await runs.diffRiskAssessments(db, org, from.id, to.id, q.change, q);
  return { from, to, counts, ...page };
}
