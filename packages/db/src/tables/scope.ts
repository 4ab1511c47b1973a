import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The organization's structure: departments, teams and other units, as a tree.
 * Units own assets, are in scope, and are never deleted (deactivate instead),
 * so history and references stay readable.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The organization's own short code, unique per organization (used by imports). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    /** The head of the unit. */
    managerUserId: uuid('manager_user_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('org_units_code_key').on(t.organizationId, t.code),
    index('org_units_parent_idx').on(t.organizationId, t.parentId),
    check('org_units_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`),
  ],
);

/** Sites, buildings, rooms and data centres, as a tree (a room lies in a site). */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'site' | 'building' | 'room' | 'data_centre' | 'other'. */
    kind: text('kind').notNull(),
    address: text('address').notNull().default(''),
    description: text('description').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => locations.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('locations_code_key').on(t.organizationId, t.code),
    index('locations_parent_idx').on(t.organizationId, t.parentId),
    check(
      'locations_kind_check',
      sql`${t.kind} in ('site', 'building', 'room', 'data_centre', 'other')`,
    ),
    check('locations_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`),
  ],
);

/** An interface of the scope with what lies outside it (a party, a system, a network). */
export interface ScopeInterface {
  name: string;
  description: string;
}

/**
 * The ISMS scope (4.2.1.a), versioned: one row per version. A draft is edited
 * in place; approval (approval type `scope`) freezes it, and the next edit
 * starts a new draft. At most one draft or pending version exists at a time.
 */
export const scopeVersions = pgTable(
  'scope_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization: the version people talk about. */
    number: integer('number').notNull(),
    /** 'draft' | 'pending' | 'approved' | 'superseded'. */
    status: text('status').notNull().default('draft'),
    // The five viewpoints of 4.2.1.a: business, organization, locations, assets, technology.
    businessActivities: text('business_activities').notNull().default(''),
    orgUnitIds: uuid('org_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    organizationNote: text('organization_note').notNull().default(''),
    locationIds: uuid('location_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    locationNote: text('location_note').notNull().default(''),
    assetCategories: text('asset_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    assetNote: text('asset_note').notNull().default(''),
    technology: text('technology').notNull().default(''),
    boundaries: text('boundaries').notNull().default(''),
    interfaces: jsonb('interfaces')
      .$type<ScopeInterface[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Optimistic concurrency; continues across versions so an ETag never repeats. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('scope_versions_number_key').on(t.organizationId, t.number),
    // One open (draft or pending) version per organization, even under races.
    uniqueIndex('scope_versions_open_key')
      .on(t.organizationId)
      .where(sql`${t.status} in ('draft', 'pending')`),
    check(
      'scope_versions_status_check',
      sql`${t.status} in ('draft', 'pending', 'approved', 'superseded')`,
    ),
  ],
);

/**
 * Annex controls excluded from the scope version, each with its justification
 * and the accountable person who accepted the related risk (第1 2.).
 */
export const scopeExclusions = pgTable(
  'scope_exclusions',
  {
    scopeVersionId: uuid('scope_version_id')
      .notNull()
      .references(() => scopeVersions.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    controlId: text('control_id').notNull(),
    reason: text('reason').notNull(),
    riskAcceptedBy: uuid('risk_accepted_by')
      .notNull()
      .references(() => users.id),
    riskAcceptedOn: date('risk_accepted_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeVersionId, t.controlId] }),
    check('scope_exclusions_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);
