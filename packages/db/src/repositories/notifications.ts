import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { orgUnits } from '../tables/scope.ts';
import {
  notificationDigests,
  notificationPreferences,
  notificationSettings,
  notificationUnsubscribeTokens,
  notifications,
} from '../tables/notifications.ts';

/**
 * The notification centre: one person's notifications, their preferences,
 * the organization's settings and unsubscribe tokens. The outbox (what the
 * dispatcher and digest send) is in notifications-outbox.ts.
 */

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'createdAt'>;
export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;

/** Inserts notifications; one already created for the same recipient and key is kept as is. */
export async function insertNotifications(db: Executor, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.recipientId, notifications.dedupeKey] })
    .returning({ id: notifications.id, emailMode: notifications.emailMode });
}

export async function listNotifications(
  db: Executor,
  organizationId: string,
  recipientId: string,
  f: { unread?: boolean | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [
    eq(notifications.organizationId, organizationId),
    eq(notifications.recipientId, recipientId),
  ];
  if (f.unread) conditions.push(isNull(notifications.readAt));
  const after = decodeCursor(page.cursor, 2, ['timestamptz', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

/** The bell's number: an index-only count over one person's unread rows. */
export async function unreadCount(db: Executor, organizationId: string, recipientId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        eq(notifications.organizationId, organizationId),
        isNull(notifications.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks one (id) or all of a person's notifications read; returns how many changed. */
export async function markRead(
  db: Executor,
  organizationId: string,
  recipientId: string,
  id?: string,
) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.recipientId, recipientId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function getNotification(
  db: Executor,
  organizationId: string,
  recipientId: string,
  id: string,
) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, organizationId),
        eq(notifications.recipientId, recipientId),
        eq(notifications.id, id),
      ),
    );
  return row ?? null;
}

// ---- preferences ---------------------------------------------------------------------

/** The stored email choices of these users, by user and kind. */
export async function preferencesOf(db: Executor, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: notificationPreferences.userId,
      kind: notificationPreferences.kind,
      email: notificationPreferences.email,
    })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.organizationId, organizationId),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
}

export async function setPreferences(
  db: Executor,
  organizationId: string,
  userId: string,
  kinds: { kind: string; email: string }[],
) {
  if (kinds.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(kinds.map((k) => ({ organizationId, userId, kind: k.kind, email: k.email })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email`, updatedAt: sql`now()` },
    });
}

export async function digestOf(db: Executor, organizationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(notificationDigests)
    .where(
      and(
        eq(notificationDigests.organizationId, organizationId),
        eq(notificationDigests.userId, userId),
      ),
    );
  return row ?? null;
}

export async function setDigestFrequency(
  db: Executor,
  organizationId: string,
  userId: string,
  frequency: string,
) {
  await db
    .insert(notificationDigests)
    .values({ organizationId, userId, frequency })
    .onConflictDoUpdate({ target: notificationDigests.userId, set: { frequency } });
}

// ---- organization settings -------------------------------------------------------------

export async function settingsOf(db: Executor, organizationId: string, forUpdate = false) {
  const q = db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.organizationId, organizationId));
  const [row] = await (forUpdate ? q.for('update') : q);
  return row ?? null;
}

/** Writes the settings when the version still matches (0: no row yet); null when stale. */
export async function saveSettings(
  db: Executor,
  organizationId: string,
  expectedVersion: number,
  values: Omit<typeof notificationSettings.$inferInsert, 'organizationId' | 'version'>,
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(notificationSettings)
      .values({ organizationId, ...values })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(notificationSettings)
    .set({ ...values, version: sql`${notificationSettings.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(notificationSettings.organizationId, organizationId),
        eq(notificationSettings.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

// ---- recipients --------------------------------------------------------------------------

/**
 * Active users holding any of these roles, or one of `userIds`, minus those
 * excluded; read-only roles never decide and are left out by the caller's roles.
 */
export async function activeUsersWith(
  db: Executor,
  organizationId: string,
  f: { roles: string[]; userIds: string[]; exclude: string[] },
) {
  return queryRows<{ id: string; roles: string[] }>(
    db,
    sql`select id, roles from users
      where organization_id = ${organizationId} and active
        and (access_expires_at is null or access_expires_at > now())
        and (roles && ${sql.param(f.roles)}::text[] or id = any(${sql.param(f.userIds)}::uuid[]))
        and not (id = any(${sql.param(f.exclude)}::uuid[]))`,
  );
}

/** Each active user's unit head (null without unit or head), for escalation. */
export async function unitHeadsOf(db: Executor, organizationId: string) {
  const rows = await db
    .select({ userId: users.id, headId: orgUnits.managerUserId })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true)));
  return new Map(rows.map((r) => [r.userId, r.headId]));
}

// ---- unsubscribe tokens ------------------------------------------------------------------

export async function insertUnsubscribeToken(
  db: Executor,
  values: typeof notificationUnsubscribeTokens.$inferInsert,
) {
  await db.insert(notificationUnsubscribeTokens).values(values);
}

/** The token's owner and kinds (tokens cross organizations: the hash alone finds it). */
export async function unsubscribeTokenOf(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      organizationId: notificationUnsubscribeTokens.organizationId,
      userId: notificationUnsubscribeTokens.userId,
      kinds: notificationUnsubscribeTokens.kinds,
      locale: users.locale,
      displayName: users.displayName,
    })
    .from(notificationUnsubscribeTokens)
    .innerJoin(users, eq(users.id, notificationUnsubscribeTokens.userId))
    .where(eq(notificationUnsubscribeTokens.tokenHash, tokenHash));
  return row ?? null;
}
