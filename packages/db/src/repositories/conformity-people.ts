import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { gapCounts, type GapCounts } from './people-gaps.ts';
import { warningDaysOf } from './people-settings.ts';
import {
  trainingFacts,
  type CourseRef,
  type PersonCourseRef,
  type SessionRef,
  type TrainingFacts,
} from './conformity-training.ts';

export type { CourseRef, PersonCourseRef, SessionRef, TrainingFacts };

/**
 * Conformity facts of the people area (5.1.c–d, 5.2.2.a/b/d): the ISMS roles
 * and who holds them now, acknowledgements of the roles and of the ISMS
 * policy, competence requirements and gaps (the shared gap query), and the
 * records kept. Set-based queries whose cost does not grow with the number of
 * roles; every list of objects at fault is capped for links.
 */

export const PEOPLE_LINK_CAP = 5;

export interface RoleRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
export type JobRef = RoleRef;

export interface PersonRef {
  userId: string;
  name: string;
}

/** A current assignment at fault: the person and the role they hold or deputize. */
export interface AssignmentRef extends PersonRef {
  roleId: string;
  roleName: string;
  roleNameEn: string;
}

/** How many objects are at fault, and the first few of them. */
export interface Counted<T> {
  count: number;
  refs: T[];
}

export interface PeopleFacts {
  warningDays: number;
  roles: {
    active: number;
    withoutResponsibilities: Counted<RoleRef>;
    /** Active roles nobody holds now. */
    unheld: Counted<RoleRef>;
    /** Roles that require a deputy and have none now. */
    withoutDeputy: Counted<RoleRef>;
    /** Roles without any competence requirement (5.2.2.a). */
    withoutRequirements: Counted<RoleRef>;
    /** Roles whose training requirements name only retired courses (4.2.2.d). */
    trainingWithoutCourse: Counted<RoleRef>;
  };
  /** Current assignments (holders and deputies) of active people. */
  assignments: number;
  /** Current assignments whose person has not acknowledged the role as it stands now. */
  unacknowledged: Counted<AssignmentRef>;
  jobs: { active: number; withoutRequirements: Counted<JobRef> };
  /** Requirements of active roles and active jobs. */
  requirements: number;
  /** Acknowledgements of the issued ISMS policy's version in force (null without one). */
  policy: {
    documentId: string;
    recipients: number;
    acknowledged: number;
    outstanding: Counted<PersonRef>;
  } | null;
  /** The shared gap counts (people-gaps.ts). */
  gaps: GapCounts;
  /** The people of gaps.userIds with their names, for links. */
  gapPeople: PersonRef[];
  records: {
    /** People holding or deputizing a role now. */
    holders: number;
    /** Holders whose profile records neither education nor experience. */
    holdersWithoutProfile: Counted<PersonRef>;
    competences: number;
    /** People with a recorded competence that has no evidence file (count = competences). */
    competencesWithoutEvidence: Counted<PersonRef>;
  };
  training: TrainingFacts;
}

// PGlite returns json parsed, node-postgres too; strings only from older drivers.
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const counted = <T>(count: unknown, refs: unknown): Counted<T> => ({
  count: Number(count ?? 0),
  refs: parseJson<T[]>(refs ?? []),
});

