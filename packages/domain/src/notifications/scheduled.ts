import { TZDate } from '@date-fns/tz';
import type { Executor } from '@mamoru/db';
import {
  clocksDue,
  organizationIds,
  timeZoneOf,
} from '@mamoru/db/repositories/notifications-outbox';
import { activeUsersWith, settingsOf, unitHeadsOf } from '@mamoru/db/repositories/notifications';
import type { DueItem } from '@mamoru/contracts';
import { notify } from './create.ts';
import type { NotificationDraft } from './kinds.ts';
import { DEFAULT_REMINDERS, escalationsFrom, remindersFrom } from './reminders.ts';

/**
 * The scheduled work that creates notifications: incident deadlines (hourly)
 * and reminders with escalation from due items (daily). Each run may repeat:
 * the dedupe key makes a second run create nothing new.
 */

export const INCIDENT_WARNING_HOURS = 24;

const reference = (n: number) => `INC-${String(n).padStart(4, '0')}`;

/**
 * A notification per clock due within a day or passed, to the incident's
 * assignee or, with none, to those who handle every incident (ISMS managers);
 * once when near and once more when passed.
 */
export async function notifyIncidentDeadlines(db: Executor) {
  const clocks = await clocksDue(db, INCIDENT_WARNING_HOURS);
  let created = 0;
  const byOrg = new Map<string, typeof clocks>();
  for (const c of clocks) byOrg.set(c.organizationId, [...(byOrg.get(c.organizationId) ?? []), c]);
  for (const [org, list] of byOrg) {
    const handlers = list.some((c) => !c.assigneeId)
      ? await activeUsersWith(db, org, { roles: ['isms_manager'], userIds: [], exclude: [] })
      : [];
    const drafts: NotificationDraft[] = list.flatMap((c) =>
      (c.assigneeId ? [c.assigneeId] : handlers.map((h) => h.id)).map((recipientId) => ({
        recipientId,
        kind: 'incident_deadline' as const,
        subjectType: 'incident',
        subjectId: c.incidentId,
        title: c.title,
        params: {
          reference: reference(c.number),
          obligation: c.obligationName,
          obligationEn: c.obligationNameEn,
          dueAt: c.dueAt.toISOString(),
          passed: c.passed ? 1 : 0,
        },
        href: `/incidents/${c.incidentId}`,
        dedupeKey: `incident_deadline:${c.incidentId}:${c.obligationId}:${c.passed ? 'passed' : 'near'}`,
      })),
    );
    created += await db.transaction((tx) => notify(tx, org, drafts));
  }
  return created;
}

/** Where the due items come from: the calendar's `dueItemsForUser`/`listDueItems`, per organization. */
export type DueItemProvider = (
  db: Executor,
  organizationId: string,
  today: string,
) => Promise<DueItem[]>;

/** The organization's calendar day at `now`. */
export function dayIn(now: Date, timeZone: string) {
  const d = new TZDate(now.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Reminders and escalations for every organization's due items of today. */
export async function notifyDueItems(db: Executor, provider: DueItemProvider, now: Date) {
  let created = 0;
  for (const org of await organizationIds(db)) {
    const today = dayIn(now, await timeZoneOf(db, org));
    const items = await provider(db, org, today);
    if (items.length === 0) continue;
    const settings = await settingsOf(db, org);
    const heads = await unitHeadsOf(db, org);
    const drafts = [
      ...remindersFrom(items, today, DEFAULT_REMINDERS),
      ...escalationsFrom(items, today, settings?.escalationDays ?? 7, (id) => heads.get(id)),
    ];
    created += await db.transaction((tx) => notify(tx, org, drafts));
  }
  return created;
}
