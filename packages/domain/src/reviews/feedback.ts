import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/reviews-parties';
import type {
  PartyFeedbackCreate,
  PartyFeedbackListQuery,
  PartyFeedbackRespond,
  PartyFeedbackUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize, reachOf, type Actor } from '../identity/actor.ts';
import { auditable } from '../scope/common.ts';

/**
 * Feedback from interested parties (6.2.b), the source of the review's input b.
 * Everyone who takes part records what they hear (reviews:feedback); the ISMS
 * manager answers it (reviews:manage). Whoever reads every review sees all
 * feedback; one who only records feedback sees the entries they recorded.
 */

export const FEEDBACK_ENTITY = 'interested_party_feedback';

const today = () => new Date().toISOString().slice(0, 10);

/** The recorder a list is narrowed to, or undefined for all of the organization. */
export function feedbackReach(actor: Actor): { recordedBy?: string } {
  if (reachOf(actor, 'reviews:read') === 'all') return {};
  if (reachOf(actor, 'reviews:feedback')) return { recordedBy: actor.userId ?? '' };
  throw forbidden('forbidden', { permission: 'reviews:feedback' });
}

export async function listFeedback(db: Db, ctx: RequestContext, q: PartyFeedbackListQuery) {
  const reach = feedbackReach(ctx.actor);
  const open = q.open === undefined ? undefined : q.open === 'true';
  return repo.listFeedback(
    db,
    ctx.actor.organizationId,
    { partyId: q.partyId, open, from: q.from, to: q.to, ...reach },
    q,
  );
}

/** One entry the actor may see; another's entry under a reach of one's own is 404. */
export async function getFeedback(db: Executor, ctx: RequestContext, id: string) {
  const reach = feedbackReach(ctx.actor);
  const row = await repo.getFeedback(db, ctx.actor.organizationId, id);
  if (!row || (reach.recordedBy !== undefined && row.recordedBy !== reach.recordedBy)) {
    throw notFound(FEEDBACK_ENTITY);
  }
  return row;
}

/** The party must be one of the organization's and still active. */
async function checkParty(db: Executor, org: string, partyId: string) {
  const party = await repo.getPartyRow(db, org, partyId);
  if (!party) throw invalid([{ field: 'partyId', code: 'reference_not_found' }]);
  if (!party.active) throw invalid([{ field: 'partyId', code: 'interested_party_inactive' }]);
}

function checkReceivedOn(receivedOn: string) {
  if (receivedOn > today()) throw invalid([{ field: 'receivedOn', code: 'feedback_date_future' }]);
}

export async function recordFeedback(db: Db, ctx: RequestContext, input: PartyFeedbackCreate) {
  authorize(ctx.actor, 'reviews:feedback');
  const org = ctx.actor.organizationId;
  checkReceivedOn(input.receivedOn);
  return db.transaction(async (tx) => {
    await checkParty(tx, org, input.partyId);
    const row = await repo.insertFeedback(tx, {
      organizationId: org,
      ...input,
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'interested_party_feedback.recorded',
        entityType: FEEDBACK_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    return (await repo.getFeedback(tx, org, row.id))!;
  });
}

/**
 * Corrects an entry: the ISMS manager any time, the person who recorded it
 * while it awaits a response (after that the response answers what was said).
 */
export async function updateFeedback(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: PartyFeedbackUpdate,
) {
  authorize(ctx.actor, 'reviews:feedback');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await getFeedback(tx, ctx, id);
    const manager = reachOf(ctx.actor, 'reviews:manage') !== undefined;
    if (!manager) {
      if (before.recordedBy !== ctx.actor.userId) throw forbidden('forbidden_not_owner');
      if (before.respondedOn !== null) throw conflict('feedback_answered');
    }
    if (before.version !== expectedVersion) throw staleVersion();
    if (patch.receivedOn) checkReceivedOn(patch.receivedOn);
    const receivedOn = patch.receivedOn ?? before.receivedOn;
    if (before.respondedOn !== null && before.respondedOn < receivedOn) {
      throw invalid([{ field: 'receivedOn', code: 'feedback_response_before_receipt' }]);
    }
    if (patch.partyId && patch.partyId !== before.partyId) await checkParty(tx, org, patch.partyId);
    const updated = await repo.updateFeedback(tx, org, id, expectedVersion, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'interested_party_feedback.updated',
        entityType: FEEDBACK_ENTITY,
        entityId: id,
        ...diff(auditable(rowOf(before)), auditable(updated)),
      },
    ]);
    return (await repo.getFeedback(tx, org, id))!;
  });
}

/** The organization's response (reviews:manage); a later one replaces it. */
export async function respondToFeedback(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  input: PartyFeedbackRespond,
) {
  authorize(ctx.actor, 'reviews:manage');
  const org = ctx.actor.organizationId;
  const respondedOn = input.respondedOn ?? today();
  if (respondedOn > today()) {
    throw invalid([{ field: 'respondedOn', code: 'feedback_date_future' }]);
  }
  return db.transaction(async (tx) => {
    const before = await repo.getFeedbackRow(tx, org, id, true);
    if (!before) throw notFound(FEEDBACK_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    if (respondedOn < before.receivedOn) {
      throw invalid([{ field: 'respondedOn', code: 'feedback_response_before_receipt' }]);
    }
    const updated = await repo.updateFeedback(tx, org, id, expectedVersion, {
      response: input.response,
      respondedOn,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'interested_party_feedback.responded',
        entityType: FEEDBACK_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
      },
    ]);
    return (await repo.getFeedback(tx, org, id))!;
  });
}

/** The stored row of a view (the audit trail records columns, not joined names). */
function rowOf(view: repo.FeedbackView): repo.FeedbackRow {
  const { partyName: _n, partyKind: _k, recordedByName: _r, ...row } = view;
  return row;
}
