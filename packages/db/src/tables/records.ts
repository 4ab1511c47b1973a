import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { approvals } from './approvals.ts';
import { classificationLevels } from './assets.ts';
import { organizations, users } from './identity.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** What a record evidences: any object of Mamoru or outside it, with a label to show. */
export interface EvidenceLink {
  type: string;
  id: string;
  label: string;
}

/** The kinds of value a structured entry of a record holds. */
export type RecordFieldKind = 'text' | 'number' | 'date' | 'boolean' | 'select';

/**
 * One field of a record type's structured entries: records of the type hold
 * `entries[key]` as text (numbers, ISO dates, 'true'/'false', one of the options).
 */
export interface RecordFieldDef {
  key: string;
  label: { ja: string; en: string };
  kind: RecordFieldKind;
  required: boolean;
  /** The choices of a 'select' field; empty for other kinds. */
  options: string[];
}

/**
 * Kinds of records (4.3.3): how long they are kept, where, under which
 * protection, how they are disposed of, and what they evidence.
 */
export const recordTypes = pgTable(
  'record_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    retentionValue: integer('retention_value').notNull(),
    /** 'months' | 'years'. */
    retentionUnit: text('retention_unit').notNull(),
    storageLocation: text('storage_location').notNull().default(''),
    classificationId: uuid('classification_id').references(() => classificationLevels.id),
    disposalMethod: text('disposal_method').notNull().default(''),
    /** The process or object type the records evidence (e.g. 'internal_audit', 'asset'). */
    evidences: text('evidences').notNull().default(''),
    /** The structured entries records of this type carry (none: free-form entries). */
    fields: jsonb('fields')
      .$type<RecordFieldDef[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The controls (catalog IDs) whose operation these records evidence (4.2.2.e). */
    controlIds: text('control_ids')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('record_types_code_key').on(t.organizationId, t.code),
    // A control's page lists the record types evidencing it (control_ids @> array[id]).
    index('record_types_controls_idx').using('gin', t.controlIds),
    check('record_types_unit_check', sql`${t.retentionUnit} in ('months', 'years')`),
    check('record_types_retention_check', sql`${t.retentionValue} between 0 and 1200`),
  ],
);

/**
 * Records: structured entries and/or files, each linked to what it evidences,
 * kept until `retention_end` (record date + the type's period, stored so it
 * filters and sorts in SQL), then disposed of through an approved workflow.
 */
export const records = pgTable(
  'records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => recordTypes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Structured entries: field name → value. */
    entries: jsonb('entries')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    links: jsonb('links')
      .$type<EvidenceLink[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    recordDate: date('record_date', { mode: 'string' }).notNull(),
    retentionEnd: date('retention_end', { mode: 'string' }).notNull(),
    legalHold: boolean('legal_hold').notNull().default(false),
    legalHoldReason: text('legal_hold_reason'),
    /** 'active' | 'disposal_pending' | 'disposed'. */
    status: text('status').notNull().default('active'),
    approvalId: uuid('approval_id').references(() => approvals.id),
    /** Why disposal was asked for, while the request waits (the disposal record keeps it). */
    disposalReason: text('disposal_reason'),
    /** NFKC-normalized, lower-cased title, description, entries and link labels (trigram search). */
    searchText: text('search_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('records_date_idx').on(t.organizationId, t.recordDate, t.id),
    index('records_retention_idx').on(t.organizationId, t.retentionEnd, t.id),
    index('records_type_idx').on(t.organizationId, t.typeId),
    index('records_hold_idx').on(t.organizationId, t.legalHold),
    index('records_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('records_status_check', sql`${t.status} in ('active', 'disposal_pending', 'disposed')`),
    check(
      'records_hold_reason_check',
      sql`not ${t.legalHold} or coalesce(${t.legalHoldReason}, '') <> ''`,
    ),
  ],
);

/** What remains of a disposed record: who asked, who approved, when and how (4.3.3). */
export const recordDisposals = pgTable(
  'record_disposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id),
    recordTitle: text('record_title').notNull(),
    typeCode: text('type_code').notNull(),
    method: text('method').notNull(),
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by').references(() => users.id),
    approvalId: uuid('approval_id')
      .notNull()
      .references(() => approvals.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    filesDeleted: integer('files_deleted').notNull().default(0),
    disposedAt: timestamp('disposed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('record_disposals_record_key').on(t.recordId),
    index('record_disposals_org_idx').on(t.organizationId, t.disposedAt),
  ],
);
