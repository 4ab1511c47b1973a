import type { ConformityDue } from '@mamoru/contracts';
import { REVIEW_DUE_SOON_DAYS } from '@mamoru/db/repositories/conformity-reviews';
import type { ConformitySnapshot } from './types.ts';

/**
 * The dashboard's management review line: reviews planned within 30 days or
 * past their date, and the review the interval calls for when none is under
 * way. Overdue: planned reviews past their date, or the interval passed
 * without an approved review (counted once, not again for the late review
 * meant to fill it).
 */
export function managementReviewDue(s: ConformitySnapshot): ConformityDue {
  const r = s.reviews;
  const horizon = new Date(`${s.today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + REVIEW_DUE_SOON_DAYS);
  const soon = horizon.toISOString().slice(0, 10);
  // Before the first approved review one is due at once; after, by the interval.
  const intervalDue = r.nextDueOn === null || r.nextDueOn <= soon;
  const intervalPassed = r.nextDueOn !== null && r.nextDueOn < s.today;
  const overdue = r.plannedLate + (intervalPassed && r.plannedLate === 0 ? 1 : 0);
  const count = r.plannedSoon + r.plannedLate + (intervalDue && !r.underway ? 1 : 0);
  return {
    kind: 'management_review',
    count: Math.max(count, overdue),
    overdue,
    href: '/management-review',
  };
}
