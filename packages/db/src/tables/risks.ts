import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './identity.ts';
import { assets, type BilingualText } from './assets.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);
const org = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

/**
 * The risk method (4.2.1.c), versioned like the scope: drafts are edited, one
 * approved version is in force. The definition is the domain's RiskMethod.
 */
export const riskMethods = pgTable(
  'risk_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    /** 'draft' | 'in_review' | 'approved' | 'superseded'. */
    status: text('status').notNull().default('draft'),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    approvalId: uuid('approval_id'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('risk_methods_number_key').on(t.organizationId, t.number),
    index('risk_methods_status_idx').on(t.organizationId, t.status),
  ],
);

/** The organization's threats, seeded from the starter catalog on first use. */
export const threats = pgTable(
  'threats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    code: text('code').notNull(),
    groupId: text('group_id').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    description: jsonb('description').$type<BilingualText>().notNull(),
    origin: textArray('origin'),
    /** 'confidentiality' | 'integrity' | 'availability'. */
    affects: textArray('affects'),
    assetCategories: textArray('asset_categories'),
    defaultLikelihood: integer('default_likelihood').notNull(),
    relatedControls: textArray('related_controls'),
    /** 'starter' | 'custom'. */
    source: text('source').notNull().default('custom'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('threats_code_key').on(t.organizationId, t.code)],
);

export const vulnerabilities = pgTable(
  'vulnerabilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    code: text('code').notNull(),
    groupId: text('group_id').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    description: jsonb('description').$type<BilingualText>().notNull(),
    assetCategories: textArray('asset_categories'),
    defaultLevel: integer('default_level').notNull(),
    /** Codes of the threats that exploit it. */
    exploitedBy: textArray('exploited_by'),
    relatedControls: textArray('related_controls'),
    source: text('source').notNull().default('custom'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('vulnerabilities_code_key').on(t.organizationId, t.code)],
);

/** A submission of residual risks to top management (4.2.1.i); risks point at it. */
export const residualAcceptances = pgTable(
  'residual_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    approvalId: uuid('approval_id'),
    /** 'pending' | 'accepted' | 'rejected'. */
    status: text('status').notNull().default('pending'),
    note: text('note').notNull().default(''),
    /** Approval also authorizes implementing and operating the ISMS. */
    authorizeOperation: boolean('authorize_operation').notNull().default(true),
    riskCount: integer('risk_count').notNull().default(0),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('residual_acceptances_created_idx').on(t.organizationId, t.createdAt, t.id)],
);

/** Keeps NULL inputs comparable (and indexable) in a key: no level or C/I/A is negative. */
export const scoreInput = (column: SQL | AnyPgColumn) => sql`coalesce(${column}, -1)`;

/**
 * The distinct inputs of an organization's risks with the values the method
 * in force gives them (a few thousand rows for a million risks). A method
 * change recomputes this table alone; each risk points at its key (score_id).
 * Keys are never deleted: one no risk uses costs a row and nothing else.
 */
export const riskScores = pgTable(
  'risk_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    /** The asset's C/I/A as stored (null = unset). */
    confidentiality: integer('confidentiality'),
    integrity: integer('integrity'),
    availability: integer('availability'),
    /** The threat's affected properties (per-property derivation). */
    affects: textArray('affects'),
    likelihood: integer('likelihood').notNull(),
    vulnerabilityLevel: integer('vulnerability_level').notNull(),
    impact: integer('impact'),
    residualLikelihood: integer('residual_likelihood'),
    residualVulnerabilityLevel: integer('residual_vulnerability_level'),
    residualImpact: integer('residual_impact'),
    /** Whether a treatment option is set: only then is there a residual value. */
    treated: boolean('treated').notNull(),
    assetValue: integer('asset_value'),
    value: integer('value'),
    level: integer('level'),
    /** 'accept' | 'treat'. */
    evaluation: text('evaluation'),
    residualValue: integer('residual_value'),
    residualLevel: integer('residual_level'),
    residualEvaluation: text('residual_evaluation'),
  },
  (t) => [
    uniqueIndex('risk_scores_inputs_key').on(
      t.organizationId,
      scoreInput(t.confidentiality),
      scoreInput(t.integrity),
      scoreInput(t.availability),
      t.affects,
      t.likelihood,
      t.vulnerabilityLevel,
      scoreInput(t.impact),
      scoreInput(t.residualLikelihood),
      scoreInput(t.residualVulnerabilityLevel),
      scoreInput(t.residualImpact),
      t.treated,
    ),
    index('risk_scores_value_idx').on(t.organizationId, sql`coalesce(${t.value}, -1)`, t.id),
    index('risk_scores_residual_value_idx').on(
      t.organizationId,
      sql`coalesce(${t.residualValue}, -1)`,
      t.id,
    ),
    // A level's keys by value (the register's "worst first" view of one band).
    index('risk_scores_level_value_idx').on(
      t.organizationId,
      t.level,
      sql`coalesce(${t.value}, -1)`,
      t.id,
    ),
  ],
);

/**
 * The risk register: inputs only. Value, level (1-based band index) and
 * evaluation are those of the risk's key in risk_scores, computed by the
 * method in force, set-based in SQL (repositories/risks-compute).
 */
