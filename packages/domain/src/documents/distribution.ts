import type { Db } from '@mamoru/db';
import * as ackRepo from '@mamoru/db/repositories/documents-acknowledgements';
import * as repo from '@mamoru/db/repositories/documents';
import { conflict, forbidden, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { authorize } from '../identity/actor.ts';
import {
  DOCUMENT_ENTITY,
  DOCUMENT_VERSION_ENTITY,
  readsAll,
  today,
  visibleDocument,
  writableDocument,
} from './common.ts';
import { nextReviewAfter } from './rules.ts';
import { startDraftIn } from './versions.ts';

/**
 * Distribution and acknowledgement (4.3.2.g, annex 3.1.2) and the review
 * cycle (4.3.2.b, annex 3.1.3) of issued documents.
 */

/** The caller's "to read" list: issued versions distributed to them, not yet acknowledged. */
export async function toRead(db: Db, ctx: RequestContext) {
  authorize(ctx.actor, 'documents:read');
  if (!ctx.actor.userId) return [];
  return ackRepo.toReadOf(db, ctx.actor.organizationId, ctx.actor.userId);
}

/** The caller confirms reading the issued version of a document distributed to them. */
export async function acknowledgeDocument(db: Db, ctx: RequestContext, documentId: string) {
  authorize(ctx.actor, 'documents:acknowledge');
  const userId = ctx.actor.userId;
  if (!userId) throw forbidden();
  return db.transaction(async (tx) => {
    const doc = await visibleDocument(tx, ctx, documentId);
    if (doc.status !== 'issued' || !doc.currentVersionId) throw conflict('document_not_issued');
    const org = doc.organizationId;
    const existing = await ackRepo.acknowledgementOf(tx, org, doc.currentVersionId, userId);
    if (!existing) throw conflict('document_not_distributed_to_you');
    if (existing.acknowledgedAt) return existing;
    const row = await ackRepo.acknowledge(tx, org, doc.currentVersionId, userId);
    await recordAudit(tx, ctx, [
      {
        action: 'document.acknowledged',
        entityType: DOCUMENT_VERSION_ENTITY,
        entityId: doc.currentVersionId,
        after: { documentId: doc.id, revision: doc.currentRevision, userId },
      },
    ]);
    return row ?? existing;
  });
}

/**
 * Who has and has not acknowledged the issued version: for the document's
 * owner and for those who read every document.
 */
export async function acknowledgementReport(db: Db, ctx: RequestContext, documentId: string) {
  const doc = await visibleDocument(db, ctx, documentId);
  if (!readsAll(ctx.actor, doc)) throw notFound('document');
  if (!doc.currentVersionId || doc.status !== 'issued') {
    return { versionId: null, revision: null, acknowledged: [], pending: [] };
  }
  const rows = await ackRepo.recipientsOf(db, doc.organizationId, doc.currentVersionId);
  return {
    versionId: doc.currentVersionId,
    revision: doc.currentRevision,
    acknowledged: rows.filter((r) => r.acknowledgedAt),
    pending: rows.filter((r) => !r.acknowledgedAt),
  };
}

/**
 * Records a periodic review of an issued document: "no change" re-confirms the
 * issued version and moves the next review date by the interval; "new draft"
 * starts the next revision (the date moves when it is issued).
 */
export async function recordReview(
  db: Db,
  ctx: RequestContext,
  documentId: string,
  input: { outcome: 'no_change' | 'new_draft'; note: string },
) {
  return db.transaction(async (tx) => {
    const doc = await writableDocument(tx, ctx, documentId);
    if (doc.status !== 'issued') throw conflict('document_not_issued');
    const org = doc.organizationId;
    const next =
      input.outcome === 'no_change'
        ? nextReviewAfter(today(), doc.reviewIntervalMonths)
        : doc.nextReviewDate;
    const draft = input.outcome === 'new_draft' ? await startDraftIn(tx, ctx, doc) : null;
    await repo.updateDocument(tx, org, doc.id, null, {
      nextReviewDate: next,
      lastReviewedAt: new Date(),
    });
    const review = await repo.insertDocumentReview(tx, {
      organizationId: org,
      documentId: doc.id,
      versionId: doc.currentVersionId,
      outcome: input.outcome,
      note: input.note,
      nextReviewDate: next,
      reviewedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'document.reviewed',
        entityType: DOCUMENT_ENTITY,
        entityId: doc.id,
        before: { nextReviewDate: doc.nextReviewDate },
        after: {
          outcome: input.outcome,
          nextReviewDate: next,
          reviewId: review.id,
          draftId: draft?.id ?? null,
        },
      },
    ]);
    return review;
  });
}

export async function listReviews(db: Db, ctx: RequestContext, documentId: string) {
  const doc = await visibleDocument(db, ctx, documentId);
  if (!readsAll(ctx.actor, doc)) return [];
  return repo.reviewsOf(db, doc.organizationId, doc.id);
}
