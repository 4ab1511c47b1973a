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
import { locations, orgUnits } from './scope.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A text the organization writes in both product languages. */
export interface BilingualText {
  ja: string;
  en: string;
}

/** How information of a level is handled (annex 5.2.2). */
export interface HandlingRules {
  labelling: BilingualText;
  storage: BilingualText;
  transmission: BilingualText;
  copying: BilingualText;
  disposal: BilingualText;
}

/**
 * The organization's classification scheme (annex 5.2): its levels, ordered by
 * rank (higher is more sensitive), each with handling rules.
 */
export const classificationLevels = pgTable(
  'classification_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    rank: integer('rank').notNull(),
    description: jsonb('description')
      .$type<BilingualText>()
      .notNull()
      .default(sql`'{"ja":"","en":""}'::jsonb`),
    handling: jsonb('handling').$type<HandlingRules>().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('classification_levels_code_key').on(t.organizationId, t.code),
    index('classification_levels_rank_idx').on(t.organizationId, t.rank),
  ],
);

/**
 * The asset inventory (annex 5.1, 4.2.1.d.1). Sized for 100,000 assets per
 * organization: every sort of the register and every selective filter has an
 * index (docs/performance.md reviews them), and q (substring of code or
 * name) uses trigram indexes.
 */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'information' | 'software' | 'physical' | 'service' | 'people' | 'intangible'. */
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    // The accountable owner: exactly one of a user or an organization unit.
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id),
    // Who looks after it day to day: at most one of a user or a unit.
    custodianUserId: uuid('custodian_user_id').references(() => users.id),
    custodianUnitId: uuid('custodian_unit_id').references(() => orgUnits.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    locationId: uuid('location_id').references(() => locations.id),
    classificationId: uuid('classification_id').references(() => classificationLevels.id),
    confidentiality: integer('confidentiality'),
    integrity: integer('integrity'),
    availability: integer('availability'),
    /** Derived from C/I/A by the domain (the maximum by default); stored to sort and filter. */
    value: integer('value'),
    businessProcess: text('business_process').notNull().default(''),
    /** 'in_use' | 'retired'. */
    status: text('status').notNull().default('in_use'),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('assets_code_key').on(t.organizationId, t.code),
    // Keyset sorts: (organization, sort key, id).
    index('assets_name_idx').on(t.organizationId, t.name, t.id),
    index('assets_value_idx').on(t.organizationId, sql`coalesce(${t.value}, 0)`, t.id),
    index('assets_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('assets_review_idx').on(
      t.organizationId,
      sql`coalesce(${t.nextReviewDate}, '9999-12-31'::date)`,
      t.id,
    ),
    // Filters.
    index('assets_owner_user_idx').on(t.organizationId, t.ownerUserId),
    index('assets_owner_unit_idx').on(t.organizationId, t.ownerUnitId),
    index('assets_unit_idx').on(t.organizationId, t.orgUnitId),
    index('assets_location_idx').on(t.organizationId, t.locationId),
    index('assets_classification_idx').on(t.organizationId, t.classificationId),
    // The register is mostly read one category at a time, sorted by name. By
    // code, a category (a sixth of the register) is found walking assets_code_key.
    index('assets_category_name_idx').on(t.organizationId, t.category, t.name, t.id),
    // Nearly every asset is in use: only the retired few are worth an index.
    index('assets_retired_idx')
      .on(t.organizationId, t.code)
      .where(sql`${t.status} = 'retired'`),
    index('assets_tags_idx').using('gin', t.tags),
    index('assets_code_trgm_idx').using('gin', sql`${t.code} gin_trgm_ops`),
    index('assets_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    check(
      'assets_category_check',
      sql`${t.category} in ('information', 'software', 'physical', 'service', 'people', 'intangible')`,
    ),
    check('assets_status_check', sql`${t.status} in ('in_use', 'retired')`),
    check('assets_owner_check', sql`num_nonnulls(${t.ownerUserId}, ${t.ownerUnitId}) = 1`),
    check(
      'assets_custodian_check',
      sql`num_nonnulls(${t.custodianUserId}, ${t.custodianUnitId}) <= 1`,
    ),
  ],
);

/** Typed edges between assets: a service runs on a server, a database stores records… */
export const assetDependencies = pgTable(
  'asset_dependencies',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    /** 'runs_on' | 'stores' | 'connects_to' | 'depends_on'. */
    type: text('type').notNull(),
    targetAssetId: uuid('target_asset_id')
      .notNull()
      .references(() => assets.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.type, t.targetAssetId] }),
    index('asset_dependencies_target_idx').on(t.targetAssetId),
    check('asset_dependencies_no_self_loop', sql`${t.assetId} <> ${t.targetAssetId}`),
    check(
      'asset_dependencies_type_check',
      sql`${t.type} in ('runs_on', 'stores', 'connects_to', 'depends_on')`,
    ),
  ],
);
