import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client.ts';
import { clockDueSql, obligationAppliesSql, timeZoneSql } from './incidents-clocks.ts';

/**
 * The email outbox over the notifications table: rows are claimed with a
 * lease (SKIP LOCKED, then a later next-attempt time), so two dispatchers
 * never send one row twice and no transaction stays open while mail is sent.
 */

export interface OutboxRow {
  id: string;
  organizationId: string;
  recipientId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  params: Record<string, string | number>;
  href: string;
  attempts: number;
  createdAt: Date;
  email: string;
  locale: string;
  displayName: string;
}

const LEASE = sql`interval '10 minutes'`;

const outboxColumns = sql`n.id, n.organization_id as "organizationId", n.recipient_id as "recipientId",
  n.kind, n.subject_type as "subjectType", n.subject_id as "subjectId", n.title, n.params, n.href,
  n.email_attempts as attempts, n.created_at as "createdAt", u.email, u.locale,
  u.display_name as "displayName"`;

/** Claims immediate emails due to be (re)tried, oldest first. */
export async function claimImmediate(db: Executor, maxAttempts: number, limit = 50) {
  const rows = await queryRows<OutboxRow>(
    db,
    sql`with due as (
        select id from notifications
        where email_mode = 'immediate' and email_status in ('pending', 'failed')
          and email_attempts < ${maxAttempts} and email_next_attempt_at <= now()
        order by email_next_attempt_at limit ${limit}
        for update skip locked)
      update notifications n set email_next_attempt_at = now() + ${LEASE}
      from due, users u
      where n.id = due.id and u.id = n.recipient_id
      returning ${outboxColumns}`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** Records what happened to claimed rows; a failure is retried after `retryAfterSeconds`. */
export async function settleEmails(
  db: Executor,
  ids: string[],
  outcome:
    | { status: 'sent' | 'suppressed' | 'not_needed' }
    | { status: 'failed'; error: string; retryAfterSeconds: number },
) {
  if (ids.length === 0) return;
  const failed = outcome.status === 'failed';
  await db.execute(
    sql`update notifications set email_status = ${outcome.status},
        email_attempts = email_attempts + ${failed || outcome.status === 'sent' ? 1 : 0},
        email_sent_at = ${outcome.status === 'sent' ? sql`now()` : sql`email_sent_at`},
        email_error = ${failed ? outcome.error.slice(0, 500) : null},
        email_next_attempt_at = now() + make_interval(secs => ${failed ? outcome.retryAfterSeconds : 0})
      where id = any(${sql.param(ids)}::uuid[])`,
  );
}

export interface DigestCandidate {
  userId: string;
  organizationId: string;
  frequency: string;
  lastSentAt: Date | null;
  digestHour: number;
  timeZone: string;
}

/** Users with digest notifications waiting, with their frequency and last digest. */
export async function digestCandidates(db: Executor) {
  const rows = await queryRows<DigestCandidate>(
    db,
    sql`select u.id as "userId", u.organization_id as "organizationId",
        coalesce(d.frequency, s.default_digest, 'daily') as frequency,
        d.last_sent_at as "lastSentAt", coalesce(s.digest_hour, 8) as "digestHour",
        ${timeZoneSql(sql`u.organization_id`)} as "timeZone"
      from users u
      left join notification_digests d on d.user_id = u.id
      left join notification_settings s on s.organization_id = u.organization_id
      where u.active and exists (select 1 from notifications n
        where n.recipient_id = u.id and n.email_mode = 'digest' and n.email_status = 'pending')`,
  );
  return rows.map((r) => ({ ...r, lastSentAt: r.lastSentAt ? new Date(r.lastSentAt) : null }));
}

/** Claims one user's pending digest rows (the digest job runs once; the lease guards overlap). */
export async function claimDigest(db: Executor, userId: string) {
  const rows = await queryRows<OutboxRow>(
    db,
    sql`with due as (
        select id from notifications
        where recipient_id = ${userId} and email_mode = 'digest' and email_status = 'pending'
          and email_next_attempt_at <= now()
        for update skip locked)
      update notifications n set email_next_attempt_at = now() + ${LEASE}
      from due, users u
      where n.id = due.id and u.id = n.recipient_id
      returning ${outboxColumns}`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** A digest that could not be sent: its rows wait for the next slot, the error kept. */
export async function requeueDigest(db: Executor, ids: string[], error: string) {
  await db.execute(
    sql`update notifications set email_attempts = email_attempts + 1,
        email_error = ${error.slice(0, 500)}, email_next_attempt_at = now()
      where id = any(${sql.param(ids)}::uuid[])`,
  );
}

export async function markDigestSent(db: Executor, organizationId: string, userId: string) {
  await db.execute(
    sql`insert into notification_digests (user_id, organization_id, last_sent_at)
      values (${userId}, ${organizationId}, now())
      on conflict (user_id) do update set last_sent_at = now()`,
  );
}

export interface ClockDue {
  organizationId: string;
  incidentId: string;
  number: number;
  title: string;
  obligationId: string;
  obligationName: string;
  obligationNameEn: string;
  dueAt: Date;
  passed: boolean;
  assigneeId: string | null;
}

/**
 * Notification clocks of open incidents, in every organization, due within
 * `withinHours` or passed, with nothing sent for them (as `overdueClocksSql`).
 */
export async function clocksDue(db: Executor, withinHours: number) {
  const i = sql`i`;
  const o = sql`ob`;
  const due = clockDueSql(i, o, timeZoneSql(sql`i.organization_id`));
  const rows = await queryRows<ClockDue & { dueAt: string | Date }>(
    db,
    sql`select * from (
        select i.organization_id as "organizationId", i.id as "incidentId", i.number, i.title,
          ob.id as "obligationId", ob.name as "obligationName", ob.name_en as "obligationNameEn",
          ${due} as "dueAt", i.assignee_id as "assigneeId"
        from incidents i join incident_obligations ob
          on ob.organization_id = i.organization_id and ${obligationAppliesSql(i, o)}
        where i.status <> 'closed'
          and not exists (select 1 from incident_notifications nn
            where nn.incident_id = i.id and nn.obligation_id = ob.id)) c
      where c."dueAt" < now() + make_interval(hours => ${withinHours})`,
  );
  return rows.map((r) => {
    const dueAt = new Date(r.dueAt);
    return { ...r, dueAt, passed: dueAt.getTime() < Date.now() };
  });
}

/** Active organizations (scheduled jobs run over each). */
export async function organizationIds(db: Executor) {
  const rows = await queryRows<{ id: string }>(db, sql`select id from organizations`);
  return rows.map((r) => r.id);
}

/** The organization's time zone (the incident settings', Asia/Tokyo by default). */
export async function timeZoneOf(db: Executor, organizationId: string) {
  const [row] = await queryRows<{ tz: string }>(
    db,
    sql`select ${timeZoneSql(organizationId)} as tz`,
  );
  return row?.tz ?? 'Asia/Tokyo';
}