const CAP = sql.raw(String(PEOPLE_LINK_CAP));
/** The first few roles of the fault column `flag`, in the register's order, as json. */
const roleRefs = (flag: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('id', x.id, 'code', x.code,
      'name', x.name, 'nameEn', x.name_en) order by x.sort_order, x.code), '[]')
    from (select r.* from roles r join faults f on f.id = r.id and f.${flag}
      order by r.sort_order, r.code limit ${PEOPLE_LINK_CAP}) x)`);

async function roleState(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with roles as (
      select * from isms_roles where organization_id = ${org} and active
    ), cur as (
      select a.*, u.display_name from isms_role_assignments a
      join users u on u.id = a.user_id and u.active
      where a.organization_id = ${org} and a.starts_on <= ${today}::date
        and (a.ends_on is null or a.ends_on >= ${today}::date)
        and a.role_id in (select id from roles)
    ), faults as (
      select r.id,
        length(trim(r.responsibilities)) = 0 and length(trim(r.responsibilities_en)) = 0
          as no_resp,
        not exists (select 1 from cur where cur.role_id = r.id and cur.kind = 'holder') as unheld,
        r.requires_deputy and not exists (select 1 from cur
          where cur.role_id = r.id and cur.kind = 'deputy') as no_deputy,
        not exists (select 1 from competence_requirements q where q.role_id = r.id) as no_req,
        exists (select 1 from competence_requirements q where q.role_id = r.id
            and q.kind = 'training')
          and not exists (select 1 from competence_requirements q
            join training_courses c on c.id = q.course_id and c.active
            where q.role_id = r.id and q.kind = 'training') as no_course
      from roles r
    ), unacked as (
      select cur.user_id, cur.display_name, r.id as role_id, r.name, r.name_en, r.sort_order,
        r.code
      from cur join roles r on r.id = cur.role_id
      where cur.acknowledged_at is null
        or coalesce(cur.acknowledged_role_version, 0) < r.version
    ), jobs as (
      select j.*, not exists (select 1 from competence_requirements q where q.job_id = j.id)
        as no_req
      from job_definitions j where j.organization_id = ${org} and j.active
    )
    select (select count(*)::int from roles) as active,
      (select count(*)::int from faults where no_resp) as no_resp,
      ${roleRefs('no_resp')} as no_resp_refs,
      (select count(*)::int from faults where unheld) as unheld,
      ${roleRefs('unheld')} as unheld_refs,
      (select count(*)::int from faults where no_deputy) as no_deputy,
      ${roleRefs('no_deputy')} as no_deputy_refs,
      (select count(*)::int from faults where no_req) as no_req,
      ${roleRefs('no_req')} as no_req_refs,
      (select count(*)::int from faults where no_course) as no_course,
      ${roleRefs('no_course')} as no_course_refs,
      (select count(*)::int from cur) as assignments,
      (select count(*)::int from unacked) as unacked,
      (select coalesce(json_agg(json_build_object('userId', x.user_id, 'name', x.display_name,
          'roleId', x.role_id, 'roleName', x.name, 'roleNameEn', x.name_en)
          order by x.sort_order, x.code, x.display_name), '[]')
        from (select * from unacked order by sort_order, code, display_name limit ${CAP}) x)
        as unacked_refs,
      (select count(*)::int from jobs) as jobs,
      (select count(*)::int from jobs where no_req) as jobs_no_req,
      (select coalesce(json_agg(json_build_object('id', x.id, 'code', x.code, 'name', x.name,
          'nameEn', x.name_en) order by x.code), '[]')
        from (select * from jobs where no_req order by code limit ${CAP}) x) as jobs_no_req_refs,
      (select count(*)::int from competence_requirements q
        where q.organization_id = ${org} and (q.role_id in (select id from roles)
          or q.job_id in (select id from jobs))) as requirements`,
  );
  return row!;
}

