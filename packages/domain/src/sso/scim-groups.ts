import type { Db, Executor } from '@mamoru/db';
import * as groupsRepo from '@mamoru/db/repositories/scim-groups';
import type { DirectoryGroupRow, ScimGroupFilter } from '@mamoru/db/repositories/scim-groups';
import type { ScimGroupInput, ScimListQuery, ScimPatchOperation } from '@mamoru/contracts';
import { recordAudit } from '../audit/trail.ts';
import { conflict, DomainError, notFound, staleVersion } from '../errors.ts';
import { isUuid, scimContext, type ScimCaller } from './scim-auth.ts';
import { filterInvalid, parseScimFilter } from './scim-filter.ts';
import {
  applyMemberSteps,
  groupChangesOf,
  groupPatchChanges,
  type ScimGroupChanges,
} from './scim-patch.ts';
import { pageOf, type Membership } from './scim-present.ts';
import { applyGroupRoles, groupNamesOf } from './scim-roles.ts';

/**
 * SCIM /Groups: the IdP's groups and their members (users of the same
 * organization). Each change of membership or name brings the members' roles
 * in line with the provider's group→role mapping (scim-roles.ts), in the same
 * transaction.
 */

const GROUP_ENTITY = 'directory_group';

function groupFilterOf(filter: string | undefined): ScimGroupFilter | 'none' {
  const out: ScimGroupFilter = {};
  for (const { attribute, value } of filter ? parseScimFilter(filter) : []) {
    const key = ({ id: 'id', displayname: 'displayName', externalid: 'externalId' } as const)[
      attribute
    ];
    if (!key || typeof value !== 'string') throw filterInvalid();
    if (out[key] !== undefined && out[key] !== value) return 'none';
    if (key === 'id' && !isUuid(value)) return 'none';
    out[key] = value;
  }
  return out;
}

async function membersByGroup(db: Executor, organizationId: string, groupIds: string[]) {
  const rows = await groupsRepo.membersOf(db, organizationId, groupIds);
  const out = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.groupId)?.push({ id: r.userId, displayName: r.displayName });
  return out;
}

export async function listGroups(
  db: Db,
  caller: ScimCaller,
  query: ScimListQuery,
  withMembers: boolean,
) {
  const page = pageOf(query);
  const filter = groupFilterOf(query.filter);
  if (filter === 'none') return { items: [], total: 0, page };
  const { provider } = caller;
  const { rows, total } = await groupsRepo.listGroups(
    db,
    provider.organizationId,
    provider.id,
    filter,
    page,
  );
  const members = withMembers
    ? await membersByGroup(
        db,
        provider.organizationId,
        rows.map((r) => r.id),
      )
    : null;
  const items = rows.map((group) => ({ group, members: members?.get(group.id) ?? null }));
  return { items, total, page };
}

async function findGroup(db: Executor, caller: ScimCaller, groupId: string) {
  const { provider } = caller;
  const group = isUuid(groupId)
    ? await groupsRepo.getGroup(db, provider.organizationId, provider.id, groupId)
    : null;
  if (!group) throw notFound('group');
  return group;
}

export async function getGroup(db: Db, caller: ScimCaller, groupId: string, withMembers = true) {
  const group = await findGroup(db, caller, groupId);
  const members = withMembers
    ? ((await membersByGroup(db, group.organizationId, [group.id])).get(group.id) ?? [])
    : null;
  return { group, members };
}

/** Ids the IdP names as members must be users of this organization. */
async function checkMembers(tx: Executor, organizationId: string, userIds: string[]) {
  const unknown = userIds.filter((id) => !isUuid(id));
  const known = await groupsRepo.existingUserIds(
    tx,
    organizationId,
    userIds.filter((id) => isUuid(id)),
  );
  unknown.push(...userIds.filter((id) => isUuid(id) && !known.has(id)));
  if (unknown.length) {
    throw new DomainError('validation', 'scim_member_unknown', { ids: unknown.join(', ') });
  }
}

const groupExists = () => conflict('scim_group_exists');
function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Applies name and member changes to a group (new or existing), then the
 * members' roles; `before` is null for a group just created.
 */
