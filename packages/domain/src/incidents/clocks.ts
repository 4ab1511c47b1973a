import { TZDate } from '@date-fns/tz';
import { addDays, addHours, endOfDay } from 'date-fns';
import type { IncidentClockStatus, IncidentType } from '@mamoru/contracts';

/**
 * Notification clocks (e.g. APPI's reports to the Personal Information
 * Protection Commission). A clock starts when the organization learned of the
 * incident; days are calendar days in the organization's time zone, ending at
 * the end of the last day there (discovered 23:30 JST on 1 April with 30 days:
 * due 23:59:59.999 JST on 1 May), and hours are counted from the instant.
 */

export interface ObligationClockRule {
  id: string;
  appliesToTypes: readonly string[];
  requiresPersonalData: boolean;
  deadlineDays: number | null;
  deadlineDaysWrongfulIntent: number | null;
  deadlineHours: number | null;
  active: boolean;
}

export interface ClockIncident {
  type: IncidentType;
  personalData: boolean;
  wrongfulIntent: boolean;
  discoveredAt: Date;
}

/** Whether an obligation applies to an incident. */
export function obligationApplies(o: ObligationClockRule, i: ClockIncident): boolean {
  return (
    o.active && o.appliesToTypes.includes(i.type) && (!o.requiresPersonalData || i.personalData)
  );
}

/** The deadline of an obligation for an incident, or null when it has no fixed clock ("promptly"). */
export function deadlineOf(
  o: ObligationClockRule,
  i: ClockIncident,
  timeZone: string,
): Date | null {
  if (o.deadlineHours != null) return addHours(i.discoveredAt, o.deadlineHours);
  const days =
    i.wrongfulIntent && o.deadlineDaysWrongfulIntent != null
      ? o.deadlineDaysWrongfulIntent
      : o.deadlineDays;
  if (days == null) return null;
  const local = new TZDate(i.discoveredAt.getTime(), timeZone);
  return new Date(endOfDay(addDays(local, days)).getTime());
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a clock stands at `now`, given when (if ever) the notification was sent. */
export function clockStatus(
  dueAt: Date | null,
  sentAt: Date | null,
  now: Date,
): IncidentClockStatus {
  if (sentAt) return dueAt && sentAt > dueAt ? 'late' : 'met';
  if (!dueAt) return 'open';
  if (now > dueAt) return 'overdue';
  return dueAt.getTime() - now.getTime() < DAY_MS ? 'due_soon' : 'pending';
}

/** True for a valid IANA time zone name in this runtime. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface SentNotification {
  obligationId: string | null;
  sentAt: Date;
}

/** The incident's clocks: one per applicable obligation, met by its first notification. */
export function clocksOf<
  O extends ObligationClockRule & { name: string; nameEn: string; recipient: string },
>(
  incident: ClockIncident,
  obligations: readonly O[],
  sent: readonly SentNotification[],
  timeZone: string,
  now: Date,
) {
  return obligations
    .filter((o) => obligationApplies(o, incident))
    .map((o) => {
      const dueAt = deadlineOf(o, incident, timeZone);
      const first = sent
        .filter((n) => n.obligationId === o.id)
        .reduce<Date | null>((a, n) => (a && a <= n.sentAt ? a : n.sentAt), null);
      return {
        obligationId: o.id,
        name: { ja: o.name, en: o.nameEn || o.name },
        recipient: o.recipient,
        dueAt: dueAt?.toISOString() ?? null,
        sentAt: first?.toISOString() ?? null,
        status: clockStatus(dueAt, first, now),
      };
    });
}
