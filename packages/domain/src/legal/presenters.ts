import type { LegalObligation, LegalObligationDetail, LegalReview } from '@mamoru/contracts';
import type { LegalObligationView, LegalReviewView } from '@mamoru/db/repositories/legal';
import { reviewState } from './rules.ts';

export function presentObligation(o: LegalObligationView, today: string): LegalObligation {
  return {
    id: o.id,
    code: o.code,
    kind: o.kind as LegalObligation['kind'],
    title: o.title,
    authority: o.authority,
    reference: o.reference,
    summary: o.summary,
    owner: o.ownerUserId ? { id: o.ownerUserId, name: o.ownerName ?? '' } : null,
    appliesSince: o.appliesSince,
    reviewIntervalMonths: o.reviewIntervalMonths,
    nextReviewDate: o.nextReviewDate,
    reviewState: reviewState(o, today),
    status: o.status as LegalObligation['status'],
    controlIds: o.controlIds,
    documentIds: o.documentIds,
    contentChangedAt: o.contentChangedAt?.toISOString() ?? null,
    retiredAt: o.retiredAt?.toISOString() ?? null,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentReview(r: LegalReviewView): LegalReview {
  return {
    id: r.id,
    obligationId: r.obligationId,
    reviewedOn: r.reviewedOn,
    reviewer: r.reviewerUserId ? { id: r.reviewerUserId, name: r.reviewerName ?? '' } : null,
    outcome: r.outcome as LegalReview['outcome'],
    note: r.note,
    nextReviewDate: r.nextReviewDate,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentDetail(
  d: {
    obligation: LegalObligationView;
    documents: LegalObligationDetail['documents'];
    reviews: LegalReviewView[];
  },
  today: string,
): LegalObligationDetail {
  return {
    obligation: presentObligation(d.obligation, today),
    documents: d.documents,
    reviews: d.reviews.map(presentReview),
  };
}
