import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { users } from '../tables/identity.ts';
import { directoryGroupMembers, directoryGroups } from '../tables/sso.ts';

/**
 * Groups an IdP provisions through SCIM and their members. A group belongs to
 * one provider of one organization; members are users of that organization
 * (the domain checks ids before they are added).
 */

export type DirectoryGroupRow = typeof directoryGroups.$inferSelect;

export interface ScimGroupFilter {
  id?: string;
  /** Compared case-insensitively, as SCIM's displayName is not case-exact. */
  displayName?: string;
  externalId?: string;
}

function groupConditions(organizationId: string, providerId: string, filter: ScimGroupFilter) {
  const conditions: SQL[] = [
    eq(directoryGroups.organizationId, organizationId),
    eq(directoryGroups.providerId, providerId),
  ];
  if (filter.id !== undefined) conditions.push(eq(directoryGroups.id, filter.id));
  if (filter.displayName !== undefined)
    conditions.push(sql`lower(${directoryGroups.displayName}) = lower(${filter.displayName})`);
  if (filter.externalId !== undefined)
    conditions.push(eq(directoryGroups.externalId, filter.externalId));
  return and(...conditions);
}

export async function listGroups(
  db: Executor,
  organizationId: string,
  providerId: string,
  filter: ScimGroupFilter,
  page: { offset: number; limit: number },
) {
  const where = groupConditions(organizationId, providerId, filter);
  const [rows, [count]] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(directoryGroups)
          .where(where)
          .orderBy(asc(directoryGroups.createdAt), asc(directoryGroups.id))
          .offset(page.offset)
          .limit(page.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(directoryGroups)
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function getGroup(
  db: Executor,
  organizationId: string,
  providerId: string,
  groupId: string,
) {
  const [row] = await db
    .select()
    .from(directoryGroups)
    .where(groupConditions(organizationId, providerId, { id: groupId }));
  return row ?? null;
}

/** Whether the provider already has a group of this name (other than `exceptId`). */
export async function groupNameTaken(
  db: Executor,
  providerId: string,
  displayName: string,
  exceptId?: string,
) {
  const conditions: SQL[] = [
    eq(directoryGroups.providerId, providerId),
    eq(directoryGroups.displayName, displayName),
  ];
  if (exceptId) conditions.push(sql`${directoryGroups.id} <> ${exceptId}`);
  const [row] = await db
    .select({ id: directoryGroups.id })
    .from(directoryGroups)
    .where(and(...conditions));
  return Boolean(row);
}

export async function insertGroup(
  db: Executor,
  values: {
    organizationId: string;
    providerId: string;
    displayName: string;
    externalId: string | null;
  },
) {
  const [row] = await db.insert(directoryGroups).values(values).returning();
  return row!;
}

/** Updates and bumps the version; null when the expected version is stale. */
export async function updateGroup(
  db: Executor,
  organizationId: string,
  groupId: string,
  expectedVersion: number | null,
  values: { displayName?: string; externalId?: string | null },
) {
  const conditions: SQL[] = [
    eq(directoryGroups.organizationId, organizationId),
    eq(directoryGroups.id, groupId),
  ];
  if (expectedVersion !== null) conditions.push(eq(directoryGroups.version, expectedVersion));
  const [row] = await db
    .update(directoryGroups)
    .set({ ...values, version: sql`${directoryGroups.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

/** Deletes the group (its members go with it); false when the version is stale. */
export async function deleteGroup(
  db: Executor,
  organizationId: string,
  groupId: string,
  expectedVersion: number | null,
) {
  const conditions: SQL[] = [
    eq(directoryGroups.organizationId, organizationId),
    eq(directoryGroups.id, groupId),
  ];
  if (expectedVersion !== null) conditions.push(eq(directoryGroups.version, expectedVersion));
  const rows = await db
    .delete(directoryGroups)
    .where(and(...conditions))
    .returning({ id: directoryGroups.id });
  return rows.length > 0;
}

/** Members of these groups with their names, for presenting a page of groups in one query. */
export async function membersOf(db: Executor, organizationId: string, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({
      groupId: directoryGroupMembers.groupId,
      userId: users.id,
      displayName: users.displayName,
    })
    .from(directoryGroupMembers)
    .innerJoin(users, eq(users.id, directoryGroupMembers.userId))
    .where(
      and(
        eq(users.organizationId, organizationId),
        inArray(directoryGroupMembers.groupId, groupIds),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function addMembers(db: Executor, groupId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .insert(directoryGroupMembers)
    .values(userIds.map((userId) => ({ groupId, userId })))
    .onConflictDoNothing();
}

export async function removeMembers(db: Executor, groupId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .delete(directoryGroupMembers)
    .where(
      and(
        eq(directoryGroupMembers.groupId, groupId),
        inArray(directoryGroupMembers.userId, userIds),
      ),
    );
}

/** The provider's groups each of these users belongs to (one query for a page of users). */
export async function groupsOfUsers(db: Executor, providerId: string, userIds: string[]) {
  const groups = new Map<string, { id: string; displayName: string }[]>(
    userIds.map((id) => [id, []]),
  );
  if (userIds.length === 0) return groups;
  const rows = await db
    .select({
      userId: directoryGroupMembers.userId,
      id: directoryGroups.id,
      displayName: directoryGroups.displayName,
    })
    .from(directoryGroupMembers)
    .innerJoin(directoryGroups, eq(directoryGroups.id, directoryGroupMembers.groupId))
    .where(
      and(
        eq(directoryGroups.providerId, providerId),
        inArray(directoryGroupMembers.userId, userIds),
      ),
    )
    .orderBy(asc(directoryGroups.displayName));
  for (const { userId, ...group } of rows) groups.get(userId)?.push(group);
  return groups;
}

/** Which of these ids are users of the organization (member ids come from the IdP). */
export async function existingUserIds(db: Executor, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, userIds)));
  return new Set(rows.map((r) => r.id));
}

/** Current member ids of a group. */
export async function memberIdsOf(db: Executor, groupId: string) {
  const rows = await db
    .select({ userId: directoryGroupMembers.userId })
    .from(directoryGroupMembers)
    .where(eq(directoryGroupMembers.groupId, groupId));
  return rows.map((r) => r.userId);
}
