import { and, asc, desc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { trainingCourses, trainingSessions } from '../tables/training.ts';

/**
 * Training sessions (a course held on a date by a trainer). Every query is
 * scoped by the organization id it is given; lists are keyset-paginated.
 */

export type SessionRow = typeof trainingSessions.$inferSelect;
export type NewSession = Omit<typeof trainingSessions.$inferInsert, 'id'>;
const s = trainingSessions;
const c = trainingCourses;

/** TS-0001. */
export const sessionCode = (n: number) => `TS-${String(n).padStart(4, '0')}`;

export async function nextSessionNumber(db: Executor, org: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`training_sessions:${org}`}))`);
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`select coalesce(max(number), 0)::int + 1 as next from training_sessions
      where organization_id = ${org}`,
  );
  return row!.next;
}

/** The bare row, locked when asked (a write checks its version against it). */
export async function getSessionRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(s)
    .where(and(eq(s.organizationId, org), eq(s.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertSession(db: Executor, values: NewSession) {
  const [row] = await db.insert(s).values(values).returning();
  return row!;
}

export async function updateSession(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewSession, 'organizationId' | 'number' | 'courseId'>>,
) {
  const [row] = await db
    .update(s)
    .set({ ...values, version: sql`${s.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(s.organizationId, org), eq(s.id, id), eq(s.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Sessions with their course, trainer's name and attendance counts (subqueries, no N+1). */
function selectViews(db: Executor) {
  return db
    .select({
      ...getTableColumns(s),
      courseNumber: c.number,
      courseTitle: c.title,
      courseEvaluation: c.evaluation,
      // Spelled out: drizzle may leave column names unqualified inside a select list.
      trainerUserName: sql<string | null>`(select tu.display_name from users tu
        where tu.id = training_sessions.trainer_user_id)`,
      attendedCount: sql<number>`(select count(*)::int from training_attendance t
        where t.session_id = training_sessions.id and t.status = 'attended')`,
      unevaluatedCount: sql<number>`case when training_courses.evaluation = 'supervisor' then
        (select count(*)::int from training_attendance t where t.session_id = training_sessions.id
          and t.status = 'attended' and t.evaluation_result is null) else 0 end`,
    })
    .from(s)
    .innerJoin(c, eq(c.id, s.courseId));
}
export type SessionView = NonNullable<Awaited<ReturnType<typeof getSession>>>;

export async function getSession(db: Executor, org: string, id: string) {
  const [row] = await selectViews(db).where(and(eq(s.organizationId, org), eq(s.id, id)));
  return row ?? null;
}

/** Sessions newest first, filtered in SQL. */
export async function listSessions(
  db: Executor,
  org: string,
  f: {
    courseId?: string | undefined;
    status?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  page: { limit: number; cursor?: string | undefined },
) {
  const where: SQL[] = [eq(s.organizationId, org)];
  if (f.courseId) where.push(eq(s.courseId, f.courseId));
  if (f.status) where.push(eq(s.status, f.status));
  if (f.from) where.push(gte(s.heldOn, f.from));
  if (f.to) where.push(lte(s.heldOn, f.to));
  const after = decodeCursor(page.cursor, 2, ['date', 'int']);
  if (after) {
    where.push(sql`(${s.heldOn}, ${s.number}) < (${String(after[0])}::date, ${Number(after[1])})`);
  }
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(desc(s.heldOn), desc(s.number))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.heldOn, r.number]);
}

/** Sessions the user trains that are planned, or held with nothing recorded yet. */
export async function sessionsToRecord(db: Executor, org: string, userId: string, limit = 50) {
  return selectViews(db)
    .where(
      and(
        eq(s.organizationId, org),
        eq(s.trainerUserId, userId),
        sql`(${s.status} = 'planned' or (${s.status} = 'held' and not exists (
          select 1 from training_attendance t where t.session_id = training_sessions.id)))`,
      ),
    )
    .orderBy(asc(s.heldOn), asc(s.number))
    .limit(limit);
}