async function applyChanges(
  tx: Executor,
  caller: ScimCaller,
  group: DirectoryGroupRow,
  before: DirectoryGroupRow | null,
  changes: ScimGroupChanges,
) {
  const { provider } = caller;
  const ctx = scimContext(caller);
  const current = before ? await groupsRepo.memberIdsOf(tx, group.id) : [];
  const next = applyMemberSteps(current, changes.members);
  const added = [...next].filter((id) => !current.includes(id));
  const removed = current.filter((id) => !next.has(id));
  await checkMembers(tx, provider.organizationId, added);
  const renamed = before !== null && group.displayName !== before.displayName;
  // Whose roles may change: members who come or go, and every member when the name changes.
  const affected = [...new Set([...added, ...removed, ...(renamed ? current : [])])];
  const names = await groupNamesOf(tx, provider, affected);
  if (before && renamed) {
    // The names read above are already the new ones for this group: put the old one back.
    for (const list of names.values()) {
      const i = list.indexOf(group.displayName);
      if (i >= 0) list[i] = before.displayName;
    }
  }
  await groupsRepo.addMembers(tx, group.id, added);
  await groupsRepo.removeMembers(tx, group.id, removed);
  await recordAudit(tx, ctx, [
    {
      action: before ? 'directory_group.updated' : 'directory_group.created',
      entityType: GROUP_ENTITY,
      entityId: group.id,
      before: before ? { displayName: before.displayName, externalId: before.externalId } : null,
      after: {
        displayName: group.displayName,
        externalId: group.externalId,
        providerId: provider.id,
        membersAdded: added,
        membersRemoved: removed,
      },
    },
  ]);
  await applyGroupRoles(tx, ctx, provider, names);
}

export async function createGroup(db: Db, caller: ScimCaller, input: ScimGroupInput) {
  const { provider } = caller;
  const changes = groupChangesOf(input);
  if (await groupsRepo.groupNameTaken(db, provider.id, input.displayName)) throw groupExists();
  const id = await db
    .transaction(async (tx) => {
      const group = await groupsRepo.insertGroup(tx, {
        organizationId: provider.organizationId,
        providerId: provider.id,
        displayName: input.displayName,
        externalId: changes.externalId ?? null,
      });
      await applyChanges(tx, caller, group, null, changes);
      return group.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw groupExists();
      throw error;
    });
  return getGroup(db, caller, id);
}

async function updateGroup(
  db: Db,
  caller: ScimCaller,
  groupId: string,
  expectedVersion: number | null,
  changes: ScimGroupChanges,
) {
  const { provider } = caller;
  await db
    .transaction(async (tx) => {
      const before = await findGroup(tx, caller, groupId);
      if (expectedVersion !== null && before.version !== expectedVersion) throw staleVersion();
      const displayName = changes.displayName ?? before.displayName;
      if (
        displayName !== before.displayName &&
        (await groupsRepo.groupNameTaken(tx, provider.id, displayName, groupId))
      ) {
        throw groupExists();
      }
      const values = {
        displayName,
        externalId: changes.externalId === undefined ? before.externalId : changes.externalId,
      };
      // The version moves on every change, members included: it is the group's ETag.
      const group = await groupsRepo.updateGroup(
        tx,
        provider.organizationId,
        groupId,
        before.version,
        values,
      );
      if (!group) throw staleVersion();
      await applyChanges(tx, caller, group, before, changes);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw groupExists();
      throw error;
    });
  return getGroup(db, caller, groupId);
}

export function replaceGroup(
  db: Db,
  caller: ScimCaller,
  groupId: string,
  expectedVersion: number | null,
  input: ScimGroupInput,
) {
  return updateGroup(db, caller, groupId, expectedVersion, groupChangesOf(input));
}

export function patchGroup(
  db: Db,
  caller: ScimCaller,
  groupId: string,
  expectedVersion: number | null,
  operations: ScimPatchOperation[],
) {
  return updateGroup(db, caller, groupId, expectedVersion, groupPatchChanges(operations));
}

/** Deleting a group takes its members out of it first, so their mapped roles follow. */
export async function deleteGroup(
  db: Db,
  caller: ScimCaller,
  groupId: string,
  expectedVersion: number | null,
) {
  const { provider } = caller;
  const ctx = scimContext(caller);
  await db.transaction(async (tx) => {
    const group = await findGroup(tx, caller, groupId);
    if (expectedVersion !== null && group.version !== expectedVersion) throw staleVersion();
    const members = await groupsRepo.memberIdsOf(tx, groupId);
    const names = await groupNamesOf(tx, provider, members);
    if (!(await groupsRepo.deleteGroup(tx, provider.organizationId, groupId, group.version))) {
      throw staleVersion();
    }
    await recordAudit(tx, ctx, [
      {
        action: 'directory_group.deleted',
        entityType: GROUP_ENTITY,
        entityId: groupId,
        before: { displayName: group.displayName, externalId: group.externalId, members },
      },
    ]);
    await applyGroupRoles(tx, ctx, provider, names);
  });
}
