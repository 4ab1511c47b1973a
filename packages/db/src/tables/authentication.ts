import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

/**
 * Sign-in policy of an organization: who must use a second factor, and how
 * recent a (re-)authentication must be before a sensitive action (step-up).
 * No row means the defaults: MFA off, step-up within 10 minutes.
 */
export const authPolicies = pgTable('auth_policies', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  /** 'off' | 'roles' (users holding one of mfaRoles) | 'all'. */
  mfaRequired: text('mfa_required').notNull().default('off'),
  mfaRoles: text('mfa_roles')
    .array()
    .notNull()
    .default(sql`'{admin,top_management}'::text[]`),
  stepUpMinutes: integer('step_up_minutes').notNull().default(10),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A user's second factors: TOTP authenticators and WebAuthn credentials
 * (passkeys, security keys). A TOTP factor counts once confirmed with a code.
 */
export const userFactors = pgTable(
  'user_factors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'totp' | 'webauthn'. */
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    /** TOTP: the shared secret, sealed (identity/secret-box.ts). */
    totpSecret: text('totp_secret'),
    /** TOTP: the last time step accepted, so one code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** WebAuthn: credential ID and COSE public key, base64url. */
    credentialId: text('credential_id'),
    publicKey: text('public_key'),
    signCount: bigint('sign_count', { mode: 'number' }),
    transports: text('transports').array(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('user_factors_user_idx').on(t.organizationId, t.userId),
    uniqueIndex('user_factors_credential_key')
      .on(t.credentialId)
      .where(sql`${t.credentialId} is not null`),
  ],
);

/** One-time recovery codes, shown once and kept as SHA-256 (they are random, not chosen). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.organizationId, t.userId)],
);

/**
 * Short-lived state of a sign-in ceremony, kept in the database so any
 * instance behind the load balancer can finish what another began: WebAuthn
 * challenges, OIDC state/nonce/PKCE verifier, SAML request IDs. The id is the
 * SHA-256 of the random handle the browser holds (or of the OIDC `state`).
 */
export const authFlows = pgTable(
  'auth_flows',
  {
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    userId: uuid('user_id').references(() => users.id),
    sessionId: text('session_id'),
    /** 'webauthn_register' | 'webauthn_login' | 'webauthn_step_up' | 'oidc' | 'saml' | 'totp_enrol'. */
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_flows_expiry_idx').on(t.expiresAt)],
);
