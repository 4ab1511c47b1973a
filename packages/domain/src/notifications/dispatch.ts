import { createHash, randomBytes } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import type { Executor } from '@mamoru/db';
import * as outbox from '@mamoru/db/repositories/notifications-outbox';
import type { OutboxRow } from '@mamoru/db/repositories/notifications-outbox';
import { insertUnsubscribeToken, settingsOf } from '@mamoru/db/repositories/notifications';
import type { NotificationKind } from '@mamoru/contracts';
import { mayMail, type MailMessage, type MailPolicy } from './mailer.ts';
import { mailSetup, type MailSetup } from './setup.ts';
import { digestMail, immediateMail, type Composed } from './templates.ts';
import type { MailLocale } from './wording.ts';

/**
 * Sending what the outbox holds: immediate mails one by one (a failure is
 * retried with backoff up to MAX_ATTEMPTS), digests per user when their
 * daily or weekly slot has come. Every address is checked against the
 * organization's mail policy first; one outside it is never mailed.
 */

export const MAX_ATTEMPTS = 5;

/** 1, 2, 4, 8… minutes after each failure, at most six hours. */
export const retryAfterSeconds = (attempts: number) => Math.min(60 * 2 ** attempts, 6 * 3600);

export interface DispatchResult {
  sent: number;
  suppressed: number;
  failed: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh unsubscribe link for these kinds of this user (the database keeps only its hash). */
async function unsubscribeLink(db: Executor, setup: MailSetup, row: OutboxRow, kinds: string[]) {
  const token = randomBytes(24).toString('base64url');
  await insertUnsubscribeToken(db, {
    tokenHash: hash(token),
    organizationId: row.organizationId,
    userId: row.recipientId,
    kinds,
  });
  return `${setup.publicUrl}/api/v1/notifications/unsubscribe?token=${token}`;
}

export const unsubscribeTokenHash = hash;

function policies(db: Executor) {
  const cache = new Map<string, Promise<MailPolicy>>();
  return (org: string) => {
    if (!cache.has(org)) {
      cache.set(
        org,
        settingsOf(db, org).then((s) => ({
          mailDomains: s?.mailDomains ?? [],
          externalRecipients: s?.externalRecipients ?? [],
        })),
      );
    }
    return cache.get(org)!;
  };
}

const localeOf = (row: OutboxRow): MailLocale => (row.locale === 'en' ? 'en' : 'ja');

async function compose(db: Executor, setup: MailSetup, row: OutboxRow, kinds: string[]) {
  const byKind: Composed['unsubscribe']['byKind'] = {};
  for (const kind of kinds) {
    byKind[kind as NotificationKind] = await unsubscribeLink(db, setup, row, [kind]);
  }
  const all =
    kinds.length === 1
      ? byKind[kinds[0] as NotificationKind]!
      : await unsubscribeLink(db, setup, row, kinds);
  return {
    to: row.email,
    locale: localeOf(row),
    displayName: row.displayName,
    unsubscribe: { all, byKind },
    publicUrl: setup.publicUrl,
  } satisfies Composed;
}

async function deliver(
  db: Executor,
  setup: MailSetup,
  ids: string[],
  attempts: number,
  message: MailMessage,
  result: DispatchResult,
  log?: (msg: string, error: unknown) => void,
) {
  try {
    await setup.mailer.send(message);
    await outbox.settleEmails(db, ids, { status: 'sent' });
    result.sent += ids.length;
  } catch (error) {
    log?.('notification email failed', error);
    await outbox.settleEmails(db, ids, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      retryAfterSeconds: retryAfterSeconds(attempts),
    });
    result.failed += ids.length;
  }
}

/** Sends the pending immediate mails; without SMTP configured they stay pending. */
export async function dispatchImmediate(
  db: Executor,
  log?: (msg: string, error: unknown) => void,
): Promise<DispatchResult> {
  const result = { sent: 0, suppressed: 0, failed: 0 };
  const setup = mailSetup();
  if (!setup) return result;
  const policyOf = policies(db);
  for (;;) {
    const rows = await outbox.claimImmediate(db, MAX_ATTEMPTS);
    if (rows.length === 0) return result;
    for (const row of rows) {
      if (!mayMail(row.email, await policyOf(row.organizationId))) {
        await outbox.settleEmails(db, [row.id], { status: 'suppressed' });
        result.suppressed += 1;
        continue;
      }
      const message = immediateMail(await compose(db, setup, row, [row.kind]), row);
      await deliver(db, setup, [row.id], row.attempts, message, result, log);
    }
  }
}

/** The latest daily or weekly (Monday) slot at `hour` in the time zone, not after `now`. */
export function latestDigestSlot(
  frequency: string,
  hour: number,
  now: Date,
  timeZone: string,
): Date {
  const local = new TZDate(now.getTime(), timeZone);
  const back = frequency === 'weekly' ? (local.getDay() + 6) % 7 : 0;
  const slot = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() - back,
    hour,
    0,
    0,
    timeZone,
  );
  if (slot.getTime() > now.getTime())
    slot.setDate(slot.getDate() - (frequency === 'weekly' ? 7 : 1));
  return new Date(slot.getTime());
}

/** Whether a user's digest is due: no digest since the latest slot. */
export function digestDue(
  c: { frequency: string; lastSentAt: Date | null; digestHour: number; timeZone: string },
  now: Date,
) {
  const slot = latestDigestSlot(c.frequency, c.digestHour, now, c.timeZone);
  return !c.lastSentAt || c.lastSentAt.getTime() < slot.getTime();
}

/** Sends every due digest: one mail per user with all their pending digest notifications. */
export async function sendDigests(
  db: Executor,
  now: Date,
  log?: (msg: string, error: unknown) => void,
): Promise<DispatchResult> {
  const result = { sent: 0, suppressed: 0, failed: 0 };
  const setup = mailSetup();
  if (!setup) return result;
  const policyOf = policies(db);
  for (const candidate of await outbox.digestCandidates(db)) {
    if (!digestDue(candidate, now)) continue;
    const rows = await outbox.claimDigest(db, candidate.userId);
    const first = rows[0];
    if (!first) continue;
    const ids = rows.map((r) => r.id);
    await outbox.markDigestSent(db, candidate.organizationId, candidate.userId);
    if (!mayMail(first.email, await policyOf(first.organizationId))) {
      await outbox.settleEmails(db, ids, { status: 'suppressed' });
      result.suppressed += ids.length;
      continue;
    }
    const kinds = [...new Set(rows.map((r) => r.kind))];
    const message = digestMail(await compose(db, setup, first, kinds), rows);
    // A failed digest is not retried on its own: its rows go back to pending for the next slot.
    try {
      await setup.mailer.send(message);
      await outbox.settleEmails(db, ids, { status: 'sent' });
      result.sent += ids.length;
    } catch (error) {
      log?.('notification digest failed', error);
      const reason = error instanceof Error ? error.message : String(error);
      await outbox.requeueDigest(db, ids, reason);
      result.failed += ids.length;
    }
  }
  return result;
}
