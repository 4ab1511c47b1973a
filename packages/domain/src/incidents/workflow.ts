import { INCIDENT_LEVELS, INCIDENT_STATUSES } from '@mamoru/contracts';
import type { IncidentLevel, IncidentStatus } from '@mamoru/contracts';

/**
 * The order an incident is worked through, as pure functions: reported →
 * triaged → contained → eradicated → recovered → closed. Triage comes first
 * (its time is measured against the organization's target, 4.2.3.a.2); after it
 * the team may skip steps that do not apply (a weakness has nothing to
 * contain), never go back, and closing needs lessons learned. The service asks
 * `nextStatuses`/`refuseTransition` before every write and answers 422 with the
 * code.
 */

export type IncidentRefusal =
  | 'incident_closed'
  | 'incident_not_triaged'
  | 'incident_already_triaged'
  | 'incident_step_backwards'
  | 'incident_lessons_required'
  | 'incident_step_before_discovery'
  | 'incident_step_in_future';

const order = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s);

/** The statuses an incident may move to from `status` (triage itself excluded: it has its own step). */
export function nextStatuses(status: IncidentStatus): IncidentStatus[] {
  if (status === 'reported' || status === 'closed') return [];
  return INCIDENT_STATUSES.filter((s) => order(s) > order(status));
}

/** Why a move is refused, or null when it is allowed. */
export function refuseTransition(
  from: IncidentStatus,
  to: IncidentStatus,
  lessonsLearned: string,
): IncidentRefusal | null {
  if (from === 'closed') return 'incident_closed';
  if (to === 'triaged') return from === 'reported' ? null : 'incident_already_triaged';
  if (from === 'reported') return 'incident_not_triaged';
  if (order(to) <= order(from)) return 'incident_step_backwards';
  if (to === 'closed' && lessonsLearned.trim() === '') return 'incident_lessons_required';
  return null;
}

/** Steps recorded afterwards may be back-dated, but not before discovery nor ahead of now. */
export function refuseStepTime(at: Date, discoveredAt: Date, now: Date): IncidentRefusal | null {
  if (at < discoveredAt) return 'incident_step_before_discovery';
  // A few minutes of slack for clocks that differ between the browser and the server.
  if (at.getTime() > now.getTime() + 5 * 60_000) return 'incident_step_in_future';
  return null;
}

/** The column holding when a status was reached. */
export const STATUS_TIMESTAMP = {
  triaged: 'triagedAt',
  contained: 'containedAt',
  eradicated: 'eradicatedAt',
  recovered: 'recoveredAt',
  closed: 'closedAt',
} as const satisfies Partial<Record<IncidentStatus, string>>;

/** The shipped matrix: severity rows × urgency columns (low…critical) → priority 1 (highest)…4. */
export const DEFAULT_PRIORITY_MATRIX: number[][] = [
  [4, 4, 3, 3],
  [4, 3, 2, 2],
  [3, 2, 2, 1],
  [2, 2, 1, 1],
];

export function priorityOf(
  matrix: readonly (readonly number[])[] | null | undefined,
  severity: IncidentLevel,
  urgency: IncidentLevel,
): number {
  const m = matrix ?? DEFAULT_PRIORITY_MATRIX;
  const value = m[INCIDENT_LEVELS.indexOf(severity)]?.[INCIDENT_LEVELS.indexOf(urgency)];
  return (
    value ??
    DEFAULT_PRIORITY_MATRIX[INCIDENT_LEVELS.indexOf(severity)]![INCIDENT_LEVELS.indexOf(urgency)]!
  );
}

/** INC-0001. */
export const incidentReference = (n: number) => `INC-${String(n).padStart(4, '0')}`;
