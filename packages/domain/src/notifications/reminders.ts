import type { DueItem } from '@mamoru/contracts';
import type { NotificationDraft } from './kinds.ts';

/**
 * Reminders and escalation from due items: pure rules over the items the
 * areas compute (calendar.ts), run by the daily reminder job. Each draft's
 * key names the item and the rule, so a daily run creates each reminder once.
 */

export interface ReminderSettings {
  /** Deadlines are announced this many days ahead… */
  daysAhead: number;
  /** …planned events (an audit, a review meeting) this many. */
  eventDaysAhead: number;
}

export const DEFAULT_REMINDERS: ReminderSettings = { daysAhead: 7, eventDaysAhead: 1 };

const DAY_MS = 86_400_000;

/** Whole days from `today` to `day` (both YYYY-MM-DD; negative when past). */
export function daysBetween(today: string, day: string) {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

const draftOf = (
  item: DueItem,
  kind: NotificationDraft['kind'],
  recipientId: string,
  extra: Record<string, string | number> = {},
): NotificationDraft => ({
  recipientId,
  kind,
  subjectType: item.kind,
  subjectId: item.subjectId,
  title: item.title,
  params: { itemKind: item.kind, area: item.area, dueOn: item.dueOn, ...extra },
  href: item.href,
  dedupeKey: `${kind}:${item.key}`,
});

/**
 * `due_soon` for what falls within the horizon (events only just before),
 * `overdue` for deadlines passed; an event in the past is simply over.
 * Items nobody is responsible for notify no one (the calendar shows the gap).
 */
export function remindersFrom(
  items: readonly DueItem[],
  today: string,
  settings: ReminderSettings = DEFAULT_REMINDERS,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const item of items) {
    if (!item.responsibleId) continue;
    const days = daysBetween(today, item.dueOn);
    const horizon = item.event ? settings.eventDaysAhead : settings.daysAhead;
    if (days >= 0 && days <= horizon) {
      drafts.push(draftOf(item, 'due_soon', item.responsibleId, { days }));
    } else if (days < 0 && !item.event) {
      drafts.push(draftOf(item, 'overdue', item.responsibleId, { days: -days }));
    }
  }
  return drafts;
}

/**
 * A deadline overdue by `afterDays` or more also goes to the responsible
 * person's unit head, unless that is the person themself or nobody.
 */
export function escalationsFrom(
  items: readonly DueItem[],
  today: string,
  afterDays: number,
  unitHeadOf: (userId: string) => string | null | undefined,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const item of items) {
    if (!item.responsibleId || item.event) continue;
    const overdue = -daysBetween(today, item.dueOn);
    if (overdue < afterDays) continue;
    const head = unitHeadOf(item.responsibleId);
    if (!head || head === item.responsibleId) continue;
    drafts.push(
      draftOf(item, 'escalation', head, {
        days: overdue,
        responsibleName: item.responsibleName ?? '',
      }),
    );
  }
  return drafts;
}
