import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { authPolicies, userFactors } from '../tables/authentication.ts';

export type AuthPolicyRow = typeof authPolicies.$inferSelect;
export type UserFactorRow = typeof userFactors.$inferSelect;

/** The organization's sign-in policy, or null when it keeps the defaults. */
export async function getAuthPolicy(db: Executor, organizationId: string) {
  const [row] = await db
    .select()
    .from(authPolicies)
    .where(eq(authPolicies.organizationId, organizationId));
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
