import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { queryRows, schema, type Db } from '@mamoru/db';
import type { DatabaseContext } from '@mamoru/db/testing';
import { nextReviewNumber } from '@mamoru/db/repositories/reviews-rows';
import {
  REVIEW_INPUT_SECTIONS,
  type ManagementReview,
  type ReviewDecision,
} from '@mamoru/contracts';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

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

export const reviewUrl = (id: string, rest = '') => `/api/v1/management-reviews/${id}${rest}`;
export const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

/**
 * The organization the minutes' suites work in, with the people of a review
 * and helpers that seed reviews and walk them through the routes.
 */
export function useMinutesTestbed(ctx: DatabaseContext) {
  const t = {} as {
    app: App;
    manager: Client; // admin + ISMS manager: holds the review and writes the minutes
    top: Client;
    top2: Client;
    staff: Client;
    external: Client;
  };
  const db = () => t.app.database.db;
  beforeAll(async () => {
    t.app = await buildTestApp(ctx.database);
    ({ admin: t.manager } = await setupOrganization(t.app));
    t.top = await createUserAndLogin(t.manager, { roles: ['top_management'] });
    t.top2 = await createUserAndLogin(t.manager, { roles: ['top_management'] });
    t.staff = await createUserAndLogin(t.manager, { roles: ['staff'] });
    t.external = await createUserAndLogin(t.manager, { roles: ['external_auditor'] });
  });
  afterAll(() => t.app.close());

  /** A review with top management, the manager and a guest invited. */
  const seed = (input: ReviewSeed = {}) => {
    // Attendance is recorded when the review is held; before, it is unknown.
    const attended = input.status === 'held' ? true : null;
    return insertReview(db(), t.manager.organization.id, {
      attendees: [
        { userId: t.top.user.id, role: 'top_management', attended },
        { userId: t.manager.user.id, role: 'isms_manager', attended },
        { name: 'Outside counsel', role: 'other' },
      ],
      ...input,
    });
  };
  const decision = (overrides: Record<string, unknown> = {}) => ({
    output: 'effectiveness',
    title: 'Automate access reviews',
    ownerId: t.manager.user.id,
    dueDate: '2027-03-31',
    inputSections: ['a', 'd'],
    ...overrides,
  });
  const record = async (id: string, overrides: Record<string, unknown> = {}) => {
    const res = await t.manager.post(reviewUrl(id, '/decisions'), decision(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReviewDecision>();
  };
  const submit = async (by: Client, id: string, version: number) => {
    const res = await by.post(reviewUrl(id, '/submit'), {}, ifMatch(version));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ManagementReview>();
  };
  const approvalOf = async (id: string) => {
    const res = await t.manager.get(
      `/api/v1/approvals?entityType=management_review&entityId=${id}&status=pending`,
    );
    return res.json<{ items: { id: string; status: string }[] }>().items[0]!;
  };
  const reviewVersion = async (id: string) =>
    (
      await queryRows<{ version: number }>(
        db(),
        sql`select version from management_reviews where id = ${id}`,
      )
    )[0]!.version;

  return Object.assign(t, { seed, decision, record, submit, approvalOf, reviewVersion });
}
