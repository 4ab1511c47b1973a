import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/objectives';
import type { ObjectiveRow } from '@mamoru/db/repositories/objectives';
import type { ObjectiveCreate, ObjectiveListQuery, ObjectiveUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { checkUser } from '../scope/common.ts';
import { annexControlIds } from '../scope/service.ts';
import { existsInOrg } from '@mamoru/db/repositories/incidents';

/**
 * ISMS objectives (5.1.b, 4.2.1.b.1): set by top management or the ISMS
 * manager with an owner, a metric, a target, a due date and the plan to reach
 * them. Reading needs 'objectives:read'; setting and changing 'objectives:manage'.
 */

export const OBJECTIVE_ENTITY = 'objective';

/** What the audit trail keeps of an objective. */
export const contentOf = (o: ObjectiveRow) => ({
  number: o.number,
  title: o.title,
  description: o.description,
  ownerId: o.ownerId,
  orgUnitId: o.orgUnitId,
  metric: o.metric,
  measureUnit: o.measureUnit,
  direction: o.direction,
  baseline: o.baseline,
  target: o.target,
  startDate: o.startDate,
  dueDate: o.dueDate,
  plan: o.plan,
  frequency: o.frequency,
  status: o.status,
  controlIds: o.controlIds,
  version: o.version,
});

async function checkReferences(
  db: Executor,
  org: string,
  input: { ownerId?: string | null; orgUnitId?: string | null; controlIds?: string[] },
) {
  const errors: FieldError[] = [...(await checkUser(db, org, input.ownerId, 'ownerId'))];
  if (input.orgUnitId && !(await existsInOrg(db, 'org_units', org, input.orgUnitId))) {
    errors.push({ field: 'orgUnitId', code: 'reference_not_found' });
  }
  if (input.controlIds?.length) {
    const known = await annexControlIds();
    input.controlIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ field: `controlIds.${i}`, code: 'reference_not_found' });
    });
  }
  if (errors.length) throw invalid(errors);
}

function checkDates(startDate: string, dueDate: string) {
  if (startDate > dueDate) {
    throw invalid([{ field: 'dueDate', code: 'objective_due_before_start' }]);
  }
}

export async function listObjectives(db: Db, ctx: RequestContext, q: ObjectiveListQuery) {
  authorize(ctx.actor, 'objectives:read');
  return repo.listObjectives(db, ctx.actor.organizationId, q, q);
}

export async function getObjective(db: Executor, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'objectives:read');
  const row = await repo.getObjectiveView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('objective');
  return row;
}

export async function createObjective(db: Db, ctx: RequestContext, input: ObjectiveCreate) {
  authorize(ctx.actor, 'objectives:manage');
  const org = ctx.actor.organizationId;
  checkDates(input.startDate, input.dueDate);
  return db.transaction(async (tx) => {
    await checkReferences(tx, org, input);
    const row = await repo.insertObjective(tx, {
      organizationId: org,
      title: input.title,
      description: input.description,
      ownerId: input.ownerId ?? null,
      orgUnitId: input.orgUnitId ?? null,
      metric: input.metric,
      measureUnit: input.measureUnit,
      direction: input.direction,
      baseline: input.baseline,
      target: input.target,
      startDate: input.startDate,
      dueDate: input.dueDate,
      plan: input.plan,
      frequency: input.frequency,
      controlIds: [...new Set(input.controlIds)],
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'objective.created',
        entityType: OBJECTIVE_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getObjectiveView(tx, org, row.id))!;
  });
}

export async function updateObjective(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ObjectiveUpdate,
) {
  authorize(ctx.actor, 'objectives:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getObjective(tx, org, id, true);
    if (!before) throw notFound('objective');
    if (before.version !== expectedVersion) throw staleVersion();
    checkDates(patch.startDate ?? before.startDate, patch.dueDate ?? before.dueDate);
    await checkReferences(tx, org, patch);
    const { controlIds, ...rest } = patch;
    const updated = await repo.updateObjective(tx, org, id, expectedVersion, {
      ...rest,
      ...(controlIds && { controlIds: [...new Set(controlIds)] }),
      updatedBy: ctx.actor.userId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'objective.updated',
        entityType: OBJECTIVE_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getObjectiveView(tx, org, id))!;
  });
}
