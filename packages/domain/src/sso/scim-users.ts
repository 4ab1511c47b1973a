import type { Db, Executor } from '@mamoru/db';
import * as groupsRepo from '@mamoru/db/repositories/scim-groups';
import * as scimRepo from '@mamoru/db/repositories/scim-users';
import type { ScimUserFilter, ScimUserRow } from '@mamoru/db/repositories/scim-users';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import * as usersRepo from '@mamoru/db/repositories/users';
import { emailAddressSchema } from '@mamoru/contracts';
import type { ScimListQuery, ScimPatchOperation, ScimUserInput } from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit } from '../audit/trail.ts';
import { conflict, notFound, staleVersion } from '../errors.ts';
import { auditableUser } from '../identity/presenters.ts';
import { USER_ENTITY } from '../identity/role-grants.ts';
import { scimContext, isUuid, type ScimCaller } from './scim-auth.ts';
import { filterInvalid, parseScimFilter } from './scim-filter.ts';
import {
  userChangesOf,
  userPatchChanges,
  valueInvalid,
  type ScimUserChanges,
} from './scim-patch.ts';
import { pageOf } from './scim-present.ts';
import { UNUSABLE_PASSWORD_HASH } from './sign-in.ts';
import { defaultRoles, isPrivileged, requestPrivilegedRoles } from './scim-roles.ts';

/**
 * SCIM /Users: the IdP lists, creates, updates and deactivates the users of
 * its organization. userName is the sign-in email (or the primary address of
 * `emails`); a user SCIM creates has no usable password (they sign in through
 * the IdP). Deactivation ends the user's sessions in the same transaction.
 */

const emailSchema = emailAddressSchema;

