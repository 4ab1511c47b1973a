import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { completionSql } from './training-completion.ts';

/**
 * Competence gaps (5.2.2.a/b): for every active person, each competence the
 * ISMS roles they hold or deputize now, or their job, require, and whether
 * they have it. The one place that decides it, for the gap view, the people
 * list, the profile, the dashboard and the conformity facts.
 *
 * - training: the course's completion (training-completion.ts): overdue is
 *   'expired', due soon is 'expiring', failed is 'failed', anything else not
 *   completed is 'missing';
 * - skill or qualification: a competence of the person that names the
 *   requirement, valid until the earlier of its expiry and its renewal
 *   (obtained + renewal months); none is 'missing', all past is 'expired',
 *   the best one ending within the warning days is 'expiring'.
 * Met requirements are not rows; 'expiring' rows are met but about to lapse.
 */

export type GapStatus = 'missing' | 'expired' | 'expiring' | 'failed';

export interface GapFilter {
  userIds?: readonly string[];
  unitId?: string;
  status?: GapStatus;
  /** Extra condition on the person (g.user_id), e.g. reachablePeopleFilter. */
  peopleFilter?: SQL;
}

/**
 * A select of one row per gap: user_id, unit_id, requirement_id, kind,
 * source_kind ('role' | 'job'), source_id, status, due_on. Wrap it in a CTE to
 * page or count.
 */
export function gapSql(org: string, today: string, warningDays: number, f: GapFilter = {}): SQL {
  const users = f.userIds ? sql`and u.id = any(${sql.param([...f.userIds])}::uuid[])` : sql``;
  const unit = f.unitId ? sql`and u.org_unit_id = ${f.unitId}` : sql``;
  const status = f.status ? sql`and status = ${f.status}` : sql``;
  const people = f.peopleFilter ?? sql`true`;
  return sql`
    with people as (
      select u.id as user_id, u.org_unit_id, p.job_id
      from users u left join person_profiles p on p.user_id = u.id
      where u.organization_id = ${org} and u.active ${users} ${unit}
    ), held as (
      select distinct a.user_id, a.role_id from isms_role_assignments a
      join isms_roles r on r.id = a.role_id and r.active
      where a.organization_id = ${org} and a.starts_on <= ${today}::date
        and (a.ends_on is null or a.ends_on >= ${today}::date)
    ), needed as (
      select p.user_id, p.org_unit_id, q.id as requirement_id, q.kind, q.course_id,
        q.renewal_months, 'role' as source_kind, q.role_id as source_id
      from people p join held h on h.user_id = p.user_id
      join competence_requirements q on q.role_id = h.role_id and q.organization_id = ${org}
      union all
      select p.user_id, p.org_unit_id, q.id, q.kind, q.course_id, q.renewal_months, 'job', q.job_id
      from people p
      join competence_requirements q on q.job_id = p.job_id and q.organization_id = ${org}
      join job_definitions j on j.id = q.job_id and j.active
    ), completion as (${completionSql(org, today, { requiredOnly: true })}
    ), held_competence as (
      select n.user_id, n.requirement_id,
        max(least(pc.expires_on,
          case when n.renewal_months is not null and pc.obtained_on is not null
            then (pc.obtained_on + make_interval(months => n.renewal_months))::date end))
          as valid_until,
        bool_or(pc.expires_on is null
          and (n.renewal_months is null or pc.obtained_on is null)) as open_ended
      from needed n join person_competences pc
        on pc.user_id = n.user_id and pc.requirement_id = n.requirement_id
      where n.kind <> 'training'
      group by n.user_id, n.requirement_id
    ), judged as (
      select n.user_id, n.org_unit_id as unit_id, n.requirement_id, n.kind, n.source_kind,
        n.source_id,
        case when n.kind = 'training' then case c.status
            when 'completed' then null
            when 'due_soon' then 'expiring'
            when 'overdue' then 'expired'
            when 'failed' then 'failed'
            else 'missing' end
          when hc.user_id is null then 'missing'
          when hc.open_ended then null
          when hc.valid_until < ${today}::date then 'expired'
          when hc.valid_until <= ${today}::date + ${warningDays}::int then 'expiring'
          else null end as status,
        case when n.kind = 'training' then c.due_on
          when hc.open_ended then null
          else hc.valid_until::text end as due_on
      from needed n
      left join completion c on n.kind = 'training'
        and c.user_id = n.user_id and c.course_id = n.course_id
      left join held_competence hc on n.kind <> 'training'
        and hc.user_id = n.user_id and hc.requirement_id = n.requirement_id
    )
    select distinct on (g.user_id, g.requirement_id) g.user_id, g.unit_id, g.requirement_id,
      g.kind, g.source_kind, g.source_id, g.status, g.due_on
    from judged g
    where g.status is not null ${status} and ${people}
    order by g.user_id, g.requirement_id, g.source_kind desc`;
}

export interface GapRow {
  user_id: string;
  unit_id: string | null;
  requirement_id: string;
  kind: 'skill' | 'qualification' | 'training';
  source_kind: 'role' | 'job';
  source_id: string;
  status: GapStatus;
  due_on: string | null;
}

export interface GapCounts {
  missing: number;
  expired: number;
  expiring: number;
  failed: number;
  /** People with at least one gap that is not merely expiring. */
  people: number;
  /** Up to five of them, for links. */
  userIds: string[];
}

/** Gaps counted by status over the organization (the dashboard and the conformity facts). */
export async function gapCounts(
  db: Executor,
  org: string,
  today: string,
  warningDays: number,
  f: GapFilter = {},
): Promise<GapCounts> {
  const [row] = await queryRows<{
    missing: number;
    expired: number;
    expiring: number;
    failed: number;
    people: number;
    user_ids: string[] | null;
  }>(
    db,
    sql`with g as (${gapSql(org, today, warningDays, f)})
      select (count(*) filter (where status = 'missing'))::int as missing,
        (count(*) filter (where status = 'expired'))::int as expired,
        (count(*) filter (where status = 'expiring'))::int as expiring,
        (count(*) filter (where status = 'failed'))::int as failed,
        (count(distinct user_id) filter (where status <> 'expiring'))::int as people,
        (select array_agg(user_id) from (select distinct user_id from g
          where status <> 'expiring' order by user_id limit 5) s) as user_ids
      from g`,
  );
  return {
    missing: row?.missing ?? 0,
    expired: row?.expired ?? 0,
    expiring: row?.expiring ?? 0,
    failed: row?.failed ?? 0,
    people: row?.people ?? 0,
    userIds: row?.user_ids ?? [],
  };
}

/** Gaps per person (the people list's gap and expiring counts). */
export async function gapCountsByUser(
  db: Executor,
  org: string,
  today: string,
  warningDays: number,
  userIds: readonly string[],
) {
  if (userIds.length === 0) return new Map<string, { gaps: number; expiring: number }>();
  const rows = await queryRows<{ user_id: string; gaps: number; expiring: number }>(
    db,
    sql`with g as (${gapSql(org, today, warningDays, { userIds })})
      select user_id, (count(*) filter (where status <> 'expiring'))::int as gaps,
        (count(*) filter (where status = 'expiring'))::int as expiring
      from g group by user_id`,
  );
  return new Map(rows.map((r) => [r.user_id, { gaps: r.gaps, expiring: r.expiring }]));
}
