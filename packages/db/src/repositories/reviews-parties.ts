import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  isNotNull,
  isNull,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { users } from '../tables/identity.ts';
import { interestedParties, interestedPartyFeedback } from '../tables/reviews.ts';

/**
 * The interested parties and their feedback (6.2.b). Every query is scoped by
 * the organization id it is given; lists are keyset-paginated in SQL.
 */

export type PartyRow = typeof interestedParties.$inferSelect;
export type NewParty = Omit<typeof interestedParties.$inferInsert, 'id'>;
export type FeedbackRow = typeof interestedPartyFeedback.$inferSelect;
export type NewFeedback = Omit<typeof interestedPartyFeedback.$inferInsert, 'id'>;

type Page = { limit: number; cursor?: string | undefined };
const p = interestedParties;
const f = interestedPartyFeedback;

// ---- parties --------------------------------------------------------------------------

export type PartyView = PartyRow & {
  feedbackCount: number;
  openFeedbackCount: number;
  lastFeedbackOn: string | null;
};

/** Parties with their feedback counts, from one grouped subquery (no query per party). */
function selectParties(db: Executor, organizationId: string) {
  const stats = db
    .select({
      partyId: f.partyId,
      total: sql<number>`count(*)::int`.as('total'),
      open: sql<number>`(count(*) filter (where ${f.respondedOn} is null))::int`.as('open'),
      last: sql<string | null>`max(${f.receivedOn})::text`.as('last'),
    })
    .from(f)
    .where(eq(f.organizationId, organizationId))
    .groupBy(f.partyId)
    .as('stats');
  return db
    .select({
      ...getTableColumns(p),
      feedbackCount: sql<number>`coalesce(${stats.total}, 0)`,
      openFeedbackCount: sql<number>`coalesce(${stats.open}, 0)`,
      lastFeedbackOn: sql<string | null>`${stats.last}`,
    })
    .from(p)
    .leftJoin(stats, eq(stats.partyId, p.id));
}

export async function insertParty(db: Executor, values: NewParty) {
  const [row] = await db.insert(p).values(values).returning();
  return row!;
}

export async function getParty(db: Executor, organizationId: string, id: string) {
  const [row] = await selectParties(db, organizationId).where(
    and(eq(p.organizationId, organizationId), eq(p.id, id)),
  );
  return (row as PartyView | undefined) ?? null;
}

/** The bare row, locked when asked (a write checks its version against it). */
export async function getPartyRow(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(p)
    .where(and(eq(p.organizationId, organizationId), eq(p.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function partyNameTaken(
  db: Executor,
  organizationId: string,
  name: string,
  exceptId?: string,
) {
  const conditions = [eq(p.organizationId, organizationId), eq(p.name, name)];
  if (exceptId) conditions.push(sql`${p.id} <> ${exceptId}::uuid`);
  const [row] = await db
    .select({ id: p.id })
    .from(p)
    .where(and(...conditions));
  return row !== undefined;
}

export async function updateParty(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewParty, 'organizationId'>>,
) {
  const [row] = await db
    .update(p)
    .set({ ...values, version: sql`${p.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(p.organizationId, organizationId), eq(p.id, id), eq(p.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Parties by name. */
export async function listParties(
  db: Executor,
  organizationId: string,
  filter: { kind?: string | undefined; active?: boolean | undefined },
  page: Page,
) {
  const conditions: SQL[] = [eq(p.organizationId, organizationId)];
  if (filter.kind) conditions.push(eq(p.kind, filter.kind));
  if (filter.active !== undefined) conditions.push(eq(p.active, filter.active));
  const after = decodeCursor(page.cursor, 2, ['text', 'uuid']);
  if (after) {
    conditions.push(sql`(${p.name}, ${p.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`);
  }
  const rows = (await selectParties(db, organizationId)
    .where(and(...conditions))
    .orderBy(asc(p.name), asc(p.id))
    .limit(page.limit + 1)) as PartyView[];
  return toPage(rows, page.limit, (r) => [r.name, r.id]);
}

// ---- feedback -------------------------------------------------------------------------

export type FeedbackView = FeedbackRow & {
  partyName: string;
  partyKind: string;
  recordedByName: string | null;
};

const feedbackView = {
  ...getTableColumns(f),
  partyName: p.name,
  partyKind: p.kind,
  recordedByName: users.displayName,
};

const selectFeedback = (db: Executor) =>
  db
    .select(feedbackView)
    .from(f)
    .innerJoin(p, eq(p.id, f.partyId))
    .leftJoin(users, eq(users.id, f.recordedBy));

export interface FeedbackFilter {
  partyId?: string | undefined;
  /** true: awaiting a response; false: answered. */
  open?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only the feedback this user recorded (a reach of one's own). */
  recordedBy?: string | undefined;
}

export async function insertFeedback(db: Executor, values: NewFeedback) {
  const [row] = await db.insert(f).values(values).returning();
  return row!;
}

export async function getFeedback(db: Executor, organizationId: string, id: string) {
  const [row] = await selectFeedback(db).where(
    and(eq(f.organizationId, organizationId), eq(f.id, id)),
  );
  return row ?? null;
}

export async function getFeedbackRow(
  db: Executor,
  organizationId: string,
  id: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(f)
    .where(and(eq(f.organizationId, organizationId), eq(f.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateFeedback(
  db: Executor,
  organizationId: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewFeedback, 'organizationId'>>,
) {
  const [row] = await db
    .update(f)
    .set({ ...values, version: sql`${f.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(f.organizationId, organizationId), eq(f.id, id), eq(f.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Feedback newest first (received date, then id). */
export async function listFeedback(
  db: Executor,
  organizationId: string,
  filter: FeedbackFilter,
  page: Page,
) {
  const conditions: SQL[] = [eq(f.organizationId, organizationId)];
  if (filter.partyId) conditions.push(eq(f.partyId, filter.partyId));
  if (filter.open === true) conditions.push(isNull(f.respondedOn));
  if (filter.open === false) conditions.push(isNotNull(f.respondedOn));
  if (filter.from) conditions.push(gte(f.receivedOn, filter.from));
  if (filter.to) conditions.push(lte(f.receivedOn, filter.to));
  if (filter.recordedBy) conditions.push(eq(f.recordedBy, filter.recordedBy));
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(${f.receivedOn}, ${f.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await selectFeedback(db)
    .where(and(...conditions))
    .orderBy(desc(f.receivedOn), desc(f.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => [r.receivedOn, r.id]);
}
