import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';

/**
 * Who must take which course and where they stand: the one place that decides
 * completion, shared by My training, the dashboard, the completion list, the
 * competence gaps, the report and the conformity facts.
 *
 * A person must take an active course when it is for everyone, for their unit,
 * for an ISMS role they hold or deputize now, or when a role or their job
 * requires it as a competence. The course is completed by a passed quiz
 * (evaluation 'quiz'), a supervisor's "effective" (evaluation 'supervisor'),
 * or attendance (evaluation 'none'); with an interval it is due again that
 * many months later. Statuses:
 * - completed: done and not due within 30 days;
 * - due_soon: done, due again within 30 days;
 * - overdue: done once, but the interval has passed;
 * - failed: never completed; the quiz was failed, or a supervisor found it not effective;
 * - awaiting_evaluation: attended, the supervisor has not evaluated it yet;
 * - not_started: nothing recorded.
 */

export const DUE_SOON_DAYS = 30;

export type CompletionStatus =
  'completed' | 'due_soon' | 'overdue' | 'failed' | 'awaiting_evaluation' | 'not_started';

export interface CompletionFilter {
  userIds?: readonly string[];
  courseIds?: readonly string[];
  /** Members of this unit only. */
  unitId?: string;
  /** Only the pairs a person must take (else also courses taken of their own accord). */
  requiredOnly?: boolean;
  /** Extra condition on the person, e.g. reachablePeopleFilter(sql`c.user_id`, …). */
  peopleFilter?: SQL;
}

/**
 * A select of one row per (person, course) pair: user_id, course_id, unit_id,
 * required, status, completed_on, due_on, attempts, last_score. Wrap it in a
 * CTE (`with c as (${completionSql(…)})`) to page, filter or count.
 */
export function completionSql(org: string, today: string, f: CompletionFilter = {}): SQL {
  const users = f.userIds ? sql`and u.id = any(${sql.param([...f.userIds])}::uuid[])` : sql``;
  const unit = f.unitId ? sql`and u.org_unit_id = ${f.unitId}` : sql``;
  const courses = f.courseIds ? sql`and c.id = any(${sql.param([...f.courseIds])}::uuid[])` : sql``;
  const activity = f.requiredOnly
    ? sql``
    : sql`union select user_id, course_id from training_attendance
            where organization_id = ${org} and status = 'attended'
          union select user_id, course_id from training_quiz_attempts where organization_id = ${org}`;
  return sql`
    with people as (
      select u.id as user_id, u.org_unit_id, p.job_id
      from users u left join person_profiles p on p.user_id = u.id
      where u.organization_id = ${org} and u.active
        and not (u.roles <@ array['external_auditor']::text[] and cardinality(u.roles) > 0)
        ${users} ${unit}
    ), held as (
      select a.user_id, a.role_id from isms_role_assignments a
      join isms_roles r on r.id = a.role_id and r.active
      where a.organization_id = ${org} and a.starts_on <= ${today}::date
        and (a.ends_on is null or a.ends_on >= ${today}::date)
    ), courses as (
      select c.* from training_courses c where c.organization_id = ${org} and c.active ${courses}
    ), required as (
      select p.user_id, c.id as course_id from people p join courses c on
        c.audience_all or p.org_unit_id = any(c.audience_unit_ids)
        or exists (select 1 from held h where h.user_id = p.user_id
          and h.role_id = any(c.audience_role_ids))
        or exists (select 1 from competence_requirements q
          where q.organization_id = ${org} and q.course_id = c.id
            and (q.job_id = p.job_id
              or q.role_id in (select h.role_id from held h where h.user_id = p.user_id)))
    ), pairs as (
      select user_id, course_id from required
      ${activity}
    ), att as (
      select user_id, course_id,
        max(attended_on) filter (where status = 'attended') as last_attended_on,
        max(evaluated_on) filter (where evaluation_result = 'effective') as last_effective_on,
        max(evaluated_on) filter (where evaluation_result = 'not_effective') as last_not_effective_on
      from training_attendance where organization_id = ${org} group by user_id, course_id
    ), qa as (
      select user_id, course_id, count(*)::int as attempts,
        max((submitted_at at time zone 'UTC')::date) filter (where passed) as last_passed_on,
        (array_agg(score order by submitted_at desc))[1] as last_score
      from training_quiz_attempts where organization_id = ${org} group by user_id, course_id
    ), facts as (
      select pr.user_id, pr.course_id, p.org_unit_id as unit_id,
        exists (select 1 from required r where r.user_id = pr.user_id and r.course_id = pr.course_id)
          as required,
        c.evaluation, c.interval_months,
        case c.evaluation when 'quiz' then qa.last_passed_on
          when 'supervisor' then att.last_effective_on
          else att.last_attended_on end as completed_on,
        att.last_attended_on, att.last_not_effective_on,
        coalesce(qa.attempts, 0) as attempts, qa.last_score
      from pairs pr
      join people p on p.user_id = pr.user_id
      join courses c on c.id = pr.course_id
      left join att on att.user_id = pr.user_id and att.course_id = pr.course_id
      left join qa on qa.user_id = pr.user_id and qa.course_id = pr.course_id
    ), dated as (
      select f.*, case when f.completed_on is not null and f.interval_months is not null
        then (f.completed_on + make_interval(months => f.interval_months))::date end as due_on
      from facts f
    )
    select user_id, course_id, unit_id, required,
      case
        when completed_on is null then case
          when evaluation = 'quiz' and attempts > 0 then 'failed'
          when evaluation = 'supervisor' and last_not_effective_on is not null then 'failed'
          when evaluation = 'supervisor' and last_attended_on is not null then 'awaiting_evaluation'
          else 'not_started' end
        when due_on is not null and due_on < ${today}::date then 'overdue'
        when due_on is not null and due_on <= ${today}::date + ${DUE_SOON_DAYS}::int then 'due_soon'
        else 'completed' end as status,
      completed_on::text as completed_on, due_on::text as due_on, attempts, last_score
    from dated`;
}

