import { addDays, addMonths, format, parseISO, subMonths } from 'date-fns';
import type { CheckFrequency, CheckResult, ControlOperationStatus } from '@mamoru/contracts';

/**
 * The schedule rules of control checks (4.2.3.b): pure functions of dates
 * (YYYY-MM-DD), so the service, the conformity rules and the tests agree.
 */

export const FREQUENCY_MONTHS: Record<CheckFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

/** Days ahead in which a check counts as due soon (the register's and the dashboard's). */
export const DUE_SOON_DAYS = 30;

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The next due date after a check performed on `performedOn`: one interval
 * later. The 31st plus a month lands on the month's last day (date-fns), so a
 * monthly check never skips a short month.
 */
export function nextDueAfter(performedOn: string, frequency: CheckFrequency): string {
  return day(addMonths(parseISO(performedOn), FREQUENCY_MONTHS[frequency]));
}

/** Past its due date: due today is not yet overdue. */
export const isOverdue = (nextDue: string, today: string) => nextDue < today;

export function isDueSoon(nextDue: string, today: string, days = DUE_SOON_DAYS): boolean {
  return !isOverdue(nextDue, today) && nextDue <= day(addDays(parseISO(today), days));
}

/**
 * Whether a result performed on `performedOn` still stands for a check of
 * this frequency today: performed within the last interval.
 */
export function withinInterval(
  performedOn: string | null,
  frequency: CheckFrequency,
  today: string,
): boolean {
  if (!performedOn || performedOn > today) return false;
  return performedOn >= day(subMonths(parseISO(today), FREQUENCY_MONTHS[frequency]));
}

/** A check result may not lie in the future. */
export const performedInFuture = (performedOn: string, today: string) => performedOn > today;

/** Only a failed result (partly or not effective) can raise a nonconformity. */
export const canRaiseNonconformity = (result: CheckResult) => result !== 'effective';

/** What evidences a control's operation (4.2.2.e): a procedure, a record type, or a reason. */
export function coverageOf(procedures: number, recordTypes: number, reason: string | null) {
  const why = reason?.trim() ? reason.trim() : null;
  return { procedures, recordTypes, reason: why, covered: procedures + recordTypes > 0 || !!why };
}

/** The control is applied (5.2.1.d): in operation and its latest check found it effective. */
export function applied(status: ControlOperationStatus | null, lastResult: CheckResult | null) {
  return status === 'in_operation' && lastResult === 'effective';
}
