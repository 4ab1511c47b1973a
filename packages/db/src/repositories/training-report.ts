import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * The attendance and quiz attempts of the training records report, by person
 * name then date. `people` filters a users column alias (trusted SQL); each
 * query fetches at most `limit` rows (the caller asks for one more than its cap).
 */

export interface ReportFilter {
  courseId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  people: SQL;
  limit: number;
}

const range = (column: SQL, f: ReportFilter) =>
  sql`${f.from ? sql`and ${column} >= ${f.from}::date` : sql``}
    ${f.to ? sql`and ${column} <= ${f.to}::date` : sql``}`;

export interface ReportAttendanceRow {
  user_name: string;
  email: string;
  unit_name: string | null;
  course_number: number;
  course_title: string;
  course_title_en: string;
  session_number: number | null;
  attended_on: string;
  status: string;
  source: string;
  note: string;
  evaluation_result: string | null;
  evaluated_by_name: string | null;
  evaluated_on: string | null;
}

export async function reportAttendance(db: Executor, org: string, f: ReportFilter) {
  return queryRows<ReportAttendanceRow>(
    db,
    sql`select u.display_name as user_name, u.email, ou.name as unit_name,
        c.number as course_number, c.title as course_title, c.title_en as course_title_en,
        s.number as session_number, a.attended_on::text as attended_on, a.status, a.source,
        a.note, a.evaluation_result, ev.display_name as evaluated_by_name,
        a.evaluated_on::text as evaluated_on
      from training_attendance a
      join users u on u.id = a.user_id
      left join org_units ou on ou.id = u.org_unit_id
      join training_courses c on c.id = a.course_id
      left join training_sessions s on s.id = a.session_id
      left join users ev on ev.id = a.evaluated_by
      where a.organization_id = ${org} and ${f.people}
        ${f.courseId ? sql`and a.course_id = ${f.courseId}` : sql``}
        ${f.unitId ? sql`and u.org_unit_id = ${f.unitId}` : sql``}
        ${range(sql`a.attended_on`, f)}
      order by u.display_name, u.id, a.attended_on, c.number
      limit ${f.limit}`,
  );
}

export interface ReportAttemptRow {
  user_name: string;
  unit_name: string | null;
  course_number: number;
  course_title: string;
  course_title_en: string;
  submitted_on: string;
  score: number;
  pass_mark: number;
  passed: boolean;
}

export async function reportAttempts(db: Executor, org: string, f: ReportFilter) {
  const day = sql`(q.submitted_at at time zone 'UTC')::date`;
  return queryRows<ReportAttemptRow>(
    db,
    sql`select u.display_name as user_name, ou.name as unit_name,
        c.number as course_number, c.title as course_title, c.title_en as course_title_en,
        ${day}::text as submitted_on, q.score, q.pass_mark, q.passed
      from training_quiz_attempts q
      join users u on u.id = q.user_id
      left join org_units ou on ou.id = u.org_unit_id
      join training_courses c on c.id = q.course_id
      where q.organization_id = ${org} and ${f.people}
        ${f.courseId ? sql`and q.course_id = ${f.courseId}` : sql``}
        ${f.unitId ? sql`and u.org_unit_id = ${f.unitId}` : sql``}
        ${range(day, f)}
      order by u.display_name, u.id, q.submitted_at
      limit ${f.limit}`,
  );
}