/** SCIM filter → repository filter; attributes outside the subset are refused. */
function userFilterOf(filter: string | undefined): ScimUserFilter | 'none' {
  const out: ScimUserFilter = {};
  for (const { attribute, value } of filter ? parseScimFilter(filter) : []) {
    const key = (
      {
        id: 'id',
        username: 'email',
        emails: 'email',
        'emails.value': 'email',
        externalid: 'externalId',
        active: 'active',
      } as const
    )[attribute];
    if (!key) throw filterInvalid();
    if (key === 'active' ? typeof value !== 'boolean' : typeof value !== 'string') {
      throw filterInvalid();
    }
    // Two different values for one attribute, or an id that is no id, match nothing.
    if (out[key] !== undefined && out[key] !== value) return 'none';
    if (key === 'id' && !isUuid(String(value))) return 'none';
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Users with their groups at this provider (one query for the page). */
async function withGroups(db: Executor, caller: ScimCaller, rows: ScimUserRow[]) {
  const groups = await groupsRepo.groupsOfUsers(
    db,
    caller.provider.id,
    rows.map((r) => r.user.id),
  );
  return rows.map((row) => ({ row, groups: groups.get(row.user.id) ?? [] }));
}

export async function listUsers(db: Db, caller: ScimCaller, query: ScimListQuery) {
  const page = pageOf(query);
  const filter = userFilterOf(query.filter);
  if (filter === 'none') return { items: [], total: 0, page };
  const { provider } = caller;
  const { rows, total } = await scimRepo.listScimUsers(
    db,
    provider.organizationId,
    provider.id,
    filter,
    page,
  );
  return { items: await withGroups(db, caller, rows), total, page };
}

async function findUser(db: Executor, caller: ScimCaller, userId: string) {
  const { provider } = caller;
  const row = isUuid(userId)
    ? await scimRepo.getScimUser(db, provider.organizationId, provider.id, userId)
    : null;
  if (!row) throw notFound('user');
  return row;
}

export async function getUser(db: Db, caller: ScimCaller, userId: string) {
  const [item] = await withGroups(db, caller, [await findUser(db, caller, userId)]);
  return item!;
}

const localeOf = (tag: string | null | undefined) =>
  tag?.toLowerCase().startsWith('ja') ? 'ja' : tag?.toLowerCase().startsWith('en') ? 'en' : null;

interface Resolved {
  email: string;
  displayName: string;
  locale: 'ja' | 'en';
  active: boolean;
}

/**
 * The user's fields after the changes. A full representation (POST, PUT) may
 * build the name from its parts; a PATCH of one part alone leaves it.
 */
function resolve(
  current: Resolved | null,
  ch: ScimUserChanges,
  full: boolean,
  orgLocale: 'ja' | 'en',
): Resolved {
  const userNameEmail = ch.userName && emailSchema.safeParse(ch.userName).success && ch.userName;
  const email = ch.email || userNameEmail || current?.email;
  if (!email || !emailSchema.safeParse(email).success) throw valueInvalid('userName');
  const locale = localeOf(ch.locale) ?? current?.locale ?? orgLocale;
  const parts = locale === 'ja' ? [ch.familyName, ch.givenName] : [ch.givenName, ch.familyName];
  const fromParts = full || (ch.givenName && ch.familyName) ? parts.filter(Boolean).join(' ') : '';
  const displayName = (
    ch.displayName ||
    ch.formatted ||
    fromParts ||
    current?.displayName ||
    email.split('@')[0]!
  ).slice(0, 100); // The users contract allows 100 characters.
  return { email, displayName, locale, active: ch.active ?? current?.active ?? true };
}

const userExists = () => conflict('scim_user_exists');

export async function createUser(db: Db, caller: ScimCaller, input: ScimUserInput) {
  const { provider } = caller;
  const ctx = scimContext(caller);
  const changes = userChangesOf(input);
  const org = await orgs.getOrganization(db, provider.organizationId);
  const fields = resolve(null, changes, true, org?.defaultLocale === 'en' ? 'en' : 'ja');
  // The address signs in across all organizations, so it is unique across them (same answer either way).
  if (await usersRepo.emailTaken(db, fields.email)) throw userExists();
  const roles = defaultRoles(provider);
  const created = db.transaction(async (tx) => {
    const user = await usersRepo.insertUser(tx, {
      organizationId: provider.organizationId,
      ...fields,
      // They sign in through the IdP: no password verifies against this.
      passwordHash: UNUSABLE_PASSWORD_HASH,
      roles: roles.filter((r) => !isPrivileged(r)),
      mustChangePassword: false,
    });
    const subject = changes.externalId ?? input.userName;
    if (!(await scimRepo.setScimSubject(tx, user.organizationId, provider.id, user.id, subject))) {
      throw conflict('scim_external_id_taken');
    }
    await recordAudit(tx, ctx, [
      {
        action: 'scim.user_provisioned',
        entityType: USER_ENTITY,
        entityId: user.id,
        after: { ...auditableUser(user), providerId: provider.id, externalId: subject },
      },
    ]);
    await requestPrivilegedRoles(tx, ctx, user, roles);
    return user;
  });
  const user = await created.catch((error: unknown) => {
    const e = error as { code?: string; cause?: { code?: string } };
    if (e?.code === '23505' || e?.cause?.code === '23505') throw userExists();
    throw error;
  });
  return getUser(db, caller, user.id);
}

async function updateUser(
  db: Db,
  caller: ScimCaller,
  userId: string,
  expectedVersion: number | null,
  changes: ScimUserChanges,
  full: boolean,
) {
  const { provider } = caller;
  const org = provider.organizationId;
  const ctx = scimContext(caller);
  await db.transaction(async (tx) => {
    const { user: before, externalId } = await findUser(tx, caller, userId);
    if (expectedVersion !== null && before.version !== expectedVersion) throw staleVersion();
    const next = resolve(before as Resolved, changes, full, before.locale === 'en' ? 'en' : 'ja');
    if (
      next.email.toLowerCase() !== before.email.toLowerCase() &&
      (await usersRepo.emailTaken(tx, next.email, userId))
    ) {
      throw userExists();
    }
    if (changes.externalId && changes.externalId !== externalId) {
      if (!(await scimRepo.setScimSubject(tx, org, provider.id, userId, changes.externalId))) {
        throw conflict('scim_external_id_taken');
      }
    }
    const changed = (Object.keys(next) as (keyof Resolved)[]).some((k) => next[k] !== before[k]);
    if (!changed) return;
    const deactivating = before.active && !next.active;
    const adminLeft = before.roles.includes('admin') && deactivating;
    if (adminLeft && (await usersRepo.countActiveAdmins(tx, org)) <= 1)
      throw conflict('last_admin');
    const after = await usersRepo.updateUser(tx, org, userId, before.version, next);
    if (!after) throw staleVersion();
    // A deactivated user is signed out everywhere at once, in this same transaction.
    if (deactivating) await sessionsRepo.deleteUserSessions(tx, org, userId);
    await recordAudit(tx, ctx, [
      {
        action: deactivating ? 'scim.user_deactivated' : 'user.updated',
        entityType: USER_ENTITY,
        entityId: userId,
        ...diff(auditableUser(before), auditableUser(after)),
      },
    ]);
  });
  return getUser(db, caller, userId);
}

/** PUT: the full representation replaces the kept attributes (`active` absent stays). */
export function replaceUser(
  db: Db,
  caller: ScimCaller,
  userId: string,
  expectedVersion: number | null,
  input: ScimUserInput,
) {
  return updateUser(db, caller, userId, expectedVersion, userChangesOf(input), true);
}

export function patchUser(
  db: Db,
  caller: ScimCaller,
  userId: string,
  expectedVersion: number | null,
  operations: ScimPatchOperation[],
) {
  return updateUser(db, caller, userId, expectedVersion, userPatchChanges(operations), false);
}

/** DELETE deactivates: the user and their audit history stay; their sessions end. */
export async function deactivateUser(
  db: Db,
  caller: ScimCaller,
  userId: string,
  expectedVersion: number | null,
) {
  await updateUser(db, caller, userId, expectedVersion, { active: false }, false);
}
