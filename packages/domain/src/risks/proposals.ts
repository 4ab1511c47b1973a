import type { Db, Executor } from '@mamoru/db';
import * as bulk from '@mamoru/db/repositories/risks-bulk';
import * as plan from '@mamoru/db/repositories/risks-plan';
import * as catalogRepo from '@mamoru/db/repositories/catalog';
import type { z } from 'zod';
import type { actionsFromTreatmentSchema } from '@mamoru/contracts';
import { invalid } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeWriteAll, checkUser } from '../scope/common.ts';
import { ACTION_ENTITY } from './plan.ts';
import { CONTROL_LIBRARY } from './treatment.ts';

/**
 * The treatment actions a decision implies (4.2.2.b): one per selected control
 * that no action covers yet for those risks. Proposed first, created only when
 * the person confirms, so the treatment is not entered twice.
 */
type FromTreatment = z.infer<typeof actionsFromTreatmentSchema>;

export async function proposalsFor(tx: Executor, org: string, riskIds: string[]) {
  const open = await bulk.uncoveredControls(tx, org, riskIds);
  if (open.length === 0) return [];
  const library = await catalogRepo.findShippedLibrary(tx, CONTROL_LIBRARY);
  const nodes = library
    ? await catalogRepo.getNodes(
        tx,
        org,
        library.id,
        'control',
        open.map((o) => o.controlId),
      )
    : [];
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  return open.map((o) => {
    const node = byId.get(o.controlId);
    return {
      controlId: o.controlId,
      displayId: node?.displayId ?? o.controlId,
      titleJa: node?.title.ja ?? '',
      titleEn: node?.title.en ?? node?.title.ja ?? '',
      riskIds: o.riskIds,
    };
  });
}

export async function proposeActions(db: Db, ctx: RequestContext, riskIds: string[]) {
  authorize(ctx.actor, 'isms:read');
  return proposalsFor(db, ctx.actor.organizationId, riskIds);
}

/** Creates the confirmed proposals: one action per control, linked to its risks. */
export async function createFromTreatment(db: Db, ctx: RequestContext, input: FromTreatment) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const problems = await checkUser(tx, org, input.ownerUserId, 'ownerUserId');
    if (problems.length) throw invalid(problems);
    const proposals = await proposalsFor(tx, org, input.riskIds);
    const wanted = new Set(input.controlIds);
    const chosen = proposals.filter((p) => wanted.has(p.controlId));
    const missing = input.controlIds.filter((id) => !proposals.some((p) => p.controlId === id));
    if (missing.length)
      throw invalid(
        input.controlIds.flatMap((id, i) =>
          missing.includes(id)
            ? [{ field: `controlIds.${i}`, code: 'action_proposal_unknown', params: { id } }]
            : [],
        ),
      );
    const en = ctx.actor.locale === 'en';
    const created = [];
    for (const p of chosen) {
      const title = `${p.displayId} ${en ? p.titleEn : p.titleJa}`.trim().slice(0, 300);
      const row = await plan.insertTreatmentAction(tx, {
        organizationId: org,
        title,
        ownerUserId: input.ownerUserId ?? null,
        priority: input.priority,
        dueDate: input.dueDate ?? null,
      });
      await plan.replaceActionLinks(tx, org, row.id, {
        riskIds: p.riskIds,
        controlIds: [p.controlId],
      });
      created.push((await plan.getTreatmentActionView(tx, org, row.id))!);
    }
    await recordAudit(
      tx,
      ctx,
      created.map((view) => {
        const { createdAt: _c, updatedAt: _u, sortKey: _s, ...after } = view;
        return {
          action: 'treatment_action.created',
          entityType: ACTION_ENTITY,
          entityId: view.id,
          after: { ...after, fromTreatment: true },
        };
      }),
    );
    return created;
  });
}
