import { addMonths, format, parseISO, subDays } from 'date-fns';

/**
 * Fiscal years of the resource plan, named by the calendar year they start in
 * (FY2026 with an April start runs 2026-04-01 to 2027-03-31, as Japanese
 * companies name them). Pure functions of ISO dates, no time zone involved.
 */

/** The fiscal year an ISO date (YYYY-MM-DD) falls in. */
export function fiscalYearOf(isoDate: string, startMonth: number): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

/** First and last day of a fiscal year. */
export function fiscalYearRange(fiscalYear: number, startMonth: number) {
  const start = parseISO(`${fiscalYear}-${String(startMonth).padStart(2, '0')}-01`);
  return {
    from: format(start, 'yyyy-MM-dd'),
    to: format(subDays(addMonths(start, 12), 1), 'yyyy-MM-dd'),
  };
}

/** How late a plan may be approved after its year started before it counts as overdue. */
export const PLAN_GRACE_MONTHS = 1;
/** How long after a year ends its usage may still be recorded before it counts as overdue. */
export const USAGE_GRACE_MONTHS = 1;
/** A plan shows as due this many months before its year starts. */
export const PLAN_LEAD_MONTHS = 1;

const plusMonths = (iso: string, months: number) =>
  format(addMonths(parseISO(iso), months), 'yyyy-MM-dd');

export interface PlanDueInput {
  today: string;
  startMonth: number;
  /** Status of the plan of the year today is in, and of the next year (null: no plan yet). */
  currentPlan: 'draft' | 'submitted' | 'approved' | null;
  nextPlan: 'draft' | 'submitted' | 'approved' | null;
  /** Rows of the previous fiscal year, and those with usage recorded. */
  previousItems: number;
  previousUsageRecorded: number;
}

/**
 * The dashboard's resource work: a plan not approved for the current year
 * (overdue once a month of the year has passed) or for the coming year within
 * a month of its start, and a past year's usage not recorded (overdue a month
 * after the year ended).
 */
export function resourceDue(i: PlanDueInput): { count: number; overdue: number } {
  const current = fiscalYearOf(i.today, i.startMonth);
  const { from } = fiscalYearRange(current, i.startMonth);
  const next = fiscalYearRange(current + 1, i.startMonth).from;
  let count = 0;
  let overdue = 0;
  if (i.currentPlan !== 'approved') {
    count++;
    if (i.today >= plusMonths(from, PLAN_GRACE_MONTHS)) overdue++;
  }
  if (i.nextPlan !== 'approved' && i.today >= plusMonths(next, -PLAN_LEAD_MONTHS)) count++;
  if (i.previousItems > i.previousUsageRecorded) {
    count++;
    // The previous year ended the day before `from`.
    if (i.today >= plusMonths(from, USAGE_GRACE_MONTHS)) overdue++;
  }
  return { count, overdue };
}
