import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { committeeMeetings, committeeMembers } from '../tables/people.ts';

/**
 * The ISMS committee (annex 4.1.1–4.1.2): its members and its meetings. Every
 * query is scoped by the organization id it is given; meetings are
 * keyset-paginated in SQL, attendees and file counts come with each row.
 */

export type MemberRow = typeof committeeMembers.$inferSelect;
export type NewMember = Omit<typeof committeeMembers.$inferInsert, 'id'>;
export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type NewMeeting = Omit<typeof committeeMeetings.$inferInsert, 'id' | 'number'>;

export const MEMBER_LIST_LIMIT = 500;
export const MEETING_FILE_OWNER = 'committee_meeting';

const m = committeeMembers;
const mt = committeeMeetings;

// ---- members --------------------------------------------------------------------------

export interface MemberView {
  id: string;
  userId: string;
  userName: string;
  position: string;
  joinedOn: string;
  leftOn: string | null;
  version: number;
}

function selectMembers(org: string, where: SQL) {
  return sql`
    select m.id, m.user_id as "userId", u.display_name as "userName", m.position,
      m.joined_on::text as "joinedOn", m.left_on::text as "leftOn", m.version
    from committee_members m join users u on u.id = m.user_id
    where m.organization_id = ${org} and ${where}
    order by (m.left_on is null) desc,
      array_position(array['chair', 'secretary', 'member'], m.position), u.display_name, m.id
    limit ${MEMBER_LIST_LIMIT}`;
}

/** Members, current ones first (chair, secretary, members), then those who left. */
export async function listMembers(db: Executor, org: string, currentOnly = false) {
  return queryRows<MemberView>(
    db,
    selectMembers(
      org,
      currentOnly ? sql`(m.left_on is null or m.left_on >= current_date)` : sql`true`,
    ),
  );
}

export async function getMember(db: Executor, org: string, id: string) {
  const [row] = await queryRows<MemberView>(db, selectMembers(org, sql`m.id = ${id}`));
  return row ?? null;
}

export async function getMemberRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(m)
    .where(and(eq(m.organizationId, org), eq(m.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Whether the user is a member who has not left (one such row per user; a unique index too). */
export async function isOpenMember(db: Executor, org: string, userId: string) {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from committee_members
      where organization_id = ${org} and user_id = ${userId} and left_on is null limit 1`,
  );
  return row !== undefined;
}

export async function insertMember(db: Executor, values: NewMember) {
  const [row] = await db.insert(m).values(values).returning();
  return row!;
}

export async function updateMember(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewMember, 'organizationId' | 'userId'>>,
) {
  const [row] = await db
    .update(m)
    .set({ ...values, version: sql`${m.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(m.organizationId, org), eq(m.id, id), eq(m.version, expectedVersion)))
    .returning();
  return row ?? null;
}

// ---- meetings -------------------------------------------------------------------------

export interface MeetingView {
  id: string;
  number: number;
  title: string;
  heldOn: string;
  status: string;
  agenda: string;
  minutes: string;
  attendees: { id: string; name: string }[];
  fileCount: number;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

function selectMeetings(org: string, where: SQL, tail: SQL = sql``) {
  return sql`
    select mt.id, mt.number, mt.title, mt.held_on::text as "heldOn", mt.status, mt.agenda,
      mt.minutes, mt.version, mt.created_at as "createdAt", mt.updated_at as "updatedAt",
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.display_name)
          order by u.display_name, u.id)
        from users u where u.organization_id = mt.organization_id
          and u.id = any(mt.attendee_user_ids)), '[]'::json) as attendees,
      (select count(*)::int from files f where f.organization_id = mt.organization_id
        and f.owner_type = ${MEETING_FILE_OWNER} and f.owner_id = mt.id) as "fileCount"
    from committee_meetings mt
    where mt.organization_id = ${org} and ${where}
    ${tail}`;
}

export async function getMeeting(db: Executor, org: string, id: string) {
  const [row] = await queryRows<MeetingView>(db, selectMeetings(org, sql`mt.id = ${id}`));
  return row ?? null;
}

export async function getMeetingRow(db: Executor, org: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(mt)
    .where(and(eq(mt.organizationId, org), eq(mt.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The next number (CM-0001…); the caller holds the organization's meeting lock. */
export async function insertMeeting(db: Executor, values: NewMeeting) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext('committee_meetings'), hashtext(${values.organizationId}))`,
  );
  const [next] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(max(number), 0) + 1 as n from committee_meetings
      where organization_id = ${values.organizationId}`,
  );
  const [row] = await db
    .insert(mt)
    .values({ ...values, number: Number(next!.n) })
    .returning();
  return row!;
}

export async function updateMeeting(
  db: Executor,
  org: string,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<NewMeeting, 'organizationId'>>,
) {
  const [row] = await db
    .update(mt)
    .set({ ...values, version: sql`${mt.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(mt.organizationId, org), eq(mt.id, id), eq(mt.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/**
 * Meetings newest first (held date, then id), optionally of one year, or only
 * those the given user attended (a reader of their own).
 */
export async function listMeetings(
  db: Executor,
  org: string,
  filter: { year?: number | undefined; attendeeUserId?: string | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  const conditions: SQL[] = [sql`true`];
  if (filter.year !== undefined) {
    conditions.push(
      sql`mt.held_on >= make_date(${filter.year}::int, 1, 1) and mt.held_on < make_date(${filter.year + 1}::int, 1, 1)`,
    );
  }
  if (filter.attendeeUserId) {
    conditions.push(sql`${filter.attendeeUserId}::uuid = any(mt.attendee_user_ids)`);
  }
  const after = decodeCursor(page.cursor, 2, ['date', 'uuid']);
  if (after) {
    conditions.push(
      sql`(mt.held_on, mt.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`,
    );
  }
  const rows = await queryRows<MeetingView>(
    db,
    selectMeetings(
      org,
      sql.join(conditions, sql` and `),
      sql`order by mt.held_on desc, mt.id desc limit ${page.limit + 1}`,
    ),
  );
  return toPage(rows, page.limit, (row) => [row.heldOn, row.id]);
}

/** Which of the ids are active users of the organization. */
export async function activeUsersAmong(db: Executor, org: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from users where organization_id = ${org} and active
      and id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Set(rows.map((row) => row.id));
}
