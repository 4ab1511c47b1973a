import type { Db } from '@mamoru/db';
import { seedReview } from './reviews-exports.fixtures.ts';

/**
 * Organization B's held management review for the tenant isolation table: its
 * minutes export must answer 404 to A and a file to B's administrator.
 */
export interface MinutesExportOfB {
  reviewId: string;
  values: string[];
}

export async function createMinutesExportOfB(db: Db, orgB: string): Promise<MinutesExportOfB> {
  const review = await seedReview(db, orgB, {
    title: 'Review of B',
    status: 'held',
    heldOn: '2026-04-01',
    summary: 'Minutes of B',
  });
  return { reviewId: review.id, values: [review.id, 'Review of B', 'Minutes of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  control: { as: 'adminB'; status: number };
}

export function minutesExportProbes<B extends { minutesExport: MinutesExportOfB }>(): Probe<B>[] {
  return [
    {
      route: 'GET /api/v1/management-reviews/:id/export',
      url: (b) =>
        `/api/v1/management-reviews/${b.minutesExport.reviewId}/export?format=xlsx&lang=en`,
      control: { as: 'adminB', status: 200 },
    },
  ];
}
