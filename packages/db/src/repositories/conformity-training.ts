import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { completionSql } from './training-completion.ts';

/**
 * Conformity facts of the training area (4.2.2.d, 5.1.d, 5.2.2.c/d): the
 * awareness programme and its completion (the shared completion query), what
 * was delivered in the last twelve months, how effectiveness is evaluated,
 * and the attendance records kept. Two set-based queries; lists are capped.
 */

const CAP = 5;

interface Counted<T> {
  count: number;
  refs: T[];
}

export interface CourseRef {
  id: string;
  /** TC-0001. */
  code: string;
  title: string;
  titleEn: string;
}

export interface SessionRef {
  id: string;
  /** TS-0001. */
  code: string;
  heldOn: string;
  courseTitle: string;
  courseTitleEn: string;
}

/** A person and a course, e.g. a failed quiz not yet passed. */
export interface PersonCourseRef {
  userId: string;
  name: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseTitleEn: string;
}

export interface TrainingFacts {
  /** Active courses. */
  courses: number;
  /** Active awareness courses for everyone. */
  awareness: Counted<CourseRef>;
  /** Those without an interval (taken once, never renewed). */
  awarenessWithoutInterval: Counted<CourseRef>;
  /** Required pairs of the awareness courses for everyone, and those done and not yet due. */
  awarenessRequired: number;
  awarenessCompleted: number;
  /** People who must take an awareness course and have not completed it (count = people). */
  awarenessNotCompleted: Counted<{ userId: string; name: string }>;
  /** Active role courses. */
  roleCourses: number;
  /** Every required pair of the organization: overdue and due within 30 days (the dashboard). */
  completion: { required: number; overdue: number; dueSoon: number };
  /** Delivered in the last twelve months: held sessions, attendances, quiz attempts. */
  delivered: { sessions: number; attendances: number; attempts: number };
  /** Active awareness and role courses with nothing delivered in twelve months. */
  undelivered: Counted<CourseRef>;
  /** Active courses that evaluate nothing (evaluation 'none'). */
  withoutEvaluation: Counted<CourseRef>;
  /** Active quiz courses without a question. */
  quizWithoutQuestions: Counted<CourseRef>;
  /** Passed quiz attempts and supervisors' evaluations recorded. */
  evaluationResults: number;
  /** Held sessions of supervisor-evaluated courses with attendees not evaluated. */
  sessionsToEvaluate: Counted<SessionRef>;
  /** Person-course pairs failed and not completed since (the completion query's 'failed'). */
  failed: Counted<PersonCourseRef>;
  /** Sessions held (not cancelled, on or before today) and attendance rows recorded. */
  heldSessions: number;
  sessionsWithoutAttendance: Counted<SessionRef>;
  attendance: number;
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const counted = <T>(count: unknown, refs: unknown): Counted<T> => ({
  count: Number(count ?? 0),
  refs: parseJson<T[]>(refs ?? []),
});

const cap = sql.raw(String(CAP));
/** The first few courses of a relation of training_courses rows, by number, as json. */
const courseRefs = (from: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('id', x.id,
      'code', 'TC-' || lpad(x.number::text, 4, '0'), 'title', x.title, 'titleEn', x.title_en)
      order by x.number), '[]')
    from (select * from ${from} order by number limit ${CAP}) x)`);
/** The first few sessions of a relation of training_sessions rows, by date, as json. */
const sessionRefs = (from: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('id', x.id,
      'code', 'TS-' || lpad(x.number::text, 4, '0'), 'heldOn', x.held_on::text,
      'courseTitle', c.title, 'courseTitleEn', c.title_en) order by x.held_on, x.number), '[]')
    from (select * from ${from} order by held_on, number limit ${CAP}) x
    join training_courses c on c.id = x.course_id)`);

