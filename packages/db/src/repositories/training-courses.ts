import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { completionSql } from './training-completion.ts';
import {
  trainingCourses,
  trainingQuizAttempts,
  trainingQuizQuestions,
  type QuizChoice,
} from '../tables/training.ts';

/**
 * Training courses, their quiz and the quiz attempts. Every query is scoped by
 * the organization id it is given; lists are keyset-paginated in SQL.
 */

export type CourseRow = typeof trainingCourses.$inferSelect;
export type NewCourse = Omit<typeof trainingCourses.$inferInsert, 'id'>;
export type QuestionRow = typeof trainingQuizQuestions.$inferSelect;
export type AttemptRow = typeof trainingQuizAttempts.$inferSelect;
export type NewAttempt = Omit<typeof trainingQuizAttempts.$inferInsert, 'id' | 'submittedAt'>;
type Page = { limit: number; cursor?: string | undefined };
const c = trainingCourses;
const q = trainingQuizQuestions;
const qa = trainingQuizAttempts;

/** TC-0001. */
export const courseCode = (n: number) => `TC-${String(n).padStart(4, '0')}`;

export async function nextCourseNumber(db: Executor, org: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`training_courses:${org}`}))`);
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as next from training_courses
      where organization_id = ${org}`,
  );
  return row!.next;
}

export type CourseView = CourseRow & { questionCount: number };
// Spelled out: drizzle may leave column names unqualified inside a select list.
const questionCount = sql<number>`(select count(*)::int from training_quiz_questions qq
  where qq.course_id = training_courses.id)`;

export async function insertCourse(db: Executor, values: NewCourse) {
  const [row] = await db.insert(c).values(values).returning();
  return row!;
}

export async function getCourse(db: Executor, org: string, id: string) {
  const [row] = await db
    .select({ ...trainingCoursesColumns(), questionCount })
    .from(c)
    .where(and(eq(c.organizationId, org), eq(c.id, id)));
  return row ?? null;
}

const trainingCoursesColumns = () => getTableColumns(c);

