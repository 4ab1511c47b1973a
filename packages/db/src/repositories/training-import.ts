import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/** What the attendance import needs to know of a session, its people and what is recorded. */

export interface ImportSession {
  id: string;
  course_id: string;
  trainer_user_id: string | null;
  status: string;
}

export async function sessionForImport(db: Executor, org: string, sessionId: string) {
  const [row] = await queryRows<ImportSession>(
    db,
    sql`select id, course_id, trainer_user_id, status from training_sessions
      where organization_id = ${org} and id = ${sessionId}`,
  );
  return row;
}

export interface ImportPerson {
  id: string;
  email: string;
  display_name: string;
  org_unit_id: string | null;
}

/** The organization's users with these emails (compared lower-cased), in one query. */
export async function usersByEmail(db: Executor, org: string, emails: readonly string[]) {
  if (emails.length === 0) return new Map<string, ImportPerson>();
  const rows = await queryRows<ImportPerson>(
    db,
    sql`select id, lower(email) as email, display_name, org_unit_id from users
      where organization_id = ${org}
        and lower(email) = any(${sql.param([...emails])}::text[])`,
  );
  return new Map(rows.map((r) => [r.email, r]));
}

/** The session's recorded attendance by user: an unchanged row is skipped. */
export async function sessionAttendanceByUser(db: Executor, org: string, sessionId: string) {
  const rows = await queryRows<{ user_id: string; status: string; note: string }>(
    db,
    sql`select user_id, status, note from training_attendance
      where organization_id = ${org} and session_id = ${sessionId}`,
  );
  return new Map(rows.map((r) => [r.user_id, r]));
}
