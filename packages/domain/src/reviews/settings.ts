import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/reviews';
import type { ReviewSettings } from '@mamoru/contracts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { addMonths } from '../documents/rules.ts';
import { staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';

/**
 * How often top management reviews the ISMS (at least yearly): the interval,
 * and from it when the next review is due after the last approved one.
 */

export const REVIEW_SETTINGS_ENTITY = 'review_settings';
/** What an organization that never chose an interval gets: once a year. */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

/** The date the next review is due: one interval after the last approved review. */
export function nextReviewDue(lastHeldOn: string | null, intervalMonths: number) {
  return lastHeldOn ? addMonths(lastHeldOn, intervalMonths) : null;
}

/**
 * The settings with the due date, without an access check: for use-cases of
 * the area that have checked access already (inputs, rules). Version 0 means
 * the organization still has the defaults.
 */
export async function loadReviewSettings(db: Executor, org: string): Promise<ReviewSettings> {
  const row = await repo.getReviewSettings(db, org);
  const last = await repo.lastApprovedReview(db, org);
  const intervalMonths = row?.intervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
  const lastHeldOn = last?.heldOn ?? null;
  return {
    intervalMonths,
    lastHeldOn,
    nextDueOn: nextReviewDue(lastHeldOn, intervalMonths),
    version: row?.version ?? 0,
  };
}

export async function getReviewSettings(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'reviews:read');
  return loadReviewSettings(db, ctx.actor.organizationId);
}

/** Sets the interval (If-Match; "0" while the defaults stand). */
export async function updateReviewSettings(
  db: Db,
  ctx: RequestContext,
  expectedVersion: number,
  input: { intervalMonths: number },
) {
  authorize(ctx.actor, 'reviews:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await loadReviewSettings(tx, org);
    if (before.version !== expectedVersion) throw staleVersion();
    const saved = await repo.saveReviewSettings(tx, org, expectedVersion, input.intervalMonths);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'review_settings.updated',
        entityType: REVIEW_SETTINGS_ENTITY,
        entityId: org,
        before: { intervalMonths: before.intervalMonths },
        after: { intervalMonths: saved.intervalMonths },
      },
    ]);
    return loadReviewSettings(tx, org);
  });
}
