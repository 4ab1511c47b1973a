import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { apiTokens, users } from '../tables/identity.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertToken(db: Executor, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

export async function listTokens(db: Executor, organizationId: string, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.userId, userId)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function getToken(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organizationId, organizationId), eq(apiTokens.id, id)));
  return row ?? null;
}

export async function revokeToken(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.organizationId, organizationId),
        eq(apiTokens.id, id),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * A live token with its user; marks it used at most once a minute, to spare
 * writes. The select says whether the mark is due (by the database's clock), so
 * a request in the same minute costs one statement, not two.
 */
// Every API request looks its token up: the statement is built once per database
// (drizzle's building cost more CPU than the indexed lookup), then only run.
const lookups = new WeakMap<Executor, ReturnType<typeof tokenLookup>>();
function tokenLookup(db: Executor) {
  return db
    .select({
      token: apiTokens,
      user: users,
      touch: sql<boolean>`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '60 seconds')`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('hash')),
        isNull(apiTokens.revokedAt),
        sql`${apiTokens.expiresAt} > now()`,
      ),
    )
    .prepare(''); // unnamed on the server: nothing kept per connection (poolers stay happy)
}

export async function useToken(db: Executor, tokenHash: string) {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = tokenLookup(db)));
  const [found] = await lookup.execute({ hash: tokenHash });
  if (!found) return null;
  const { touch, ...row } = found;
  if (touch) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, row.token.id),
          sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '60 seconds')`,
        ),
      );
  }
  return row;
}