export interface CompletionRow {
  user_id: string;
  course_id: string;
  unit_id: string | null;
  required: boolean;
  status: CompletionStatus;
  completed_on: string | null;
  due_on: string | null;
  attempts: number;
  last_score: number | null;
}

/** Every pair of one person (My training, the profile). */
export async function completionsOfUser(db: Executor, org: string, today: string, userId: string) {
  return queryRows<CompletionRow>(db, completionSql(org, today, { userIds: [userId] }));
}

export interface CompletionCounts {
  required: number;
  /** completed or due soon: done and not yet due. */
  completed: number;
  overdue: number;
  dueSoon: number;
  failed: number;
}

const countColumns = sql`
  count(*)::int as required,
  (count(*) filter (where status in ('completed', 'due_soon')))::int as completed,
  (count(*) filter (where status = 'overdue'))::int as overdue,
  (count(*) filter (where status = 'due_soon'))::int as due_soon,
  (count(*) filter (where status = 'failed'))::int as failed`;

type CountRow = {
  required: number;
  completed: number;
  overdue: number;
  due_soon: number;
  failed: number;
};
const counts = (r: CountRow | undefined): CompletionCounts => ({
  required: r?.required ?? 0,
  completed: r?.completed ?? 0,
  overdue: r?.overdue ?? 0,
  dueSoon: r?.due_soon ?? 0,
  failed: r?.failed ?? 0,
});

/** Required pairs counted per unit of the person (null = no unit): the completion chart. */
export async function completionByUnit(
  db: Executor,
  org: string,
  today: string,
  f: CompletionFilter = {},
) {
  const where = f.peopleFilter ?? sql`true`;
  const rows = await queryRows<CountRow & { unit_id: string | null }>(
    db,
    sql`with c as (${completionSql(org, today, { ...f, requiredOnly: true })})
      select unit_id, ${countColumns} from c where ${where} group by unit_id`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, ...counts(r) }));
}

/** Required pairs counted per course (the course list's audience and completion). */
export async function completionByCourse(
  db: Executor,
  org: string,
  today: string,
  courseIds: readonly string[],
) {
  if (courseIds.length === 0) return new Map<string, CompletionCounts>();
  const rows = await queryRows<CountRow & { course_id: string }>(
    db,
    sql`with c as (${completionSql(org, today, { courseIds, requiredOnly: true })})
      select course_id, ${countColumns} from c group by course_id`,
  );
  return new Map(rows.map((r) => [r.course_id, counts(r)]));
}
