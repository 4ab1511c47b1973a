import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { loginFailures, sessions, users } from '../tables/identity.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

/**
 * The session with its user, if neither has lapsed: idle since lastSeen + idle
 * window, or past its absolute expiry. Refreshes last_seen at most once a minute.
 */
export async function touchSession(db: Executor, id: string, idleSeconds: number) {
  await db.execute(sql`
    update sessions set last_seen_at = now()
    where id = ${id} and expires_at > now()
      and last_seen_at > now() - make_interval(secs => ${idleSeconds})
      and last_seen_at < now() - interval '60 seconds'
`);
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = sessionLookup(db)));
  const [row] = await lookup.execute({ id, idle: idleSeconds });
  return row ?? null;
}

// Every browser request reads its session: built once per database, then only run.
const lookups = new WeakMap<Executor, ReturnType<typeof sessionLookup>>();
function sessionLookup(db: Executor) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql`now()`),
        gt(
          sessions.lastSeenAt,
          sql`now() - make_interval(secs => ${sql.placeholder('idle')}::int)`,
        ),
      ),
    )
    .prepare(''); // unnamed on the server: nothing kept per connection
}

export async function deleteSession(db: Executor, organizationId: string, id: string) {
  return db
    .delete(sessions)
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
}

export async function deleteUserSessions(
  db: Executor,
  organizationId: string,
  userId: string,
  exceptId?: string,
) {
  const conditions = [eq(sessions.organizationId, organizationId), eq(sessions.userId, userId)];
  if (exceptId) conditions.push(ne(sessions.id, exceptId));
  return db
    .delete(sessions)
    .where(and(...conditions))
    .returning({ id: sessions.id });
}

export async function listUserSessions(db: Executor, organizationId: string, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.organizationId, organizationId),
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function deleteExpiredSessions(db: Executor, idleSeconds: number) {
  await db
    .delete(sessions)
    .where(
      sql`${sessions.expiresAt} <= now() or ${sessions.lastSeenAt} <= now() - make_interval(secs => ${idleSeconds})`,
    );
}

/** Records failed (or not yet decided) attempts; returns their ids. */
export async function recordLoginFailures(db: Executor, keys: string[]): Promise<string[]> {
  const rows = await db
    .insert(loginFailures)
    .values(keys.map((key) => ({ key })))
    .returning({ id: loginFailures.id });
  return rows.map((r) => r.id);
}

export async function deleteLoginFailures(db: Executor, ids: string[]) {
  if (ids.length) await db.delete(loginFailures).where(inArray(loginFailures.id, ids));
}

/** Failures of each key inside the window, and when the oldest of them leaves it. */
export async function loginFailureStats(db: Executor, keys: string[], windowSeconds: number) {
  const rows = await queryRows<{ key: string; n: number; retry_after: number | null }>(
    db,
    sql`
    select key, count(*)::int as n,
      ceil(extract(epoch from (min(at) + make_interval(secs => ${windowSeconds}) - now())))::int as retry_after
    from login_failures
    where key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}) and at > now() - make_interval(secs => ${windowSeconds})
    group by key`,
  );
  const stats = new Map(
    rows.map((r) => [r.key, { count: Number(r.n), retryAfterSeconds: Number(r.retry_after ?? 0) }]),
  );
  return (key: string) => stats.get(key) ?? { count: 0, retryAfterSeconds: 0 };
}

export async function clearLoginFailures(db: Executor, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

export async function pruneLoginFailures(db: Executor, windowSeconds: number) {
  await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, sql`now() - make_interval(secs => ${windowSeconds})`));
}
