import { and, asc, count, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { authFlows, authPolicies, recoveryCodes, userFactors } from '../tables/authentication.ts';
import { sessions } from '../tables/identity.ts';

export type AuthPolicyRow = typeof authPolicies.$inferSelect;
export type UserFactorRow = typeof userFactors.$inferSelect;
export type AuthFlowRow = typeof authFlows.$inferSelect;

/** The organization's sign-in policy, or null when it keeps the defaults. */
export async function getAuthPolicy(db: Executor, organizationId: string) {
  const [row] = await db
    .select()
    .from(authPolicies)
    .where(eq(authPolicies.organizationId, organizationId));
  return row ?? null;
}

/**
 * Writes the policy if its version is still `expectedVersion` (1 for an
 * organization without a row yet); null when someone else changed it first.
 */
export async function saveAuthPolicy(
  db: Executor,
  organizationId: string,
  expectedVersion: number,
  values: { mfaRequired: string; mfaRoles: string[]; stepUpMinutes: number },
) {
  const existing = await getAuthPolicy(db, organizationId);
  if (!existing) {
    if (expectedVersion !== 1) return null;
    const [row] = await db
      .insert(authPolicies)
      .values({ organizationId, ...values, version: 2 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(authPolicies)
    .set({ ...values, version: sql`${authPolicies.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(authPolicies.organizationId, organizationId),
        eq(authPolicies.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** How many second factors the user has confirmed (a TOTP awaiting its first code does not count). */
export async function countConfirmedFactors(db: Executor, organizationId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(userFactors)
    .where(
      and(
        eq(userFactors.organizationId, organizationId),
        eq(userFactors.userId, userId),
        isNotNull(userFactors.confirmedAt),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The user's confirmed factors, oldest first. */
export async function listFactors(
  db: Executor,
  organizationId: string,
  userId: string,
  kind?: string,
) {
  const conditions = [
    eq(userFactors.organizationId, organizationId),
    eq(userFactors.userId, userId),
    isNotNull(userFactors.confirmedAt),
  ];
  if (kind) conditions.push(eq(userFactors.kind, kind));
  return db
    .select()
    .from(userFactors)
    .where(and(...conditions))
    .orderBy(asc(userFactors.createdAt), asc(userFactors.id));
}

export async function getFactor(db: Executor, organizationId: string, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(userFactors)
    .where(
      and(
        eq(userFactors.organizationId, organizationId),
        eq(userFactors.userId, userId),
        eq(userFactors.id, id),
      ),
    );
  return row ?? null;
}

export async function insertFactor(db: Executor, values: typeof userFactors.$inferInsert) {
  const [row] = await db.insert(userFactors).values(values).returning();
  return row!;
}

/**
 * Records that a TOTP code of time step `step` was accepted, only if no code
 * of that step or a later one was accepted before: false means a replay.
 */
export async function claimTotpStep(
  db: Executor,
  organizationId: string,
  id: string,
  step: number,
) {
  const rows = await db
    .update(userFactors)
    .set({ totpLastStep: step, lastUsedAt: sql`now()` })
    .where(
      and(
        eq(userFactors.organizationId, organizationId),
        eq(userFactors.id, id),
        sql`(${userFactors.totpLastStep} is null or ${userFactors.totpLastStep} < ${step})`,
      ),
    )
    .returning({ id: userFactors.id });
  return rows.length > 0;
}

export async function touchFactor(db: Executor, organizationId: string, id: string) {
  await db
    .update(userFactors)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(userFactors.organizationId, organizationId), eq(userFactors.id, id)));
}

export async function deleteFactor(db: Executor, organizationId: string, id: string) {
  return db
    .delete(userFactors)
    .where(and(eq(userFactors.organizationId, organizationId), eq(userFactors.id, id)))
    .returning();
}

/** Removes every factor and recovery code of the user (an administrator's reset). */
export async function deleteUserFactors(db: Executor, organizationId: string, userId: string) {
  const factors = await db
    .delete(userFactors)
    .where(and(eq(userFactors.organizationId, organizationId), eq(userFactors.userId, userId)))
    .returning({ id: userFactors.id, kind: userFactors.kind });
  await deleteRecoveryCodes(db, organizationId, userId);
  return factors;
}

export async function deleteRecoveryCodes(db: Executor, organizationId: string, userId: string) {
  await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.organizationId, organizationId), eq(recoveryCodes.userId, userId)));
}

export async function insertRecoveryCodes(
  db: Executor,
  organizationId: string,
  userId: string,
  hashes: string[],
) {
  if (hashes.length === 0) return;
  await db
    .insert(recoveryCodes)
    .values(hashes.map((codeHash) => ({ organizationId, userId, codeHash })));
}

/** Marks an unused code as used; false when no unused code has this hash. */
export async function useRecoveryCode(
  db: Executor,
  organizationId: string,
  userId: string,
  codeHash: string,
) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.organizationId, organizationId),
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(
  db: Executor,
  organizationId: string,
  userId: string,
) {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(
      and(
        eq(recoveryCodes.organizationId, organizationId),
        eq(recoveryCodes.userId, userId),
        isNull(recoveryCodes.usedAt),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertAuthFlow(db: Executor, values: typeof authFlows.$inferInsert) {
  const [row] = await db.insert(authFlows).values(values).returning();
  return row!;
}

/**
 * Takes a live flow of this kind out of the table: a ceremony's state is used
 * once, whatever its outcome. Null when unknown, lapsed or of another kind.
 */
export async function consumeAuthFlow(db: Executor, id: string, kind: string) {
  const [row] = await db
    .delete(authFlows)
    .where(and(eq(authFlows.id, id), eq(authFlows.kind, kind), gt(authFlows.expiresAt, sql`now()`)))
    .returning();
  return row ?? null;
}

export async function deleteExpiredAuthFlows(db: Executor) {
  await db.delete(authFlows).where(lt(authFlows.expiresAt, sql`now()`));
}

/** Finishes a session's second factor: stage complete, method noted, authenticated now. */
export async function completeSessionStage(
  db: Executor,
  organizationId: string,
  sessionId: string,
  mfaMethod: string,
) {
  const [row] = await db
    .update(sessions)
    .set({ stage: 'complete', mfaMethod, authenticatedAt: sql`now()` })
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, sessionId)))
    .returning();
  return row ?? null;
}

/** A step-up: the session's last full authentication is now. */
export async function markSessionAuthenticated(
  db: Executor,
  organizationId: string,
  sessionId: string,
) {
  const [row] = await db
    .update(sessions)
    .set({ authenticatedAt: sql`now()` })
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, sessionId)))
    .returning({ authenticatedAt: sessions.authenticatedAt });
  return row ?? null;
}

export async function getSession(db: Executor, organizationId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, sessionId)));
  return row ?? null;
}

/**
 * Sign-in state past its use, in one pass per table: sessions past their
 * absolute expiry, lapsed ceremonies, SAML assertion IDs past their validity,
 * and failed log-ins older than any throttle window looks back.
 */
export async function pruneSignInState(db: Executor, failuresOlderThanSeconds: number) {
  const rows = await queryRows<{ what: string; n: number }>(
    db,
    sql`
    with s as (delete from sessions where expires_at <= now() returning 1),
      f as (delete from auth_flows where expires_at <= now() returning 1),
      r as (delete from saml_replay where expires_at <= now() returning 1),
      l as (delete from login_failures
        where at < now() - make_interval(secs => ${failuresOlderThanSeconds}) returning 1)
    select 'sessions' as what, count(*)::int as n from s
    union all select 'authFlows', count(*)::int from f
    union all select 'samlReplay', count(*)::int from r
    union all select 'loginFailures', count(*)::int from l`,
  );
  return Object.fromEntries(rows.map((r) => [r.what, Number(r.n)])) as Record<string, number>;
}
