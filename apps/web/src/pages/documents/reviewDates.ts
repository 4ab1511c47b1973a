/** Reviews falling within this many days count as due. */
export const DUE_WITHIN_DAYS = 30;

/** The last date (YYYY-MM-DD) whose reviews the "reviews due" list shows. */
export function reviewDueBy(today: string, days = DUE_WITHIN_DAYS) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Overdue once the date has passed; due until then. */
export function reviewState(nextReviewDate: string | null, today: string) {
  if (!nextReviewDate) return 'none';
  return nextReviewDate < today ? 'overdue' : 'due';
}
