import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/controls';
import * as register from '@mamoru/db/repositories/controls-register';
import type {
  CheckFrequency,
  ControlCheckCreate,
  ControlCheckQuery,
  ControlCheckResultCreate,
  ControlCheckUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { auditable, checkUser } from '../scope/common.ts';
import { readableControl, todayOf, visibleTo } from './access.ts';
import { presentCheck, presentResult, type ControlLabel } from './presenters.ts';
import { nextDueAfter, performedInFuture } from './schedule.ts';

/**
 * Checks of a control's effectiveness (4.2.3.b): planned with a frequency and
 * a checker, performed with a result that advances the next due date.
 */

export const CHECK_ENTITY = 'control_check';
export const RESULT_ENTITY = 'control_check_result';

type Page = { limit: number; cursor?: string | undefined };

async function labelOf(db: Executor, org: string, controlId: string): Promise<ControlLabel> {
  const entry = await register.controlSoaRow(db, org, controlId);
  return {
    displayId: entry?.display_id ?? controlId,
    title: entry?.title ?? { ja: controlId, en: controlId },
  };
}

async function presentCheckById(db: Executor, org: string, id: string) {
  const view = (await repo.getCheck(db, org, id))!;
  return presentCheck(view, await labelOf(db, org, view.check.controlId), todayOf());
}

/** The check when the caller may read it (reach 'own': its checker or the control's owner). */
export async function readableCheck(db: Executor, ctx: RequestContext, id: string) {
  const only = visibleTo(ctx);
  const org = ctx.actor.organizationId;
  const view = await repo.getCheck(db, org, id);
  if (!view) throw notFound(CHECK_ENTITY);
  if (
    only !== undefined &&
    view.check.checkerUserId !== only &&
    !(only && (await register.involvedIn(db, org, view.check.controlId, only)))
  ) {
    throw notFound(CHECK_ENTITY);
  }
  return view;
}

export async function createCheck(
  db: Db,
  ctx: RequestContext,
  controlId: string,
  input: ControlCheckCreate,
) {
  authorize(ctx.actor, 'controls:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const entry = await readableControl(tx, ctx, controlId);
    if (entry.applicable !== true) throw conflict('control_not_applicable', { controlId });
    const problems = await checkUser(tx, org, input.checkerUserId, 'checkerUserId');
    if (problems.length > 0) throw invalid(problems);
    const row = await repo.insertCheck(tx, {
      organizationId: org,
      controlId,
      title: input.title,
      method: input.method,
      frequency: input.frequency,
      nextDue: input.nextDue,
      checkerUserId: input.checkerUserId,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'control_check.created',
        entityType: CHECK_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return presentCheckById(tx, org, row.id);
  });
}

export async function updateCheck(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ControlCheckUpdate,
) {
  authorize(ctx.actor, 'controls:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getCheck(tx, org, id);
    if (!before) throw notFound(CHECK_ENTITY);
    if (before.check.version !== expectedVersion) throw staleVersion();
    const problems = await checkUser(tx, org, patch.checkerUserId, 'checkerUserId');
    if (problems.length > 0) throw invalid(problems);
    const row = await repo.updateCheck(tx, org, id, expectedVersion, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.method !== undefined && { method: patch.method }),
      ...(patch.frequency !== undefined && { frequency: patch.frequency }),
      ...(patch.nextDue !== undefined && { nextDue: patch.nextDue }),
      ...(patch.checkerUserId !== undefined && { checkerUserId: patch.checkerUserId }),
      ...(patch.active !== undefined && { active: patch.active }),
    });
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'control_check.updated',
        entityType: CHECK_ENTITY,
        entityId: id,
        ...diff(auditable(before.check), auditable(row)),
      },
    ]);
    return presentCheckById(tx, org, id);
  });
}

/** The checks board: due or overdue checks, "my checks" (checkerId=me), by due date. */
export async function listChecks(db: Db, ctx: RequestContext, q: ControlCheckQuery & Page) {
  const only = visibleTo(ctx);
  const org = ctx.actor.organizationId;
  const today = todayOf();
  const checkerId = q.checkerId === 'me' ? (ctx.actor.userId ?? '') : q.checkerId;
  const page = await repo.listChecks(
    db,
    org,
    {
      due: q.due,
      checkerId: checkerId || undefined,
      controlId: q.controlId,
      active: q.active === undefined ? undefined : q.active === 'true',
      visibleTo: only,
    },
    q,
    today,
  );
  const labels = new Map<string, ControlLabel>();
  for (const v of page.items) {
    if (!labels.has(v.check.controlId)) {
      labels.set(v.check.controlId, await labelOf(db, org, v.check.controlId));
    }
  }
  return {
    items: page.items.map((v) => presentCheck(v, labels.get(v.check.controlId)!, today)),
    nextCursor: page.nextCursor,
  };
}

/**
 * Records a performed check; the check's next due date moves one interval
 * past the day performed (never backwards, when an older result is entered late).
 */
export async function recordResult(
  db: Db,
  ctx: RequestContext,
  checkId: string,
  input: ControlCheckResultCreate,
) {
  authorize(ctx.actor, 'controls:check');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const view = await readableCheck(tx, ctx, checkId);
    authorizeObject(ctx.actor, 'controls:check', view.check.checkerUserId);
    if (!view.check.active) throw conflict('control_check_inactive');
    if (performedInFuture(input.performedOn, todayOf())) {
      throw invalid([{ field: 'performedOn', code: 'date_in_future' }]);
    }
    const checker = input.checkerUserId === undefined ? ctx.actor.userId : input.checkerUserId;
    const problems = await checkUser(tx, org, checker, 'checkerUserId');
    if (problems.length > 0) throw invalid(problems);
    const row = await repo.insertResult(tx, {
      organizationId: org,
      checkId,
      controlId: view.check.controlId,
      performedOn: input.performedOn,
      result: input.result,
      notes: input.notes,
      checkerUserId: checker,
      recordedBy: ctx.actor.userId,
    });
    const next = nextDueAfter(input.performedOn, view.check.frequency as CheckFrequency);
    if (next > view.check.nextDue) {
      await repo.updateCheck(tx, org, checkId, view.check.version, { nextDue: next });
    }
    await recordAudit(tx, ctx, [
      {
        action: 'control_check_result.recorded',
        entityType: RESULT_ENTITY,
        entityId: row.id,
        after: {
          checkId,
          controlId: row.controlId,
          performedOn: row.performedOn,
          result: row.result,
          notes: row.notes,
          checkerUserId: row.checkerUserId,
          nextDue: next > view.check.nextDue ? next : view.check.nextDue,
        },
      },
    ]);
    return {
      result: presentResult((await repo.getResult(tx, org, row.id))!),
      check: await presentCheckById(tx, org, checkId),
    };
  });
}

/** The result when the caller may read it (as its check). */
export async function readableResult(db: Executor, ctx: RequestContext, id: string) {
  const view = await repo.getResult(db, ctx.actor.organizationId, id);
  if (!view) throw notFound(RESULT_ENTITY);
  const check = await readableCheck(db, ctx, view.result.checkId).catch(() => {
    throw notFound(RESULT_ENTITY);
  });
  return { view, check };
}
