import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { trainingAttendance } from '../tables/training.ts';

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
        sql`(${c.id}::uuid, ${c.status}, ${c.note}, ${c.source}, ${c.recordedBy}::uuid, ${c.clearEvaluation}::boolean)`,
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
