import type { Db } from '@mamoru/db';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import * as usersRepo from '@mamoru/db/repositories/users';
import * as orgs from '@mamoru/db/repositories/organizations';
import type { UserRow } from '@mamoru/db/repositories/users';
import { DomainError, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize, type Actor } from './actor.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { beginAttempt, type ThrottleSettings } from './throttle.ts';
import { grantsOf, isRole, type Role } from './permissions.ts';
import { sha256 } from './secrets.ts';
import { openSession } from '../authentication/session-start.ts';

export interface AuthSettings extends ThrottleSettings {
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
}

export function actorForUser(user: UserRow, kind: Actor['kind'] = 'user'): Actor {
  const roles = user.roles.filter(isRole) as Role[];
  return {
    kind,
    userId: user.id,
    organizationId: user.organizationId,
    displayName: user.displayName,
    roles,
    grants: grantsOf(roles),
    locale: user.locale === 'en' ? 'en' : 'ja',
  };
}

/** A user may act only while active and, for external auditors, before access expires. */
export function userMayAct(user: UserRow, now = new Date()): boolean {
  return user.active && (!user.accessExpiresAt || user.accessExpiresAt > now);
}

export interface LoginMeta {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The session the browser already had, if any: replaced by the new one. */
  previous?: { organizationId: string; sessionId: string } | null;
}

/**
 * Email + password log-on, throttled (see throttle.ts) before the password is
 * even checked; the same answer whether the account exists or not. Every
 * refusal leaves here as a DomainError: `login_throttled` (429) from the
 * throttle, `login_failed` (401) otherwise.
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  meta: LoginMeta,
  s: AuthSettings,
) {
  const attempt = await beginAttempt(db, { account: email, address: meta.ipAddress }, s);
  const user = await usersRepo.findUserByEmail(db, email);
  const ok = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!user || !ok || !userMayAct(user)) throw new DomainError('unauthenticated', 'login_failed');
  // Linked to an IdP that turns passwords off: the same answer; the security log says why.
  if (await ssoRepo.passwordLoginDisabledFor(db, user.organizationId, user.id)) {
    throw new DomainError('unauthenticated', 'login_failed', { securityReason: 'sso_only' });
  }
  await attempt.succeeded();
  return openSession(db, user, meta, s, { method: 'password' });
}

/** The acting user behind a session cookie, or null when it is unknown or lapsed. */
export async function resolveSession(db: Db, token: string, s: AuthSettings) {
  const found = await sessionsRepo.touchSession(db, sha256(token), s.sessionIdleSeconds);
  if (!found || !userMayAct(found.user)) return null;
  return { session: found.session, user: found.user, actor: actorForUser(found.user) };
}

export async function logout(db: Db, ctx: RequestContext, sessionId: string, everywhere: boolean) {
  const userId = ctx.actor.userId;
  if (!userId) return;
  await db.transaction(async (tx) => {
    const removed = everywhere
      ? await sessionsRepo.deleteUserSessions(tx, ctx.actor.organizationId, userId)
      : await sessionsRepo.deleteSession(tx, ctx.actor.organizationId, sessionId);
    await recordAudit(tx, ctx, [
      {
        action: everywhere ? 'session.logout_all' : 'session.logout',
        entityType: 'user',
        entityId: userId,
        after: { sessions: removed.length },
      },
    ]);
  });
}

export async function listSessions(db: Db, actor: Actor) {
  if (!actor.userId) return [];
  return sessionsRepo.listUserSessions(db, actor.organizationId, actor.userId);
}

/** Ends one of the caller's own sessions (e.g. a forgotten browser elsewhere). */
export async function revokeSession(db: Db, ctx: RequestContext, sessionId: string) {
  const userId = ctx.actor.userId;
  const mine = userId ? await listSessions(db, ctx.actor) : [];
  if (!mine.some((s) => s.id === sessionId)) throw notFound('session');
  await db.transaction(async (tx) => {
    await sessionsRepo.deleteSession(tx, ctx.actor.organizationId, sessionId);
    await recordAudit(tx, ctx, [
      {
        action: 'session.revoked',
        entityType: 'user',
        entityId: userId!,
        after: { session: sessionId.slice(0, 8) },
      },
    ]);
  });
}

/** An administrator ends every session of a user of the organization (e.g. a lost laptop). */
export async function endUserSessions(db: Db, ctx: RequestContext, userId: string) {
  authorize(ctx.actor, 'users:manage');
  await db.transaction(async (tx) => {
    if (!(await usersRepo.getUser(tx, ctx.actor.organizationId, userId))) throw notFound('user');
    const removed = await sessionsRepo.deleteUserSessions(tx, ctx.actor.organizationId, userId);
    await recordAudit(tx, ctx, [
      {
        action: 'session.ended_by_admin',
        entityType: 'user',
        entityId: userId,
        after: { sessions: removed.length },
      },
    ]);
  });
}

export async function sessionOrganization(db: Db, organizationId: string) {
  const org = await orgs.getOrganization(db, organizationId);
  if (!org) throw notFound('organization');
  return org;
}

/** The signed-in user's record, for the session summary the web app loads. */
export async function resolveUserForInfo(db: Db, organizationId: string, userId: string) {
  const user = await usersRepo.getUser(db, organizationId, userId);
  return user ? { user } : null;
}
