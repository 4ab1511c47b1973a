import type {
  TrainingSession,
  TrainingSessionCreate,
  TrainingSessionUpdate,
} from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import { unitsHeadedBy } from '@mamoru/db/repositories/people-access';
import { getCourseRow } from '@mamoru/db/repositories/training-courses';
import * as repo from '@mamoru/db/repositories/training-sessions';
import * as usersRepo from '@mamoru/db/repositories/users';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize, reachOf } from '../identity/actor.ts';
import { authorizeRegister } from '../people/access.ts';
import { auditable, checkUser } from '../scope/common.ts';
import { SESSION_ENTITY, mayRecordSession } from './access.ts';
import { checkTrainingRefs } from './courses.ts';
import { presentSession, refsOfRows } from './presenters.ts';

/**
 * Training sessions: a course held on a date, by a trainer (a user, who then
 * records its attendance, or an outside trainer by name), with materials
 * from the document register and an audience by unit or ISMS role.
 * Scheduled by training:manage over everyone; read by whoever reads training.
 */

async function present(db: Executor, ctx: RequestContext, rows: repo.SessionView[]) {
  const org = ctx.actor.organizationId;
  const ownManage = reachOf(ctx.actor, 'training:manage') === 'own' && ctx.actor.userId;
  const [refs, headed] = await Promise.all([
    refsOfRows(db, org, rows),
    ownManage ? unitsHeadedBy(db, org, ctx.actor.userId!) : [],
  ]);
  return rows.map((r) => presentSession(r, refs, mayRecordSession(ctx, r, headed.length > 0)));
}

export async function listSessions(
  db: Db,
  ctx: RequestContext,
  q: {
    courseId?: string | undefined;
    status?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  authorize(ctx.actor, 'training:read');
  const page = await repo.listSessions(db, ctx.actor.organizationId, q, q);
  return { items: await present(db, ctx, page.items), nextCursor: page.nextCursor };
}

export async function getSession(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<TrainingSession> {
  authorize(ctx.actor, 'training:read');
  const row = await repo.getSession(db, ctx.actor.organizationId, id);
  if (!row) throw notFound(SESSION_ENTITY);
  return (await present(db, ctx, [row]))[0]!;
}

/** The trainer's shown name: an outside trainer's as given, else the user's. */
async function trainerName(
  db: Executor,
  org: string,
  trainerUserId: string | null | undefined,
  given: string | undefined,
) {
  if (given || !trainerUserId) return given ?? '';
  return (await usersRepo.getUser(db, org, trainerUserId))?.displayName ?? '';
}

async function checkSession(
  db: Executor,
  org: string,
  input: TrainingSessionUpdate & { courseId?: string },
) {
  const errors: FieldError[] = await checkUser(db, org, input.trainerUserId, 'trainerUserId');
  if (input.courseId && !(await getCourseRow(db, org, input.courseId))) {
    errors.push({ field: 'courseId', code: 'reference_not_found' });
  }
  if (errors.length > 0) throw invalid(errors);
  await checkTrainingRefs(db, org, input);
}

export async function createSession(db: Db, ctx: RequestContext, input: TrainingSessionCreate) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  const id = await db.transaction(async (tx) => {
    await checkSession(tx, org, input);
    const row = await repo.insertSession(tx, {
      organizationId: org,
      number: await repo.nextSessionNumber(tx, org),
      ...input,
      trainerName: await trainerName(tx, org, input.trainerUserId, input.trainerName),
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'training_session.created',
        entityType: SESSION_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return row.id;
  });
  return getSession(db, ctx, id);
}

export async function updateSession(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: TrainingSessionUpdate,
) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getSessionRow(tx, org, id, true);
    if (!before) throw notFound(SESSION_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    await checkSession(tx, org, patch);
    const values = { ...patch };
    if (patch.trainerUserId !== undefined && patch.trainerName === undefined) {
      values.trainerName = await trainerName(tx, org, patch.trainerUserId, '');
    }
    const updated = await repo.updateSession(tx, org, id, expectedVersion, values);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'training_session.updated',
        entityType: SESSION_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
  });
  return getSession(db, ctx, id);
}