/** Acknowledgements of the ISMS policy version in force, and the records kept. */
async function policyAndRecords(db: Executor, org: string, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`
    with policy as (
      select d.id, d.current_version_id from documents d
      where d.organization_id = ${org} and d.isms_policy and d.status = 'issued'
        and d.current_version_id is not null
      order by d.issued_at desc limit 1
    ), acks as (
      select a.user_id, a.acknowledged_at, u.display_name from document_acknowledgements a
      join policy p on p.current_version_id = a.version_id
      join users u on u.id = a.user_id and u.active
    ), holders as (
      select distinct a.user_id, u.display_name from isms_role_assignments a
      join isms_roles r on r.id = a.role_id and r.active
      join users u on u.id = a.user_id and u.active
      where a.organization_id = ${org} and a.starts_on <= ${today}::date
        and (a.ends_on is null or a.ends_on >= ${today}::date)
    ), bare as (
      select h.* from holders h left join person_profiles p on p.user_id = h.user_id
      where length(trim(coalesce(p.education, ''))) = 0
        and length(trim(coalesce(p.experience, ''))) = 0
    ), comps as (
      select pc.id, pc.user_id, u.display_name,
        not exists (select 1 from files f where f.organization_id = ${org}
          and f.owner_type = 'person_competence' and f.owner_id = pc.id) as no_file
      from person_competences pc join users u on u.id = pc.user_id and u.active
      where pc.organization_id = ${org}
    )
    select (select id from policy) as policy_id,
      (select count(*)::int from acks) as recipients,
      (select count(*)::int from acks where acknowledged_at is not null) as acknowledged,
      (select count(*)::int from acks where acknowledged_at is null) as outstanding,
      ${personRefs('acks where acknowledged_at is null')} as outstanding_refs,
      (select count(*)::int from holders) as holders,
      (select count(*)::int from bare) as bare,
      ${personRefs('bare')} as bare_refs,
      (select count(*)::int from comps) as competences,
      (select count(*)::int from comps where no_file) as no_file,
      ${personRefs('(select distinct user_id, display_name from comps where no_file) c')}
        as no_file_refs`,
  );
  return row!;
}

/** The first few people of a relation with user_id and display_name, by name, as json. */
function personRefs(from: string) {
  return sql.raw(`(select coalesce(json_agg(json_build_object('userId', x.user_id,
      'name', x.display_name) order by x.display_name, x.user_id), '[]')
    from (select user_id, display_name from ${from}
      order by display_name, user_id limit ${PEOPLE_LINK_CAP}) x)`);
}

async function namesOf(db: Executor, org: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const rows = await queryRows<{ id: string; display_name: string }>(
    db,
    sql`select id, display_name from users where organization_id = ${org}
      and id = any(${sql.param([...userIds])}::uuid[]) order by display_name, id`,
  );
  return rows.map((r) => ({ userId: r.id, name: r.display_name }));
}

export async function peopleFacts(db: Executor, org: string, today: string): Promise<PeopleFacts> {
  const warningDays = await warningDaysOf(db, org);
  const r = await roleState(db, org, today);
  const p = await policyAndRecords(db, org, today);
  const gaps = await gapCounts(db, org, today, warningDays);
  return {
    warningDays,
    roles: {
      active: Number(r.active ?? 0),
      withoutResponsibilities: counted(r.no_resp, r.no_resp_refs),
      unheld: counted(r.unheld, r.unheld_refs),
      withoutDeputy: counted(r.no_deputy, r.no_deputy_refs),
      withoutRequirements: counted(r.no_req, r.no_req_refs),
      trainingWithoutCourse: counted(r.no_course, r.no_course_refs),
    },
    assignments: Number(r.assignments ?? 0),
    unacknowledged: counted(r.unacked, r.unacked_refs),
    jobs: {
      active: Number(r.jobs ?? 0),
      withoutRequirements: counted(r.jobs_no_req, r.jobs_no_req_refs),
    },
    requirements: Number(r.requirements ?? 0),
    policy: p.policy_id
      ? {
          documentId: p.policy_id as string,
          recipients: Number(p.recipients ?? 0),
          acknowledged: Number(p.acknowledged ?? 0),
          outstanding: counted(p.outstanding, p.outstanding_refs),
        }
      : null,
    gaps,
    gapPeople: await namesOf(db, org, gaps.userIds),
    records: {
      holders: Number(p.holders ?? 0),
      holdersWithoutProfile: counted(p.bare, p.bare_refs),
      competences: Number(p.competences ?? 0),
      competencesWithoutEvidence: counted(p.no_file, p.no_file_refs),
    },
    training: await trainingFacts(db, org, today),
  };
}
