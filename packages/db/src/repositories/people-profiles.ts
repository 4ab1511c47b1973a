import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { personProfiles } from '../tables/people.ts';
import { gapSql } from './people-gaps.ts';

/**
 * The people list and person profiles (5.2.2.d): who works here, their unit,
 * job, ISMS roles held now and competence gaps. Every query is scoped by the
 * organization id it is given; the list is keyset-paginated and filtered in SQL.
 */

export type ProfileRow = typeof personProfiles.$inferSelect;
export type NewProfile = typeof personProfiles.$inferInsert;

export interface PersonRow {
  user_id: string;
  display_name: string;
  email: string;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  job_id: string | null;
  job_code: string | null;
  job_name: string | null;
  role_codes: string[];
  confidentiality_signed: boolean;
}

export interface PeopleFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  roleId?: string | undefined;
  /** Only people with a gap that is not merely expiring. */
  gapsOnly?: { today: string; warningDays: number } | undefined;
  /** Reach: reachablePeopleFilter over u.id. */
  peopleFilter: SQL;
}

const currentAssignment = (today: string) =>
  sql`a.starts_on <= ${today}::date and (a.ends_on is null or a.ends_on >= ${today}::date)`;

/** Active people by name, with their unit, job, roles held now and confidentiality agreement. */
export async function listPeople(
  db: Executor,
  org: string,
  today: string,
  filter: PeopleFilter,
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [
    sql`u.organization_id = ${org}`,
    sql`u.active`,
    sql`not (u.roles <@ array['external_auditor']::text[] and cardinality(u.roles) > 0)`,
    filter.peopleFilter,
  ];
  if (filter.q) {
    const text = filter.q.toLowerCase();
    conditions.push(
      sql`(strpos(lower(u.display_name), ${text}) > 0 or strpos(lower(u.email), ${text}) > 0)`,
    );
  }
  if (filter.unitId) conditions.push(sql`u.org_unit_id = ${filter.unitId}`);
  if (filter.roleId) {
    conditions.push(sql`exists (select 1 from isms_role_assignments a
      where a.organization_id = ${org} and a.user_id = u.id and a.role_id = ${filter.roleId}
        and ${currentAssignment(today)})`);
  }
  if (filter.gapsOnly) {
    const { today: day, warningDays } = filter.gapsOnly;
    conditions.push(sql`u.id in (select g.user_id from (${gapSql(org, day, warningDays)}) g
      where g.status <> 'expiring')`);
  }
  const after = decodeCursor(page.cursor, 2, ['text', 'uuid']);
  if (after) {
    conditions.push(sql`(u.display_name, u.id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  }
  const rows = await queryRows<PersonRow>(
    db,
    sql`select u.id as user_id, u.display_name, u.email, ou.id as unit_id,
        ou.code as unit_code, ou.name as unit_name, jd.id as job_id, jd.code as job_code,
        jd.name as job_name,
        coalesce((select array_agg(distinct r.code order by r.code) from isms_role_assignments a
          join isms_roles r on r.id = a.role_id and r.active
          where a.organization_id = ${org} and a.user_id = u.id and ${currentAssignment(today)}),
          '{}') as role_codes,
        exists (select 1 from person_agreements pa where pa.organization_id = ${org}
          and pa.user_id = u.id and pa.kind = 'confidentiality'
          and (pa.expires_on is null or pa.expires_on >= ${today}::date))
          as confidentiality_signed
      from users u
      left join org_units ou on ou.id = u.org_unit_id
      left join person_profiles p on p.user_id = u.id
      left join job_definitions jd on jd.id = p.job_id
      where ${sql.join(conditions, sql` and `)}
      order by u.display_name, u.id
      limit ${page.limit + 1}`,
  );
  return toPage(rows, page.limit, (r) => [r.display_name, r.user_id]);
}

export interface PersonHeader extends PersonRow {
  education: string;
  experience: string;
  joined_on: string | null;
  notes: string;
  /** 0 while the profile row does not exist. */
  version: number;
}

/** One person of the organization with their profile (defaults before the first edit). */
export async function getPerson(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<PersonHeader>(
    db,
    sql`select u.id as user_id, u.display_name, u.email, ou.id as unit_id,
        ou.code as unit_code, ou.name as unit_name, jd.id as job_id, jd.code as job_code,
        jd.name as job_name, '{}'::text[] as role_codes, false as confidentiality_signed,
        coalesce(p.education, '') as education, coalesce(p.experience, '') as experience,
        p.joined_on::text as joined_on, coalesce(p.notes, '') as notes,
        coalesce(p.version, 0) as version
      from users u
      left join org_units ou on ou.id = u.org_unit_id
      left join person_profiles p on p.user_id = u.id
      left join job_definitions jd on jd.id = p.job_id
      where u.organization_id = ${org} and u.id = ${userId}`,
  );
  return row ?? null;
}

export async function getProfileRow(db: Executor, org: string, userId: string, forUpdate = false) {
  const query = db
    .select()
    .from(personProfiles)
    .where(and(eq(personProfiles.organizationId, org), eq(personProfiles.userId, userId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertProfile(db: Executor, values: NewProfile) {
  const [row] = await db.insert(personProfiles).values(values).returning();
  return row!;
}

export async function updateProfile(
  db: Executor,
  org: string,
  userId: string,
  expectedVersion: number,
  values: Partial<Omit<NewProfile, 'organizationId' | 'userId'>>,
) {
  const [row] = await db
    .update(personProfiles)
    .set({ ...values, version: sql`${personProfiles.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(personProfiles.organizationId, org),
        eq(personProfiles.userId, userId),
        eq(personProfiles.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether the job is an active job of the organization. */
export async function activeJobExists(db: Executor, org: string, jobId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from job_definitions where organization_id = ${org} and id = ${jobId} and active`,
  );
  return rows.length > 0;
}

export interface PersonRoleRow {
  id: string;
  role_id: string;
  role_code: string;
  role_name: string;
  kind: 'holder' | 'deputy';
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  starts_on: string;
  ends_on: string | null;
  note: string;
  acknowledged_at: Date | string | null;
  acknowledgement_stale: boolean;
  current: boolean;
  version: number;
}

/** The person's ISMS role assignments, current ones first, then the newest. */
export async function rolesOfPerson(db: Executor, org: string, today: string, userId: string) {
  return queryRows<PersonRoleRow>(
    db,
    sql`select a.id, a.role_id, r.code as role_code, r.name as role_name, a.kind,
        ou.id as unit_id, ou.code as unit_code, ou.name as unit_name,
        a.starts_on::text as starts_on, a.ends_on::text as ends_on, a.note,
        a.acknowledged_at,
        (a.acknowledged_at is not null and a.acknowledged_role_version is distinct from r.version)
          as acknowledgement_stale,
        (${currentAssignment(today)}) as current, a.version
      from isms_role_assignments a
      join isms_roles r on r.id = a.role_id
      left join org_units ou on ou.id = a.org_unit_id
      where a.organization_id = ${org} and a.user_id = ${userId}
      order by (${currentAssignment(today)}) desc, a.starts_on desc, r.code, a.id
      limit 200`,
  );
}
