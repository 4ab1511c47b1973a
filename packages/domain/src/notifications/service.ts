import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/notifications';
import type {
  DigestFrequency,
  EmailMode,
  Notification,
  NotificationKind,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationSettings,
  NotificationSettingsUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, notFound, staleVersion } from '../errors.ts';
import { authorize, systemActor } from '../identity/actor.ts';
import { unsubscribeTokenHash } from './dispatch.ts';
import { DEFAULT_EMAIL, NOTIFICATION_KINDS } from './kinds.ts';
import { emailEnabled } from './setup.ts';

/**
 * The notification centre: each person reads and marks only their own
 * notifications (nobody else's, whatever their role), chooses how each kind
 * is mailed; the organization's email rules are kept by whoever holds
 * notifications:manage. Settings changes are audited.
 */

export const PREFERENCES_ENTITY = 'notification_preferences';
export const SETTINGS_ENTITY = 'notification_settings';

function me(ctx: RequestContext) {
  // A token acts for its user; a system actor has no notifications.
  if (!ctx.actor.userId) throw forbidden();
  return ctx.actor.userId;
}

export function presentNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    subject: { type: row.subjectType, id: row.subjectId },
    title: row.title,
    params: row.params,
    href: row.href,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    emailStatus: row.emailStatus as Notification['emailStatus'],
  };
}

export async function listMine(
  db: Db,
  ctx: RequestContext,
  q: { unread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined },
) {
  const page = await repo.listNotifications(
    db,
    ctx.actor.organizationId,
    me(ctx),
    { unread: q.unread === 'true' },
    q,
  );
  return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
}

export async function unreadCount(db: Db, ctx: RequestContext) {
  return { unread: await repo.unreadCount(db, ctx.actor.organizationId, me(ctx)) };
}

export async function markRead(db: Db, ctx: RequestContext, id: string) {
  const org = ctx.actor.organizationId;
  const row = await repo.getNotification(db, org, me(ctx), id);
  if (!row) throw notFound('notification');
  await repo.markRead(db, org, me(ctx), id);
  return presentNotification((await repo.getNotification(db, org, me(ctx), id))!);
}

export async function markAllRead(db: Db, ctx: RequestContext) {
  return { marked: await repo.markRead(db, ctx.actor.organizationId, me(ctx)) };
}

// ---- preferences -------------------------------------------------------------------------

export async function preferencesOf(db: Db, ctx: RequestContext): Promise<NotificationPreferences> {
  const org = ctx.actor.organizationId;
  const userId = me(ctx);
  const stored = await repo.preferencesOf(db, org, [userId]);
  const digest = await repo.digestOf(db, org, userId);
  const settings = await repo.settingsOf(db, org);
  return {
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      email: (stored.find((p) => p.kind === kind)?.email as EmailMode) ?? DEFAULT_EMAIL[kind],
    })),
    digestFrequency: (digest?.frequency ?? settings?.defaultDigest ?? 'daily') as DigestFrequency,
    emailEnabled: emailEnabled(),
  };
}

export async function updatePreferences(
  db: Db,
  ctx: RequestContext,
  patch: NotificationPreferencesUpdate,
) {
  const org = ctx.actor.organizationId;
  const userId = me(ctx);
  return db.transaction(async (tx) => {
    const before = await preferencesOf(tx as unknown as Db, ctx);
    if (patch.kinds) await repo.setPreferences(tx, org, userId, patch.kinds);
    if (patch.digestFrequency)
      await repo.setDigestFrequency(tx, org, userId, patch.digestFrequency);
    const after = await preferencesOf(tx as unknown as Db, ctx);
    const content = (p: NotificationPreferences) => ({
      ...Object.fromEntries(p.kinds.map((k) => [k.kind, k.email])),
      digestFrequency: p.digestFrequency,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'notification_preferences.updated',
        entityType: PREFERENCES_ENTITY,
        entityId: userId,
        ...diff(content(before), content(after)),
      },
    ]);
    return after;
  });
}

/** What an unsubscribe link would turn off, and for whom (the page asks before it does). */
export async function unsubscribePreview(db: Db, token: string) {
  const found = await repo.unsubscribeTokenOf(db, unsubscribeTokenHash(token));
  if (!found) throw notFound('unsubscribe_token');
  return { kinds: found.kinds as NotificationKind[], locale: found.locale };
}

/**
 * The link in an email: turns the token's kinds off for its user, without
 * signing in. Audited as the system acting on the person's request.
 */
export async function unsubscribe(db: Db, token: string) {
  const found = await repo.unsubscribeTokenOf(db, unsubscribeTokenHash(token));
  if (!found) throw notFound('unsubscribe_token');
  await db.transaction(async (tx) => {
    await repo.setPreferences(
      tx,
      found.organizationId,
      found.userId,
      found.kinds.map((kind) => ({ kind, email: 'off' })),
    );
    await recordAudit(tx, { actor: systemActor(found.organizationId), requestId: null }, [
      {
        action: 'notification_preferences.unsubscribed',
        entityType: PREFERENCES_ENTITY,
        entityId: found.userId,
        after: Object.fromEntries(found.kinds.map((k) => [k, 'off'])),
      },
    ]);
  });
  return {
    kinds: found.kinds as NotificationKind[],
    locale: found.locale,
    name: found.displayName,
  };
}

// ---- organization settings -----------------------------------------------------------------

const DEFAULT_SETTINGS = {
  escalationDays: 7,
  defaultDigest: 'daily',
  digestHour: 8,
  mailDomains: [] as string[],
  externalRecipients: [] as string[],
  version: 0,
};

function presentSettings(row: repo.NotificationSettingsRow | null): NotificationSettings {
  const s = row ?? DEFAULT_SETTINGS;
  return {
    emailEnabled: emailEnabled(),
    escalationDays: s.escalationDays,
    defaultDigest: s.defaultDigest as DigestFrequency,
    digestHour: s.digestHour,
    mailDomains: s.mailDomains,
    externalRecipients: s.externalRecipients,
    version: s.version,
  };
}

export async function settingsOf(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'notifications:manage');
  return presentSettings(await repo.settingsOf(db, ctx.actor.organizationId));
}

export async function updateSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  patch: NotificationSettingsUpdate,
) {
  authorize(ctx.actor, 'notifications:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = presentSettings(await repo.settingsOf(tx, org, true));
    if (before.version !== expectedVersion) throw staleVersion();
    const unique = (xs: string[]) => [...new Set(xs)];
    const saved = await repo.saveSettings(tx, org, expectedVersion, {
      escalationDays: patch.escalationDays ?? before.escalationDays,
      defaultDigest: patch.defaultDigest ?? before.defaultDigest,
      digestHour: patch.digestHour ?? before.digestHour,
      mailDomains: patch.mailDomains ? unique(patch.mailDomains) : before.mailDomains,
      externalRecipients: patch.externalRecipients
        ? unique(patch.externalRecipients)
        : before.externalRecipients,
    });
    if (!saved) throw staleVersion();
    const after = presentSettings(saved);
    const content = ({ emailEnabled: _e, version: _v, ...rest }: NotificationSettings) => rest;
    await recordAudit(tx, ctx, [
      {
        action: 'notification_settings.updated',
        entityType: SETTINGS_ENTITY,
        entityId: org,
        ...diff(content(before), content(after)),
      },
    ]);
    return after;
  });
}
