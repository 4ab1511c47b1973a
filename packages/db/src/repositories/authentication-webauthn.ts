import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { userFactors } from '../tables/authentication.ts';

/**
 * WebAuthn's own queries (factors, flows and sessions are shared with TOTP in
 * authentication.ts): a credential looked up by its ID within
 * its user, and the signature counter moved forward only.
 */

export async function findCredential(
  db: Executor,
  organizationId: string,
  userId: string,
  credentialId: string,
) {
  const [row] = await db
    .select()
    .from(userFactors)
    .where(
      and(
        eq(userFactors.organizationId, organizationId),
        eq(userFactors.userId, userId),
        eq(userFactors.kind, 'webauthn'),
        eq(userFactors.credentialId, credentialId),
      ),
    );
  return row ?? null;
}

/** Whether any user anywhere registered this credential ID (it is unique across tenants). */
export async function credentialExists(db: Executor, credentialId: string) {
  const [row] = await db
    .select({ id: userFactors.id })
    .from(userFactors)
    .where(eq(userFactors.credentialId, credentialId));
  return Boolean(row);
}

/**
 * Stores the counter of an accepted assertion if it still moves forward (or
 * stays 0 for authenticators without a counter): false when a concurrent
 * assertion of the same credential got there first, as a clone would.
 */
export async function advanceSignCount(
  db: Executor,
  organizationId: string,
  id: string,
  signCount: number,
) {
  const rows = await db
    .update(userFactors)
    .set({ signCount, lastUsedAt: sql`now()` })
    .where(
      and(
        eq(userFactors.organizationId, organizationId),
        eq(userFactors.id, id),
        sql`(coalesce(${userFactors.signCount}, 0) < ${signCount} or ${signCount} = 0)`,
      ),
    )
    .returning({ id: userFactors.id });
  return rows.length > 0;
}
