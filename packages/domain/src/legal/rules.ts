import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { LegalReviewOutcome, LegalReviewState } from '@mamoru/contracts';

/**
 * Pure rules of the legal register: when an obligation is reviewed next, and
 * where its review stands on a given day. Dates are calendar days
 * (YYYY-MM-DD), so no time zone enters.
 */

/** Reviews due within this many days count as "due soon" (list filter, dashboard). */
export const LEGAL_DUE_SOON_DAYS = 30;

/**
 * The review after one made on `reviewedOn`: the interval in months later,
 * clamped to the month's last day (31 January + 1 month = 28/29 February).
 */
export function nextReviewAfter(reviewedOn: string, intervalMonths: number): string {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) {
    throw new RangeError(`review interval must be a positive number of months: ${intervalMonths}`);
  }
  return format(addMonths(parseISO(reviewedOn), intervalMonths), 'yyyy-MM-dd');
}

/** Where a review date stands on `today`: retired obligations are never due. */
export function reviewState(
  o: { status: string; nextReviewDate: string },
  today: string,
  soonDays = LEGAL_DUE_SOON_DAYS,
): LegalReviewState {
  if (o.status === 'retired') return 'retired';
  const days = differenceInCalendarDays(parseISO(o.nextReviewDate), parseISO(today));
  if (days < 0) return 'overdue';
  return days <= soonDays ? 'due_soon' : 'scheduled';
}

/**
 * What a review does to the obligation: 'retired' ends it (no next date);
 * otherwise the next date is the one given, else the interval from the review.
 * A review found a change when it says so; that dates the change for the
 * management review's input.
 */
export function reviewEffect(
  review: { reviewedOn: string; outcome: LegalReviewOutcome; nextReviewDate?: string | undefined },
  intervalMonths: number,
): { status: 'active' | 'retired'; nextReviewDate: string | null; changed: boolean } {
  if (review.outcome === 'retired') {
    return { status: 'retired', nextReviewDate: null, changed: false };
  }
  return {
    status: 'active',
    nextReviewDate: review.nextReviewDate ?? nextReviewAfter(review.reviewedOn, intervalMonths),
    changed: review.outcome === 'changed',
  };
}

/** Fields whose change alters what the obligation requires (not who or when). */
export const SUBSTANTIVE_FIELDS = [
  'kind',
  'title',
  'authority',
  'reference',
  'summary',
  'controlIds',
  'documentIds',
] as const;
