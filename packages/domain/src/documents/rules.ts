import { diffLines } from 'diff';

/**
 * Pure rules of document control: review dates, the status a version shows,
 * what search matches, and the line diff between two bodies.
 */

/** Adds whole months to an ISO date, clamping to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The next review date after a review (or an issue) on `fromDate`. */
export function nextReviewAfter(fromDate: string, intervalMonths: number): string {
  return addMonths(fromDate, intervalMonths);
}

export type ReviewState = 'none' | 'ok' | 'due' | 'overdue';

/** Overdue after the date, due within `dueWithinDays` before it. */
export function reviewState(
  nextReviewDate: string | null,
  today: string,
  dueWithinDays = 30,
): ReviewState {
  if (!nextReviewDate) return 'none';
  if (nextReviewDate < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + dueWithinDays);
  return nextReviewDate <= soon.toISOString().slice(0, 10) ? 'due' : 'ok';
}

/** The status a version shows: a version in review whose approval was granted is `approved`. */
export function versionStatus(row: { status: string; approvedAt: Date | null }) {
  return row.status === 'in_review' && row.approvedAt ? 'approved' : row.status;
}

/** Statuses a reader of issued documents only (reach 'own') may open. */
export const PUBLISHED_STATUSES = ['issued', 'superseded', 'obsolete'] as const;

/** Same normalization as the catalog: full-width and half-width forms alike, lower case. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** What search matches for a document: code, title, tags and the body that counts. */
export function documentSearchText(
  d: { code: string; title: string; tags: string[] },
  body: string,
) {
  return normalizeSearch([d.code, d.title, d.tags.join(' '), body].join('\n'));
}

export interface DiffPart {
  op: 'equal' | 'add' | 'remove';
  text: string;
}

/** Line diff of two Markdown bodies, with the number of added and removed lines. */
export function diffBodies(from: string, to: string) {
  const withNewline = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  const parts: DiffPart[] = diffLines(withNewline(from), withNewline(to)).map((c) => ({
    op: c.added ? 'add' : c.removed ? 'remove' : 'equal',
    text: c.value,
  }));
  const lines = (op: DiffPart['op']) =>
    parts.filter((p) => p.op === op).reduce((n, p) => n + p.text.split('\n').length - 1, 0);
  return { parts, added: lines('add'), removed: lines('remove') };
}

/** The approval type of a document's version: the ISMS policy needs top management. */
export function approvalTypeOf(doc: { ismsPolicy: boolean }) {
  return doc.ismsPolicy ? 'isms_policy' : 'document';
}

/** The ISMS policy needs its structured fields filled before it goes for approval. */
export function policyProblems(
  doc: { ismsPolicy: boolean },
  fields: {
    objectivesFramework: string;
    obligationsConsidered: string;
    riskCriteriaReference: string;
  } | null,
) {
  if (!doc.ismsPolicy) return [];
  const keys = ['objectivesFramework', 'obligationsConsidered', 'riskCriteriaReference'] as const;
  return keys
    .filter((k) => !fields?.[k]?.trim())
    .map((k) => ({ field: `policyFields.${k}`, code: 'field_required' }));
}
