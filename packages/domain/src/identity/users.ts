import type { Db, Executor } from '@mamoru/db';
import * as usersRepo from '@mamoru/db/repositories/users';
import * as ackRepo from '@mamoru/db/repositories/documents-acknowledgements';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import * as orgs from '@mamoru/db/repositories/organizations';
import type { z } from 'zod';
import type { userCreateSchema, userUpdateSchema, profileUpdateSchema } from '@mamoru/contracts';
import { conflict, invalid, notFound, staleVersion, DomainError } from '../errors.ts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from './actor.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { auditableUser } from './presenters.ts';
import { beginAttempt, type ThrottleSettings } from './throttle.ts';
import { noteRolesApplied, requestRoleGrant, splitRoleGrant } from './role-grants.ts';
import { checkPrimaryUnitChange } from '../audits/independence-check.ts';

type UserCreate = z.infer<typeof userCreateSchema>;
type UserUpdate = z.infer<typeof userUpdateSchema>;
type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** Postgres unique violation: two requests raced past the pre-check. */
function isUniqueViolation(error: unknown) {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

function checkExpiryInFuture(expiresAt: string | null | undefined) {
  if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
    throw invalid([{ field: 'accessExpiresAt', code: 'access_expiry_past' }]);
  }
}

function checkExternalAuditor(roles: readonly string[], expiresAt: string | null | undefined) {
  // An external auditor is read-only and always temporary.
  if (roles.includes('external_auditor')) {
    if (roles.length > 1) throw invalid([{ field: 'roles', code: 'external_auditor_alone' }]);
    if (!expiresAt) throw invalid([{ field: 'accessExpiresAt', code: 'external_auditor_expiry' }]);
  }
}

/** A user's unit must be a unit of the same organization. */
async function checkOrgUnit(
  db: Executor,
  organizationId: string,
  orgUnitId: string | null | undefined,
) {
  if (orgUnitId && !(await scopeRepo.getOrgUnit(db, organizationId, orgUnitId))) {
    throw invalid([{ field: 'orgUnitId', code: 'reference_not_found' }]);
  }
}

