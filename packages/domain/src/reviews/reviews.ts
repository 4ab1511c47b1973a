import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/reviews';
import {
  nextReviewNumber,
  updateReviewRow,
  type ReviewRow,
} from '@mamoru/db/repositories/reviews-rows';
import type {
  ReviewAttendeeInput,
  ReviewCreate,
  ReviewListQuery,
  ReviewUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable } from '../scope/common.ts';
import { lockReviewForManage, readableReview, REVIEW_ENTITY } from './access.ts';
import { defaultAgenda } from './agenda.ts';

/**
 * Planning management reviews (6.1): the date, place, agenda and who is
 * invited. Top management must be among the attendees; the plan can change
 * until the review is held, or the review be cancelled with a reason.
 */

/** Statuses in which the plan may still change or the review be cancelled. */
const PLANNING = new Set(['planned', 'inputs_prepared']);

/**
 * The attendee list as stored, or 422: each user once and of the
 * organization; the top management role only for a user who holds it (so
 * the minutes can rely on it); at least one attendee in that role.
 */
async function checkedAttendees(
  db: Executor,
  org: string,
  attendees: ReviewAttendeeInput[],
): Promise<repo.AttendeeValues[]> {
  const ids = attendees.flatMap((a) => (a.userId ? [a.userId] : []));
  const found = new Map(
    (await repo.usersWithRoles(db, org, [...new Set(ids)])).map((u) => [u.id, u]),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    if (!a.userId) {
      if (a.role === 'top_management') {
        errors.push({ field: `attendees.${i}.role`, code: 'review_attendee_not_top_management' });
      }
      return;
    }
    const user = found.get(a.userId);
    if (!user) errors.push({ field: `attendees.${i}.userId`, code: 'reference_not_found' });
    else if (a.role === 'top_management' && !user.roles.includes('top_management')) {
      errors.push({ field: `attendees.${i}.role`, code: 'review_attendee_not_top_management' });
    }
    if (seen.has(a.userId)) {
      errors.push({ field: `attendees.${i}.userId`, code: 'review_attendee_duplicate' });
    }
    seen.add(a.userId);
  });
  // Listed as top management, so the minutes' attendance check finds them by role.
  const topManagement = attendees.some(
    (a) =>
      a.role === 'top_management' &&
      a.userId &&
      found.get(a.userId)?.roles.includes('top_management'),
  );
  if (!topManagement) errors.push({ field: 'attendees', code: 'review_top_management_required' });
  if (errors.length) throw invalid(errors);
  // A user's name comes from the user register; only a guest's typed name is kept.
  return attendees.map((a) => ({
    userId: a.userId,
    name: a.userId ? '' : a.name,
    role: a.role,
  }));
}

/** The plan as the audit trail shows it. */
const planOf = (row: ReviewRow, attendees: repo.AttendeeValues[]) => ({
  ...auditable(row),
  attendees,
});

const storedAttendees = (view: repo.ReviewView): repo.AttendeeValues[] =>
  view.attendees.map((a) => ({ userId: a.userId, name: a.name, role: a.role }));

export async function getReview(db: Db, ctx: RequestContext, id: string) {
  const row = await readableReview(db, ctx, id);
  return (await repo.getReviewView(db, ctx.actor.organizationId, row.id))!;
}

export async function listReviews(db: Db, ctx: RequestContext, q: ReviewListQuery) {
  const reach = authorize(ctx.actor, 'reviews:read');
  return repo.listReviews(
    db,
    ctx.actor.organizationId,
    { status: q.status, year: q.year, distributedOnly: reach === 'own' },
    q,
  );
}

export async function planReview(db: Db, ctx: RequestContext, input: ReviewCreate) {
  authorize(ctx.actor, 'reviews:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const attendees = await checkedAttendees(tx, org, input.attendees);
    const row = await repo.insertReview(tx, {
      organizationId: org,
      number: await nextReviewNumber(tx, org),
      title: input.title,
      plannedOn: input.plannedOn,
      location: input.location,
      agenda: input.agenda?.length ? input.agenda : defaultAgenda(ctx.actor.locale),
      createdBy: ctx.actor.userId,
    });
    await repo.replaceAttendees(tx, org, row.id, attendees);
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.created',
        entityType: REVIEW_ENTITY,
        entityId: row.id,
        after: planOf(row, attendees),
      },
    ]);
    return (await repo.getReviewView(tx, org, row.id))!;
  });
}

/** Changes the plan while the review has not been held (If-Match). */
export async function updateReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: ReviewUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (!PLANNING.has(before.status)) throw conflict('review_plan_closed');
    const beforeAttendees = storedAttendees((await repo.getReviewView(tx, org, id))!);
    const attendees = patch.attendees
      ? await checkedAttendees(tx, org, patch.attendees)
      : beforeAttendees;
    // The version moves on every save, attendees-only edits included, so ETags stay honest.
    const updated = await updateReviewRow(tx, org, id, expectedVersion, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.plannedOn !== undefined && { plannedOn: patch.plannedOn }),
      ...(patch.location !== undefined && { location: patch.location }),
      ...(patch.agenda !== undefined && { agenda: patch.agenda }),
    });
    if (!updated) throw staleVersion();
    if (patch.attendees) await repo.replaceAttendees(tx, org, id, attendees);
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.updated',
        entityType: REVIEW_ENTITY,
        entityId: id,
        ...diff(planOf(before, beforeAttendees), planOf(updated, attendees)),
      },
    ]);
    return (await repo.getReviewView(tx, org, id))!;
  });
}

/** Calls a review off before it is held; the reason stays on record. */
export async function cancelReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  reason: string,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockReviewForManage(tx, ctx, id, expectedVersion);
    if (!PLANNING.has(before.status)) throw conflict('review_not_cancellable');
    const updated = await updateReviewRow(tx, org, id, expectedVersion, {
      status: 'cancelled',
      cancelReason: reason,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review.cancelled',
        entityType: REVIEW_ENTITY,
        entityId: id,
        before: { status: before.status },
        after: { status: updated.status, cancelReason: reason },
      },
    ]);
    return (await repo.getReviewView(tx, org, id))!;
  });
}
