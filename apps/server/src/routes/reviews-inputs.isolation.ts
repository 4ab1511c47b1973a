import { schema, type Executor } from '@mamoru/db';
import { nextReviewNumber } from '@mamoru/db/repositories/reviews-rows';

/**
 * The input pack's lines of tenant-isolation.test.ts: a planned review of
 * organization B (inserted directly: planning is another part of the area),
 * and one probe per route of the pack.
 */
export interface ReviewInputsOfB {
  reviewId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/** A planned review, as the planning routes would leave it. */
export async function insertPlannedReview(
  db: Executor,
  organizationId: string,
  values: Partial<typeof schema.managementReviews.$inferInsert> = {},
) {
  const number = await nextReviewNumber(db, organizationId);
  const [row] = await db
    .insert(schema.managementReviews)
    .values({
      organizationId,
      number,
      title: `Management review ${number}`,
      plannedOn: new Date().toISOString().slice(0, 10),
      ...values,
    })
    .returning();
  return row!;
}

export async function createReviewInputsOfB(
  db: Executor,
  organizationId: string,
): Promise<ReviewInputsOfB> {
  const review = await insertPlannedReview(db, organizationId, { title: 'Review of B' });
  return { reviewId: review.id, values: [review.id, 'Review of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** The preview read first, then the preparation (B's administrator manages the ISMS too). */
export function reviewInputProbes<B extends { reviewInputs: ReviewInputsOfB }>(): Probe<B>[] {
  const review = (b: B) => `/api/v1/management-reviews/${b.reviewInputs.reviewId}`;
  return [
    {
      route: 'GET /api/v1/management-reviews/:id/inputs',
      url: (b) => `${review(b)}/inputs`,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'POST /api/v1/management-reviews/:id/prepare-inputs',
      url: (b) => `${review(b)}/prepare-inputs`,
      headers: () => ({ 'if-match': '"1"' }),
      control: { as: 'adminB', status: 200 },
    },
  ];
}
