import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import {
  managementReviewAttendees,
  managementReviewDecisions,
  managementReviews,
  reviewSettings,
} from '../tables/reviews.ts';
import type { NewReview, ReviewRow } from './reviews-rows.ts';

/**
 * Planning of management reviews: the register (paged in SQL), one review
 * with its attendees and decision count, the attendee list, and the
 * organization's review interval.
 */

type Page = { limit: number; cursor?: string | undefined };

export interface AttendeeView {
  id: string;
  reviewId: string;
  userId: string | null;
  userName: string | null;
  name: string;
  role: string;
  attended: boolean | null;
  position: number;
}

export type ReviewView = ReviewRow & {
  inputsPreparedByName: string | null;
  approvedByName: string | null;
  decisionCount: number;
  attendees: AttendeeView[];
};

const preparer = alias(users, 'preparer');
const approver = alias(users, 'approver');

function selectReviews(db: Executor) {
  return db
    .select({
      ...getTableColumns(managementReviews),
      inputsPreparedByName: preparer.displayName,
      approvedByName: approver.displayName,
      decisionCount: sql<number>`(select count(*)::int from ${managementReviewDecisions}
        where ${managementReviewDecisions.reviewId} = ${managementReviews.id})`,
    })
    .from(managementReviews)
    .leftJoin(preparer, eq(preparer.id, managementReviews.inputsPreparedBy))
    .leftJoin(approver, eq(approver.id, managementReviews.approvedBy));
}

/** The attendees of many reviews in one query, in their order. */
export async function attendeesOf(
  db: Executor,
  org: string,
  reviewIds: string[],
): Promise<AttendeeView[]> {
  if (reviewIds.length === 0) return [];
  const a = managementReviewAttendees;
  return db
    .select({
      id: a.id,
      reviewId: a.reviewId,
      userId: a.userId,
      userName: users.displayName,
      name: a.name,
      role: a.role,
      attended: a.attended,
      position: a.position,
    })
    .from(a)
    .leftJoin(users, eq(users.id, a.userId))
    .where(and(eq(a.organizationId, org), inArray(a.reviewId, reviewIds)))
    .orderBy(asc(a.reviewId), asc(a.position));
}

async function withAttendees<R extends ReviewRow>(db: Executor, org: string, rows: R[]) {
  const attendees = await attendeesOf(
    db,
    org,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attendees: attendees.filter((a) => a.reviewId === r.id) }));
}

export async function getReviewView(
  db: Executor,
  org: string,
  id: string,
): Promise<ReviewView | null> {
  const rows = await selectReviews(db).where(
    and(eq(managementReviews.organizationId, org), eq(managementReviews.id, id)),
  );
  const [view] = await withAttendees(db, org, rows);
  return view ?? null;
}

export interface ReviewFilter {
  status?: string | undefined;
  /** Planned or held in this calendar year. */
  year?: number | undefined;
  /** 'own' reach: only approved minutes that were distributed. */
  distributedOnly?: boolean | undefined;
}

/** One page of reviews, latest planned first, keyset-paginated on (planned date, id). */
export async function listReviews(db: Executor, org: string, f: ReviewFilter, page: Page) {
  const r = managementReviews;
  const conditions: SQL[] = [eq(r.organizationId, org)];
  if (f.status) conditions.push(eq(r.status, f.status));
  if (f.year !== undefined) {
    const from = `${f.year}-01-01`;
    const to = `${f.year}-12-31`;
    conditions.push(
      sql`((${r.plannedOn} between ${from} and ${to}) or (${r.heldOn} between ${from} and ${to}))`,
    );
  }
  if (f.distributedOnly) {
    conditions.push(sql`${r.status} = 'approved' and ${r.distributedAt} is not null`);
  }
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${r.plannedOn}, ${r.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectReviews(db)
    .where(and(...conditions))
    .orderBy(desc(r.plannedOn), desc(r.id))
    .limit(page.limit + 1);
  const result = toPage(rows, page.limit, (row) => [row.plannedOn, row.id]);
  return { items: await withAttendees(db, org, result.items), nextCursor: result.nextCursor };
}

export async function insertReview(db: Executor, values: NewReview) {
  const [row] = await db.insert(managementReviews).values(values).returning();
  return row!;
}

export interface AttendeeValues {
  userId: string | null;
  name: string;
  role: string;
}

/** Sets the whole attendee list (planning edits it as one list). */
export async function replaceAttendees(
  db: Executor,
  org: string,
  reviewId: string,
  attendees: AttendeeValues[],
) {
  const a = managementReviewAttendees;
  await db.delete(a).where(and(eq(a.organizationId, org), eq(a.reviewId, reviewId)));
  if (attendees.length === 0) return;
  await db.insert(a).values(
    attendees.map((v, position) => ({
      organizationId: org,
      reviewId,
      userId: v.userId,
      name: v.name,
      role: v.role,
      position,
    })),
  );
}

/** The users of the organization among `ids`, with their roles (to check an attendee list). */
export async function usersWithRoles(db: Executor, org: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, org), inArray(users.id, ids)));
}

/** The latest review whose minutes top management approved (the interval counts from it). */
export async function lastApprovedReview(db: Executor, org: string) {
  const [row] = await queryRows<{ id: string; number: number; heldOn: string }>(
    db,
    sql`select id, number, held_on::text as "heldOn" from management_reviews
      where organization_id = ${org} and status = 'approved' and held_on is not null
      order by held_on desc, number desc limit 1`,
  );
  return row ?? null;
}

// ---- settings -------------------------------------------------------------------------

export type ReviewSettingsRow = typeof reviewSettings.$inferSelect;

export async function getReviewSettings(db: Executor, org: string) {
  const [row] = await db
    .select()
    .from(reviewSettings)
    .where(eq(reviewSettings.organizationId, org));
  return row ?? null;
}

/**
 * Writes the interval under its version; version 0 means "no row yet" (the
 * defaults). Null when another write came first.
 */
export async function saveReviewSettings(
  db: Executor,
  org: string,
  expectedVersion: number,
  intervalMonths: number,
) {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(reviewSettings)
      .values({ organizationId: org, intervalMonths })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(reviewSettings)
    .set({ intervalMonths, version: sql`${reviewSettings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviewSettings.organizationId, org), eq(reviewSettings.version, expectedVersion)))
    .returning();
  return row ?? null;
}
