/** Calendar arithmetic on ISO days (YYYY-MM-DD), in UTC so no time zone shifts a day. */

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function todayIso() {
  const now = new Date();
  return isoDay(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** `YYYY-MM` of a month, shifted by `months`. */
export function addMonths(month: string, months: number) {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 7);
}

export function monthRange(month: string) {
  const first = new Date(`${month}-01T00:00:00Z`);
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { from: isoDay(first), to: isoDay(last) };
}

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The weeks of a month as rows of 7 days (Monday first), each a day of the
 * month or null for the days of the neighbouring months.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const { from, to } = monthRange(month);
  const first = new Date(`${from}T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array(lead).fill(null);
  for (let d = first; isoDay(d) <= to; d = new Date(d.getTime() + 86_400_000)) days.push(isoDay(d));
  while (days.length % 7) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Monday to Sunday in the reader's language (a known Monday, 2024-01-01). */
export function weekdayNames(locale: string) {
  const f = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

export function monthNames(locale: string, style: 'short' | 'long' = 'short') {
  const f = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2024, i, 1))));
}

export function monthTitle(month: string, locale: string) {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}
