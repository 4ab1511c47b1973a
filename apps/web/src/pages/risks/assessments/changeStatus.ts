import { RISK_CHANGE_KINDS } from '@mamoru/contracts';
import type { RiskChangeKind, RiskChangeReview } from '../api/change-reviews';

/**
 * Where each kind of change stands for 4.2.3.c.1–5, as the conformity rule
 * judges it: the latest review of the kind within the last 12 months (a "no
 * change" decision or a change), and the changes in that window that name no
 * reassessment. Pure, so the strip and the rule can be compared in tests.
 */
export interface KindStatus {
  kind: RiskChangeKind;
  latest: RiskChangeReview | null;
  /** Changes within the window with no reassessment linked. */
  unlinked: RiskChangeReview[];
  verdict: 'met' | 'partly_met' | 'not_met';
}

function daysIn(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day 12 months before `today` (YYYY-MM-DD), clamped as PostgreSQL does (29 Feb → 28 Feb). */
export function twelveMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const day = Math.min(d, daysIn(y - 1, m));
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Each of the five kinds, in the standard's order; reviews on the boundary day fall outside. */
export function changeStatus(reviews: readonly RiskChangeReview[], today: string): KindStatus[] {
  const since = twelveMonthsBefore(today);
  const recent = reviews.filter((r) => r.reviewedOn > since && r.reviewedOn <= today);
  return RISK_CHANGE_KINDS.map((kind) => {
    const mine = recent
      .filter((r) => r.kind === kind)
      .sort(
        (a, b) =>
          b.reviewedOn.localeCompare(a.reviewedOn) || b.createdAt.localeCompare(a.createdAt),
      );
    const latest = mine[0] ?? null;
    const unlinked = mine.filter((r) => r.outcome === 'changed' && !r.assessmentId);
    const verdict = !latest ? 'not_met' : unlinked.length ? 'partly_met' : 'met';
    return { kind, latest, unlinked, verdict };
  });
}
