import type { Db, Executor } from '@mamoru/db';
import { attendeesOf } from '@mamoru/db/repositories/reviews';
import type { ReviewHold, ReviewMinutesUpdate } from '@mamoru/contracts';
import { updateReviewRow, type ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, staleVersion, type FieldError } from '../errors.ts';
import { lockReviewForManage, REVIEW_ENTITY } from './access.ts';
import { loadReviewView } from './minutes-presenters.ts';

/**
 * Holding the review and writing its minutes (議事録): the date it met, who
 * attended, what was said about each input, and a summary. The minutes are
 * written only while the review is held; submitting them for approval
 * freezes them.
 */

type Attendance = readonly { attendeeId: string; attended: boolean }[];

/** The latest day a meeting may be dated: tomorrow in UTC, so a day east of UTC is never refused. */
const latestHeldOn = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Field problems of the date and attendance against the review's attendees. */
export function attendanceProblems(
  attendeeIds: ReadonlySet<string>,
  heldOn: string | undefined,
  attendance: Attendance | undefined,
): FieldError[] {
  const problems: FieldError[] = [];
  if (heldOn !== undefined && heldOn > latestHeldOn()) {
    problems.push({ field: 'heldOn', code: 'review_held_on_future' });
  }
  attendance?.forEach((a, i) => {
    if (!attendeeIds.has(a.attendeeId)) {
      problems.push({ field: `attendance.${i}.attendeeId`, code: 'reference_not_found' });
    }
  });
  return problems;
}

/** What the audit trail keeps of the minutes, so a change shows field by field. */
async function minutesTrail(tx: Executor, org: string, row: ReviewRow) {
  const [attendees, inputs] = await Promise.all([
    attendeesOf(tx, org, [row.id]),
    repo.inputDiscussions(tx, org, row.id),
  ]);
  return {
    status: row.status,
    heldOn: row.heldOn,
    minutesSummary: row.minutesSummary,
    attendance: Object.fromEntries(attendees.map((a) => [a.id, a.attended])),
    discussion: Object.fromEntries(inputs.map((i) => [i.section, i.discussion])),
  };
}

/** The meeting took place: inputs prepared → held, with its date and attendance. */
export async function holdReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: ReviewHold,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (row.status !== 'inputs_prepared') throw conflict('review_hold_needs_inputs');
    const attendees = await attendeesOf(tx, org, [id]);
    const problems = attendanceProblems(
      new Set(attendees.map((a) => a.id)),
      input.heldOn,
      input.attendance,
    );
    if (problems.length) throw invalid(problems);
    const before = await minutesTrail(tx, org, row);
    await repo.setAttendance(tx, org, id, input.attendance);
    const updated = await updateReviewRow(tx, org, id, row.version, {
      status: 'held',
      heldOn: input.heldOn,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.held',
        entityType: REVIEW_ENTITY,
        entityId: id,
        ...diff(before, await minutesTrail(tx, org, updated)),
      },
    ]);
    return loadReviewView(tx, org, updated);
  });
}

/** Writes the minutes while the review is held (If-Match). */
export async function updateMinutes(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ReviewMinutesUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const row = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (row.status !== 'held') throw conflict('review_minutes_not_editable');
    const attendees = await attendeesOf(tx, org, [id]);
    const problems = attendanceProblems(
      new Set(attendees.map((a) => a.id)),
      patch.heldOn,
      patch.attendance,
    );
    const sections = new Set((await repo.inputDiscussions(tx, org, id)).map((i) => i.section));
    patch.discussion?.forEach((d, i) => {
      if (!sections.has(d.section)) {
        problems.push({ field: `discussion.${i}.section`, code: 'review_input_section_missing' });
      }
    });
    if (problems.length) throw invalid(problems);
    const before = await minutesTrail(tx, org, row);
    if (patch.attendance) await repo.setAttendance(tx, org, id, patch.attendance);
    for (const d of patch.discussion ?? []) {
      await repo.setDiscussion(tx, org, id, d.section, d.text);
    }
    // The version moves even when only attendance or discussion changed: the ETag covers the minutes.
    const updated = await updateReviewRow(tx, org, id, row.version, {
      ...(patch.heldOn !== undefined && { heldOn: patch.heldOn }),
      ...(patch.minutesSummary !== undefined && { minutesSummary: patch.minutesSummary }),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.minutes_updated',
        entityType: REVIEW_ENTITY,
        entityId: id,
        ...diff(before, await minutesTrail(tx, org, updated)),
      },
    ]);
    return loadReviewView(tx, org, updated);
  });
}
