import type { ManagementReview, ReviewAttendee } from '@mamoru/contracts';
import type { AttendeeView, ReviewView } from '@mamoru/db/repositories/reviews';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';

/** Reviews still to be held once their planned date has passed. */
const NOT_YET_HELD = new Set(['planned', 'inputs_prepared']);

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Planned date passed and the review has not met yet. */
export function isReviewOverdue(
  review: { plannedOn: string; status: string },
  today: string = todayUtc(),
) {
  return NOT_YET_HELD.has(review.status) && review.plannedOn < today;
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentAttendee(a: AttendeeView): ReviewAttendee {
  return {
    id: a.id,
    user: person(a.userId, a.userName),
    name: a.userId ? (a.userName ?? a.name) : a.name,
    role: a.role as ReviewAttendee['role'],
    attended: a.attended,
  };
}

export function presentReview(r: ReviewView, today: string = todayUtc()): ManagementReview {
  return {
    id: r.id,
    number: r.number,
    code: reviewCode(r.number),
    title: r.title,
    plannedOn: r.plannedOn,
    location: r.location,
    agenda: r.agenda,
    status: r.status as ManagementReview['status'],
    periodStart: r.periodStart,
    inputsPreparedAt: r.inputsPreparedAt?.toISOString() ?? null,
    inputsPreparedBy: person(r.inputsPreparedBy, r.inputsPreparedByName),
    heldOn: r.heldOn,
    minutesSummary: r.minutesSummary,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    approvedBy: person(r.approvedBy, r.approvedByName),
    distributedAt: r.distributedAt?.toISOString() ?? null,
    cancelReason: r.cancelReason,
    attendees: r.attendees.map(presentAttendee),
    decisionCount: r.decisionCount,
    overdue: isReviewOverdue(r, today),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
