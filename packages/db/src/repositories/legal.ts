import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { documents } from '../tables/documents.ts';
import { users } from '../tables/identity.ts';
import { legalObligations, legalReviews } from '../tables/legal.ts';
import { likePattern } from './scope.ts';

/** The legal register (5.2.1.c): obligations and their reviews. SQL only here. */

export type LegalObligationRow = typeof legalObligations.$inferSelect;
export type NewLegalObligation = Omit<typeof legalObligations.$inferInsert, 'id'>;
export type LegalReviewRow = typeof legalReviews.$inferSelect;

type Page = { limit: number; cursor?: string | undefined };

const owner = alias(users, 'owner');
const obligationView = { ...getTableColumns(legalObligations), ownerName: owner.displayName };
export type LegalObligationView = LegalObligationRow & { ownerName: string | null };

const selectObligations = (db: Executor) =>
  db
    .select(obligationView)
    .from(legalObligations)
    .leftJoin(owner, eq(owner.id, legalObligations.ownerUserId));

/** The next free LEG-nnn code of the organization (a race ends in the unique index). */
export async function nextObligationCode(db: Executor, organizationId: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(max(substring(code from 5)::int), 0)::int + 1 as n
      from legal_obligations
      where organization_id = ${organizationId} and code ~ '^LEG-[0-9]{1,9}$'`,
  );
  return `LEG-${String(row?.n ?? 1).padStart(3, '0')}`;
}

export async function insertObligation(db: Executor, values: NewLegalObligation) {
  const [row] = await db.insert(legalObligations).values(values).returning();
  return row!;
}

export async function getObligation(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(legalObligations)
    .where(and(eq(legalObligations.organizationId, organizationId), eq(legalObligations.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getObligationView(db: Executor, organizationId: string, id: string) {
  const [row] = await selectObligations(db).where(
    and(eq(legalObligations.organizationId, organizationId), eq(legalObligations.id, id)),
  );
  return row ?? null;
}

/** Updates an obligation; expectedVersion null when the caller holds the row lock. */
export async function updateObligation(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number | null,
  values: Partial<Omit<NewLegalObligation, 'organizationId'>>,
) {
  const conditions = [
    eq(legalObligations.organizationId, organizationId),
    eq(legalObligations.id, id),
  ];
  if (expectedVersion !== null) conditions.push(eq(legalObligations.version, expectedVersion));
  const [row] = await db
    .update(legalObligations)
    .set({ ...values, version: sql`${legalObligations.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export interface LegalFilter {
  kind?: string | undefined;
  status?: string | undefined;
  ownerId?: string | undefined;
  /** 'overdue': active and past its review date; 'soon': within `soonDays` from today. */
  due?: 'overdue' | 'soon' | undefined;
  today: string;
  soonDays: number;
  /** A substring of code, title, authority, reference or summary. */
  q?: string | undefined;
  controlId?: string | undefined;
  documentId?: string | undefined;
}

function conditionsOf(organizationId: string, f: LegalFilter): SQL[] {
  const o = legalObligations;
  const conditions: SQL[] = [eq(o.organizationId, organizationId)];
  if (f.kind) conditions.push(eq(o.kind, f.kind));
  if (f.status) conditions.push(eq(o.status, f.status));
  if (f.ownerId) conditions.push(eq(o.ownerUserId, f.ownerId));
  if (f.due === 'overdue') {
    conditions.push(sql`${o.status} = 'active' and ${o.nextReviewDate} < ${f.today}::date`);
  }
  if (f.due === 'soon') {
    conditions.push(sql`${o.status} = 'active' and ${o.nextReviewDate} >= ${f.today}::date
      and ${o.nextReviewDate} <= ${f.today}::date + ${f.soonDays}::int`);
  }
  if (f.q) {
    const p = likePattern(f.q);
    conditions.push(
      sql`(${o.code} ilike ${p} or ${o.title} ilike ${p} or ${o.authority} ilike ${p}
        or ${o.reference} ilike ${p} or ${o.summary} ilike ${p})`,
    );
  }
  if (f.controlId) conditions.push(sql`${o.controlIds} @> array[${f.controlId}]::text[]`);
  if (f.documentId) conditions.push(sql`${o.documentIds} @> array[${f.documentId}]::uuid[]`);
  return conditions;
}

/** One page of the register ordered by next review date, keyset-paginated on (date, id). */
export async function listObligations(
  db: Executor,
  organizationId: string,
  f: LegalFilter,
  page: Page,
) {
  const o = legalObligations;
  const conditions = conditionsOf(organizationId, f);
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${o.nextReviewDate}, ${o.id}) > (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectObligations(db)
    .where(and(...conditions))
    .orderBy(asc(o.nextReviewDate), asc(o.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.nextReviewDate, r.id]);
}

/** The whole filtered register for an export, by code (at most `max` rows). */
export async function exportObligations(
  db: Executor,
  organizationId: string,
  f: LegalFilter,
  max: number,
) {
  return selectObligations(db)
    .where(and(...conditionsOf(organizationId, f)))
    .orderBy(asc(legalObligations.code))
    .limit(max);
}

/** Titles of the organization's documents among `ids` (others' ids are not returned). */
export async function documentTitles(db: Executor, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: documents.id,
      code: documents.code,
      title: documents.title,
      status: documents.status,
    })
    .from(documents)
    .where(
      and(
        eq(documents.organizationId, organizationId),
        sql`${documents.id} = any(${sql.param(ids)}::uuid[])`,
      ),
    )
    .orderBy(asc(documents.code));
}

// ---- reviews ----------------------------------------------------------------------

export async function insertReview(db: Executor, values: Omit<LegalReviewRow, 'id' | 'createdAt'>) {
  const [row] = await db.insert(legalReviews).values(values).returning();
  return row!;
}

const reviewer = alias(users, 'reviewer');

/** The reviews of one obligation, newest first. */
export async function reviewsOf(
  db: Executor,
  organizationId: string,
  obligationId: string,
  limit = 50,
) {
  return db
    .select({ ...getTableColumns(legalReviews), reviewerName: reviewer.displayName })
    .from(legalReviews)
    .leftJoin(reviewer, eq(reviewer.id, legalReviews.reviewerUserId))
    .where(
      and(
        eq(legalReviews.organizationId, organizationId),
        eq(legalReviews.obligationId, obligationId),
      ),
    )
    .orderBy(desc(legalReviews.reviewedOn), desc(legalReviews.createdAt))
    .limit(limit);
}
export type LegalReviewView = Awaited<ReturnType<typeof reviewsOf>>[number];

/** Review dates due (within `soonDays`) and overdue among active obligations, for the dashboard. */
export async function reviewDueCounts(
  db: Executor,
  organizationId: string,
  today: string,
  soonDays: number,
  ownerId?: string,
) {
  const [row] = await queryRows<{ due: number; overdue: number }>(
    db,
    sql`select
      (count(*) filter (where next_review_date <= ${today}::date + ${soonDays}::int))::int as due,
      (count(*) filter (where next_review_date < ${today}::date))::int as overdue
    from legal_obligations
    where organization_id = ${organizationId} and status = 'active'
      ${ownerId ? sql`and owner_user_id = ${ownerId}` : sql``}`,
  );
  return { due: row?.due ?? 0, overdue: row?.overdue ?? 0 };
}
