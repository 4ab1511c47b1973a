import type {
  TrainingCourse,
  TrainingCourseCreateBody,
  TrainingCourseUpdate,
} from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import { reachablePeopleFilter } from '@mamoru/db/repositories/people-access';
import * as repo from '@mamoru/db/repositories/training-courses';
import { sql } from 'drizzle-orm';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorizeRegister, peopleReach } from '../people/access.ts';
import { auditable } from '../scope/common.ts';
import { COURSE_ENTITY } from './access.ts';
import { presentCourse, refsOfRows } from './presenters.ts';

/**
 * Training courses (4.2.2.d, 5.2.2.b): awareness for all staff (yearly by
 * default) and role courses. Managed by training:manage over everyone; read
 * by whoever reads training (the counts cover only the people they reach).
 */

export const trainingToday = () => new Date().toISOString().slice(0, 10);

/** 422 naming each reference that is not of the organization. */
export async function checkTrainingRefs(
  db: Executor,
  org: string,
  ids: { audienceUnitIds?: string[]; audienceRoleIds?: string[]; materialDocumentIds?: string[] },
) {
  const refs = await repo.trainingRefs(db, org, {
    unitIds: ids.audienceUnitIds ?? [],
    roleIds: ids.audienceRoleIds ?? [],
    documentIds: ids.materialDocumentIds ?? [],
  });
  const errors: FieldError[] = [];
  const check = (field: string, list: string[] | undefined, found: Map<string, unknown>) => {
    list?.forEach((id, i) => {
      if (!found.has(id)) errors.push({ field: `${field}.${i}`, code: 'reference_not_found' });
    });
  };
  check('audienceUnitIds', ids.audienceUnitIds, refs.units);
  check('audienceRoleIds', ids.audienceRoleIds, refs.roles);
  check('materialDocumentIds', ids.materialDocumentIds, refs.documents);
  if (errors.length > 0) throw invalid(errors);
}

/** Presents rows with their references and the reach-filtered counts, in four queries. */
async function present(db: Executor, ctx: RequestContext, rows: repo.CourseView[]) {
  const org = ctx.actor.organizationId;
  const { reach, headedUnitIds } = await peopleReach(db, ctx, 'training:read');
  const filter = reachablePeopleFilter(sql`c.user_id`, reach, ctx.actor.userId, headedUnitIds);
  const [refs, counts] = await Promise.all([
    refsOfRows(db, org, rows),
    repo.courseCounts(
      db,
      org,
      trainingToday(),
      rows.map((r) => r.id),
      filter,
    ),
  ]);
  return rows.map((r) => presentCourse(r, refs, counts.get(r.id)));
}

export async function listCourses(
  db: Db,
  ctx: RequestContext,
  q: {
    kind?: string | undefined;
    active: 'true' | 'false' | 'all';
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  await peopleReach(db, ctx, 'training:read');
  const active = q.active === 'all' ? undefined : q.active === 'true';
  const page = await repo.listCourses(
    db,
    ctx.actor.organizationId,
    { kind: q.kind, active, q: q.q },
    q,
  );
  return { items: await present(db, ctx, page.items), nextCursor: page.nextCursor };
}

export async function getCourse(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<TrainingCourse> {
  await peopleReach(db, ctx, 'training:read');
  const row = await repo.getCourse(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(COURSE_ENTITY);
  return (await present(db, ctx, [row]))[0]!;
}

/** Awareness courses are yearly and for everyone unless the input says otherwise. */
export function courseDefaults(input: TrainingCourseCreateBody) {
  const awareness = input.kind === 'awareness';
  return {
    intervalMonths:
      input.intervalMonths === undefined ? (awareness ? 12 : null) : input.intervalMonths,
    audienceAll: input.audienceAll ?? awareness,
  };
}

export async function createCourse(db: Db, ctx: RequestContext, input: TrainingCourseCreateBody) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  const id = await db.transaction(async (tx) => {
    await checkTrainingRefs(tx, org, input);
    const row = await repo.insertCourse(tx, {
      organizationId: org,
      number: await repo.nextCourseNumber(tx, org),
      title: input.title,
      titleEn: input.titleEn,
      description: input.description,
      descriptionEn: input.descriptionEn,
      kind: input.kind,
      delivery: input.delivery,
      evaluation: input.evaluation,
      passMark: input.passMark,
      ...courseDefaults(input),
      audienceUnitIds: input.audienceUnitIds,
      audienceRoleIds: input.audienceRoleIds,
      materialDocumentIds: input.materialDocumentIds,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'training_course.created',
        entityType: COURSE_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return row.id;
  });
  return getCourse(db, ctx, id);
}

export async function updateCourse(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: TrainingCourseUpdate,
) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getCourseRow(tx, org, id, true);
    if (!before) throw notFound(COURSE_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    await checkTrainingRefs(tx, org, patch);
    const updated = await repo.updateCourse(tx, org, id, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'training_course.updated',
        entityType: COURSE_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
  });
  return getCourse(db, ctx, id);
}
