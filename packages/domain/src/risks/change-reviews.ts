import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/risk-changes';
import type {
  RiskChangeReviewCreate,
  RiskChangeReviewPatch,
  RiskChangeReviewQuery,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { invalid, notFound, staleVersion, type FieldError } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { auditable, authorizeWriteAll, checkUser } from '../scope/common.ts';

/**
 * Reviews of change (4.2.3.c.1–5): the risk area's permissions apply (reading
 * with isms:read; recording is an organization-wide decision, isms:write 'all').
 */
export const CHANGE_REVIEW_ENTITY = 'risk_change_review';

/**
 * The event log's title of a review (it has no title of its own): the day and
 * the first line of what changed. The kind is a code, so the log's reader
 * finds it on the review itself.
 */
export const changeReviewTitle = (r: { reviewedOn: string; description: string }) =>
  `${r.reviewedOn} ${r.description.trim().split('\n')[0]!.slice(0, 200)}`.trim();

export async function listChangeReviews(db: Db, ctx: RequestContext, q: RiskChangeReviewQuery) {
  authorize(ctx.actor, 'isms:read');
  return repo.listRiskChangeReviews(db, ctx.actor.organizationId, q);
}

export async function getChangeReview(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'isms:read');
  const row = await repo.getRiskChangeReview(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('risk change review');
  return row;
}

/** A change must say what changed; linked runs and deciders must be the organization's. */
async function problemsOf(
  tx: Executor,
  org: string,
  v: {
    outcome: string;
    description: string;
    assessmentId: string | null;
    decidedBy: string | null;
  },
) {
  const problems: FieldError[] = [];
  if (v.outcome === 'changed' && !v.description.trim())
    problems.push({ field: 'description', code: 'field_required' });
  if (v.assessmentId && !(await repo.assessmentExists(tx, org, v.assessmentId)))
    problems.push({ field: 'assessmentId', code: 'reference_not_found' });
  problems.push(...(await checkUser(tx, org, v.decidedBy, 'decidedBy')));
  return problems;
}

export async function recordChangeReview(
  db: Db,
  ctx: RequestContext,
  input: RiskChangeReviewCreate,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const values = {
      reviewedOn: input.reviewedOn,
      kind: input.kind,
      outcome: input.outcome,
      description: input.description,
      assessmentId: input.assessmentId,
      decidedBy: input.decidedBy === undefined ? ctx.actor.userId : input.decidedBy,
    };
    const problems = await problemsOf(tx, org, values);
    if (problems.length) throw invalid(problems);
    const row = await repo.insertRiskChangeReview(tx, org, {
      ...values,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'risk_change_review.recorded',
        entityType: CHANGE_REVIEW_ENTITY,
        entityId: row.id,
        after: auditable(row),
        eventTitle: changeReviewTitle(row),
      },
    ]);
    return (await repo.getRiskChangeReview(tx, org, row.id))!;
  });
}

export async function updateChangeReview(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: RiskChangeReviewPatch,
) {
  authorizeWriteAll(ctx.actor);
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getRiskChangeReview(tx, org, id);
    if (!before) throw notFound('risk change review');
    if (before.version !== expectedVersion) throw staleVersion();
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const merged = { ...before, ...set } as typeof before;
    const problems = await problemsOf(tx, org, merged);
    if (problems.length) throw invalid(problems);
    const row = await repo.updateRiskChangeReview(tx, org, id, expectedVersion, set);
    if (!row) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'risk_change_review.updated',
        entityType: CHANGE_REVIEW_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(row)),
        eventTitle: changeReviewTitle(row),
      },
    ]);
    return (await repo.getRiskChangeReview(tx, org, id))!;
  });
}

/** The API's view of a review. */
export function presentChangeReview(row: repo.RiskChangeReviewView) {
  return {
    id: row.id,
    reviewedOn: row.reviewedOn,
    kind: row.kind as 'organization' | 'technology' | 'business' | 'threats' | 'external',
    outcome: row.outcome as 'changed' | 'no_change',
    description: row.description,
    assessmentId: row.assessmentId,
    assessmentNumber: row.assessmentNumber,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
