import type { CourseCompletion, MyTraining } from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import * as attendanceRepo from '@mamoru/db/repositories/training-attendance';
import { completionsOfUser } from '@mamoru/db/repositories/training-completion';
import * as coursesRepo from '@mamoru/db/repositories/training-courses';
import { sessionsToRecord } from '@mamoru/db/repositories/training-sessions';
import type { RequestContext } from '../audit/trail.ts';
import { forbidden } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { trainingToday } from './courses.ts';
import { presentAttempt, presentAttendance, presentSession, refsOfRows } from './presenters.ts';

/**
 * "My training": the courses the caller must (or did) take and where they
 * stand — from the one completion query every part shares — with their quiz
 * attempts, attendance and the sessions they train that still need recording.
 */

/** Due first: overdue, failed, not started…, then by due date. */
const ORDER: CourseCompletion['status'][] = [
  'overdue',
  'failed',
  'not_started',
  'awaiting_evaluation',
  'due_soon',
  'completed',
];

export async function myTraining(db: Db, ctx: RequestContext): Promise<MyTraining> {
  authorize(ctx.actor, 'training:take');
  const org = ctx.actor.organizationId;
  const userId = ctx.actor.userId;
  if (!userId) throw forbidden('forbidden', { permission: 'training:take' });
  const completions = await completionsOfUser(db, org, trainingToday(), userId);
  const courseIds = [...new Set(completions.map((c) => c.course_id))];
  const [courses, attempts, attendance, sessions] = await Promise.all([
    coursesRepo.coursesByIds(db, org, courseIds),
    coursesRepo.listAttempts(db, org, { userId }),
    attendanceRepo.listAttendance(db, org, { userId }, { limit: 200 }),
    sessionsToRecord(db, org, userId),
  ]);
  const byId = new Map(courses.map((c) => [c.id, c]));
  const refs = await refsOfRows(db, org, sessions);
  const rows: CourseCompletion[] = completions.flatMap((c) => {
    const course = byId.get(c.course_id);
    if (!course) return [];
    return [
      {
        course: {
          id: course.id,
          code: coursesRepo.courseCode(course.number),
          title: course.title,
          titleEn: course.titleEn,
          kind: course.kind as CourseCompletion['course']['kind'],
          delivery: course.delivery as CourseCompletion['course']['delivery'],
          evaluation: course.evaluation as CourseCompletion['course']['evaluation'],
          questionCount: Number(course.questionCount),
          passMark: course.passMark,
        },
        status: c.status,
        completedOn: c.completed_on,
        dueOn: c.due_on,
        attempts: Number(c.attempts),
        lastScore: c.last_score === null ? null : Number(c.last_score),
      },
    ];
  });
  rows.sort(
    (a, b) =>
      ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      a.course.code.localeCompare(b.course.code),
  );
  return {
    courses: rows,
    attempts: attempts.map((a) => presentAttempt(a)),
    attendance: attendance.items.map(presentAttendance),
    sessionsToRecord: sessions.map((s) => presentSession(s, refs, true)),
  };
}
