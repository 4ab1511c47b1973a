import { useTranslation } from 'react-i18next';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', options);
    cache.set(key, format);
  }
  return format;
}

const dateTime: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
const dateOnly: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

export function formatDateTime(value: string | Date | null | undefined, locale: string) {
  if (!value) return '';
  return formatter(locale, dateTime).format(new Date(value));
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the UI language. A calendar date (`YYYY-MM-DD`, e.g. a review or
 * retention date) is shown as written: `new Date('2026-04-15')` is midnight UTC,
 * which local time west of UTC would show as the day before.
 */
export function formatDate(value: string | Date | null | undefined, locale: string) {
  if (!value) return '';
  if (typeof value === 'string' && calendarDate.test(value)) {
    return formatter(locale, { ...dateOnly, timeZone: 'UTC' }).format(new Date(value));
  }
  return formatter(locale, dateOnly).format(new Date(value));
}

/** Date formatters in the UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, locale),
    date: (value: string | Date | null | undefined) => formatDate(value, locale),
  };
}

/** `YYYY-MM-DD` of a date in local time, as `<input type="date">` wants it. */
export function toDateInput(value: string | Date | null | undefined) {
  if (!value) return '';
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end of a local calendar day (`YYYY-MM-DD`) as an ISO instant; access lasts through that day. */
export function endOfDayIso(date: string) {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return null;
  return new Date(y, m - 1, d, 23, 59, 59, 0).toISOString();
}

/** The start of a local calendar day as an ISO instant. */
export function startOfDayIso(date: string) {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return null;
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}
