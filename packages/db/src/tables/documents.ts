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
import { classificationLevels } from './assets.ts';
import { organizations, users } from './identity.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The structured parts of an ISMS policy (4.2.1.b): each a text of the organization. */
export interface PolicyFields {
  objectivesFramework: string;
  obligationsConsidered: string;
  riskCriteriaReference: string;
}

/**
 * The document register (4.3.1, 4.3.2): one row per controlled document. The
 * text lives in `document_versions`; `current_version_id` is the issued
 * version in force (null before the first issue and after withdrawal).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** 'policy' | 'standard' | 'procedure' | 'guideline' | 'form_template' | 'external'. */
    type: text('type').notNull(),
    /** The ISMS policy itself (type policy): its issue needs top management (isms_policy). */
    ismsPolicy: boolean('isms_policy').notNull().default(false),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    classificationId: uuid('classification_id').references(() => classificationLevels.id),
    reviewIntervalMonths: integer('review_interval_months').notNull().default(12),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
    // Distribution (4.3.2.g): units (their heads), roles and named users.
    distributionUnitIds: uuid('distribution_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    distributionRoles: text('distribution_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    distributionUserIds: uuid('distribution_user_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // Documents of external origin (4.3.2.f).
    externalOrigin: boolean('external_origin').notNull().default(false),
    externalSource: text('external_source').notNull().default(''),
    externalVersion: text('external_version').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Annex controls (text IDs such as '5.1.1') and requirement items ('4.3.2') it serves. */
    controlIds: text('control_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    requirementIds: text('requirement_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 'draft' (never issued) | 'issued' | 'obsolete' (withdrawn, retained for reference). */
    status: text('status').notNull().default('draft'),
    currentVersionId: uuid('current_version_id'),
    currentRevision: integer('current_revision'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /**
     * NFKC, lower-cased code, title, tags and body of the issued version (or of the
     * first draft before any issue): what search matches, by pg_trgm and full text.
     */
    searchText: text('search_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('documents_code_key').on(t.organizationId, t.code),
    index('documents_title_idx').on(t.organizationId, t.title, t.id),
    index('documents_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('documents_review_idx').on(
      t.organizationId,
      sql`coalesce(${t.nextReviewDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index('documents_type_idx').on(t.organizationId, t.type, t.code),
    index('documents_status_idx').on(t.organizationId, t.status, t.code),
    index('documents_owner_idx').on(t.organizationId, t.ownerUserId),
    index('documents_tags_idx').using('gin', t.tags),
    // A control's page lists the documents serving it (control_ids @> array[id]).
    index('documents_controls_idx').using('gin', t.controlIds),
    index('documents_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('documents_search_fts_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    check(
      'documents_type_check',
      sql`${t.type} in ('policy', 'standard', 'procedure', 'guideline', 'form_template', 'external')`,
    ),
    check('documents_status_check', sql`${t.status} in ('draft', 'issued', 'obsolete')`),
    check('documents_isms_policy_check', sql`not ${t.ismsPolicy} or ${t.type} = 'policy'`),
    check('documents_review_interval_check', sql`${t.reviewIntervalMonths} between 1 and 120`),
  ],
);

/**
 * The revisions of a document. A draft is edited in place; `in_review` waits
 * for its approval; approval issues it and supersedes the issued one before;
 * withdrawal turns the issued one obsolete (kept for reference).
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** 1, 2, 3… per document: the revision number people cite. */
    revision: integer('revision').notNull(),
    /** 'draft' | 'in_review' | 'issued' | 'superseded' | 'obsolete'. */
    status: text('status').notNull().default('draft'),
    body: text('body').notNull().default(''),
    changeSummary: text('change_summary').notNull().default(''),
    policyFields: jsonb('policy_fields').$type<PolicyFields>(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('document_versions_revision_key').on(t.documentId, t.revision),
    // One version being worked on (draft or in review) per document, even under races.
    uniqueIndex('document_versions_open_key')
      .on(t.documentId)
      .where(sql`${t.status} in ('draft', 'in_review')`),
    // At most one issued version per document.
    uniqueIndex('document_versions_issued_key')
      .on(t.documentId)
      .where(sql`${t.status} = 'issued'`),
    index('document_versions_org_idx').on(t.organizationId, t.documentId),
    check(
      'document_versions_status_check',
      sql`${t.status} in ('draft', 'in_review', 'issued', 'superseded', 'obsolete')`,
    ),
  ],
);

/**
 * Who must read an issued version (4.3.2.g, annex 3.1.2): one row per
 * recipient, created set-based when the version is issued; acknowledged_at is
 * set when the recipient confirms reading it.
 */
export const documentAcknowledgements = pgTable(
  'document_acknowledgements',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.userId] }),
    index('document_acknowledgements_user_idx').on(t.organizationId, t.userId, t.acknowledgedAt),
  ],
);

/** Periodic reviews (4.3.2.b): "no change" re-confirms the issued version, or a new draft starts. */
export const documentReviews = pgTable(
  'document_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: uuid('version_id').references(() => documentVersions.id),
    /** 'no_change' | 'new_draft'. */
    outcome: text('outcome').notNull(),
    note: text('note').notNull().default(''),
    nextReviewDate: date('next_review_date', { mode: 'string' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('document_reviews_document_idx').on(t.organizationId, t.documentId, t.reviewedAt),
    check('document_reviews_outcome_check', sql`${t.outcome} in ('no_change', 'new_draft')`),
  ],
);
