import { expect } from 'vitest';
import type { Db } from '@mamoru/db';
import { insertReview, replaceAttendees } from '@mamoru/db/repositories/reviews';
import { nextReviewNumber } from '@mamoru/db/repositories/reviews-rows';
import type { Client } from '../testing/identity.ts';

/**
 * The management reviews' lines of tenant-isolation.test.ts: a planned review
 * of organization B, one probe per planning route that takes an id, and the
 * lists to search for leaks. The review is inserted directly: planning through
 * the API needs a top management user, and B's user list must stay as it is.
 */
export interface ReviewsOfB {
  reviewId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createReviewsOfB(db: Db, userA: Client, adminB: Client): Promise<ReviewsOfB> {
  // A's own review, planned through the API, so A's lists are not empty.
  const ofA = await userA.post('/api/v1/management-reviews', {
    title: 'Management review of A',
    plannedOn: '2026-09-30',
    attendees: [{ userId: userA.user.id, role: 'top_management' }],
  });
  expect(ofA.statusCode, ofA.body).toBe(201);
  const org = adminB.organization.id;
  const review = await db.transaction(async (tx) => {
    const row = await insertReview(tx, {
      organizationId: org,
      number: await nextReviewNumber(tx, org),
      title: 'Management review of B',
      plannedOn: '2026-09-30',
      location: 'Meeting room of B',
      agenda: ['Agenda of B'],
      createdBy: adminB.user.id,
    });
    await replaceAttendees(tx, org, row.id, [
      { userId: adminB.user.id, name: '', role: 'isms_manager' },
      { userId: null, name: 'Guest of B', role: 'other' },
    ]);
    return row;
  });
  return {
    reviewId: review.id,
    values: [review.id, 'Management review of B', 'Meeting room of B', 'Guest of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** The read, then the edit (version 1 → 2), then the cancellation under version 2. */
export function reviewProbes<B extends { reviews: ReviewsOfB }>(): Probe<B>[] {
  const as = { as: 'adminB' as const, status: 200 };
  const url = (b: B) => `/api/v1/management-reviews/${b.reviews.reviewId}`;
  return [
    { route: 'GET /api/v1/management-reviews/:id', url, control: as },
    {
      route: 'PATCH /api/v1/management-reviews/:id',
      url,
      body: () => ({ title: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as,
    },
    {
      route: 'POST /api/v1/management-reviews/:id/cancel',
      url: (b) => `${url(b)}/cancel`,
      body: () => ({ reason: 'Cancelled across tenants' }),
      headers: () => ({ 'if-match': '"2"' }),
      control: as,
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const REVIEW_LISTS = [
  '/api/v1/management-reviews?limit=200',
  '/api/v1/management-reviews?year=2026&limit=200',
];
