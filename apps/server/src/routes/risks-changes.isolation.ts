import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The reviews of change's lines of tenant-isolation.test.ts: a review of
 * organization B, and one probe per route that takes an id.
 */
export interface ChangeReviewsOfB {
  reviewId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createChangeReviewsOfB(adminB: Client): Promise<ChangeReviewsOfB> {
  const res = await adminB.post('/api/v1/risk-change-reviews', {
    reviewedOn: '2026-04-01',
    kind: 'technology',
    outcome: 'no_change',
    description: 'No change at B',
  });
  expect(res.statusCode, res.body).toBe(201);
  const reviewId = res.json<{ id: string }>().id;
  return { reviewId, values: [reviewId, 'No change at B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

export function changeReviewProbes<B extends { changeReviews: ChangeReviewsOfB }>(): Probe<B>[] {
  const url = (b: B) => `/api/v1/risk-change-reviews/${b.changeReviews.reviewId}`;
  return [
    { route: 'GET /api/v1/risk-change-reviews/:id', url, control: { as: 'adminB', status: 200 } },
    {
      route: 'PATCH /api/v1/risk-change-reviews/:id',
      url,
      body: () => ({ description: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: { as: 'adminB', status: 200 },
    },
  ];
}

export const CHANGE_REVIEW_LISTS = [
  '/api/v1/risk-change-reviews?limit=200',
  '/api/v1/risk-change-reviews?kind=technology&limit=200',
];
