import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { DEFAULT_EXPIRY_WARNING_DAYS } from './people-settings.ts';
import { completionSql, type CompletionFilter, type CompletionRow } from './training-completion.ts';

/**
 * The training dashboard's figures beside the completion counts, and the
 * person × course completion list, paged in SQL over the one completion query.
 * `people` is a filter on a users column alias (reachablePeopleFilter), trusted SQL.
 */

/** Active courses of a kind (the dashboard's filter), or one course. */
export async function dashboardCourseIds(
  db: Executor,
  org: string,
  f: { courseId?: string; kind?: string },
) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from training_courses where organization_id = ${org} and active
      ${f.courseId ? sql`and id = ${f.courseId}` : sql``}
      ${f.kind ? sql`and kind = ${f.kind}` : sql``}`,
  );
  return rows.map((r) => r.id);
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export async function unitsOf(db: Executor, org: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, UnitRef>();
  const rows = await queryRows<UnitRef>(
    db,
    sql`select id, code, name from org_units
      where organization_id = ${org} and id = any(${sql.param([...ids])}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface SessionBriefRow {
  id: string;
  number: number;
  course_id: string;
  course_number: number;
  course_title: string;
  held_on: string;
  location: string;
  trainer_name: string;
  status: string;
}

/** Planned sessions from today on, soonest first. */
export async function upcomingSessions(
  db: Executor,
  org: string,
  today: string,
  courseIds: readonly string[],
  limit = 10,
) {
  return queryRows<SessionBriefRow>(
    db,
    sql`select s.id, s.number, s.course_id, c.number as course_number, c.title as course_title,
        s.held_on::text as held_on, s.location,
        coalesce(nullif(s.trainer_name, ''), u.display_name, '') as trainer_name, s.status
      from training_sessions s
      join training_courses c on c.id = s.course_id
      left join users u on u.id = s.trainer_user_id
      where s.organization_id = ${org} and s.status = 'planned' and s.held_on >= ${today}::date
        and s.course_id = any(${sql.param([...courseIds])}::uuid[])
      order by s.held_on, s.number limit ${limit}`,
  );
}

/** Held sessions of supervisor-evaluated courses with an attendee (reached) not yet evaluated. */
export async function sessionsToEvaluate(
  db: Executor,
  org: string,
  courseIds: readonly string[],
  people: SQL,
) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct s.id)::int as n from training_sessions s
      join training_courses c on c.id = s.course_id and c.evaluation = 'supervisor'
      join training_attendance a on a.session_id = s.id and a.status = 'attended'
        and a.evaluation_result is null
      where s.organization_id = ${org} and s.status = 'held'
        and s.course_id = any(${sql.param([...courseIds])}::uuid[])
        and ${people}`,
  );
  return row?.n ?? 0;
}

/** Expired competences, and those expiring within the warning days (people_settings, or the default). */
export async function competenceExpiry(db: Executor, org: string, today: string, people: SQL) {
  const [row] = await queryRows<{ expired: number; expiring: number }>(
    db,
    sql`with w as (
        select coalesce((select expiry_warning_days from people_settings
          where organization_id = ${org}), ${DEFAULT_EXPIRY_WARNING_DAYS}::int) as days)
      select
        (count(*) filter (where pc.expires_on < ${today}::date))::int as expired,
        (count(*) filter (where pc.expires_on >= ${today}::date
          and pc.expires_on <= ${today}::date + (select days from w)))::int as expiring
      from person_competences pc
      where pc.organization_id = ${org} and pc.expires_on is not null and ${people}`,
  );
  return { expired: row?.expired ?? 0, expiring: row?.expiring ?? 0 };
}

export interface CompletionListRow extends CompletionRow {
  user_name: string;
  unit_code: string | null;
  unit_name: string | null;
  course_number: number;
  course_title: string;
  course_title_en: string;
  course_kind: string;
  course_delivery: string;
  course_evaluation: string;
  question_count: number;
  pass_mark: number;
}

/** The person columns, unit and course the list and the report show beside each pair. */
export function completionRowsSql(
  org: string,
  today: string,
  f: CompletionFilter & { status?: string },
  extraWhere: SQL = sql`true`,
) {
  return sql`with c as (${completionSql(org, today, f)})
    select c.*, u.display_name as user_name, ou.code as unit_code, ou.name as unit_name,
      tc.number as course_number, tc.title as course_title, tc.title_en as course_title_en,
      tc.kind as course_kind, tc.delivery as course_delivery, tc.evaluation as course_evaluation,
      tc.pass_mark,
      (select count(*)::int from training_quiz_questions q where q.course_id = tc.id)
        as question_count
    from c
    join users u on u.id = c.user_id
    left join org_units ou on ou.id = c.unit_id
    join training_courses tc on tc.id = c.course_id
    where ${f.status ? sql`c.status = ${f.status}` : sql`true`}
      and ${f.peopleFilter ?? sql`true`} and ${extraWhere}`;
}

/** One page of pairs by person name, then course number (keyset on name, user id, number). */
export async function listCompletions(
  db: Executor,
  org: string,
  today: string,
  f: CompletionFilter & { status?: string },
  page: { limit: number; cursor?: string },
) {
  const after = decodeCursor(page.cursor, 3, ['text', 'uuid', 'int']);
  const keyset = after
    ? sql`(u.display_name, c.user_id, tc.number) > (${String(after[0])}, ${String(after[1])}::uuid, ${Number(after[2])}::int)`
    : sql`true`;
  const rows = await queryRows<CompletionListRow>(
    db,
    sql`${completionRowsSql(org, today, f, keyset)}
      order by u.display_name, c.user_id, tc.number limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) => [r.user_name, r.user_id, r.course_number]);
}
