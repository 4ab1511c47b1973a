import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { users } from '../tables/identity.ts';
import { identityProviders, userIdentities } from '../tables/sso.ts';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type NewIdentityProvider = typeof identityProviders.$inferInsert;
export type UserIdentityRow = typeof userIdentities.$inferSelect;
type ProviderChange = Partial<
  Omit<NewIdentityProvider, 'id' | 'organizationId' | 'kind' | 'version' | 'createdAt'>
>;

export async function insertProvider(db: Executor, values: NewIdentityProvider) {
  const [row] = await db.insert(identityProviders).values(values).returning();
  return row!;
}

export async function listProviders(db: Executor, organizationId: string) {
  return db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.organizationId, organizationId))
    .orderBy(asc(identityProviders.name), asc(identityProviders.id));
}

export async function getProvider(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.organizationId, organizationId), eq(identityProviders.id, id)));
  return row ?? null;
}

/**
 * A provider by id alone, for the public sign-in routes (start, SAML ACS,
 * metadata): the browser arrives before any organization is known; the
 * provider's row names it.
 */
export async function findProvider(db: Executor, id: string) {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return row ?? null;
}

/** Null when the version no longer matches (or the provider is gone). */
export async function updateProvider(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: ProviderChange,
) {
  const conditions = [
    eq(identityProviders.organizationId, organizationId),
    eq(identityProviders.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(identityProviders.version, expectedVersion));
  const [row] = await db
    .update(identityProviders)
    .set({ ...values, version: sql`${identityProviders.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function deleteProvider(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .delete(identityProviders)
    .where(and(eq(identityProviders.organizationId, organizationId), eq(identityProviders.id, id)))
    .returning({ id: identityProviders.id });
  return Boolean(row);
}

/** Linked users per provider of the organization (providers without any are absent). */
export async function countLinkedUsers(db: Executor, organizationId: string) {
  const rows = await db
    .select({ providerId: userIdentities.providerId, n: count() })
    .from(userIdentities)
    .where(eq(userIdentities.organizationId, organizationId))
    .groupBy(userIdentities.providerId);
  return new Map(rows.map((r) => [r.providerId, Number(r.n)]));
}

/**
 * Whether anything else refers to the provider (linked users, SCIM groups,
 * SAML replay entries), so deleting it would break a reference.
 */
export async function providerInUse(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({
      used: sql<boolean>`exists (select 1 from user_identities ui where ui.provider_id = ${id})
        or exists (select 1 from directory_groups dg where dg.provider_id = ${id})
        or exists (select 1 from saml_replay sr where sr.provider_id = ${id})`,
    })
    .from(identityProviders)
    .where(and(eq(identityProviders.organizationId, organizationId), eq(identityProviders.id, id)));
  return Boolean(row?.used);
}

/** Providers of any organization that claim this email domain (enabled ones only, or all). */
export async function providersForDomain(db: Executor, domain: string, enabledOnly: boolean) {
  const claims = sql`${domain} = any(${identityProviders.emailDomains})`;
  return db
    .select({
      id: identityProviders.id,
      organizationId: identityProviders.organizationId,
      name: identityProviders.name,
      kind: identityProviders.kind,
    })
    .from(identityProviders)
    .where(enabledOnly ? and(eq(identityProviders.enabled, true), claims) : claims)
    .orderBy(asc(identityProviders.name), asc(identityProviders.id));
}

/** The user an IdP account is linked to. */
export async function findIdentity(db: Executor, providerId: string, subject: string) {
  const [row] = await db
    .select({ identity: userIdentities, user: users })
    .from(userIdentities)
    .innerJoin(
      users,
      and(
        eq(users.id, userIdentities.userId),
        eq(users.organizationId, userIdentities.organizationId),
      ),
    )
    .where(and(eq(userIdentities.providerId, providerId), eq(userIdentities.subject, subject)));
  return row ?? null;
}

export async function insertIdentity(db: Executor, values: typeof userIdentities.$inferInsert) {
  const [row] = await db.insert(userIdentities).values(values).returning();
  return row!;
}

export async function touchIdentity(db: Executor, organizationId: string, id: string) {
  await db
    .update(userIdentities)
    .set({ lastSignInAt: sql`now()` })
    .where(and(eq(userIdentities.organizationId, organizationId), eq(userIdentities.id, id)));
}

/**
 * Whether the user is linked to an enabled provider that turns password
 * log-in off. A disabled provider no longer binds: its users can sign in
 * with a password again (if they have one).
 */
export async function passwordLoginDisabledFor(
  db: Executor,
  organizationId: string,
  userId: string,
) {
  const [row] = await db
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .innerJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
    .where(
      and(
        eq(userIdentities.organizationId, organizationId),
        eq(userIdentities.userId, userId),
        eq(identityProviders.enabled, true),
        eq(identityProviders.passwordLoginDisabled, true),
      ),
    )
    .limit(1);
  return Boolean(row);
}
