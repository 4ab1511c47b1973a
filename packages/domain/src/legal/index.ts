// The legal register (5.2.1.c, annex 12.1): obligations, their reviews, exports and due dates.
export * from './service.ts';
export { reviewObligation } from './review.ts';
export { legalDue } from './due.ts';
export { presentObligation, presentReview, presentDetail } from './presenters.ts';
export { LEGAL_DUE_SOON_DAYS, nextReviewAfter, reviewEffect, reviewState } from './rules.ts';
export * as exports from './export.ts';
