import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { ismsRoleAssignments, ismsRoles } from '../tables/people.ts';

/**
 * ISMS roles (5.1.c) and who holds or deputizes for them. Every query is
 * scoped by the organization id it is given. An assignment is current when
 * today lies between its start and its optional end.
 */

export type RoleRow = typeof ismsRoles.$inferSelect;
export type NewRole = Omit<typeof ismsRoles.$inferInsert, 'id'>;
export type AssignmentRow = typeof ismsRoleAssignments.$inferSelect;
export type NewAssignment = Omit<typeof ismsRoleAssignments.$inferInsert, 'id'>;

/** The register is small by nature; a list never returns more than this. */
export const ROLE_LIST_LIMIT = 200;

const r = ismsRoles;
const a = ismsRoleAssignments;

export type RoleView = RoleRow & { requirementCount: number };

/** An assignment with its person, unit and the role's current version (for staleness). */
export interface AssignmentView {
  id: string;
  roleId: string;
  userId: string;
  userName: string;
  kind: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  startsOn: string;
  endsOn: string | null;
  note: string;
  acknowledgedAt: Date | string | null;
  acknowledgedRoleVersion: number | null;
  roleVersion: number;
  current: boolean;
  version: number;
}

const CURRENT = sql`(a.starts_on <= current_date and (a.ends_on is null or a.ends_on >= current_date))`;

function selectAssignments(org: string, where: SQL) {
  return sql`
    select a.id, a.role_id as "roleId", a.user_id as "userId", u.display_name as "userName",
      a.kind, a.org_unit_id as "unitId", ou.code as "unitCode", ou.name as "unitName",
      a.starts_on::text as "startsOn", a.ends_on::text as "endsOn", a.note,
      a.acknowledged_at as "acknowledgedAt",
      a.acknowledged_role_version as "acknowledgedRoleVersion",
      r.version as "roleVersion", ${CURRENT} as current, a.version
    from isms_role_assignments a
    join isms_roles r on r.id = a.role_id
    join users u on u.id = a.user_id
    left join org_units ou on ou.id = a.org_unit_id
    where a.organization_id = ${org} and ${where}
    order by (a.kind = 'holder') desc, ou.code nulls first, u.display_name, a.id`;
}

// ---- roles ----------------------------------------------------------------------------

const requirementCount = sql<number>`(select count(*)::int from competence_requirements cr
  where cr.organization_id = ${r.organizationId} and cr.role_id = ${r.id})`;

export async function listRoles(db: Executor, org: string, active: boolean | undefined) {
  const conditions: SQL[] = [eq(r.organizationId, org)];
  if (active !== undefined) conditions.push(eq(r.active, active));
  return db
    .select({ ...getTableColumns(r), requirementCount })
    .from(r)
    .where(and(...conditions))
    .orderBy(asc(r.sortOrder), asc(r.code))
    .limit(ROLE_LIST_LIMIT);
}

export async function getRole(db: Executor, org: string, id: string) {
  const [row] = await db
    .select({ ...getTableColumns(r), requirementCount })
    .from(r)
    .where(and(eq(r.organizationId, org), eq(r.id, id)));
  return row ?? null;
}

/** The bare row, locked when asked (a write checks its version against it). */
export async function getRoleRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(r)
    .where(and(eq(r.organizationId, org), eq(r.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function roleCodeTaken(db: Executor, org: string, code: string, exceptId?: string) {
  const conditions = [eq(r.organizationId, org), sql`lower(${r.code}) = lower(${code})`];
  if (exceptId) conditions.push(sql`${r.id} <> ${exceptId}::uuid`);
  const [row] = await db
    .select({ id: r.id })
    .from(r)
    .where(and(...conditions));
  return row !== undefined;
}

export async function countRoles(db: Executor, org: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from isms_roles where organization_id = ${org}`,
  );
  return Number(row?.n ?? 0);
}

/** Several roles in one statement (the shipped defaults). */
export async function insertRoles(db: Executor, values: NewRole[]) {
  if (values.length === 0) return [];
  return db.insert(r).values(values).returning();
}

export async function updateRole(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewRole, 'organizationId'>>,
) {
  const [row] = await db
    .update(r)
    .set({ ...values, version: sql`${r.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(r.organizationId, org), eq(r.id, id), eq(r.version, expectedVersion)))
    .returning();
  return row ?? null;
}

// ---- assignments ----------------------------------------------------------------------

/** Current assignments of the given roles, in one query. */
export async function currentAssignmentsOf(db: Executor, org: string, roleIds: string[]) {
  if (roleIds.length === 0) return [];
  return queryRows<AssignmentView>(
    db,
    selectAssignments(org, sql`a.role_id = any(${sql.param(roleIds)}::uuid[]) and ${CURRENT}`),
  );
}

export async function getAssignment(db: Executor, org: string, id: string) {
  const [row] = await queryRows<AssignmentView>(db, selectAssignments(org, sql`a.id = ${id}`));
  return row ?? null;
}

export async function getAssignmentRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(a)
    .where(and(eq(a.organizationId, org), eq(a.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Whether the user already holds or deputizes for the role (in the same unit)
 * in an assignment that has not ended by the given start.
 */
export async function overlappingAssignment(
  db: Executor,
  org: string,
  key: { roleId: string; userId: string; orgUnitId: string | null; startsOn: string },
  exceptId?: string,
) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from isms_role_assignments
      where organization_id = ${org} and role_id = ${key.roleId} and user_id = ${key.userId}
        and org_unit_id is not distinct from ${key.orgUnitId}::uuid
        and (ends_on is null or ends_on >= ${key.startsOn}::date)
        ${exceptId ? sql`and id <> ${exceptId}::uuid` : sql``}
      limit 1`,
  );
  return row !== undefined;
}

export async function insertAssignment(db: Executor, values: NewAssignment) {
  const [row] = await db.insert(a).values(values).returning();
  return row!;
}

export async function updateAssignment(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewAssignment, 'organizationId'>>,
) {
  const conditions = [eq(a.organizationId, org), eq(a.id, id)];
  if (expectedVersion !== null) conditions.push(eq(a.version, expectedVersion));
  const [row] = await db
    .update(a)
    .set({ ...values, version: sql`${a.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** The user's current assignments with the roles' texts ("my roles"). */
export async function currentAssignmentsOfUser(db: Executor, org: string, userId: string) {
  return queryRows<AssignmentView>(
    db,
    selectAssignments(org, sql`a.user_id = ${userId} and r.active and ${CURRENT}`),
  );
}

/** Whether the role has any assignment (past, current or future). */
export async function hasAssignments(db: Executor, org: string, roleId: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from isms_role_assignments
      where organization_id = ${org} and role_id = ${roleId} limit 1`,
  );
  return row !== undefined;
}

/** Whether the user and the unit are of the organization and active (null: not of it). */
export async function personAndUnitState(
  db: Executor,
  org: string,
  userId: string,
  orgUnitId: string | null,
) {
  const [row] = await queryRows<{ userActive: boolean | null; unitActive: boolean | null }>(
    db,
    sql`select
      (select active from users where organization_id = ${org} and id = ${userId}) as "userActive",
      (select active from org_units where organization_id = ${org}
        and id = ${orgUnitId}::uuid) as "unitActive"`,
  );
  return { userActive: row?.userActive ?? null, unitActive: row?.unitActive ?? null };
}

export async function rolesByIds(db: Executor, org: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(r)
    .where(and(eq(r.organizationId, org), sql`${r.id} = any(${sql.param(ids)}::uuid[])`));
}
