import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import * as actionsRepo from '@mamoru/db/repositories/improvement-actions';
import type { ImprovementActionCreate, ImprovementActionListQuery } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { checkUser } from '../scope/common.ts';
import { ACTION_ENTITY, loadBundle, lockForStep, next } from './access.ts';
import { reviewDueOn } from './workflow.ts';

/**
 * Corrective and preventive actions (7.2.d–e, 7.3.b–c): planned by the ISMS
 * manager, implemented by their owners (improvement:act, 'own' = their own).
 */

const today = () => new Date().toISOString().slice(0, 10);
const links = (items: { type: string; id: string; label?: string | undefined }[]) =>
  items.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));

export async function createAction(
  db: Db,
  ctx: RequestContext,
  nonconformityId: string,
  expectedVersion: number,
  input: ImprovementActionCreate,
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row, state } = await lockForStep(tx, org, nonconformityId, expectedVersion);
    const t = next(state, { type: 'add_action' });
    const problems = await checkUser(tx, org, input.ownerId, 'ownerId');
    if (problems.length > 0) throw invalid(problems);
    const action = await actionsRepo.insertAction(tx, {
      organizationId: org,
      nonconformityId,
      cycle: row.cycle,
      // A potential nonconformity is answered by preventive action (7.3).
      kind: row.kind === 'potential' ? 'preventive' : input.kind,
      title: input.title,
      description: input.description,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      resources: input.resources,
      reviewIntervalDays: input.reviewIntervalDays ?? (await repo.defaultReviewInterval(tx, org)),
    });
    await repo.updateNonconformity(tx, org, nonconformityId, null, { status: t.status });
    await recordAudit(tx, ctx, [
      {
        action: 'improvement_action.created',
        entityType: ACTION_ENTITY,
        entityId: action.id,
        after: {
          nonconformityId,
          cycle: action.cycle,
          kind: action.kind,
          title: action.title,
          ownerId: action.ownerId,
          dueDate: action.dueDate,
          resources: action.resources,
          reviewIntervalDays: action.reviewIntervalDays,
        },
      },
    ]);
    return loadBundle(tx, org, nonconformityId);
  });
}

/** The owner (or a holder of 'all' reach) records what was done, with evidence. */
export async function implementAction(
  db: Db,
  ctx: RequestContext,
  actionId: string,
  expectedVersion: number,
  input: { note: string; evidence: { type: string; id: string; label?: string | undefined }[] },
) {
  const reach = authorize(ctx.actor, 'improvement:act');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const action = await actionsRepo.getAction(tx, org, actionId);
    if (!action) throw notFound('improvement_action');
    if (reach === 'own' && action.ownerId !== ctx.actor.userId) {
      throw forbidden('forbidden_not_owner', { permission: 'improvement:act' });
    }
    const { state } = await lockForStep(tx, org, action.nonconformityId, null);
    const locked = (await actionsRepo.getAction(tx, org, actionId, true))!;
    if (locked.version !== expectedVersion) throw staleVersion();
    if (locked.status !== 'planned' || locked.cycle !== state.cycle) {
      throw invalid([{ field: 'status', code: 'nc_action_not_planned' }], 'nc_action_not_planned');
    }
    const t = next(state, { type: 'implement' });
    const implementedOn = today();
    const updated = (await actionsRepo.updateAction(tx, org, actionId, null, {
      status: 'implemented',
      implementationNote: input.note,
      evidence: links(input.evidence),
      implementedBy: ctx.actor.userId,
      implementedAt: new Date(),
      reviewDue: reviewDueOn(implementedOn, locked.reviewIntervalDays),
    }))!;
    await repo.updateNonconformity(tx, org, action.nonconformityId, null, { status: t.status });
    await recordAudit(tx, ctx, [
      {
        action: 'improvement_action.implemented',
        entityType: ACTION_ENTITY,
        entityId: actionId,
        before: { status: locked.status },
        after: {
          status: updated.status,
          note: updated.implementationNote,
          evidence: updated.evidence,
          reviewDue: updated.reviewDue,
        },
      },
    ]);
    return loadBundle(tx, org, action.nonconformityId);
  });
}

export async function getAction(db: Db, ctx: RequestContext, actionId: string) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const org = ctx.actor.organizationId;
  const action = await actionsRepo.getActionView(db, org, actionId);
  if (!action) throw notFound('improvement_action');
  const mine = action.ownerId === ctx.actor.userId;
  if (
    reach === 'own' &&
    !mine &&
    !(await repo.isVisibleTo(db, org, action.nonconformityId, ctx.actor.userId ?? ''))
  ) {
    throw notFound('improvement_action');
  }
  return { action, reviews: await actionsRepo.reviewsOf(db, org, [actionId]) };
}

/** Actions across the register; under 'own' reach, the user's own actions only. */
export async function listActions(db: Db, ctx: RequestContext, q: ImprovementActionListQuery) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const org = ctx.actor.organizationId;
  const own = reach === 'own' || q.mine === 'true';
  const page = await actionsRepo.listActions(
    db,
    org,
    {
      status: q.status,
      ownerId: own ? (ctx.actor.userId ?? '') : undefined,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    },
    q,
  );
  const reviews = await actionsRepo.reviewsOf(
    db,
    org,
    page.items.map((a) => a.id),
  );
  return { ...page, reviews };
}
