import type { Db, Executor } from '@mamoru/db';
import type { PageQuery, ReviewDecisionCreate, ReviewDecisionUpdate } from '@mamoru/contracts';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import type { DecisionRow } from '@mamoru/db/repositories/reviews-minutes';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { DECISION_ENTITY, lockReviewForManage, readableReview } from './access.ts';

/**
 * Decisions as outputs of the review (6.3): a) improving the ISMS's
 * effectiveness, b) changing procedures, with the reason among the five the
 * standard names, c) resource needs, with an amount. Recorded while the
 * review is held; each has an owner and a due date and becomes a tracked
 * improvement when top management approves the minutes.
 */

type DecisionContent = Pick<
  DecisionRow,
  | 'output'
  | 'procedureReason'
  | 'amount'
  | 'currency'
  | 'title'
  | 'description'
  | 'inputSections'
  | 'ownerId'
  | 'dueDate'
>;

const contentOf = (d: DecisionRow): DecisionContent & { number: number } => ({
  number: d.number,
  output: d.output,
  procedureReason: d.procedureReason,
  amount: d.amount,
  currency: d.currency,
  title: d.title,
  description: d.description,
  inputSections: d.inputSections,
  ownerId: d.ownerId,
  dueDate: d.dueDate,
});

/**
 * The rules across fields, checked on the decision as it will be stored (a
 * partial update is merged first): 6.3.b needs its reason and only 6.3.b has
 * one; only 6.3.c carries an amount.
 */
export function decisionProblems(
  d: Pick<DecisionContent, 'output' | 'procedureReason' | 'amount'>,
): FieldError[] {
  const problems: FieldError[] = [];
  if (d.output === 'procedure' && d.procedureReason === null) {
    problems.push({ field: 'procedureReason', code: 'decision_reason_required' });
  }
  if (d.output !== 'procedure' && d.procedureReason !== null) {
    problems.push({ field: 'procedureReason', code: 'review_reason_procedure_only' });
  }
  if (d.output !== 'resources' && d.amount !== null) {
    problems.push({ field: 'amount', code: 'decision_amount_resources_only' });
  }
  return problems;
}

/** Decisions are written only in the minutes of a held review. */
async function lockHeldReview(tx: Executor, ctx: RequestContext, reviewId: string) {
  const row = await lockReviewForManage(tx, ctx, reviewId, null);
  if (row.status !== 'held') throw conflict('review_minutes_not_editable');
  return row;
}

async function ownerProblems(tx: Executor, org: string, ownerId: string | undefined) {
  if (ownerId === undefined) return [];
  const active = await repo.activeUsersIn(tx, org, [ownerId]);
  return active.has(ownerId) ? [] : [{ field: 'ownerId', code: 'reference_not_found' }];
}

/** The decisions of a review the caller may read (staff: once the minutes are distributed). */
export async function listDecisions(db: Db, ctx: RequestContext, reviewId: string, q: PageQuery) {
  await readableReview(db, ctx, reviewId);
  return repo.listDecisions(db, ctx.actor.organizationId, reviewId, q);
}

export async function recordDecision(
  db: Db,
  ctx: RequestContext,
  reviewId: string,
  input: ReviewDecisionCreate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await lockHeldReview(tx, ctx, reviewId);
    const problems = [...decisionProblems(input), ...(await ownerProblems(tx, org, input.ownerId))];
    if (problems.length) throw invalid(problems);
    const row = await repo.insertDecision(tx, {
      organizationId: org,
      reviewId,
      output: input.output,
      procedureReason: input.procedureReason,
      amount: input.amount,
      currency: input.currency,
      title: input.title,
      description: input.description,
      inputSections: [...new Set(input.inputSections)],
      ownerId: input.ownerId,
      dueDate: input.dueDate,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'management_review_decision.recorded',
        entityType: DECISION_ENTITY,
        entityId: row.id,
        after: { reviewId, ...contentOf(row) },
      },
    ]);
    return (await repo.getDecisionView(tx, org, row.id))!;
  });
}

export async function updateDecision(
  db: Db,
  ctx: RequestContext,
  reviewId: string,
  decisionId: string,
  expectedVersion: number,
  patch: ReviewDecisionUpdate,
) {
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await lockHeldReview(tx, ctx, reviewId);
    const before = await repo.getDecision(tx, org, reviewId, decisionId, true);
    if (!before) throw notFound(DECISION_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<DecisionContent>;
    if (defined.inputSections) defined.inputSections = [...new Set(defined.inputSections)];
    const merged = { ...contentOf(before), ...defined };
    const problems = [
      ...decisionProblems(merged),
      ...(await ownerProblems(tx, org, patch.ownerId)),
    ];
    if (problems.length) throw invalid(problems);
    const updated = await repo.updateDecision(tx, org, decisionId, expectedVersion, defined);
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'management_review_decision.updated',
        entityType: DECISION_ENTITY,
        entityId: decisionId,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getDecisionView(tx, org, decisionId))!;
  });
}

/** Removes a decision from the minutes (If-Match); the later ones move up a number. */
export async function removeDecision(
  db: Db,
  ctx: RequestContext,
  reviewId: string,
  decisionId: string,
  expectedVersion: number,
) {
  const org = ctx.actor.organizationId;
  await db.transaction(async (tx) => {
    await lockHeldReview(tx, ctx, reviewId);
    const before = await repo.getDecision(tx, org, reviewId, decisionId, true);
    if (!before) throw notFound(DECISION_ENTITY);
    if (before.version !== expectedVersion) throw staleVersion();
    await repo.deleteDecision(tx, org, before);
    await recordAudit(tx, ctx, [
      {
        action: 'management_review_decision.removed',
        entityType: DECISION_ENTITY,
        entityId: decisionId,
        before: { reviewId, ...contentOf(before) },
        after: null,
      },
    ]);
  });
}
