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
import { links, texts, timestamps, uuids } from './columns.ts';
import { organizations, users } from './identity.ts';

/**
 * The internal audit programme of a fiscal year (6.4), versioned like the scope:
 * a draft is edited in place, approval by top management (approval type
 * `audit_programme`) freezes it, and the next edit starts a new draft.
 */
export const auditProgrammes = pgTable(
  'audit_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** 1, 2, 3… per organization and fiscal year. */
    number: integer('number').notNull(),
    /** 'draft' | 'pending' | 'approved' | 'superseded'. */
    status: text('status').notNull().default('draft'),
    title: text('title').notNull().default(''),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    objectives: text('objectives').notNull().default(''),
    // Criteria: requirement items (第4–第7), annex controls, and the organization's own procedures.
    criteriaRequirementIds: texts('criteria_requirement_ids'),
    criteriaControlIds: texts('criteria_control_ids'),
    criteriaDocumentIds: uuids('criteria_document_ids'),
    scopeUnitIds: uuids('scope_unit_ids'),
    scopeLocationIds: uuids('scope_location_ids'),
    scopeProcesses: texts('scope_processes'),
    frequency: text('frequency').notNull().default(''),
    methods: text('methods').notNull().default(''),
    responsibilities: text('responsibilities').notNull().default(''),
    /** Every clause and applicable control is to be audited within this many months. */
    cycleMonths: integer('cycle_months').notNull().default(12),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_programmes_number_key').on(t.organizationId, t.fiscalYear, t.number),
    // One open (draft or pending) version per fiscal year, even under races.
    uniqueIndex('audit_programmes_open_key')
      .on(t.organizationId, t.fiscalYear)
      .where(sql`${t.status} in ('draft', 'pending')`),
    check(
      'audit_programmes_status_check',
      sql`${t.status} in ('draft', 'pending', 'approved', 'superseded')`,
    ),
    check('audit_programmes_cycle_check', sql`${t.cycleMonths} between 1 and 60`),
    check('audit_programmes_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * The register of internal auditors: qualifications and training (with evidence),
 * and the units they belong to beyond their primary unit (users.org_unit_id).
 */
export const internalAuditors = pgTable(
  'internal_auditors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    qualifications: text('qualifications').notNull().default(''),
    training: text('training').notNull().default(''),
    evidence: links('evidence'),
    /** Units the auditor also belongs to (the primary unit is on the user). */
    unitIds: uuids('unit_ids'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('internal_auditors_user_key').on(t.organizationId, t.userId)],
);

/**
 * One internal audit (個別監査): its scope (auditee units, processes, assets,
 * documents, requirement items and controls), dates and status.
 */
export const audits = pgTable(
  'audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    programmeId: uuid('programme_id').references(() => auditProgrammes.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** e.g. IA-2026-01, unique per organization. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** 'planned' | 'in_progress' | 'reported' | 'follow_up' | 'closed'. */
    status: text('status').notNull().default('planned'),
    auditeeUnitIds: uuids('auditee_unit_ids'),
    scopeProcesses: texts('scope_processes'),
    scopeAssetIds: uuids('scope_asset_ids'),
    scopeDocumentIds: uuids('scope_document_ids'),
    requirementIds: texts('requirement_ids'),
    controlIds: texts('control_ids'),
    plannedStart: date('planned_start', { mode: 'string' }).notNull(),
    plannedEnd: date('planned_end', { mode: 'string' }).notNull(),
    leadAuditorId: uuid('lead_auditor_id').references(() => users.id),
    noticeSentAt: timestamp('notice_sent_at', { withTimezone: true }),
    openingMeetingAt: timestamp('opening_meeting_at', { withTimezone: true }),
    closingMeetingAt: timestamp('closing_meeting_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audits_code_key').on(t.organizationId, t.code),
    index('audits_org_status_idx').on(t.organizationId, t.status, t.plannedStart),
    check(
      'audits_status_check',
      sql`${t.status} in ('planned', 'in_progress', 'reported', 'follow_up', 'closed')`,
    ),
    check('audits_dates_check', sql`${t.plannedEnd} >= ${t.plannedStart}`),
  ],
);

/** The audit team: the lead auditor and members (each checked for independence). */
export const auditTeamMembers = pgTable(
  'audit_team_members',
  {
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 'lead' | 'member'. */
    role: text('role').notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.auditId, t.userId] }),
    index('audit_team_members_user_idx').on(t.organizationId, t.userId),
    check('audit_team_members_role_check', sql`${t.role} in ('lead', 'member')`),
  ],
);

