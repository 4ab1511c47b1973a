import { DUE_ITEM_KINDS, type DueItem, type DueItemKind } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import { listDueItems } from '@mamoru/db/repositories/calendar/index';

/**
 * Kinds reminders leave to their own channel: an approval notifies its
 * deciders when it is requested, an incident clock has its deadline job;
 * reminding of them again would say the same thing twice.
 */
const NOTIFIED_ELSEWHERE: readonly DueItemKind[] = ['approval', 'incident_clock'];
const REMINDED = DUE_ITEM_KINDS.filter((k) => !NOTIFIED_ELSEWHERE.includes(k));

/** Days ahead a reminder looks (the notifications area warns a week ahead). */
const AHEAD_DAYS = 7;
/** Items one organization's daily run considers at most. */
const LIMIT = 10_000;

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Every open item of the organization up to a week ahead, overdue ones
 * included, whoever is responsible: what the daily reminder job of the
 * notifications area turns into due-soon, overdue and escalation notices
 * (each sent once, by the item's key). Read as the system, so no reader's
 * visibility narrows it; a notice goes only to the person responsible or
 * their unit head.
 */
export async function organizationDueItems(
  db: Executor,
  organizationId: string,
  today: string,
): Promise<DueItem[]> {
  const page = await listDueItems(db, organizationId, {
    from: today,
    to: plusDays(today, AHEAD_DAYS),
    today,
    kinds: REMINDED,
    includeOverdue: true,
    limit: LIMIT,
  });
  return page.items as DueItem[];
}
