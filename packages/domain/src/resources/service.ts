import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/resources';
import type { ResourceRow } from '@mamoru/db/repositories/resources';
import { getOrgUnit } from '@mamoru/db/repositories/scope';
import type { ResourceCreate, ResourceListQuery, ResourceUpdate } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { checkUser } from '../scope/common.ts';
import { fiscalYearOf } from './fiscal.ts';
import { planChanged } from './plan.ts';
import { settingsOf } from './settings.ts';

/**
 * The ISMS resources register (4.2.2.f, 5.2.1.a): one row per resource of a
 * fiscal year, planned against used. A change of what was planned moves the
 * year's plan version (plan.ts), so top management's approval names exactly
 * what it approved; recording usage never touches the approved plan.
 */

export const RESOURCE_ENTITY = 'isms_resource';

const today = () => new Date().toISOString().slice(0, 10);

export async function getSettings(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'resources:read');
  const s = await settingsOf(db, ctx.actor.organizationId);
  return { ...s, currentFiscalYear: fiscalYearOf(today(), s.fiscalYearStartMonth) };
}

export async function saveSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  input: { fiscalYearStartMonth: number },
) {
  authorize(ctx.actor, 'resources:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await settingsOf(tx, org);
    if (before.version !== expectedVersion) throw staleVersion();
    const row = await repo.saveResourceSettings(
      tx,
      org,
      expectedVersion,
      input.fiscalYearStartMonth,
    );
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'resource_settings.updated',
        entityType: 'resource_settings',
        entityId: org,
        before: { fiscalYearStartMonth: before.fiscalYearStartMonth },
        after: { fiscalYearStartMonth: row.fiscalYearStartMonth },
      },
    ]);
    const month = row.fiscalYearStartMonth;
    return {
      fiscalYearStartMonth: month,
      version: row.version,
      currentFiscalYear: fiscalYearOf(today(), month),
    };
  });
}

export async function listResources(db: Db, ctx: RequestContext, q: ResourceListQuery) {
  authorize(ctx.actor, 'resources:read');
  const org = ctx.actor.organizationId;
  const fiscalYear =
    q.fiscalYear ?? fiscalYearOf(today(), (await settingsOf(db, org)).fiscalYearStartMonth);
  return repo.listResources(db, org, { ...q, fiscalYear }, q);
}

export async function getResource(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'resources:read');
  const row = await repo.getResourceView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('resource');
  return row;
}

/** The content as the audit trail shows it. */
const contentOf = (r: ResourceRow) => ({
  fiscalYear: r.fiscalYear,
  kind: r.kind,
  activity: r.activity,
  title: r.title,
  description: r.description,
  ownerUserId: r.ownerUserId,
  unitId: r.unitId,
  plannedAmount: r.plannedAmount,
  plannedHours: r.plannedHours,
  usedAmount: r.usedAmount,
  usedHours: r.usedHours,
  notes: r.notes,
});

/** What top management approves: a change of any of these reopens an approved plan. */
const plannedOf = (
  r: Pick<ResourceRow, 'kind' | 'activity' | 'title' | 'plannedAmount' | 'plannedHours'>,
) => JSON.stringify([r.kind, r.activity, r.title, r.plannedAmount, r.plannedHours]);

async function checkReferences(
  db: Executor,
  org: string,
  input: { ownerUserId?: string | null | undefined; unitId?: string | null | undefined },
) {
  const errors: FieldError[] = await checkUser(db, org, input.ownerUserId, 'ownerUserId');
  if (input.unitId && !(await getOrgUnit(db, org, input.unitId))) {
    errors.push({ field: 'unitId', code: 'reference_not_found' });
  }
  return errors;
}

function checkPlanned(values: { plannedAmount: number | null; plannedHours: number | null }) {
  if (values.plannedAmount === null && values.plannedHours === null) {
    throw invalid([{ field: 'planned', code: 'resource_planned_required' }]);
  }
}

export async function createResource(db: Db, ctx: RequestContext, input: ResourceCreate) {
  authorize(ctx.actor, 'resources:manage');
  const org = ctx.actor.organizationId;
  const values = {
    fiscalYear: input.fiscalYear,
    kind: input.kind,
    activity: input.activity,
    title: input.title,
    description: input.description,
    ownerUserId: input.ownerUserId ?? null,
    unitId: input.unitId ?? null,
    plannedAmount: input.planned.amount ?? null,
    plannedHours: input.planned.hours ?? null,
    usedAmount: input.used?.amount ?? null,
    usedHours: input.used?.hours ?? null,
    notes: input.notes,
  };
  checkPlanned(values);
  return db.transaction(async (tx) => {
    const errors = await checkReferences(tx, org, input);
    if (errors.length) throw invalid(errors);
    await planChanged(tx, ctx, input.fiscalYear);
    const row = await repo.insertResource(tx, {
      organizationId: org,
      ...values,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'isms_resource.created',
        entityType: RESOURCE_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getResourceView(tx, org, row.id))!;
  });
}

export async function updateResource(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ResourceUpdate,
) {
  authorize(ctx.actor, 'resources:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getResource(tx, org, id, true);
    if (!before) throw notFound('resource');
    if (before.version !== expectedVersion) throw staleVersion();
    const errors = await checkReferences(tx, org, patch);
    if (errors.length) throw invalid(errors);
    const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
    const values = {
      kind: patch.kind ?? before.kind,
      activity: patch.activity ?? before.activity,
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
      ownerUserId: pick(patch.ownerUserId, before.ownerUserId),
      unitId: pick(patch.unitId, before.unitId),
      plannedAmount: patch.planned
        ? pick(patch.planned.amount, before.plannedAmount)
        : before.plannedAmount,
      plannedHours: patch.planned
        ? pick(patch.planned.hours, before.plannedHours)
        : before.plannedHours,
      usedAmount: patch.used ? pick(patch.used.amount, before.usedAmount) : before.usedAmount,
      usedHours: patch.used ? pick(patch.used.hours, before.usedHours) : before.usedHours,
      notes: patch.notes ?? before.notes,
    };
    checkPlanned(values);
    if (plannedOf(values) !== plannedOf(before)) await planChanged(tx, ctx, before.fiscalYear);
    const updated = await repo.updateResource(tx, org, id, expectedVersion, values);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'isms_resource.updated',
        entityType: RESOURCE_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getResourceView(tx, org, id))!;
  });
}

export async function deleteResource(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorize(ctx.actor, 'resources:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getResource(tx, org, id, true);
    if (!before) throw notFound('resource');
    if (before.version !== expectedVersion) throw staleVersion();
    await planChanged(tx, ctx, before.fiscalYear);
    await repo.deleteResource(tx, org, id);
    await recordAudit(tx, ctx, [
      {
        action: 'isms_resource.deleted',
        entityType: RESOURCE_ENTITY,
        entityId: id,
        before: contentOf(before),
      },
    ]);
  });
}
