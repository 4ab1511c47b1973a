import { sql } from 'drizzle-orm';
import {
  boolean,
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

export interface GroupRoleMapping {
  /** The group as the IdP names it (OIDC groups claim, SAML attribute value, SCIM displayName). */
  group: string;
  roles: string[];
}

/**
 * An organization's identity provider: OIDC or SAML 2.0, plus the SCIM token
 * through which that IdP provisions users. Kind-specific settings live in
 * `settings` (see contracts/src/sso.ts); the OIDC client secret apart, sealed,
 * and never returned by the API.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 'oidc' | 'saml'. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Email domains whose users are sent to this IdP by the log-in page's SSO button. */
    emailDomains: text('email_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    clientSecret: text('client_secret'),
    /** Create unknown users at their first sign-in (just in time). */
    jitProvisioning: boolean('jit_provisioning').notNull().default(false),
    defaultRoles: text('default_roles')
      .array()
      .notNull()
      .default(sql`'{staff}'::text[]`),
    groupRoles: jsonb('group_roles').$type<GroupRoleMapping[]>().notNull().default([]),
    /** Users linked to this IdP may not log in with a password. */
    passwordLoginDisabled: boolean('password_login_disabled').notNull().default(false),
    /** The IdP's own MFA satisfies the organization's MFA policy (no second Mamoru factor). */
    trustIdpMfa: boolean('trust_idp_mfa').notNull().default(false),
    scimTokenHash: text('scim_token_hash'),
    scimTokenPrefix: text('scim_token_prefix'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_providers_org_idx').on(t.organizationId, t.name),
    uniqueIndex('identity_providers_scim_key')
      .on(t.scimTokenHash)
      .where(sql`${t.scimTokenHash} is not null`),
  ],
);

/** A user's account at an IdP: OIDC `sub`, SAML NameID, or SCIM `externalId`. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    subject: text('subject').notNull(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_identities_subject_key').on(t.providerId, t.subject),
    index('user_identities_user_idx').on(t.organizationId, t.userId),
  ],
);

/** SAML assertion IDs already accepted, until they expire: a replayed assertion is refused. */
export const samlReplay = pgTable(
  'saml_replay',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.assertionId] })],
);

/** Groups an IdP provisions through SCIM; their names map to roles via groupRoles. */
export const directoryGroups = pgTable(
  'directory_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('directory_groups_name_key').on(t.providerId, t.displayName)],
);

export const directoryGroupMembers = pgTable(
  'directory_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => directoryGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('directory_group_members_user_idx').on(t.userId),
  ],
);
