import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement';
import type { NonconformityRow } from '@mamoru/db/repositories/improvement';
import * as stats from '@mamoru/db/repositories/improvement-statistics';
import { getOrgUnit } from '@mamoru/db/repositories/scope';
import type {
  NonconformityCreate,
  NonconformityListQuery,
  NonconformityStatistics,
  NonconformityUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { checkUser } from '../scope/common.ts';
import { authorizeRead, loadBundle, lockForStep, next, NONCONFORMITY_ENTITY } from './access.ts';

/**
 * The nonconformity register (7.2, 7.3): entries from any source, potential
 * ones for preventive action, and the first and last steps of their workflow
 * (containment, closing). Analysis and evaluation: nonconformities-steps.ts.
 */

/** The register's content as the audit trail shows it. */
export const contentOf = (r: NonconformityRow) => ({
  number: r.number,
  kind: r.kind,
  source: r.source,
  auditFindingId: r.auditFindingId,
  title: r.title,
  description: r.description,
  severity: r.severity,
  requirementIds: r.requirementIds,
  controlIds: r.controlIds,
  unitId: r.unitId,
  evidence: r.evidence,
  detectedOn: r.detectedOn,
  ownerId: r.ownerId,
  status: r.status,
  cycle: r.cycle,
  version: r.version,
});

const links = (items: { type: string; id: string; label?: string | undefined }[]) =>
  items.map((l) => ({ type: l.type, id: l.id, label: l.label ?? '' }));

async function checkReferences(
  db: Executor,
  org: string,
  input: { unitId?: string | null | undefined; ownerId?: string | null | undefined },
) {
  const problems: FieldError[] = await checkUser(db, org, input.ownerId, 'ownerId');
  if (input.unitId && !(await getOrgUnit(db, org, input.unitId))) {
    problems.push({ field: 'unitId', code: 'reference_not_found' });
  }
  if (problems.length > 0) throw invalid(problems);
}

export async function getNonconformity(db: Db, ctx: RequestContext, id: string) {
  await authorizeRead(db, ctx, id);
  return loadBundle(db, ctx.actor.organizationId, id);
}

export async function listNonconformities(db: Db, ctx: RequestContext, q: NonconformityListQuery) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  return repo.listNonconformities(
    db,
    ctx.actor.organizationId,
    {
      q: q.q,
      kind: q.kind,
      source: q.source,
      status: q.status,
      open: flag(q.open),
      severity: q.severity,
      unitId: q.unitId,
      overdue: flag(q.overdue),
      visibleTo: reach === 'own' ? (ctx.actor.userId ?? '') : undefined,
    },
    q,
  );
}

export async function createNonconformity(db: Db, ctx: RequestContext, input: NonconformityCreate) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await checkReferences(tx, org, input);
    await repo.lockNumbering(tx, org);
    const row = await repo.insertNonconformity(tx, {
      organizationId: org,
      kind: input.kind,
      source: input.source,
      title: input.title,
      description: input.description,
      severity: input.severity,
      requirementIds: input.requirementIds,
      controlIds: input.controlIds,
      unitId: input.unitId,
      evidence: links(input.evidence),
      detectedOn: input.detectedOn,
      ownerId: input.ownerId,
      reportedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.created',
        entityType: NONCONFORMITY_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return loadBundle(tx, org, row.id);
  });
}

export async function updateNonconformity(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: NonconformityUpdate,
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row: before } = await lockForStep(tx, org, id, expectedVersion);
    if (before.status === 'closed') {
      throw invalid([{ field: 'status', code: 'nc_closed' }], 'nc_closed');
    }
    await checkReferences(tx, org, patch);
    const updated = await repo.updateNonconformity(tx, org, id, null, {
      ...patch,
      ...(patch.evidence ? { evidence: links(patch.evidence) } : {}),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.updated',
        entityType: NONCONFORMITY_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated!)),
      },
    ]);
    return loadBundle(tx, org, id);
  });
}

/** Containment (immediate correction): what was done at once to limit the effect. */
export async function recordContainment(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  containment: string,
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row, state } = await lockForStep(tx, org, id, expectedVersion);
    const t = next(state, { type: 'contain' });
    await repo.updateNonconformity(tx, org, id, null, {
      status: t.status,
      containment,
      containedBy: ctx.actor.userId,
      containedAt: new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.contained',
        entityType: NONCONFORMITY_ENTITY,
        entityId: id,
        before: { status: row.status, containment: row.containment },
        after: { status: t.status, containment },
      },
    ]);
    return loadBundle(tx, org, id);
  });
}

/**
 * Closes when the workflow allows it: no action needed (the evaluation's reason
 * stands), or every action of the cycle reviewed effective.
 */
export async function closeNonconformity(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  reason: string,
) {
  authorize(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const { row, state } = await lockForStep(tx, org, id, expectedVersion);
    const t = next(state, { type: 'close' });
    await repo.updateNonconformity(tx, org, id, null, {
      status: t.status,
      closedBy: ctx.actor.userId,
      closedAt: new Date(),
    });
    await recordAudit(tx, ctx, [
      {
        action: 'nonconformity.closed',
        entityType: NONCONFORMITY_ENTITY,
        entityId: id,
        before: { status: row.status },
        after: { status: t.status, cycle: row.cycle, reason },
      },
    ]);
    return loadBundle(tx, org, id);
  });
}

/** Ageing of open nonconformities and recurring causes and clauses, within the reader's reach. */
export async function nonconformityStatistics(db: Db, ctx: RequestContext) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const org = ctx.actor.organizationId;
  const visible = reach === 'own' ? repo.visibleTo(ctx.actor.userId ?? '') : null;
  const [ageing, recurrence] = await Promise.all([
    stats.ageingOf(db, org, visible),
    stats.recurrenceOf(db, org, visible),
  ]);
  return { ageing, recurrence } as NonconformityStatistics;
}
