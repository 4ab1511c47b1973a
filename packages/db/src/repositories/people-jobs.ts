import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { competenceRequirements, ismsRoles, jobDefinitions } from '../tables/people.ts';
import { trainingCourses } from '../tables/training.ts';

/**
 * Job definitions (annex 6.1.1) and the competence each ISMS role or job
 * needs (5.2.2.a). Every query is scoped by the organization id it is given;
 * both registers are small and bounded (MAX_REGISTER rows).
 */

export const MAX_REGISTER = 500;

export type JobRow = typeof jobDefinitions.$inferSelect;
export type NewJob = Omit<typeof jobDefinitions.$inferInsert, 'id'>;
export type RequirementRow = typeof competenceRequirements.$inferSelect;
export type NewRequirement = Omit<typeof competenceRequirements.$inferInsert, 'id'>;

const j = jobDefinitions;
const q = competenceRequirements;

// ---- jobs -----------------------------------------------------------------------------

export type JobView = JobRow & { peopleCount: number; requirementCount: number };

/** Jobs with how many people hold them and how many requirements they carry, in one query. */
function selectJobs(db: Executor, org: string) {
  return db
    .select({
      id: j.id,
      organizationId: j.organizationId,
      code: j.code,
      name: j.name,
      nameEn: j.nameEn,
      securityResponsibilities: j.securityResponsibilities,
      securityResponsibilitiesEn: j.securityResponsibilitiesEn,
      active: j.active,
      version: j.version,
      createdAt: j.createdAt,
      updatedAt: j.updatedAt,
      peopleCount: sql<number>`(select count(*)::int from person_profiles p
        join users u on u.id = p.user_id and u.active
        where p.organization_id = ${org} and p.job_id = job_definitions.id)`,
      requirementCount: sql<number>`(select count(*)::int from competence_requirements r
        where r.organization_id = ${org} and r.job_id = job_definitions.id)`,
    })
    .from(j);
}

export async function listJobs(db: Executor, org: string) {
  return (await selectJobs(db, org)
    .where(eq(j.organizationId, org))
    .orderBy(asc(j.code))
    .limit(MAX_REGISTER)) as JobView[];
}

export async function getJob(db: Executor, org: string, id: string) {
  const [row] = await selectJobs(db, org).where(and(eq(j.organizationId, org), eq(j.id, id)));
  return (row as JobView | undefined) ?? null;
}

export async function getJobRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(j)
    .where(and(eq(j.organizationId, org), eq(j.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function jobCodeTaken(db: Executor, org: string, code: string, exceptId?: string) {
  const conditions: SQL[] = [eq(j.organizationId, org), eq(j.code, code)];
  if (exceptId) conditions.push(sql`${j.id} <> ${exceptId}::uuid`);
  const [row] = await db
    .select({ id: j.id })
    .from(j)
    .where(and(...conditions));
  return row !== undefined;
}

export async function insertJob(db: Executor, values: NewJob) {
  const [row] = await db.insert(j).values(values).returning();
  return row!;
}

export async function updateJob(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewJob, 'organizationId'>>,
) {
  const [row] = await db
    .update(j)
    .set({ ...values, version: sql`${j.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(j.organizationId, org), eq(j.id, id), eq(j.version, expectedVersion)))
    .returning();
  return row ?? null;
}

// ---- requirements ---------------------------------------------------------------------

export interface RequirementView extends RequirementRow {
  roleCode: string | null;
  roleName: string | null;
  jobCode: string | null;
  jobName: string | null;
  courseNumber: number | null;
  courseTitle: string | null;
}

const selectRequirements = (db: Executor) =>
  db
    .select({
      id: q.id,
      organizationId: q.organizationId,
      roleId: q.roleId,
      jobId: q.jobId,
      kind: q.kind,
      name: q.name,
      nameEn: q.nameEn,
      courseId: q.courseId,
      renewalMonths: q.renewalMonths,
      note: q.note,
      createdBy: q.createdBy,
      version: q.version,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      roleCode: ismsRoles.code,
      roleName: ismsRoles.name,
      jobCode: j.code,
      jobName: j.name,
      courseNumber: trainingCourses.number,
      courseTitle: trainingCourses.title,
    })
    .from(q)
    .leftJoin(ismsRoles, eq(ismsRoles.id, q.roleId))
    .leftJoin(j, eq(j.id, q.jobId))
    .leftJoin(trainingCourses, eq(trainingCourses.id, q.courseId));

/** Requirements of a role or job (or all), roles first, then jobs, by name. */
export async function listRequirements(
  db: Executor,
  org: string,
  filter: { roleId?: string | undefined; jobId?: string | undefined },
) {
  const conditions: SQL[] = [eq(q.organizationId, org)];
  if (filter.roleId) conditions.push(eq(q.roleId, filter.roleId));
  if (filter.jobId) conditions.push(eq(q.jobId, filter.jobId));
  return (await selectRequirements(db)
    .where(and(...conditions))
    .orderBy(
      sql`${ismsRoles.sortOrder} nulls last`,
      sql`${ismsRoles.code} nulls last`,
      asc(j.code),
      asc(q.name),
      asc(q.id),
    )
    .limit(MAX_REGISTER)) as RequirementView[];
}

export async function getRequirement(db: Executor, org: string, id: string) {
  const [row] = await selectRequirements(db).where(and(eq(q.organizationId, org), eq(q.id, id)));
  return (row as RequirementView | undefined) ?? null;
}

export async function getRequirementRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(q)
    .where(and(eq(q.organizationId, org), eq(q.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertRequirement(db: Executor, values: NewRequirement) {
  const [row] = await db.insert(q).values(values).returning();
  return row!;
}

export async function updateRequirement(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewRequirement, 'organizationId'>>,
) {
  const [row] = await db
    .update(q)
    .set({ ...values, version: sql`${q.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(q.organizationId, org), eq(q.id, id), eq(q.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteRequirement(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
) {
  const [row] = await db
    .delete(q)
    .where(and(eq(q.organizationId, org), eq(q.id, id), eq(q.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Whether the ISMS role is the organization's (any state: its requirements stay editable). */
export async function roleExists(db: Executor, org: string, roleId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from isms_roles where organization_id = ${org} and id = ${roleId}`,
  );
  return rows.length > 0;
}

/** Whether the course is an active course of the organization. */
export async function activeCourseExists(db: Executor, org: string, courseId: string) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from training_courses
      where organization_id = ${org} and id = ${courseId} and active`,
  );
  return rows.length > 0;
}

/** The organization's active ISMS roles with the app role they go with (the demo's lookup). */
export async function activeRoles(db: Executor, org: string) {
  return queryRows<{ id: string; code: string; app_role: string | null }>(
    db,
    sql`select id, code, app_role from isms_roles
      where organization_id = ${org} and active order by sort_order, code limit ${MAX_REGISTER}`,
  );
}