async function programme(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with courses as (
      select * from training_courses where organization_id = ${org} and active
    ), awareness as (select * from courses where kind = 'awareness' and audience_all
    ), since as (select (${today}::date - interval '12 months')::date as d
    ), sessions as (
      select s.* from training_sessions s where s.organization_id = ${org}
        and s.status = 'held' and s.held_on <= ${today}::date
    ), recent as (
      select course_id from sessions where held_on > (select d from since)
      union select course_id from training_attendance where organization_id = ${org}
        and status = 'attended' and attended_on > (select d from since)
        and attended_on <= ${today}::date
      union select course_id from training_quiz_attempts where organization_id = ${org}
        and (submitted_at at time zone 'UTC')::date > (select d from since)
    ), undelivered as (
      select * from courses where kind in ('awareness', 'role')
        and id not in (select course_id from recent)
    ), no_eval as (select * from courses where evaluation = 'none'
    ), no_questions as (
      select * from courses c where evaluation = 'quiz' and not exists
        (select 1 from training_quiz_questions q where q.course_id = c.id)
    ), no_interval as (select * from awareness where interval_months is null
    ), to_evaluate as (
      select s.* from sessions s
      join courses c on c.id = s.course_id and c.evaluation = 'supervisor'
      where exists (select 1 from training_attendance a where a.session_id = s.id
        and a.status = 'attended' and a.evaluation_result is null)
    ), unrecorded as (
      select s.* from sessions s
      where not exists (select 1 from training_attendance a where a.session_id = s.id)
    )
    select (select count(*)::int from courses) as courses,
      (select count(*)::int from awareness) as awareness,
      ${courseRefs('awareness')} as awareness_refs,
      (select count(*)::int from no_interval) as no_interval,
      ${courseRefs('no_interval')} as no_interval_refs,
      (select count(*)::int from courses where kind = 'role') as role_courses,
      (select count(*)::int from sessions where held_on > (select d from since)) as sessions_12m,
      (select count(*)::int from training_attendance where organization_id = ${org}
        and status = 'attended' and attended_on > (select d from since)
        and attended_on <= ${today}::date) as attendances_12m,
      (select count(*)::int from training_quiz_attempts where organization_id = ${org}
        and (submitted_at at time zone 'UTC')::date > (select d from since)) as attempts_12m,
      (select count(*)::int from undelivered) as undelivered,
      ${courseRefs('undelivered')} as undelivered_refs,
      (select count(*)::int from no_eval) as no_eval,
      ${courseRefs('no_eval')} as no_eval_refs,
      (select count(*)::int from no_questions) as no_questions,
      ${courseRefs('no_questions')} as no_questions_refs,
      (select count(*)::int from training_quiz_attempts where organization_id = ${org}
        and passed) + (select count(*)::int from training_attendance
        where organization_id = ${org} and evaluation_result is not null) as results,
      (select count(*)::int from to_evaluate) as to_evaluate,
      ${sessionRefs('to_evaluate')} as to_evaluate_refs,
      (select count(*)::int from sessions) as held,
      (select count(*)::int from unrecorded) as unrecorded,
      ${sessionRefs('unrecorded')} as unrecorded_refs,
      (select count(*)::int from training_attendance where organization_id = ${org})
        as attendance`,
  );
  return row!;
}

/** Completion through the shared query: awareness for everyone, every required pair, failures. */
async function completion(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with c as (${completionSql(org, today)}
    ), aw as (
      select c.* from c join training_courses t on t.id = c.course_id
        and t.kind = 'awareness' and t.audience_all
      where c.required
    ), behind as (
      select distinct aw.user_id, u.display_name from aw join users u on u.id = aw.user_id
      where aw.status not in ('completed', 'due_soon')
    ), failed as (
      select c.user_id, u.display_name, t.id as course_id, t.number, t.title, t.title_en
      from c join users u on u.id = c.user_id join training_courses t on t.id = c.course_id
      where c.status = 'failed'
    )
    select (select count(*)::int from aw) as aw_required,
      (select count(*)::int from aw where status in ('completed', 'due_soon')) as aw_completed,
      (select count(*)::int from behind) as behind,
      (select coalesce(json_agg(json_build_object('userId', x.user_id, 'name', x.display_name)
          order by x.display_name, x.user_id), '[]')
        from (select * from behind order by display_name, user_id limit ${cap}) x) as behind_refs,
      (select count(*)::int from c where required) as required,
      (select count(*)::int from c where required and status = 'overdue') as overdue,
      (select count(*)::int from c where required and status = 'due_soon') as due_soon,
      (select count(*)::int from failed) as failed,
      (select coalesce(json_agg(json_build_object('userId', x.user_id, 'name', x.display_name,
          'courseId', x.course_id, 'courseCode', 'TC-' || lpad(x.number::text, 4, '0'),
          'courseTitle', x.title, 'courseTitleEn', x.title_en)
          order by x.display_name, x.number), '[]')
        from (select * from failed order by display_name, number limit ${cap}) x) as failed_refs`,
  );
  return row!;
}

export async function trainingFacts(
  db: Executor,
  org: string,
  today: string,
): Promise<TrainingFacts> {
  const p = await programme(db, org, today);
  const c = await completion(db, org, today);
  return {
    courses: Number(p.courses ?? 0),
    awareness: counted(p.awareness, p.awareness_refs),
    awarenessWithoutInterval: counted(p.no_interval, p.no_interval_refs),
    awarenessRequired: Number(c.aw_required ?? 0),
    awarenessCompleted: Number(c.aw_completed ?? 0),
    awarenessNotCompleted: counted(c.behind, c.behind_refs),
    roleCourses: Number(p.role_courses ?? 0),
    completion: {
      required: Number(c.required ?? 0),
      overdue: Number(c.overdue ?? 0),
      dueSoon: Number(c.due_soon ?? 0),
    },
    delivered: {
      sessions: Number(p.sessions_12m ?? 0),
      attendances: Number(p.attendances_12m ?? 0),
      attempts: Number(p.attempts_12m ?? 0),
    },
    undelivered: counted(p.undelivered, p.undelivered_refs),
    withoutEvaluation: counted(p.no_eval, p.no_eval_refs),
    quizWithoutQuestions: counted(p.no_questions, p.no_questions_refs),
    evaluationResults: Number(p.results ?? 0),
    sessionsToEvaluate: counted(p.to_evaluate, p.to_evaluate_refs),
    failed: counted(c.failed, c.failed_refs),
    heldSessions: Number(p.held ?? 0),
    sessionsWithoutAttendance: counted(p.unrecorded, p.unrecorded_refs),
    attendance: Number(p.attendance ?? 0),
  };
}
