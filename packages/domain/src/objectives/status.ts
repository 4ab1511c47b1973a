import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type {
  MeasurementFrequency,
  ObjectiveDirection,
  ObjectiveProgress,
  ObjectiveStatus,
} from '@mamoru/contracts';

/**
 * Where an objective stands (5.1.b): a pure function of its plan, its latest
 * measurement and the day. Missed: past the due date without reaching the
 * target. At risk: the latest value is behind the straight line from the
 * baseline (on the start date) to the target (on the due date) at the day it
 * was measured, or the next measurement is overdue.
 */

export const FREQUENCY_MONTHS: Record<MeasurementFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

export interface ObjectivePlan {
  direction: ObjectiveDirection;
  baseline: number;
  target: number;
  startDate: string;
  dueDate: string;
  frequency: MeasurementFrequency;
  status: ObjectiveStatus;
}

export interface LatestMeasurement {
  measuredOn: string;
  value: number;
}

export type ProgressReason = 'behind_plan' | 'measurement_overdue' | 'past_due';

export interface ObjectiveStanding {
  progress: ObjectiveProgress;
  reasons: ProgressReason[];
  /** Share of the way from baseline to target reached by the latest value, 0–100. */
  percent: number;
  /** When the next value is expected; null once the objective is no longer active. */
  nextMeasurementDue: string | null;
}

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** The day a measurement is next expected: one period after the latest (or the start). */
export function nextMeasurementDue(
  frequency: MeasurementFrequency,
  startDate: string,
  lastMeasuredOn: string | null,
) {
  return day(addMonths(parseISO(lastMeasuredOn ?? startDate), FREQUENCY_MONTHS[frequency]));
}

/** Whether `value` reaches the target in the objective's direction. */
export function reaches(plan: Pick<ObjectivePlan, 'direction' | 'target'>, value: number) {
  return plan.direction === 'higher_is_better' ? value >= plan.target : value <= plan.target;
}

/** The value the straight line from baseline to target expects on `on`. */
export function expectedValue(plan: ObjectivePlan, on: string) {
  const total = differenceInCalendarDays(parseISO(plan.dueDate), parseISO(plan.startDate));
  if (total <= 0) return plan.target;
  const elapsed = differenceInCalendarDays(parseISO(on), parseISO(plan.startDate));
  const share = Math.min(1, Math.max(0, elapsed / total));
  return plan.baseline + (plan.target - plan.baseline) * share;
}

export function percentReached(plan: ObjectivePlan, value: number | null) {
  if (value === null) return 0;
  const span = plan.target - plan.baseline;
  if (span === 0) return reaches(plan, value) ? 100 : 0;
  const share = ((value - plan.baseline) / span) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

export function objectiveStanding(
  plan: ObjectivePlan,
  latest: LatestMeasurement | null,
  today: string,
): ObjectiveStanding {
  const percent = percentReached(plan, latest?.value ?? null);
  if (plan.status !== 'active') {
    return { progress: plan.status, reasons: [], percent, nextMeasurementDue: null };
  }
  const reached = latest !== null && reaches(plan, latest.value);
  const next = nextMeasurementDue(plan.frequency, plan.startDate, latest?.measuredOn ?? null);
  if (today > plan.dueDate) {
    return reached
      ? { progress: 'achieved', reasons: [], percent, nextMeasurementDue: null }
      : { progress: 'missed', reasons: ['past_due'], percent, nextMeasurementDue: null };
  }
  const reasons: ProgressReason[] = [];
  if (latest && !reached) {
    const expected = expectedValue(plan, latest.measuredOn);
    const behind =
      plan.direction === 'higher_is_better' ? latest.value < expected : latest.value > expected;
    if (behind) reasons.push('behind_plan');
  }
  if (today > next) reasons.push('measurement_overdue');
  return {
    progress: reasons.length ? 'at_risk' : 'on_track',
    reasons,
    percent,
    nextMeasurementDue: next,
  };
}
