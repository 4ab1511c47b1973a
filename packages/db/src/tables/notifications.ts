import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * The notification centre (issue 22), also the email outbox: a row is
 * inserted in the transaction of the event that causes it, so it exists
 * exactly when the event commits; the dispatcher and the digest send what is
 * pending afterwards and record the outcome on the row.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    /** One of NOTIFICATION_KINDS. */
    kind: text('kind').notNull(),
    /** What it is about: a due-item kind, 'approval' or 'incident', and its id. */
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The subject's own name (user data); the wording comes from kind and params. */
    title: text('title').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    href: text('href').notNull(),
    /** Unique per recipient: a reminder for the same item and date is created once. */
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** How it is mailed, chosen when created from the recipient's preference. */
    emailMode: text('email_mode').notNull(),
    /** 'pending' | 'sent' | 'failed' | 'suppressed' | 'not_needed'. */
    emailStatus: text('email_status').notNull(),
    emailAttempts: integer('email_attempts').notNull().default(0),
    /** When the dispatcher may next try (backoff after a failure, a lease while sending). */
    emailNextAttemptAt: timestamp('email_next_attempt_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
    emailError: text('email_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.recipientId, t.dedupeKey),
    index('notifications_recipient_idx').on(t.organizationId, t.recipientId, t.createdAt),
    // The bell's count: unread rows of one person only.
    index('notifications_unread_idx')
      .on(t.recipientId)
      .where(sql`${t.readAt} is null`),
    // The dispatcher's and digest's queue: pending and retried rows only.
    index('notifications_outbox_idx')
      .on(t.emailMode, t.emailNextAttemptAt)
      .where(sql`${t.emailStatus} in ('pending', 'failed')`),
  ],
);

/** How a user receives one kind by email; no row: the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    /** 'immediate' | 'digest' | 'off'. */
    email: text('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** A user's digest: how often (no row: the organization's default) and when it last went. */
export const notificationDigests = pgTable('notification_digests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  /** 'daily' | 'weekly', or null for the organization's default. */
  frequency: text('frequency'),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
});

/** The organization's rules for notifications and email; no row: the defaults. */
export const notificationSettings = pgTable('notification_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  escalationDays: integer('escalation_days').notNull().default(7),
  defaultDigest: text('default_digest').notNull().default('daily'),
  digestHour: integer('digest_hour').notNull().default(8),
  /** Only addresses in these domains are mailed (none: nobody)… */
  mailDomains: text('mail_domains')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** …and these addresses outside them, named one by one. */
  externalRecipients: text('external_recipients')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The links in emails that turn a kind's email off without signing in: the
 * mail holds a random token, the table its SHA-256 (one per mail and kinds).
 */
export const notificationUnsubscribeTokens = pgTable(
  'notification_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kinds: text('kinds').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notification_unsubscribe_user_idx').on(t.userId)],
);
