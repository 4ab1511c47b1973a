import type { Db, Executor } from '@mamoru/db';
import * as plan from '@mamoru/db/repositories/risks-plan';
import type { ActionFilter, ActionSort } from '@mamoru/db/repositories/risks-plan';
import type { z } from 'zod';
import type { treatmentActionCreateSchema, treatmentActionUpdateSchema } from '@mamoru/contracts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { authorizeWriteAll, checkUser } from '../scope/common.ts';
import { unknownControlProblems } from './treatment.ts';

/**
 * The risk treatment plan (4.2.2.a–b): actions with owner, priority, due date,
 * resources, budget, status and progress, linked to the risks and controls they
 * implement. Owners update the actions they own; creating needs reach 'all'.
 */
export const ACTION_ENTITY = 'treatment_action';
type Page = { limit: number; cursor?: string | undefined };
type Create = z.infer<typeof treatmentActionCreateSchema>;
type Update = z.infer<typeof treatmentActionUpdateSchema>;

async function linkProblems(tx: Executor, org: string, input: Update): Promise<FieldError[]> {
  const problems = await checkUser(tx, org, input.ownerUserId, 'ownerUserId');
  if (input.riskIds) {
    const found = new Set(await plan.existingRiskIds(tx, org, input.riskIds));
    input.riskIds.forEach((id, i) => {
      if (!found.has(id)) problems.push({ field: `riskIds.${i}`, code: 'reference_not_found' });
    });
  }
  if (input.controlIds)
    problems.push(
      ...(await unknownControlProblems(tx, input.controlIds, (i) => `controlIds.${i}`)),
    );
  return problems;
}

export async function listActions(
  db: Db,
  ctx: RequestContext,
  filter: ActionFilter,
  order: { sort: ActionSort; direction: 'asc' | 'desc' },
  page: Page,
) {
  authorize(ctx.actor, 'isms:read');
  return plan.listTreatmentActions(db, ctx.actor.organizationId, filter, order, page);
}

export function eachAction(db: Db, ctx: RequestContext, filter: ActionFilter) {
  authorize(ctx.actor, 'isms:read');
  return plan.eachTreatmentAction(db, ctx.actor.organizationId, filter);
}

export async function getAction(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await plan.getTreatmentActionView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('treatment action');
  return row;
}

const snapshot = (r: plan.TreatmentActionView) => {
  const {
    createdAt: _c,
    updatedAt: _u,
    sortKey: _s,
    ...rest
  } = r as plan.TreatmentActionView & {
    sortKey?: string;
  };
  return rest;
};

export async function createAction(db: Db, ctx: RequestContext, input: Create) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const problems = await linkProblems(tx, org, input);
    if (problems.length) throw invalid(problems);
    const { riskIds, controlIds, ...columns } = input;
    const row = await plan.insertTreatmentAction(tx, { ...columns, organizationId: org });
    await plan.replaceActionLinks(tx, org, row.id, { riskIds, controlIds });
    const view = (await plan.getTreatmentActionView(tx, org, row.id))!;
    await recordAudit(tx, ctx, [
      {
        action: 'treatment_action.created',
        entityType: ACTION_ENTITY,
        entityId: row.id,
        after: snapshot(view),
      },
    ]);
    return view;
  });
}

export async function updateAction(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: Update,
) {
  authorize(ctx.actor, 'isms:write');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await plan.getTreatmentActionView(tx, org, id);
    if (!before) throw notFound('treatment action');
    authorizeObject(ctx.actor, 'isms:write', before.ownerUserId);
    const problems = await linkProblems(tx, org, input);
    if (problems.length) throw invalid(problems);
    const { riskIds, controlIds, ...columns } = input;
    const set = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
    if (set.status === 'done' && set.progress === undefined) set.progress = 100;
    const row = await plan.updateTreatmentAction(tx, org, id, expectedVersion, set);
    if (!row) throw staleVersion();
    await plan.replaceActionLinks(tx, org, id, { riskIds, controlIds });
    const after = (await plan.getTreatmentActionView(tx, org, id))!;
    await recordAudit(tx, ctx, [
      {
        action: 'treatment_action.updated',
        entityType: ACTION_ENTITY,
        entityId: id,
        ...diff(snapshot(before), snapshot(after)),
      },
    ]);
    return after;
  });
}

export async function deleteAction(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await plan.getTreatmentActionView(tx, org, id);
    if (!before) throw notFound('treatment action');
    if (before.version !== expectedVersion) throw staleVersion();
    await plan.deleteTreatmentAction(tx, org, id);
    await recordAudit(tx, ctx, [
      {
        action: 'treatment_action.deleted',
        entityType: ACTION_ENTITY,
        entityId: id,
        before: snapshot(before),
      },
    ]);
  });
}
