import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { managementReviewInputs } from '../tables/reviews.ts';

/**
 * The input pack of a management review (6.2.a–h): shared shapes and helpers
 * of the section queries (reviews-inputs-*.ts), and the frozen snapshot rows.
 * Every section is one aggregate query for its figures and one capped query
 * for its items, whatever the size of the registers.
 */

/** The most items a section stores; the figures still count everything. */
export const INPUT_ITEM_CAP = 200;

/** The period the pack covers, both ends included, and the review it is for. */
export interface InputPeriod {
  org: string;
  start: string;
  asOf: string;
  reviewId: string;
}

/** One source object as the pack shows it (contracts ReviewInputItem). */
export interface InputItemRow {
  kind: string;
  id: string;
  ref: string | null;
  title: string;
  status: string | null;
  date: string | null;
  href: string;
  change: string | null;
  detail: string | null;
}

export interface SectionFacts {
  figures: Record<string, number>;
  items: InputItemRow[];
  /** Items beyond INPUT_ITEM_CAP. */
  omitted: number;
}

/** A timestamp column's UTC day within the period. */
export const dayIn = (column: string, p: InputPeriod) =>
  sql`(${sql.raw(column)} at time zone 'UTC')::date between ${p.start}::date and ${p.asOf}::date`;

/** A date column within the period. */
export const dateIn = (column: string, p: InputPeriod) =>
  sql`${sql.raw(column)} between ${p.start}::date and ${p.asOf}::date`;

/** A timestamp's UTC day as text (the items' date). */
export const dayOf = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`);

/**
 * The first INPUT_ITEM_CAP rows of `rows` (columns kind, id, ref, title, status,
 * date, href, change, detail, sort) by sort, and how many were left out.
 */
export async function cappedItems(db: Executor, rows: SQL) {
  const found = await queryRows<InputItemRow & { total: number }>(
    db,
    sql`select x.kind, x.id::text as id, x.ref, x.title, x.status, x.date::text as date,
        x.href, x.change, x.detail, (count(*) over ())::int as total
      from (${rows}) x order by x.sort, x.id limit ${INPUT_ITEM_CAP}`,
  );
  const total = found[0]?.total ?? 0;
  const items = found.map(({ total: _total, ...item }) => item);
  return { items, omitted: Math.max(0, total - items.length) };
}

/** One row of numbers as named figures (every value a count). */
export async function figuresOf(db: Executor, query: SQL): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, unknown>>(db, query);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
}

/** The latest approved review other than `reviewId` (the previous one), or null. */
export async function previousApprovedReview(db: Executor, org: string, reviewId: string) {
  const [row] = await queryRows<{ id: string; number: number; title: string; held_on: string }>(
    db,
    sql`select id, number, title, held_on::text as held_on from management_reviews
      where organization_id = ${org} and status = 'approved' and id <> ${reviewId}
        and held_on is not null
      order by held_on desc, number desc limit 1`,
  );
  return row ?? null;
}

export type InputRow = typeof managementReviewInputs.$inferSelect;
export type NewInputRow = Omit<
  typeof managementReviewInputs.$inferInsert,
  'id' | 'organizationId' | 'reviewId'
>;

/** Writes the frozen pack: one row per section (a DB trigger keeps figures and items as written). */
export async function insertInputRows(
  db: Executor,
  org: string,
  reviewId: string,
  rows: NewInputRow[],
) {
  if (rows.length === 0) return [];
  return db
    .insert(managementReviewInputs)
    .values(rows.map((r) => ({ ...r, organizationId: org, reviewId })))
    .returning();
}

/** The stored pack of a review (the domain orders the sections). */
export async function listInputRows(db: Executor, org: string, reviewId: string) {
  return db
    .select()
    .from(managementReviewInputs)
    .where(
      and(
        eq(managementReviewInputs.organizationId, org),
        eq(managementReviewInputs.reviewId, reviewId),
      ),
    )
    .orderBy(asc(managementReviewInputs.section));
}
