import { schema, type Db } from '@mamoru/db';
import type { Client } from '../testing/identity.ts';
import { insertReview } from './reviews-minutes.fixtures.ts';

/**
 * The review minutes' lines of tenant-isolation.test.ts: what organization B
 * keeps (a review with its inputs prepared and one decision, and an approved
 * review not yet distributed), and one probe per route that takes an id.
 */
export interface MinutesOfB {
  reviewId: string;
  version: number;
  topAttendeeId: string;
  decisionId: string;
  /** A user of B, the owner of decisions. */
  ownerId: string;
  approvedId: string;
  approvedVersion: number;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createMinutesOfB(
  db: Db,
  adminB: Client,
  ownerId: string,
): Promise<MinutesOfB> {
  const org = adminB.organization.id;
  const review = await insertReview(db, org, {
    title: 'Review of B',
    attendees: [{ name: 'Chair of B', role: 'top_management' }],
  });
  const [decision] = await db
    .insert(schema.managementReviewDecisions)
    .values({
      organizationId: org,
      reviewId: review.id,
      number: 1,
      output: 'effectiveness',
      title: 'Decision of B',
      ownerId,
      dueDate: '2027-03-31',
    })
    .returning();
  const approved = await insertReview(db, org, { status: 'approved', title: 'Approved of B' });
  return {
    reviewId: review.id,
    version: review.version,
    topAttendeeId: review.attendeeIds[0]!,
    decisionId: decision!.id,
    ownerId,
    approvedId: approved.id,
    approvedVersion: approved.version,
    values: [review.id, 'Review of B', decision!.id, 'Decision of B', approved.id, 'Approved of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/**
 * In the order B's controls can follow each other: read, hold, write the
 * minutes, change and remove the decision, submit; the approved review is distributed.
 */
export function minutesProbes<B extends { minutes: MinutesOfB }>(): Probe<B>[] {
  const url = (b: B, rest: string) => `/api/v1/management-reviews/${b.minutes.reviewId}${rest}`;
  const decision = (b: B) => url(b, `/decisions/${b.minutes.decisionId}`);
  const at = (version: (b: B) => number) => (b: B) => ({ 'if-match': `"${version(b)}"` });
  const ok = (status = 200) => ({ as: 'adminB' as const, status });
  return [
    {
      route: 'GET /api/v1/management-reviews/:id/decisions',
      url: (b) => url(b, '/decisions'),
      control: ok(),
    },
    {
      route: 'POST /api/v1/management-reviews/:id/hold',
      url: (b) => url(b, '/hold'),
      body: (b) => ({
        heldOn: '2026-11-20',
        attendance: [{ attendeeId: b.minutes.topAttendeeId, attended: true }],
      }),
      headers: at((b) => b.minutes.version),
      control: ok(),
    },
    {
      route: 'PATCH /api/v1/management-reviews/:id/minutes',
      url: (b) => url(b, '/minutes'),
      body: () => ({ minutesSummary: 'Written across tenants' }),
      headers: at((b) => b.minutes.version + 1),
      control: ok(),
    },
    {
      route: 'POST /api/v1/management-reviews/:id/decisions',
      url: (b) => url(b, '/decisions'),
      body: (b) => ({
        output: 'resources',
        amount: 1,
        title: 'Added across tenants',
        ownerId: b.minutes.ownerId,
        dueDate: '2027-03-31',
      }),
      control: ok(201),
    },
    {
      route: 'PATCH /api/v1/management-reviews/:id/decisions/:decisionId',
      url: decision,
      body: () => ({ title: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: ok(),
    },
    {
      route: 'DELETE /api/v1/management-reviews/:id/decisions/:decisionId',
      url: decision,
      headers: () => ({ 'if-match': '"2"' }),
      control: ok(204),
    },
    {
      route: 'POST /api/v1/management-reviews/:id/submit',
      url: (b) => url(b, '/submit'),
      body: () => ({}),
      headers: at((b) => b.minutes.version + 2),
      control: ok(),
    },
    {
      route: 'POST /api/v1/management-reviews/:id/distribute',
      url: (b) => `/api/v1/management-reviews/${b.minutes.approvedId}/distribute`,
      body: () => ({}),
      headers: at((b) => b.minutes.approvedVersion),
      control: ok(),
    },
  ];
}
