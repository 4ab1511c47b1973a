import { schema, type Db } from '@mamoru/db';
import { nextReviewNumber } from '@mamoru/db/repositories/reviews-rows';
import { REVIEW_INPUT_SECTIONS } from '@mamoru/contracts';

const { managementReviews, managementReviewAttendees, managementReviewInputs } = schema;

/**
 * Reviews written straight into the tables, at the status a test starts from:
 * planning and the input pack have routes of their own, and the minutes read
 * only their rows.
 */

export interface ReviewSeed {
  status?: 'planned' | 'inputs_prepared' | 'held' | 'approved';
  title?: string;
  plannedOn?: string;
  heldOn?: string | null;
  /** Users invited, with their role at the meeting. */
  attendees?: { userId?: string | null; name?: string; role: string; attended?: boolean | null }[];
}

export interface SeededReview {
  id: string;
  number: number;
  version: number;
  attendeeIds: string[];
}

export async function insertReview(db: Db, org: string, seed: ReviewSeed = {}) {
  const status = seed.status ?? 'inputs_prepared';
  return db.transaction(async (tx) => {
    const number = await nextReviewNumber(tx, org);
    const prepared = status !== 'planned';
    const [row] = await tx
      .insert(managementReviews)
      .values({
        organizationId: org,
        number,
        title: seed.title ?? `Management review ${number}`,
        plannedOn: seed.plannedOn ?? '2026-11-20',
        status,
        periodStart: prepared ? '2025-11-20' : null,
        inputsPreparedAt: prepared ? new Date() : null,
        heldOn: seed.heldOn ?? (status === 'held' || status === 'approved' ? '2026-11-20' : null),
        approvedAt: status === 'approved' ? new Date() : null,
      })
      .returning();
    const attendees = seed.attendees?.length
      ? await tx
          .insert(managementReviewAttendees)
          .values(
            seed.attendees.map((a, i) => ({
              organizationId: org,
              reviewId: row!.id,
              userId: a.userId ?? null,
              name: a.name ?? '',
              role: a.role,
              attended: a.attended ?? null,
              position: i,
            })),
          )
          .returning()
      : [];
    if (prepared) {
      await tx.insert(managementReviewInputs).values(
        REVIEW_INPUT_SECTIONS.map((section) => {
          const figures: Record<string, number> = section === 'a' ? { auditsCompleted: 2 } : {};
          return {
            organizationId: org,
            reviewId: row!.id,
            section,
            available: section !== 'incidents' && section !== 'objectives',
            figures,
          };
        }),
      );
    }
    return {
      id: row!.id,
      number,
      version: row!.version,
      attendeeIds: attendees.map((a) => a.id),
    } satisfies SeededReview;
  });
}
