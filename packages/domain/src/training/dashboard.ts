import { sql } from 'drizzle-orm';
import type {
  CompletionRow,
  CourseDelivery,
  CourseEvaluation,
  CourseKind,
  SessionStatus,
  TrainingDashboard,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import { reachablePeopleFilter } from '@mamoru/db/repositories/people-access';
import { completionByUnit } from '@mamoru/db/repositories/training-completion';
import {
  competenceExpiry,
  dashboardCourseIds,
  listCompletions,
  sessionsToEvaluate,
  unitsOf,
  upcomingSessions,
  type CompletionListRow,
} from '@mamoru/db/repositories/training-dashboard';
import type { RequestContext } from '../audit/trail.ts';
import { peopleReach } from '../people/access.ts';

/**
 * The training dashboard (completion per unit for the chart, totals, what is
 * overdue, sessions ahead and to evaluate, expiring competences) and the
 * person × course completion list. Both show only the people the reader
 * reaches under training:read ('own': oneself and the units one heads).
 */

export const todayUtc = () => new Date().toISOString().slice(0, 10);
const code = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;
export const courseCode = (n: number) => code('TC', n);
export const sessionCode = (n: number) => code('TS', n);

/** The reader's people filter, for any users column (trusted SQL); reach looked up once. */
export async function readablePeople(db: Executor, ctx: RequestContext) {
  const { reach, headedUnitIds } = await peopleReach(db, ctx, 'training:read');
  return (column: string) =>
    reachablePeopleFilter(sql.raw(column), reach, ctx.actor.userId, headedUnitIds);
}

export async function trainingDashboard(
  db: Executor,
  ctx: RequestContext,
  q: { courseId?: string; kind?: CourseKind },
  today = todayUtc(),
): Promise<TrainingDashboard> {
  const org = ctx.actor.organizationId;
  const [people, courseIds] = await Promise.all([
    readablePeople(db, ctx),
    dashboardCourseIds(db, org, q),
  ]);
  const [byUnit, upcoming, toEvaluate, expiry] = await Promise.all([
    courseIds.length
      ? completionByUnit(db, org, today, { courseIds, peopleFilter: people('user_id') })
      : Promise.resolve([]),
    courseIds.length ? upcomingSessions(db, org, today, courseIds) : Promise.resolve([]),
    courseIds.length
      ? sessionsToEvaluate(db, org, courseIds, people('a.user_id'))
      : Promise.resolve(0),
    competenceExpiry(db, org, today, people('pc.user_id')),
  ]);
  const units = await unitsOf(
    db,
    org,
    byUnit.flatMap((u) => (u.unitId ? [u.unitId] : [])),
  );
  const totals = { required: 0, completed: 0, overdue: 0, dueSoon: 0, failed: 0 };
  for (const u of byUnit) {
    totals.required += u.required;
    totals.completed += u.completed;
    totals.overdue += u.overdue;
    totals.dueSoon += u.dueSoon;
    totals.failed += u.failed;
  }
  const named = byUnit.map((u) => ({
    unit: u.unitId ? (units.get(u.unitId) ?? null) : null,
    required: u.required,
    completed: u.completed,
    overdue: u.overdue,
  }));
  // Units by code, the people of no unit last.
  named.sort((a, b) => (a.unit?.code ?? '\uffff').localeCompare(b.unit?.code ?? '\uffff'));
  return {
    byUnit: named,
    totals,
    upcomingSessions: upcoming.map((s) => ({
      id: s.id,
      code: sessionCode(s.number),
      course: { id: s.course_id, code: courseCode(s.course_number), title: s.course_title },
      heldOn: s.held_on,
      location: s.location,
      trainerName: s.trainer_name,
      status: s.status as SessionStatus,
    })),
    sessionsToEvaluate: toEvaluate,
    expiringCompetences: expiry.expiring,
    expiredCompetences: expiry.expired,
  };
}

export function presentCompletionRow(r: CompletionListRow): CompletionRow {
  return {
    course: {
      id: r.course_id,
      code: courseCode(r.course_number),
      title: r.course_title,
      titleEn: r.course_title_en,
      kind: r.course_kind as CourseKind,
      delivery: r.course_delivery as CourseDelivery,
      evaluation: r.course_evaluation as CourseEvaluation,
      questionCount: r.question_count,
      passMark: r.pass_mark,
    },
    status: r.status,
    completedOn: r.completed_on,
    dueOn: r.due_on,
    attempts: r.attempts,
    lastScore: r.last_score,
    user: { id: r.user_id, name: r.user_name },
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null,
  };
}

/** Person × course pairs the reader reaches, required ones, paged in SQL. */
export async function listTrainingCompletions(
  db: Executor,
  ctx: RequestContext,
  q: {
    courseId?: string;
    unitId?: string;
    userId?: string;
    status?: string;
    limit: number;
    cursor?: string;
  },
  today = todayUtc(),
) {
  const people = (await readablePeople(db, ctx))('c.user_id');
  const page = await listCompletions(
    db,
    ctx.actor.organizationId,
    today,
    {
      courseIds: q.courseId ? [q.courseId] : undefined,
      unitId: q.unitId,
      userIds: q.userId ? [q.userId] : undefined,
      status: q.status,
      // A person's own list (the profile) also shows courses they took unasked.
      requiredOnly: !q.userId,
      peopleFilter: people,
    },
    q,
  );
  return { items: page.items.map(presentCompletionRow), nextCursor: page.nextCursor };
}
