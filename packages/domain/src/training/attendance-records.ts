import type { SessionAttendanceRecord } from '@mamoru/contracts';
import type { Db, Executor } from '@mamoru/db';
import { reachablePeopleFilter } from '@mamoru/db/repositories/people-access';
import * as repo from '@mamoru/db/repositories/training-attendance';
import { getCourseRow } from '@mamoru/db/repositories/training-courses';
import { getSessionRow } from '@mamoru/db/repositories/training-sessions';
import { sql } from 'drizzle-orm';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, reachOf } from '../identity/actor.ts';
import { authorizeRegister, peopleReach } from '../people/access.ts';
import { auditable } from '../scope/common.ts';
import { ATTENDANCE_ENTITY, SESSION_ENTITY, recordsAsTrainer } from './access.ts';
import { recordAttendance } from './attendance.ts';
import { trainingToday } from './courses.ts';
import { presentAttendance } from './presenters.ts';

/**
 * Reading and keeping attendance records: a session's list (its trainer sees
 * everyone; readers see the people they reach), the filtered list, staff
 * recording a course they took on their own, and removing a record.
 */

/** The reader's filter over attendance rows' people (`true` under 'all' reach). */
async function readFilter(db: Executor, ctx: RequestContext) {
  const { reach, headedUnitIds } = await peopleReach(db, ctx, 'training:read');
  return reachablePeopleFilter(
    sql`training_attendance.user_id`,
    reach,
    ctx.actor.userId,
    headedUnitIds,
  );
}

export async function sessionAttendanceList(db: Db, ctx: RequestContext, sessionId: string) {
  const org = ctx.actor.organizationId;
  if (!reachOf(ctx.actor, 'training:read') && !reachOf(ctx.actor, 'training:record')) {
    throw forbidden('forbidden', { permission: 'training:read' });
  }
  const session = await getSessionRow(db, org, sessionId);
  if (!session) throw notFound(SESSION_ENTITY);
  const everyone = recordsAsTrainer(ctx, session) || reachOf(ctx.actor, 'training:read') === 'all';
  const peopleFilter = everyone ? undefined : await readFilter(db, ctx);
  const rows = await repo.sessionAttendance(
    db,
    org,
    sessionId,
    peopleFilter ? { peopleFilter } : {},
  );
  return { items: rows.map(presentAttendance) };
}

/** The trainer (source 'trainer') or a manager (source 'manager') records the session. */
export async function recordSessionAttendance(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  input: SessionAttendanceRecord,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const session = await getSessionRow(tx, org, sessionId);
    if (!session) throw notFound(SESSION_ENTITY);
    const source = recordsAsTrainer(ctx, session) ? 'trainer' : 'manager';
    await recordAttendance(tx, ctx, sessionId, input.entries, source);
    const userIds = input.entries.map((e) => e.userId);
    const rows = await repo.sessionAttendance(tx, org, sessionId, { userIds });
    return { items: rows.map(presentAttendance) };
  });
}

export async function listAttendance(
  db: Db,
  ctx: RequestContext,
  q: {
    courseId?: string | undefined;
    sessionId?: string | undefined;
    userId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const peopleFilter = await readFilter(db, ctx);
  const page = await repo.listAttendance(db, ctx.actor.organizationId, { ...q, peopleFilter }, q);
  return { items: page.items.map(presentAttendance), nextCursor: page.nextCursor };
}

/** Staff record a course they took outside a session (source 'self'). */
export async function recordSelfAttendance(
  db: Db,
  ctx: RequestContext,
  input: { courseId: string; attendedOn: string; note: string },
) {
  authorize(ctx.actor, 'training:take');
  const org = ctx.actor.organizationId;
  const userId = ctx.actor.userId;
  if (!userId) throw forbidden('forbidden', { permission: 'training:take' });
  const id = await db.transaction(async (tx) => {
    const course = await getCourseRow(tx, org, input.courseId);
    if (!course) throw invalid([{ field: 'courseId', code: 'reference_not_found' }]);
    if (!course.active) throw invalid([{ field: 'courseId', code: 'training_course_inactive' }]);
    if (input.attendedOn > trainingToday()) {
      throw invalid([{ field: 'attendedOn', code: 'training_date_future' }]);
    }
    const [row] = await repo.insertAttendance(tx, [
      {
        organizationId: org,
        courseId: course.id,
        sessionId: null,
        userId,
        attendedOn: input.attendedOn,
        status: 'attended',
        source: 'self',
        recordedBy: userId,
        note: input.note,
      },
    ]);
    await recordAudit(tx, ctx, [
      {
        action: 'training_attendance.self_recorded',
        entityType: ATTENDANCE_ENTITY,
        entityId: row!.id,
        after: auditable(row!),
      },
    ]);
    return row!.id;
  });
  return presentAttendance((await repo.getAttendanceView(db, org, id))!);
}

/** Removes a record made in error (training:manage over everyone). */
export async function removeAttendance(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
) {
  authorizeRegister(ctx, 'training:manage');
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    const before = await repo.getAttendanceRow(tx, org, id, true);
    if (!before) throw notFound(ATTENDANCE_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    if (!(await repo.deleteAttendance(tx, org, id, expectedVersion))) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'training_attendance.removed',
        entityType: ATTENDANCE_ENTITY,
        entityId: id,
        before: auditable(before),
      },
    ]);
  });
}
