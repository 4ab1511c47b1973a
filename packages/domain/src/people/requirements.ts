import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/people-jobs';
import type {
  CompetenceKind,
  CompetenceRequirementCreate,
  CompetenceRequirementUpdate as RequirementUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable } from '../scope/common.ts';
import { authorizeRegister } from './access.ts';

/**
 * The competence each ISMS role or job needs (5.2.2.a): a skill, a
 * qualification, or a training course of the organization, optionally renewed
 * every so many months. The gap query (people-gaps.ts) judges people against them.
 */

export const REQUIREMENT_ENTITY = 'competence_requirement';

export async function listRequirements(
  db: Db,
  ctx: RequestContext,
  q: { roleId?: string | undefined; jobId?: string | undefined },
) {
  authorize(ctx.actor, 'people:read');
  return repo.listRequirements(db, ctx.actor.organizationId, q);
}

export async function getRequirement(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'people:read');
  const row = await repo.getRequirement(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(REQUIREMENT_ENTITY);
  return row;
}

/** A training requirement names an active course of the organization; the others none. */
async function courseErrors(
  db: Executor,
  org: string,
  kind: CompetenceKind,
  courseId: string | null,
): Promise<FieldError[]> {
  if (kind !== 'training') {
    return courseId ? [{ field: 'courseId', code: 'requirement_course_for_training' }] : [];
  }
  if (!courseId) return [{ field: 'courseId', code: 'requirement_course_for_training' }];
  if (!(await repo.activeCourseExists(db, org, courseId))) {
    return [{ field: 'courseId', code: 'requirement_course_inactive' }];
  }
  return [];
}

export async function createRequirement(
  db: Db,
  ctx: RequestContext,
  input: CompetenceRequirementCreate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const errors = await courseErrors(tx, org, input.kind, input.courseId);
    if (input.roleId && !(await repo.roleExists(tx, org, input.roleId))) {
      errors.push({ field: 'roleId', code: 'reference_not_found' });
    }
    if (input.jobId && !(await repo.getJobRow(tx, org, input.jobId))) {
      errors.push({ field: 'jobId', code: 'reference_not_found' });
    }
    if (errors.length > 0) throw invalid(errors);
    const row = await repo.insertRequirement(tx, {
      organizationId: org,
      ...input,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'competence_requirement.created',
        entityType: REQUIREMENT_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return (await repo.getRequirement(tx, org, row.id))!;
  });
}

/** The target (role or job) stays; kind and course are checked together as they will be. */
export async function updateRequirement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: RequirementUpdate,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getRequirementRow(tx, org, id, true);
    if (!before) throw notFound(REQUIREMENT_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    const kind = patch.kind ?? (before.kind as CompetenceKind);
    // Turning a training requirement into a skill drops its course unless one is named.
    const courseId =
      patch.courseId !== undefined ? patch.courseId : kind === 'training' ? before.courseId : null;
    const courseChanged = courseId !== before.courseId || kind !== before.kind;
    const errors = courseChanged ? await courseErrors(tx, org, kind, courseId) : [];
    if (errors.length > 0) throw invalid(errors);
    const updated = await repo.updateRequirement(tx, org, id, expectedVersion, {
      ...patch,
      kind,
      courseId,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'competence_requirement.updated',
        entityType: REQUIREMENT_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return (await repo.getRequirement(tx, org, id))!;
  });
}

/** Removes a requirement; competences that named it keep their record without the link. */
export async function deleteRequirement(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorizeRegister(ctx, 'people:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getRequirementRow(tx, org, id, true);
    if (!before) throw notFound(REQUIREMENT_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    if (!(await repo.deleteRequirement(tx, org, id, expectedVersion))) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'competence_requirement.removed',
        entityType: REQUIREMENT_ENTITY,
        entityId: id,
        before: auditable(before),
      },
    ]);
  });
}
