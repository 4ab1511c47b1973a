import type { Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/notifications';
import type { EmailMode, NotificationKind } from '@mamoru/contracts';
import { DEFAULT_EMAIL, type NotificationDraft } from './kinds.ts';
import { wantDispatch } from './kick.ts';

/**
 * Writes notifications in the caller's transaction (the outbox): each row's
 * email mode comes from its recipient's preference for the kind, and a row
 * already made for the same recipient and key is left alone.
 */
export async function notify(tx: Executor, organizationId: string, drafts: NotificationDraft[]) {
  if (drafts.length === 0) return 0;
  const recipients = [...new Set(drafts.map((d) => d.recipientId))];
  const prefs = await repo.preferencesOf(tx, organizationId, recipients);
  const chosen = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p.email as EmailMode]));
  const modeOf = (d: NotificationDraft) =>
    chosen.get(`${d.recipientId}:${d.kind}`) ?? DEFAULT_EMAIL[d.kind as NotificationKind];
  const inserted = await repo.insertNotifications(
    tx,
    drafts.map((d) => {
      const mode = modeOf(d);
      return {
        organizationId,
        ...d,
        emailMode: mode,
        emailStatus: mode === 'off' ? 'not_needed' : 'pending',
      };
    }),
  );
  if (inserted.some((r) => r.emailMode === 'immediate')) wantDispatch();
  return inserted.length;
}
