import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { authFlows } from '../tables/authentication.ts';
import { samlReplay } from '../tables/sso.ts';

/**
 * SAML service-provider state: the AuthnRequest IDs we sent (auth_flows, kind
 * 'saml', so a response must answer one of them) and the assertion IDs we
 * accepted (saml_replay, so none is accepted twice).
 */

export interface SamlFlowInput {
  /** SHA-256 of the AuthnRequest ID. */
  id: string;
  organizationId: string;
  providerId: string;
  returnTo: string | null;
  expiresAt: Date;
}

export async function insertSamlFlow(db: Executor, flow: SamlFlowInput) {
  await db.insert(authFlows).values({
    id: flow.id,
    organizationId: flow.organizationId,
    kind: 'saml',
    data: { providerId: flow.providerId, returnTo: flow.returnTo },
    expiresAt: flow.expiresAt,
  });
}

/** A live request of this provider, or null (unknown, expired, or another provider's). */
export async function findSamlFlow(
  db: Executor,
  organizationId: string,
  providerId: string,
  id: string,
) {
  const [row] = await db
    .select()
    .from(authFlows)
    .where(
      and(
        eq(authFlows.id, id),
        eq(authFlows.kind, 'saml'),
        eq(authFlows.organizationId, organizationId),
        sql`${authFlows.data}->>'providerId' = ${providerId}`,
        gt(authFlows.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Ends a request; true when this call removed it (so two responses cannot both use it). */
export async function deleteSamlFlow(
  db: Executor,
  organizationId: string,
  providerId: string,
  id: string,
) {
  const rows = await db
    .delete(authFlows)
    .where(
      and(
        eq(authFlows.id, id),
        eq(authFlows.kind, 'saml'),
        eq(authFlows.organizationId, organizationId),
        sql`${authFlows.data}->>'providerId' = ${providerId}`,
      ),
    )
    .returning({ id: authFlows.id });
  return rows.length > 0;
}

/**
 * Records an accepted assertion ID; false when it was already recorded (a
 * replay). Expired IDs of the provider are swept first: an assertion past its
 * NotOnOrAfter is refused on its dates anyway.
 */
export async function rememberAssertion(
  db: Executor,
  providerId: string,
  assertionId: string,
  expiresAt: Date,
) {
  await db
    .delete(samlReplay)
    .where(and(eq(samlReplay.providerId, providerId), lt(samlReplay.expiresAt, sql`now()`)));
  const rows = await db
    .insert(samlReplay)
    .values({ providerId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: samlReplay.assertionId });
  return rows.length > 0;
}