export async function getCourseRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(c)
    .where(and(eq(c.organizationId, org), eq(c.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateCourse(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewCourse, 'organizationId' | 'number'>>,
) {
  const [row] = await db
    .update(c)
    .set({ ...values, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.organizationId, org), eq(c.id, id), eq(c.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Courses by number. */
export async function listCourses(
  db: Executor,
  org: string,
  f: { kind?: string | undefined; active?: boolean | undefined; q?: string | undefined },
  page: Page,
) {
  const where: SQL[] = [eq(c.organizationId, org)];
  if (f.kind) where.push(eq(c.kind, f.kind));
  if (f.active !== undefined) where.push(eq(c.active, f.active));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(${c.title} ilike ${like} or ${c.titleEn} ilike ${like}
      or 'TC-' || lpad(${c.number}::text, 4, '0') ilike ${like})`);
  }
  const after = decodeCursor(page.cursor, 1, ['int']);
  if (after) where.push(sql`${c.number} > ${Number(after[0])}`);
  const rows = await db
    .select({ ...trainingCoursesColumns(), questionCount })
    .from(c)
    .where(and(...where))
    .orderBy(asc(c.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.number]);
}

// ---- references shown by name ----------------------------------------------------------

export interface Ref {
  id: string;
  code: string;
  name: string;
}
export interface DocRef {
  id: string;
  code: string;
  title: string;
}

/** Units, ISMS roles and documents of the organization by id (three queries at most). */
export async function trainingRefs(
  db: Executor,
  org: string,
  ids: { unitIds: readonly string[]; roleIds: readonly string[]; documentIds: readonly string[] },
) {
  const any = (list: readonly string[]) => sql.param([...new Set(list)]);
  const [units, roles, docs] = await Promise.all([
    ids.unitIds.length
      ? queryRows<Ref>(
          db,
          sql`select id, code, name from org_units
            where organization_id = ${org} and id = any(${any(ids.unitIds)}::uuid[])`,
        )
      : [],
    ids.roleIds.length
      ? queryRows<Ref>(
          db,
          sql`select id, code, name from isms_roles
            where organization_id = ${org} and id = any(${any(ids.roleIds)}::uuid[])`,
        )
      : [],
    ids.documentIds.length
      ? queryRows<DocRef>(
          db,
          sql`select id, code, title from documents
            where organization_id = ${org} and id = any(${any(ids.documentIds)}::uuid[])`,
        )
      : [],
  ]);
  return {
    units: new Map(units.map((r) => [r.id, r])),
    roles: new Map(roles.map((r) => [r.id, r])),
    documents: new Map(docs.map((r) => [r.id, r])),
  };
}
export type TrainingRefs = Awaited<ReturnType<typeof trainingRefs>>;

// ---- quiz -------------------------------------------------------------------------------

export async function quizQuestions(db: Executor, org: string, courseId: string) {
  return db
    .select()
    .from(q)
    .where(and(eq(q.organizationId, org), eq(q.courseId, courseId)))
    .orderBy(asc(q.position));
}

/** Replaces the whole quiz (delete, then one batched insert). */
export async function replaceQuiz(
  db: Executor,
  org: string,
  courseId: string,
  questions: { question: string; questionEn: string; choices: QuizChoice[] }[],
) {
  await db.delete(q).where(and(eq(q.organizationId, org), eq(q.courseId, courseId)));
  if (questions.length === 0) return [];
  return db
    .insert(q)
    .values(questions.map((x, i) => ({ organizationId: org, courseId, position: i + 1, ...x })))
    .returning();
}

export async function insertAttempt(db: Executor, values: NewAttempt) {
  const [row] = await db.insert(qa).values(values).returning();
  return row!;
}

export type AttemptView = AttemptRow & { userName: string };

/** Attempts newest first (a person's, or a course's), with the taker's name. */
export async function listAttempts(
  db: Executor,
  org: string,
  f: { userId?: string; courseId?: string },
  limit = 200,
) {
  return queryRows<AttemptView>(
    db,
    sql`select a.id, a.organization_id as "organizationId", a.course_id as "courseId",
        a.user_id as "userId", a.answers, a.question_count as "questionCount",
        a.correct_count as "correctCount", a.score, a.pass_mark as "passMark", a.passed,
        a.submitted_at as "submittedAt", u.display_name as "userName"
      from training_quiz_attempts a join users u on u.id = a.user_id
      where a.organization_id = ${org}
        ${f.userId ? sql`and a.user_id = ${f.userId}` : sql``}
        ${f.courseId ? sql`and a.course_id = ${f.courseId}` : sql``}
      order by a.submitted_at desc, a.id desc limit ${limit}`,
  );
}

/**
 * Audience and completed counts per course, of the people the reader reaches
 * (peopleFilter over the completion rows' `c.user_id`); one query.
 */
export async function courseCounts(
  db: Executor,
  org: string,
  today: string,
  courseIds: readonly string[],
  peopleFilter: SQL,
) {
  if (courseIds.length === 0) return new Map<string, { audience: number; completed: number }>();
  const rows = await queryRows<{ course_id: string; audience: number; completed: number }>(
    db,
    sql`with c as (${completionSql(org, today, { courseIds, requiredOnly: true })})
      select course_id, count(*)::int as audience,
        (count(*) filter (where status in ('completed', 'due_soon')))::int as completed
      from c where ${peopleFilter} group by course_id`,
  );
  return new Map(rows.map((r) => [r.course_id, { audience: r.audience, completed: r.completed }]));
}

/** Courses by id with their question counts (one query). */
export async function coursesByIds(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...trainingCoursesColumns(), questionCount })
    .from(c)
    .where(and(eq(c.organizationId, org), inArray(c.id, [...ids])));
}
