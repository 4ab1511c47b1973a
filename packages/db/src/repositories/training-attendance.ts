import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { trainingAttendance, trainingCourses, trainingSessions } from '../tables/training.ts';

/**
 * Attendance at training courses (sessions or self-recorded) and supervisors'
 * evaluations. Every query is scoped by the organization id it is given.
 */

export type AttendanceRow = typeof trainingAttendance.$inferSelect;
export type NewAttendance = Omit<typeof trainingAttendance.$inferInsert, 'id'>;
const a = trainingAttendance;

/** The users of the organization among the ids, with their unit (one query). */
export async function orgUsers(db: Executor, org: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string | null>();
  const rows = await queryRows<{ id: string; org_unit_id: string | null }>(
    db,
    sql`select id, org_unit_id from users
      where organization_id = ${org} and id = any(${sql.param([...userIds])}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.org_unit_id]));
}

/** A session's attendance rows of these users, locked for the upsert. */
export async function sessionRowsOf(
  db: Executor,
  org: string,
  sessionId: string,
  userIds: readonly string[],
) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(a)
    .where(
      and(eq(a.organizationId, org), eq(a.sessionId, sessionId), inArray(a.userId, [...userIds])),
    )
    .for('update');
}

export async function insertAttendance(db: Executor, rows: NewAttendance[]) {
  if (rows.length === 0) return [];
  return db.insert(a).values(rows).returning();
}

export interface AttendanceChange {
  id: string;
  status: string;
  note: string;
  source: string;
  recordedBy: string | null;
  /** Absent people have nothing to evaluate: the evaluation is cleared. */
  clearEvaluation: boolean;
}

/** Updates many rows in one statement (bumping each version). */
export async function updateAttendanceBatch(
  db: Executor,
  org: string,
  changes: AttendanceChange[],
) {
  if (changes.length === 0) return [];
  const values = sql.join(
    changes.map(
      (c) =>
        sql`(${c.id}::uuid, ${c.status}::text, ${c.note}::text, ${c.source}::text, ${c.recordedBy}::uuid, ${c.clearEvaluation}::boolean)`,
    ),
    sql`, `,
  );
  return queryRows<{ id: string }>(
    db,
    sql`update training_attendance t set status = v.status, note = v.note, source = v.source,
        recorded_by = v.recorded_by,
        evaluation_result = case when v.clear then null else t.evaluation_result end,
        evaluated_by = case when v.clear then null else t.evaluated_by end,
        evaluated_on = case when v.clear then null else t.evaluated_on end,
        evaluation_note = case when v.clear then '' else t.evaluation_note end,
        version = t.version + 1, updated_at = now()
      from (values ${values}) as v(id, status, note, source, recorded_by, clear)
      where t.organization_id = ${org} and t.id = v.id
      returning t.id`,
  );
}

export async function getAttendanceRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(a)
    .where(and(eq(a.organizationId, org), eq(a.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateAttendance(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewAttendance, 'organizationId'>>,
) {
  const [row] = await db
    .update(a)
    .set({ ...values, version: sql`${a.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(a.organizationId, org), eq(a.id, id), eq(a.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteAttendance(db: Executor, org: string, id: string, version: number) {
  const rows = await db
    .delete(a)
    .where(and(eq(a.organizationId, org), eq(a.id, id), eq(a.version, version)))
    .returning({ id: a.id });
  return rows.length > 0;
}

// ---- views ------------------------------------------------------------------------------

const person = alias(users, 'person');
const recorder = alias(users, 'recorder');
const evaluator = alias(users, 'evaluator');

/** Attendance rows with the names shown beside them (one query, joins only). */
function selectViews(db: Executor) {
  return db
    .select({
      row: a,
      courseNumber: trainingCourses.number,
      courseTitle: trainingCourses.title,
      sessionNumber: trainingSessions.number,
      userName: person.displayName,
      recordedByName: recorder.displayName,
      evaluatedByName: evaluator.displayName,
    })
    .from(a)
    .innerJoin(trainingCourses, eq(trainingCourses.id, a.courseId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, a.sessionId))
    .innerJoin(person, eq(person.id, a.userId))
    .leftJoin(recorder, eq(recorder.id, a.recordedBy))
    .leftJoin(evaluator, eq(evaluator.id, a.evaluatedBy));
}
export type AttendanceView = Awaited<ReturnType<typeof getAttendanceView>> & object;

export async function getAttendanceView(db: Executor, org: string, id: string) {
  const [row] = await selectViews(db).where(and(eq(a.organizationId, org), eq(a.id, id)));
  return row ?? null;
}

/** A session's rows (bounded), optionally of some people or a reach filter, by name. */
export async function sessionAttendance(
  db: Executor,
  org: string,
  sessionId: string,
  f: { userIds?: readonly string[]; peopleFilter?: SQL },
  limit = 500,
) {
  const where: SQL[] = [eq(a.organizationId, org), eq(a.sessionId, sessionId)];
  if (f.userIds) where.push(inArray(a.userId, [...f.userIds]));
  if (f.peopleFilter) where.push(f.peopleFilter);
  return selectViews(db)
    .where(and(...where))
    .orderBy(person.displayName, a.id)
    .limit(limit);
}

/** Attendance newest first, filtered in SQL (peopleFilter narrows to the reader's reach). */
export async function listAttendance(
  db: Executor,
  org: string,
  f: {
    courseId?: string | undefined;
    sessionId?: string | undefined;
    userId?: string | undefined;
    peopleFilter?: SQL;
  },
  page: { limit: number; cursor?: string | undefined },
) {
  const where: SQL[] = [eq(a.organizationId, org)];
  if (f.courseId) where.push(eq(a.courseId, f.courseId));
  if (f.sessionId) where.push(eq(a.sessionId, f.sessionId));
  if (f.userId) where.push(eq(a.userId, f.userId));
  if (f.peopleFilter) where.push(f.peopleFilter);
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    where.push(
      sql`(${a.attendedOn}, ${a.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(desc(a.attendedOn), desc(a.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.row.attendedOn, r.row.id]);
}
