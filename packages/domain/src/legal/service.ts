import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/legal';
import type { LegalObligationRow } from '@mamoru/db/repositories/legal';
import type {
  LegalListQuery,
  LegalObligationCreate,
  LegalObligationUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  staleVersion,
  type FieldError,
} from '../errors.ts';
import { authorize, authorizeObject } from '../identity/actor.ts';
import { annexControlIds } from '../scope/service.ts';
import { auditable, checkUser, isUniqueViolation } from '../scope/common.ts';
import { LEGAL_DUE_SOON_DAYS, SUBSTANTIVE_FIELDS, nextReviewAfter } from './rules.ts';

/** The legal register (5.2.1.c): obligations kept by the ISMS manager or their owners. */

export const LEGAL_OBLIGATION_ENTITY = 'legal_obligation';

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** Creating and any change beyond one's own obligations need legal:manage over all. */
function authorizeManageAll(ctx: RequestContext) {
  if (authorize(ctx.actor, 'legal:manage') !== 'all') {
    throw forbidden('forbidden_reach_all', { permission: 'legal:manage' });
  }
}

/** Owner, annex controls and documents must be the organization's / the criteria's. */
async function referenceProblems(
  db: Executor,
  org: string,
  input: Pick<LegalObligationUpdate, 'ownerUserId' | 'controlIds' | 'documentIds'>,
): Promise<FieldError[]> {
  const problems = await checkUser(db, org, input.ownerUserId, 'ownerUserId');
  if (input.controlIds?.length) {
    const known = await annexControlIds();
    input.controlIds.forEach((id, i) => {
      if (!known.has(id)) {
        problems.push({
          field: `controlIds.${i}`,
          code: 'document_control_unknown',
          params: { id },
        });
      }
    });
  }
  if (input.documentIds?.length) {
    const found = new Set((await repo.documentTitles(db, org, input.documentIds)).map((d) => d.id));
    input.documentIds.forEach((id, i) => {
      if (!found.has(id)) problems.push({ field: `documentIds.${i}`, code: 'reference_not_found' });
    });
  }
  return problems;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function listObligations(db: Db, ctx: RequestContext, q: LegalListQuery) {
  authorize(ctx.actor, 'legal:read');
  const { limit, cursor, ...filter } = q;
  return repo.listObligations(
    db,
    ctx.actor.organizationId,
    { ...filter, today: todayUtc(), soonDays: LEGAL_DUE_SOON_DAYS },
    { limit, cursor },
  );
}

export async function getObligationDetail(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'legal:read');
  const org = ctx.actor.organizationId;
  const obligation = await repo.getObligationView(db, org, id);
  if (!obligation) throw notFound('legal obligation');
  return {
    obligation,
    documents: await repo.documentTitles(db, org, obligation.documentIds),
    reviews: await repo.reviewsOf(db, org, id),
  };
}

export async function createObligation(db: Db, ctx: RequestContext, input: LegalObligationCreate) {
  authorizeManageAll(ctx);
  const org = ctx.actor.organizationId;
  return db
    .transaction(async (tx) => {
      const problems = await referenceProblems(tx, org, input);
      if (problems.length) throw invalid(problems);
      const row = await repo.insertObligation(tx, {
        organizationId: org,
        code: await repo.nextObligationCode(tx, org),
        kind: input.kind,
        title: input.title,
        authority: input.authority,
        reference: input.reference,
        summary: input.summary,
        ownerUserId: input.ownerUserId ?? null,
        appliesSince: input.appliesSince ?? null,
        reviewIntervalMonths: input.reviewIntervalMonths,
        nextReviewDate:
          input.nextReviewDate ?? nextReviewAfter(todayUtc(), input.reviewIntervalMonths),
        controlIds: unique(input.controlIds),
        documentIds: unique(input.documentIds),
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, [
        {
          action: 'legal_obligation.created',
          entityType: LEGAL_OBLIGATION_ENTITY,
          entityId: row.id,
          after: auditable(row),
          eventTitle: `${row.code} ${row.title}`,
        },
      ]);
      return (await repo.getObligationView(tx, org, row.id))!;
    })
    .catch((error: unknown) => {
      // Two creations raced for the same code: the second is asked to try again.
      if (isUniqueViolation(error)) throw conflict('legal_code_taken');
      throw error;
    });
}

/** Locks the obligation and checks the caller may change it (own reach: its owner). */
export async function lockForChange(tx: Executor, ctx: RequestContext, id: string) {
  const before = await repo.getObligation(tx, ctx.actor.organizationId, id, true);
  if (!before) throw notFound('legal obligation');
  authorizeObject(ctx.actor, 'legal:manage', before.ownerUserId);
  return before;
}

function changesSubstance(before: LegalObligationRow, patch: LegalObligationUpdate) {
  return SUBSTANTIVE_FIELDS.some((f) => {
    const next = patch[f];
    return next !== undefined && JSON.stringify(next) !== JSON.stringify(before[f]);
  });
}

export async function updateObligation(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: LegalObligationUpdate,
) {
  authorize(ctx.actor, 'legal:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    if (before.version !== expectedVersion) throw staleVersion();
    // Handing the obligation to someone else is the register keeper's call.
    if (patch.ownerUserId !== undefined && patch.ownerUserId !== before.ownerUserId) {
      authorizeManageAll(ctx);
    }
    const problems = await referenceProblems(tx, org, patch);
    if (problems.length) throw invalid(problems);
    const retiring = patch.status === 'retired' && before.status !== 'retired';
    const updated = await repo.updateObligation(tx, org, id, null, {
      ...patch,
      ...(patch.controlIds && { controlIds: unique(patch.controlIds) }),
      ...(patch.documentIds && { documentIds: unique(patch.documentIds) }),
      ...(changesSubstance(before, patch) && { contentChangedAt: new Date() }),
      ...(retiring && { retiredAt: new Date() }),
      ...(patch.status === 'active' && before.status === 'retired' && { retiredAt: null }),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'legal_obligation.updated',
        entityType: LEGAL_OBLIGATION_ENTITY,
        entityId: id,
        ...diff(auditable(before), auditable(updated)),
        eventTitle: `${updated.code} ${updated.title}`,
      },
    ]);
    return (await repo.getObligationView(tx, org, id))!;
  });
}
