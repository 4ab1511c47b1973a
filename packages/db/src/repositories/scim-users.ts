import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { users } from '../tables/identity.ts';
import { identityProviders, userIdentities } from '../tables/sso.ts';
import type { UserRow } from './users.ts';

/**
 * SCIM provisioning: the provider behind a bearer token, and the users of its
 * organization as the IdP sees them. The IdP's id for a user (SCIM
 * `externalId`, else its userName) is a user_identities row whose subject
 * carries the `scim:` prefix: the same provider's OIDC `sub` or SAML NameID
 * rows (written at sign-in) never collide with it or get overwritten by it,
 * and a user has at most one SCIM row per provider. Every query is bounded by
 * the organization.
 */

export const SCIM_SUBJECT_PREFIX = 'scim:';

export type ScimProviderRow = typeof identityProviders.$inferSelect;

/** The provider whose SCIM token has this SHA-256 (enabled or not: the caller decides). */
export async function providerByScimTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.scimTokenHash, tokenHash));
  return row ?? null;
}

/**
 * Providers whose stored token prefix begins the presented token: a wrong or
 * superseded token aimed at a known IdP, whose organization should see the refusal.
 */
export async function providersByScimTokenPrefix(db: Executor, token: string) {
  return db
    .select({ id: identityProviders.id, organizationId: identityProviders.organizationId })
    .from(identityProviders)
    .where(
      sql`${identityProviders.scimTokenPrefix} is not null
        and length(${identityProviders.scimTokenPrefix}) >= 8
        and left(${token}, length(${identityProviders.scimTokenPrefix})) = ${identityProviders.scimTokenPrefix}`,
    )
    .limit(2);
}

export interface ScimUserFilter {
  id?: string;
  /** Compared with the sign-in email, case-insensitively. */
  email?: string;
  /** The IdP's subject for the user (its externalId), case-exact. */
  externalId?: string;
  active?: boolean;
}

export interface ScimUserRow {
  user: UserRow;
  /** The user's subject at this provider, if linked. */
  externalId: string | null;
}

function userConditions(organizationId: string, filter: ScimUserFilter): SQL[] {
  const conditions: SQL[] = [eq(users.organizationId, organizationId)];
  if (filter.id !== undefined) conditions.push(eq(users.id, filter.id));
  if (filter.email !== undefined)
    conditions.push(sql`lower(${users.email}) = lower(${filter.email})`);
  if (filter.externalId !== undefined)
    conditions.push(eq(userIdentities.subject, SCIM_SUBJECT_PREFIX + filter.externalId));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  return conditions;
}

/** One page of users (offset paging, as SCIM's startIndex asks) and the total that match. */
export async function listScimUsers(
  db: Executor,
  organizationId: string,
  providerId: string,
  filter: ScimUserFilter,
  page: { offset: number; limit: number },
) {
  const joined = and(
    eq(userIdentities.userId, users.id),
    eq(userIdentities.providerId, providerId),
    sql`${userIdentities.subject} like 'scim:%'`,
  );
  const where = and(...userConditions(organizationId, filter));
  const [rows, [count]] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([])
      : db
          .select({ user: users, externalId: userIdentities.subject })
          .from(users)
          .leftJoin(userIdentities, joined)
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.id))
          .offset(page.offset)
          .limit(page.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .leftJoin(userIdentities, joined)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      user: r.user,
      externalId: r.externalId?.slice(SCIM_SUBJECT_PREFIX.length) ?? null,
    })),
    total: Number(count?.n ?? 0),
  };
}

export async function getScimUser(
  db: Executor,
  organizationId: string,
  providerId: string,
  userId: string,
): Promise<ScimUserRow | null> {
  const { rows } = await listScimUsers(
    db,
    organizationId,
    providerId,
    { id: userId },
    { offset: 0, limit: 1 },
  );
  return rows[0] ?? null;
}

/**
 * Sets the IdP's id for the user (its one SCIM identity at the provider).
 * Returns false when another user of the provider already holds that id.
 */
export async function setScimSubject(
  db: Executor,
  organizationId: string,
  providerId: string,
  userId: string,
  externalId: string,
) {
  const subject = SCIM_SUBJECT_PREFIX + externalId;
  const [holder] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.providerId, providerId), eq(userIdentities.subject, subject)));
  if (holder) return holder.userId === userId;
  const updated = await db
    .update(userIdentities)
    .set({ subject })
    .where(
      and(
        eq(userIdentities.organizationId, organizationId),
        eq(userIdentities.providerId, providerId),
        eq(userIdentities.userId, userId),
        sql`${userIdentities.subject} like 'scim:%'`,
      ),
    )
    .returning({ id: userIdentities.id });
  if (updated.length === 0) {
    await db.insert(userIdentities).values({ organizationId, providerId, userId, subject });
  }
  return true;
}

export type { GroupRoleMapping } from '../tables/sso.ts';