export const risks = pgTable(
  'risks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    /** Sequence number behind the code 'R-000001'. */
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    threatId: uuid('threat_id')
      .notNull()
      .references(() => threats.id),
    vulnerabilityId: uuid('vulnerability_id').references(() => vulnerabilities.id),
    likelihood: integer('likelihood').notNull(),
    vulnerabilityLevel: integer('vulnerability_level').notNull(),
    /** Set for matrix methods; null means the derived asset value. */
    impact: integer('impact'),
    /**
     * The key of its inputs in risk_scores, where the computed values live.
     * Set by every write of the register (repositories/risks-scores).
     */
    scoreId: uuid('score_id').references(() => riskScores.id),
    /** 'apply_controls' | 'retain' | 'avoid' | 'transfer'. */
    treatmentOption: text('treatment_option'),
    transferTo: text('transfer_to').notNull().default(''),
    rationale: text('rationale').notNull().default(''),
    residualLikelihood: integer('residual_likelihood'),
    residualVulnerabilityLevel: integer('residual_vulnerability_level'),
    residualImpact: integer('residual_impact'),
    /** 'none' | 'pending' | 'accepted' | 'rejected'. */
    residualStatus: text('residual_status').notNull().default('none'),
    residualAcceptanceId: uuid('residual_acceptance_id').references(() => residualAcceptances.id),
    residualApprovalId: uuid('residual_approval_id'),
    residualAcceptedBy: uuid('residual_accepted_by').references(() => users.id),
    residualAcceptedAt: timestamp('residual_accepted_at', { withTimezone: true }),
    /** 'none' | 'pending' | 'approved' | 'rejected'. */
    retentionStatus: text('retention_status').notNull().default('none'),
    retentionApprovalId: uuid('retention_approval_id'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** 'open' | 'in_treatment' | 'accepted' | 'closed'. */
    status: text('status').notNull().default('open'),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('risks_code_key').on(t.organizationId, t.code),
    uniqueIndex('risks_seq_key').on(t.organizationId, t.seq),
    unique('risks_combination_key')
      .on(t.organizationId, t.assetId, t.threatId, t.vulnerabilityId)
      .nullsNotDistinct(),
    index('risks_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('risks_threat_idx').on(t.organizationId, t.threatId, t.code),
    index('risks_owner_idx').on(t.organizationId, t.ownerUserId, t.code),
    // A key's risks in id order: the lists walk the keys by value, then these.
    index('risks_score_idx').on(t.organizationId, t.scoreId, t.id),
    index('risks_vulnerability_idx').on(t.vulnerabilityId),
    index('risks_residual_acceptance_idx').on(t.residualAcceptanceId),
  ],
);

/**
 * Catalog controls of a risk: 'existing' ones already in place, 'selected'
 * ones chosen to treat it (the SoA proposes these as applicable).
 */
export const riskControls = pgTable(
  'risk_controls',
  {
    organizationId: org(),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    /** Catalog control ID (library jipdec-isms-2.0), e.g. '10.3.1'. */
    controlId: text('control_id').notNull(),
    /** 'existing' | 'selected'. */
    role: text('role').notNull(),
    justification: text('justification').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.riskId, t.role, t.controlId] }),
    index('risk_controls_control_idx').on(t.organizationId, t.role, t.controlId),
  ],
);

/** A dated risk assessment run (4.2.3.c) with its reasons; entries snapshot the register. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    reasons: textArray('reasons'),
    reasonText: text('reason_text').notNull().default(''),
    previousId: uuid('previous_id'),
    methodId: uuid('method_id').references(() => riskMethods.id),
    riskCount: integer('risk_count').notNull().default(0),
    treatCount: integer('treat_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('risk_assessments_number_key').on(t.organizationId, t.number)],
);

/** Per-risk values of a run, kept even when the risk later changes or closes. */
export const riskAssessmentEntries = pgTable(
  'risk_assessment_entries',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => riskAssessments.id, { onDelete: 'cascade' }),
    organizationId: org(),
    riskId: uuid('risk_id').notNull(),
    code: text('code').notNull(),
    assetName: text('asset_name').notNull(),
    threatCode: text('threat_code').notNull(),
    likelihood: integer('likelihood'),
    vulnerabilityLevel: integer('vulnerability_level'),
    assetValue: integer('asset_value'),
    value: integer('value'),
    level: integer('level'),
    evaluation: text('evaluation'),
    treatmentOption: text('treatment_option'),
    residualValue: integer('residual_value'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.riskId] })],
);

/** The risk treatment plan (4.2.2.a–b): actions linked to risks and controls. */
export const treatmentActions = pgTable(
  'treatment_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: org(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** 'low' | 'medium' | 'high' | 'critical'. */
    priority: text('priority').notNull().default('medium'),
    dueDate: date('due_date', { mode: 'string' }),
    resources: text('resources').notNull().default(''),
    budget: bigint('budget', { mode: 'number' }),
    /** 'planned' | 'in_progress' | 'done' | 'cancelled'. */
    status: text('status').notNull().default('planned'),
    progress: integer('progress').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('treatment_actions_code_key').on(t.organizationId, t.code),
    uniqueIndex('treatment_actions_seq_key').on(t.organizationId, t.seq),
    index('treatment_actions_due_idx').on(
      t.organizationId,
      sql`coalesce(${t.dueDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index('treatment_actions_owner_idx').on(t.organizationId, t.ownerUserId),
  ],
);

export const treatmentActionRisks = pgTable(
  'treatment_action_risks',
  {
    organizationId: org(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => treatmentActions.id, { onDelete: 'cascade' }),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.riskId] }),
    index('treatment_action_risks_risk_idx').on(t.organizationId, t.riskId),
  ],
);

export const treatmentActionControls = pgTable(
  'treatment_action_controls',
  {
    organizationId: org(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => treatmentActions.id, { onDelete: 'cascade' }),
    controlId: text('control_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.controlId] }),
    index('treatment_action_controls_control_idx').on(t.organizationId, t.controlId),
  ],
);
