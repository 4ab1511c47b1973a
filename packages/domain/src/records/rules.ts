import type { RetentionUnit } from '@mamoru/contracts';

/** The retention period in months (a year is twelve). */
export const retentionMonths = (value: number, unit: RetentionUnit) =>
  unit === 'years' ? value * 12 : value;

/**
 * The last day a record must be kept: the record date plus the period. A
 * date past the end of the target month lands on its last day (31 January
 * plus one month is 28 or 29 February), as PostgreSQL's date + interval does.
 */
export function retentionEnd(recordDate: string, value: number, unit: RetentionUnit): string {
  const [y, m, d] = recordDate.split('-').map(Number) as [number, number, number];
  const months = m - 1 + retentionMonths(value, unit);
  const year = y + Math.floor(months / 12);
  const month = months % 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DisposalState {
  status: string;
  legalHold: boolean;
  retentionEnd: string;
}

/**
 * Why a record may not be disposed of today, or null. Retention runs to the
 * end of its last day, so disposal is possible from the day after.
 */
export function disposalBlocker(record: DisposalState, today: string) {
  if (record.status === 'disposed') return 'record_disposed';
  if (record.status === 'disposal_pending') return 'record_disposal_pending';
  if (record.legalHold) return 'record_legal_hold';
  if (today <= record.retentionEnd) return 'record_retention_not_ended';
  return null;
}

/** The text the register's search matches: NFKC-normalized and lower-cased, so that
 * full-width and half-width forms and letter case match alike. */
export function searchTextOf(r: {
  title: string;
  description: string;
  entries: Record<string, string>;
  links: { label: string; id: string }[];
}) {
  const parts = [
    r.title,
    r.description,
    ...Object.entries(r.entries).flatMap(([k, v]) => [k, v]),
    ...r.links.flatMap((l) => [l.label, l.id]),
  ];
  return parts.join('\n').normalize('NFKC').toLowerCase();
}

/** The search query in the same form as the stored text. */
export const normalizeQuery = (q: string) => q.normalize('NFKC').toLowerCase();
