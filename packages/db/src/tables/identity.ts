import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
// A cycle of modules, resolved lazily: units name their head, users their unit.
import { orgUnits } from './scope.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A tenant: every tenant-owned row carries organization_id. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  defaultLocale: text('default_locale').notNull().default('ja'),
  /**
   * First-run set-up ends when the first top management member is appointed;
   * from then on granting top management or administrator needs a second person's approval.
   */
  setupCompletedAt: timestamp('setup_completed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('ja'),
    roles: text('roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    /** External auditors lose access after this moment. */
    accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }),
    /**
     * The user's primary organization unit (of the same organization, checked by
     * the domain); distribution to a unit reaches its members.
     */
    orgUnitId: uuid('org_unit_id').references((): AnyPgColumn => orgUnits.id),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Set when an administrator chose the password: the user must replace it before working. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // Log-on is by email alone, so an address identifies one user across tenants.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_org_idx').on(t.organizationId, t.displayName),
    index('users_org_unit_idx').on(t.organizationId, t.orgUnitId),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /**
     * 'complete', or a session that only proved the first factor: 'mfa' (a
     * second factor must be given) or 'mfa_enrol' (the policy requires one and
     * the user has none yet). Such a session reaches only the MFA routes.
     */
    stage: text('stage').notNull().default('complete'),
    /** How the user signed in: 'password' | 'oidc' | 'saml'. */
    method: text('method').notNull().default('password'),
    providerId: uuid('provider_id'),
    /** The second factor used: 'totp' | 'webauthn' | 'recovery' | 'idp', or null. */
    mfaMethod: text('mfa_method'),
    /** The last full (re-)authentication: step-up asks for one within N minutes. */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed log-on attempts, keyed by account and by address, for throttling. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** First characters of the token, shown so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    permissions: text('permissions').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.organizationId, t.userId),
  ],
);
