import type {
  ManagementReview,
  ReviewDecision,
  ReviewInputSectionKey,
  ReviewStatus,
} from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';
import type { ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';
import type { AttendeeView, DecisionView } from '@mamoru/db/repositories/reviews-minutes';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import { displayNames } from '@mamoru/db/repositories/users';
import { improvementCode } from '../improvement/improvements-presenters.ts';

/**
 * The shapes the minutes' routes answer with. The review answer is the same
 * contract (ManagementReview) the planning routes give, so the web app keeps
 * one cache entry per review whichever route changed it.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, names: ReadonlyMap<string, string>) =>
  id ? { id, name: names.get(id) ?? '' } : null;

export interface ReviewMinutesView {
  row: ReviewRow;
  attendees: AttendeeView[];
  decisionCount: number;
  names: ReadonlyMap<string, string>;
}

/** What presenting a review needs beyond its row: attendees, decision count, people's names. */
export async function loadReviewView(
  db: Executor,
  org: string,
  row: ReviewRow,
): Promise<ReviewMinutesView> {
  const [attendees, decisionCount, names] = await Promise.all([
    repo.listAttendees(db, org, row.id),
    repo.countDecisions(db, org, row.id),
    displayNames(
      db,
      org,
      [row.inputsPreparedBy, row.approvedBy].filter((id): id is string => id !== null),
    ),
  ]);
  return { row, attendees, decisionCount, names };
}

const today = () => new Date().toISOString().slice(0, 10);

export function presentReviewMinutes(view: ReviewMinutesView): ManagementReview {
  const { row, names } = view;
  const open = row.status === 'planned' || row.status === 'inputs_prepared';
  return {
    id: row.id,
    number: row.number,
    code: reviewCode(row.number),
    title: row.title,
    plannedOn: row.plannedOn,
    location: row.location,
    agenda: row.agenda,
    status: row.status as ReviewStatus,
    periodStart: row.periodStart,
    inputsPreparedAt: iso(row.inputsPreparedAt),
    inputsPreparedBy: person(row.inputsPreparedBy, names),
    heldOn: row.heldOn,
    minutesSummary: row.minutesSummary,
    submittedAt: iso(row.submittedAt),
    approvedAt: iso(row.approvedAt),
    approvedBy: person(row.approvedBy, names),
    distributedAt: iso(row.distributedAt),
    cancelReason: row.cancelReason,
    attendees: view.attendees.map((a) => ({
      id: a.id,
      user: a.userId ? { id: a.userId, name: a.userName ?? '' } : null,
      name: a.userId ? (a.userName ?? a.name) : a.name,
      role: a.role as ManagementReview['attendees'][number]['role'],
      attended: a.attended,
    })),
    decisionCount: view.decisionCount,
    overdue: open && row.plannedOn < today(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentDecision(d: DecisionView): ReviewDecision {
  return {
    id: d.id,
    reviewId: d.reviewId,
    number: d.number,
    output: d.output as ReviewDecision['output'],
    procedureReason: d.procedureReason as ReviewDecision['procedureReason'],
    amount: d.amount,
    currency: d.currency,
    title: d.title,
    description: d.description,
    inputSections: d.inputSections as ReviewInputSectionKey[],
    owner: { id: d.ownerId, name: d.ownerName ?? '' },
    dueDate: d.dueDate,
    improvement:
      d.improvementId && d.improvementNumber !== null
        ? {
            id: d.improvementId,
            code: improvementCode(d.improvementNumber),
            status: d.improvementStatus ?? '',
            dueDate: d.improvementDueDate,
          }
        : null,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