/**
 * A line of an audit's checklist: one per requirement item or control in scope
 * (or added by the auditor), with a prompt in our own words and the result.
 */
export const auditChecklistLines = pgTable(
  'audit_checklist_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    position: integer('position').notNull(),
    /** 'requirement' | 'control' | 'custom'. */
    kind: text('kind').notNull(),
    /** The requirement item or control ID; null for a custom line. */
    refId: text('ref_id'),
    promptJa: text('prompt_ja').notNull().default(''),
    promptEn: text('prompt_en').notNull().default(''),
    /** null until answered; 'conform' | 'major_nc' | 'minor_nc' | 'observation' | 'ofi'. */
    result: text('result'),
    notes: text('notes').notNull().default(''),
    evidence: links('evidence'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('audit_checklist_lines_audit_idx').on(t.auditId, t.position),
    index('audit_checklist_lines_ref_idx').on(t.organizationId, t.refId),
    check(
      'audit_checklist_lines_kind_check',
      sql`${t.kind} in ('requirement', 'control', 'custom')`,
    ),
    check(
      'audit_checklist_lines_result_check',
      sql`${t.result} is null or ${t.result} in ('conform', 'major_nc', 'minor_nc', 'observation', 'ofi')`,
    ),
  ],
);

/**
 * Findings raised by an audit (nonconformities, observations, opportunities for
 * improvement). `nonconformity_id` is set when the improvement area takes one over.
 */
export const auditFindings = pgTable(
  'audit_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    lineId: uuid('line_id').references(() => auditChecklistLines.id),
    /** 1, 2, 3… per audit. */
    number: integer('number').notNull(),
    /** 'major_nc' | 'minor_nc' | 'observation' | 'ofi'. */
    kind: text('kind').notNull(),
    requirementId: text('requirement_id'),
    controlId: text('control_id'),
    unitId: uuid('unit_id'),
    description: text('description').notNull(),
    evidence: links('evidence'),
    dueDate: date('due_date', { mode: 'string' }),
    /** 'open' | 'corrected' | 'verified' | 'transferred' (taken over by the improvement area). */
    status: text('status').notNull().default('open'),
    correction: text('correction').notNull().default(''),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verificationNote: text('verification_note').notNull().default(''),
    nonconformityId: uuid('nonconformity_id'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('audit_findings_number_key').on(t.auditId, t.number),
    index('audit_findings_org_status_idx').on(t.organizationId, t.status, t.dueDate),
    check(
      'audit_findings_kind_check',
      sql`${t.kind} in ('major_nc', 'minor_nc', 'observation', 'ofi')`,
    ),
    check(
      'audit_findings_status_check',
      sql`${t.status} in ('open', 'corrected', 'verified', 'transferred')`,
    ),
    // Whoever corrected a finding never verifies it (6.4 follow-up).
    check(
      'audit_findings_verifier_check',
      sql`${t.verifiedBy} is null or ${t.verifiedBy} is distinct from ${t.correctedBy}`,
    ),
  ],
);

/**
 * The audit report (監査報告書): drafted from the audit, approved by the lead
 * auditor (content frozen in `snapshot`), acknowledged by the auditee unit's head.
 */
export const auditReports = pgTable(
  'audit_reports',
  {
    auditId: uuid('audit_id')
      .primaryKey()
      .references(() => audits.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 'draft' | 'approved' | 'acknowledged'. */
    status: text('status').notNull().default('draft'),
    summary: text('summary').notNull().default(''),
    conclusion: text('conclusion').notNull().default(''),
    /** The report's content as approved; exports read it, never the live audit. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('audit_reports_org_idx').on(t.organizationId, t.status),
    check('audit_reports_status_check', sql`${t.status} in ('draft', 'approved', 'acknowledged')`),
  ],
);