export async function createUser(db: Db, ctx: RequestContext, input: UserCreate) {
  authorize(ctx.actor, 'users:manage');
  checkExternalAuditor(input.roles, input.accessExpiresAt);
  checkExpiryInFuture(input.accessExpiresAt);
  await checkOrgUnit(db, ctx.actor.organizationId, input.orgUnitId);
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const problems = await passwordProblems(input.password, 'password', {
    ...input,
    organizationName: org?.name,
  });
  if (problems.length) throw invalid(problems);
  if (await usersRepo.emailTaken(db, input.email)) {
    throw invalid([{ field: 'email', code: 'email_taken' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const created = db.transaction(async (tx) => {
    const grant = await splitRoleGrant(tx, ctx, null, [], input.roles);
    const user = await usersRepo.insertUser(tx, {
      organizationId: ctx.actor.organizationId,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      roles: grant.now,
      accessExpiresAt: input.accessExpiresAt ? new Date(input.accessExpiresAt) : null,
      orgUnitId: input.orgUnitId ?? null,
      // The administrator knows this password: the user replaces it at first log-in.
      mustChangePassword: true,
    });
    await recordAudit(tx, ctx, [
      { action: 'user.created', entityType: 'user', entityId: user.id, after: auditableUser(user) },
    ]);
    await noteRolesApplied(tx, user.organizationId, user.roles);
    if (grant.waiting.length) await requestRoleGrant(tx, ctx, user, grant.waiting);
    if (user.orgUnitId)
      await ackRepo.createAcknowledgementsForMember(tx, user.organizationId, user.id);
    return user;
  });
  return created.catch((error: unknown) => {
    if (isUniqueViolation(error)) throw invalid([{ field: 'email', code: 'email_taken' }]);
    throw error;
  });
}

export async function getUser(db: Db, ctx: RequestContext, userId: string) {
  authorize(ctx.actor, 'users:read');
  const user = await usersRepo.getUser(db, ctx.actor.organizationId, userId);
  if (!user) throw notFound('user');
  return user;
}

export async function listUsers(
  db: Db,
  ctx: RequestContext,
  query: {
    q?: string | undefined;
    role?: string | undefined;
    orgUnitId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  authorize(ctx.actor, 'users:read');
  return usersRepo.listUsers(db, ctx.actor.organizationId, query, query);
}

export async function updateUser(
  db: Db,
  ctx: RequestContext,
  userId: string,
  expectedVersion: number,
  input: UserUpdate,
) {
  authorize(ctx.actor, 'users:manage');
  return db.transaction(async (tx) => {
    const before = await usersRepo.getUser(tx, ctx.actor.organizationId, userId);
    if (!before) throw notFound('user');
    const roles = input.roles ?? before.roles;
    const expiry =
      input.accessExpiresAt !== undefined
        ? input.accessExpiresAt
        : before.accessExpiresAt?.toISOString();
    checkExternalAuditor(roles, expiry);
    if (input.accessExpiresAt) checkExpiryInFuture(input.accessExpiresAt);
    await checkOrgUnit(tx, ctx.actor.organizationId, input.orgUnitId);
    // Auditor independence (6.4): a new unit must not be one the user is auditing.
    if (input.orgUnitId !== undefined && input.orgUnitId !== before.orgUnitId) {
      await checkPrimaryUnitChange(tx, ctx.actor.organizationId, userId, input.orgUnitId);
    }
    const losesAdmin =
      before.roles.includes('admin') && (!roles.includes('admin') || input.active === false);
    if (losesAdmin && (await usersRepo.countActiveAdmins(tx, ctx.actor.organizationId)) <= 1) {
      throw conflict('last_admin');
    }
    const grant = input.roles
      ? await splitRoleGrant(tx, ctx, userId, before.roles, input.roles)
      : { now: undefined, waiting: [] };
    const after = await usersRepo.updateUser(
      tx,
      ctx.actor.organizationId,
      userId,
      expectedVersion,
      {
        displayName: input.displayName,
        roles: grant.now,
        active: input.active,
        locale: input.locale,
        accessExpiresAt:
          input.accessExpiresAt === undefined
            ? undefined
            : input.accessExpiresAt
              ? new Date(input.accessExpiresAt)
              : null,
        orgUnitId: input.orgUnitId,
      },
    );
    if (!after) throw staleVersion();
    // Joining a unit puts the documents in force distributed to it on the user's list.
    if (after.orgUnitId && after.orgUnitId !== before.orgUnitId) {
      await ackRepo.createAcknowledgementsForMember(tx, after.organizationId, userId);
    }
    // A deactivated user is signed out everywhere at once.
    if (input.active === false)
      await sessionsRepo.deleteUserSessions(tx, ctx.actor.organizationId, userId);
    const d = diff(auditableUser(before), auditableUser(after));
    await recordAudit(tx, ctx, [
      { action: 'user.updated', entityType: 'user', entityId: userId, ...d },
    ]);
    await noteRolesApplied(tx, after.organizationId, after.roles);
    if (grant.waiting.length) await requestRoleGrant(tx, ctx, after, grant.waiting);
    return after;
  });
}

/** The caller's own profile: name and language. */
export async function updateProfile(db: Db, ctx: RequestContext, input: ProfileUpdate) {
  const userId = ctx.actor.userId;
  if (!userId || ctx.actor.kind !== 'user') throw new DomainError('forbidden', 'profile_user_only');
  return db.transaction(async (tx) => {
    const before = await usersRepo.getUser(tx, ctx.actor.organizationId, userId);
    if (!before) throw notFound('user');
    const after = await usersRepo.updateUser(tx, ctx.actor.organizationId, userId, null, input);
    await recordAudit(tx, ctx, [
      {
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: userId,
        ...diff(auditableUser(before), auditableUser(after!)),
      },
    ]);
    return after!;
  });
}

/**
 * Changing one's password, throttled like log-in (a stolen session must not
 * become a way to guess the password); it ends every other session of the user
 * and lifts a pending "change at first log-in".
 */
export async function changePassword(
  db: Db,
  ctx: RequestContext,
  meta: { sessionId: string | null; ipAddress: string | null },
  input: { currentPassword: string; newPassword: string },
  s: ThrottleSettings,
) {
  const userId = ctx.actor.userId;
  if (!userId || ctx.actor.kind !== 'user') throw new DomainError('forbidden', 'profile_user_only');
  const user = await usersRepo.getUser(db, ctx.actor.organizationId, userId);
  if (!user) throw notFound('user');
  const attempt = await beginAttempt(db, { account: user.email, address: meta.ipAddress }, s);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', code: 'password_wrong' }]);
  }
  await attempt.succeeded();
  const org = await orgs.getOrganization(db, ctx.actor.organizationId);
  const problems = await passwordProblems(input.newPassword, 'newPassword', {
    ...user,
    organizationName: org?.name,
  });
  if (problems.length) throw invalid(problems);
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw invalid([{ field: 'newPassword', code: 'password_unchanged' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await usersRepo.updateUser(tx, ctx.actor.organizationId, userId, null, {
      passwordHash,
      passwordChangedAt: new Date(),
      mustChangePassword: false,
    });
    await sessionsRepo.deleteUserSessions(
      tx,
      ctx.actor.organizationId,
      userId,
      meta.sessionId ?? undefined,
    );
    await recordAudit(tx, ctx, [
      { action: 'user.password_changed', entityType: 'user', entityId: userId },
    ]);
  });
}

export { presentUsers, PRIVILEGED_ROLES } from './role-grants.ts';
