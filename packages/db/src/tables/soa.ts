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
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';
import { scopeVersions } from './scope.ts';

/** A typed reference to another object (a risk, document, record, URL…), with its label. */
export interface SoaLink {
  type: string;
  id: string;
  label: string;
}

/** Why a control is selected: risks treated, legal/regulatory/contractual, business, policy. */
export interface SoaReason {
  type: 'risk' | 'legal' | 'business' | 'policy';
  note: string;
  link: SoaLink | null;
}

/**
 * The Statement of Applicability (4.2.1.h) of an ISMS scope. The content lives
 * in versions (soa_versions); this row only ties them to the scope version the
 * statement was made for.
 */
export const soas = pgTable(
  'soas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    scopeVersionId: uuid('scope_version_id')
      .notNull()
      .references(() => scopeVersions.id),
    /** The catalog library whose controls the statement covers (text ID). */
    libraryId: text('library_id').notNull().default('jipdec-isms-2.0'),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One statement per scope version and library: the ISO/IEC 27001:2022 draft of a
  // migration covers the same scope as the Ver.2.0 statement in force.
  (t) => [uniqueIndex('soas_scope_key').on(t.organizationId, t.scopeVersionId, t.libraryId)],
);

/**
 * One version of a statement. A draft is edited in place; approval (type `soa`)
 * freezes it and the next edit starts a new draft copied from it.
 */
export const soaVersions = pgTable(
  'soa_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    soaId: uuid('soa_id')
      .notNull()
      .references(() => soas.id),
    number: integer('number').notNull(),
    /** 'draft' | 'pending' | 'approved' | 'superseded'. */
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Optimistic concurrency over the whole statement; continues across versions. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('soa_versions_number_key').on(t.soaId, t.number),
    uniqueIndex('soa_versions_open_key')
      .on(t.soaId)
      .where(sql`${t.status} in ('draft', 'pending')`),
    index('soa_versions_org_idx').on(t.organizationId, t.soaId),
    check(
      'soa_versions_status_check',
      sql`${t.status} in ('draft', 'pending', 'approved', 'superseded')`,
    ),
  ],
);

/** One line of a version: the decision on one control (annex or the organization's own). */
export const soaEntries = pgTable(
  'soa_entries',
  {
    soaVersionId: uuid('soa_version_id')
      .notNull()
      .references(() => soaVersions.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    controlId: text('control_id').notNull(),
    /** null: not decided yet. */
    applicable: boolean('applicable'),
    /** Drafted from the risk work and not yet confirmed by a person. */
    proposed: boolean('proposed').notNull().default(false),
    reasons: jsonb('reasons')
      .$type<SoaReason[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    exclusionReason: text('exclusion_reason').notNull().default(''),
    riskAcceptedBy: uuid('risk_accepted_by').references(() => users.id),
    riskAcceptedOn: date('risk_accepted_on', { mode: 'string' }),
    /** 'not_started' | 'planned' | 'partial' | 'implemented'. */
    implementationStatus: text('implementation_status').notNull().default('not_started'),
    links: jsonb('links')
      .$type<SoaLink[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    notes: text('notes').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.soaVersionId, t.controlId] }),
    index('soa_entries_org_idx').on(t.organizationId, t.soaVersionId),
    check(
      'soa_entries_status_check',
      sql`${t.implementationStatus} in ('not_started', 'planned', 'partial', 'implemented')`,
    ),
  ],
);

/** Where a migrated entry came from: one control of the statement in force and its mapping. */
export interface SoaMigrationSource {
  controlId: string;
  displayId: string;
  relation: string;
  confidence: string;
  /** The source's decision and status when the draft was made (the source version is frozen). */
  applicable: boolean | null;
  implementationStatus: string;
}

/**
 * A statement drafted from another library's statement in force (e.g. the
 * ISO/IEC 27001:2022 statement drafted from the Ver.2.0 one). One per source
 * statement and target library: drafting twice finds this row.
 */
export const soaMigrations = pgTable(
  'soa_migrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    sourceSoaId: uuid('source_soa_id')
      .notNull()
      .references(() => soas.id),
    /** The approved version the draft was made from. */
    sourceVersionId: uuid('source_version_id')
      .notNull()
      .references(() => soaVersions.id),
    targetSoaId: uuid('target_soa_id')
      .notNull()
      .references(() => soas.id),
    targetLibraryId: text('target_library_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('soa_migrations_source_key').on(t.organizationId, t.sourceSoaId, t.targetLibraryId),
    uniqueIndex('soa_migrations_target_key').on(t.targetSoaId),
  ],
);

/**
 * The provenance and review state of one entry of a migrated statement.
 * `reviewReasons` empty: carried over by an equal, confident mapping.
 */
export const soaMigrationEntries = pgTable(
  'soa_migration_entries',
  {
    migrationId: uuid('migration_id')
      .notNull()
      .references(() => soaMigrations.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    controlId: text('control_id').notNull(),
    sources: jsonb('sources')
      .$type<SoaMigrationSource[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    reviewReasons: text('review_reasons').array().notNull(),
    /** 'pending' | 'confirmed'. */
    review: text('review').notNull(),
    /** null with review 'confirmed': carried over by the mapping, no person confirmed it. */
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.controlId] }),
    index('soa_migration_entries_org_idx').on(t.organizationId, t.migrationId),
    check('soa_migration_entries_review_check', sql`${t.review} in ('pending', 'confirmed')`),
  ],
);
