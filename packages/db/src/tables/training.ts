import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, uuids } from './columns.ts';
import { organizations, users } from './identity.ts';

/**
 * Training and awareness (4.2.2.d, 5.2.2.b–d; annex 6.2.1): courses
 * (awareness for all staff, role courses), their quiz, sessions, attendance,
 * quiz attempts and supervisors' evaluations as the evidence that training
 * worked.
 */

/** One choice of a quiz question, in both languages. */
export interface QuizChoice {
  text: string;
  textEn: string;
  correct: boolean;
}

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (TC-0001). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull().default(''),
    description: text('description').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** 'awareness' (all staff) | 'role' (ISMS roles, jobs) | 'other'. */
    kind: text('kind').notNull(),
    /** 'classroom' | 'elearning' | 'on_the_job'. */
    delivery: text('delivery').notNull().default('classroom'),
    /** How effectiveness is shown: 'quiz' | 'supervisor' | 'none'. */
    evaluation: text('evaluation').notNull().default('none'),
    /** Percent of correct answers needed to pass the quiz. */
    passMark: integer('pass_mark').notNull().default(80),
    /** Months after which a person must take the course again (awareness: 12). */
    intervalMonths: integer('interval_months'),
    /** Everyone in the organization (staff and above) must take it. */
    audienceAll: boolean('audience_all').notNull().default(false),
    audienceUnitIds: uuids('audience_unit_ids'),
    /** ISMS roles (isms_roles.id) whose holders and deputies must take it. */
    audienceRoleIds: uuids('audience_role_ids'),
    /** Documents of the document register used as material. */
    materialDocumentIds: uuids('material_document_ids'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('training_courses_number_key').on(t.organizationId, t.number),
    check('training_courses_kind_check', sql`${t.kind} in ('awareness', 'role', 'other')`),
    check(
      'training_courses_delivery_check',
      sql`${t.delivery} in ('classroom', 'elearning', 'on_the_job')`,
    ),
    check(
      'training_courses_evaluation_check',
      sql`${t.evaluation} in ('quiz', 'supervisor', 'none')`,
    ),
    check('training_courses_pass_mark_check', sql`${t.passMark} between 1 and 100`),
    check(
      'training_courses_interval_check',
      sql`${t.intervalMonths} is null or ${t.intervalMonths} between 1 and 120`,
    ),
  ],
);

/** The quiz of a course: questions in order, each with its choices (one or more correct). */
export const trainingQuizQuestions = pgTable(
  'training_quiz_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    question: text('question').notNull(),
    questionEn: text('question_en').notNull().default(''),
    choices: jsonb('choices').$type<QuizChoice[]>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('training_quiz_questions_position_key').on(t.courseId, t.position)],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    /** 1, 2, 3… per organization (TS-0001). */
    number: integer('number').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    location: text('location').notNull().default(''),
    /** The trainer when a user (they may record the session's attendance). */
    trainerUserId: uuid('trainer_user_id').references(() => users.id),
    /** An external trainer's name, or the user's as shown. */
    trainerName: text('trainer_name').notNull().default(''),
    materialDocumentIds: uuids('material_document_ids'),
    audienceUnitIds: uuids('audience_unit_ids'),
    audienceRoleIds: uuids('audience_role_ids'),
    /** 'planned' | 'held' | 'cancelled'. */
    status: text('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('training_sessions_number_key').on(t.organizationId, t.number),
    index('training_sessions_course_idx').on(t.organizationId, t.courseId, t.heldOn),
    check('training_sessions_status_check', sql`${t.status} in ('planned', 'held', 'cancelled')`),
  ],
);

/**
 * Who attended a course, at a session or on their own (self-recorded), and a
 * supervisor's evaluation of its effectiveness for practical skills. Nobody
 * evaluates their own training.
 */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    attendedOn: date('attended_on', { mode: 'string' }).notNull(),
    /** 'attended' | 'absent'. */
    status: text('status').notNull().default('attended'),
    /** 'trainer' | 'manager' | 'import' | 'self'. */
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    note: text('note').notNull().default(''),
    /** 'effective' | 'not_effective', null until evaluated. */
    evaluationResult: text('evaluation_result'),
    evaluatedBy: uuid('evaluated_by').references(() => users.id),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
    evaluationNote: text('evaluation_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('training_attendance_session_user_key').on(t.sessionId, t.userId),
    index('training_attendance_user_idx').on(t.organizationId, t.userId, t.courseId),
    index('training_attendance_course_idx').on(t.organizationId, t.courseId, t.attendedOn),
    check('training_attendance_status_check', sql`${t.status} in ('attended', 'absent')`),
    check(
      'training_attendance_source_check',
      sql`${t.source} in ('trainer', 'manager', 'import', 'self')`,
    ),
    check(
      'training_attendance_result_check',
      sql`${t.evaluationResult} is null or ${t.evaluationResult} in ('effective', 'not_effective')`,
    ),
    check(
      'training_attendance_not_self_evaluated',
      sql`${t.evaluatedBy} is null or ${t.evaluatedBy} <> ${t.userId}`,
    ),
  ],
);

/** Every quiz attempt, kept whether passed or failed (retakes add rows; rows never change). */
export const trainingQuizAttempts = pgTable(
  'training_quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Per question in order: the chosen choice indexes. */
    answers: jsonb('answers').$type<number[][]>().notNull(),
    questionCount: integer('question_count').notNull(),
    correctCount: integer('correct_count').notNull(),
    /** Percent correct, rounded down. */
    score: integer('score').notNull(),
    passMark: integer('pass_mark').notNull(),
    passed: boolean('passed').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_quiz_attempts_user_idx').on(t.organizationId, t.userId, t.courseId),
    check(
      'training_quiz_attempts_counts_check',
      sql`${t.correctCount} between 0 and ${t.questionCount}`,
    ),
  ],
);
