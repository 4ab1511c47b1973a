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
import { auditFindings } from './audits.ts';
import { links, texts, timestamps } from './columns.ts';
import { organizations, users } from './identity.ts';
import type { EvidenceLink } from './records.ts';
import { risks } from './risks.ts';

/**
 * The nonconformity register (7.2, 7.3): nonconformities and potential ones (for
 * preventive action), whatever their source, each worked through containment,
 * cause analysis, evaluation, actions and an effectiveness review.
 */
export const nonconformities = pgTable(
  'nonconformities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (shown as NC-0001). */
    number: integer('number').notNull(),
    /** 'nonconformity' | 'potential' (a potential nonconformity, for preventive action). */
    kind: text('kind').notNull().default('nonconformity'),
    /**
     * 'internal_audit' | 'external_audit' | 'incident' | 'management_review' |
     * 'monitoring' | 'complaint' | 'self_identified' | 'risk_change' | 'control_check'.
     */
    source: text('source').notNull(),
    /** The object the nonconformity came from, when it is in Mamoru (e.g. an audit finding). */
    sourceLink: jsonb('source_link').$type<EvidenceLink>(),
    auditFindingId: uuid('audit_finding_id').references(() => auditFindings.id),
    riskId: uuid('risk_id').references(() => risks.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** 'major' | 'minor'. */
    severity: text('severity').notNull().default('minor'),
    /** Priority of a potential nonconformity, from the risk level: 'high' | 'medium' | 'low'. */
    priority: text('priority'),
    requirementIds: texts('requirement_ids'),
    controlIds: texts('control_ids'),
    unitId: uuid('unit_id'),
    evidence: links('evidence'),
    detectedOn: date('detected_on', { mode: 'string' }).notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    /** Who manages the nonconformity through its workflow. */
    ownerId: uuid('owner_id').references(() => users.id),
    /**
     * 'reported' → 'contained' → 'analysed' → 'evaluated' → 'in_action' → 'in_review' →
     * 'closed'; a failed effectiveness review reopens it at 'contained' for a new analysis.
     */
    status: text('status').notNull().default('reported'),
    containment: text('containment').notNull().default(''),
    containedBy: uuid('contained_by').references(() => users.id),
    containedAt: timestamp('contained_at', { withTimezone: true }),
    /** The analysis cycle in force: 1, then +1 each time it is reopened. */
    cycle: integer('cycle').notNull().default(1),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('nonconformities_number_key').on(t.organizationId, t.number),
    // An audit finding becomes at most one nonconformity.
    uniqueIndex('nonconformities_finding_key')
      .on(t.auditFindingId)
      .where(sql`${t.auditFindingId} is not null`),
    index('nonconformities_org_status_idx').on(t.organizationId, t.status, t.detectedOn),
    check('nonconformities_kind_check', sql`${t.kind} in ('nonconformity', 'potential')`),
    check(
      'nonconformities_source_check',
      sql`${t.source} in ('internal_audit', 'external_audit', 'incident', 'management_review', 'monitoring', 'complaint', 'self_identified', 'risk_change', 'control_check')`,
    ),
    check('nonconformities_severity_check', sql`${t.severity} in ('major', 'minor')`),
    check(
      'nonconformities_priority_check',
      sql`${t.priority} is null or ${t.priority} in ('high', 'medium', 'low')`,
    ),
    check(
      'nonconformities_status_check',
      sql`${t.status} in ('reported', 'contained', 'analysed', 'evaluated', 'in_action', 'in_review', 'closed')`,
    ),
  ],
);

/**
 * One cause analysis and evaluation per cycle of a nonconformity: why-why steps,
 * a fishbone category, the root cause, and the decision whether action is needed.
 */
export const nonconformityAnalyses = pgTable(
  'nonconformity_analyses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    nonconformityId: uuid('nonconformity_id')
      .notNull()
      .references(() => nonconformities.id),
    cycle: integer('cycle').notNull(),
    whySteps: texts('why_steps'),
    /** 'people' | 'process' | 'technology' | 'information' | 'environment' | 'supplier' | 'management'. */
    fishboneCategory: text('fishbone_category').notNull(),
    rootCause: text('root_cause').notNull(),
    analysedBy: uuid('analysed_by').references(() => users.id),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
    /** The evaluation of the need for action (null until decided). */
    actionNeeded: boolean('action_needed'),
    evaluationReason: text('evaluation_reason').notNull().default(''),
    evaluatedBy: uuid('evaluated_by').references(() => users.id),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('nonconformity_analyses_cycle_key').on(t.nonconformityId, t.cycle),
    check(
      'nonconformity_analyses_category_check',
      sql`${t.fishboneCategory} in ('people', 'process', 'technology', 'information', 'environment', 'supplier', 'management')`,
    ),
  ],
);

/**
 * Corrective and preventive actions (7.2.d, 7.3.b): several per nonconformity,
 * each with an owner, a due date and resources, its implementation, and an
 * effectiveness review due a set interval after it was implemented.
 */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    nonconformityId: uuid('nonconformity_id')
      .notNull()
      .references(() => nonconformities.id),
    cycle: integer('cycle').notNull(),
    /** 'corrective' | 'preventive'. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    resources: text('resources').notNull().default(''),
    /** 'planned' | 'implemented' | 'effective' | 'not_effective' | 'cancelled'. */
    status: text('status').notNull().default('planned'),
    implementationNote: text('implementation_note').notNull().default(''),
    evidence: links('evidence'),
    implementedBy: uuid('implemented_by').references(() => users.id),
    implementedAt: timestamp('implemented_at', { withTimezone: true }),
    /** Days after implementation when effectiveness is reviewed. */
    reviewIntervalDays: integer('review_interval_days').notNull().default(90),
    reviewDue: date('review_due', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('improvement_actions_nc_idx').on(t.nonconformityId, t.cycle),
    index('improvement_actions_owner_idx').on(t.organizationId, t.ownerId, t.status),
    check('improvement_actions_kind_check', sql`${t.kind} in ('corrective', 'preventive')`),
    check(
      'improvement_actions_status_check',
      sql`${t.status} in ('planned', 'implemented', 'effective', 'not_effective', 'cancelled')`,
    ),
    check('improvement_actions_interval_check', sql`${t.reviewIntervalDays} between 0 and 730`),
  ],
);

/** Effectiveness reviews (7.2.f, 7.3.d), never by the owner of the action reviewed. */
export const effectivenessReviews = pgTable(
  'effectiveness_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    actionId: uuid('action_id')
      .notNull()
      .references(() => improvementActions.id),
    /** The action's owner when reviewed, kept so the rule below holds in the database. */
    actionOwnerId: uuid('action_owner_id')
      .notNull()
      .references(() => users.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    effective: boolean('effective').notNull(),
    note: text('note').notNull().default(''),
    evidence: links('evidence'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('effectiveness_reviews_action_idx').on(t.actionId, t.reviewedAt),
    check('effectiveness_reviews_reviewer_check', sql`${t.reviewerId} <> ${t.actionOwnerId}`),
  ],
);

/**
 * The improvement register (4.2.4.a, 7.1): opportunities from audits, reviews,
 * lessons learned (own incidents and others') and suggestions, each decided and
 * implemented; linked to the ISMS objective it serves once objectives exist.
 */
export const improvements = pgTable(
  'improvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** 1, 2, 3… per organization (shown as IMP-0001). */
    number: integer('number').notNull(),
    /**
     * 'audit' | 'management_review' | 'incident_lesson' | 'external_lesson' |
     * 'suggestion' | 'monitoring' | 'other'.
     */
    source: text('source').notNull(),
    sourceLink: jsonb('source_link').$type<EvidenceLink>(),
    auditFindingId: uuid('audit_finding_id').references(() => auditFindings.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    suggestedBy: uuid('suggested_by').references(() => users.id),
    /** 'proposed' | 'accepted' | 'rejected' | 'implemented'. */
    status: text('status').notNull().default('proposed'),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    implementation: text('implementation').notNull().default(''),
    implementedAt: timestamp('implemented_at', { withTimezone: true }),
    evidence: links('evidence'),
    /** The ISMS objective served (the objectives area comes later; no foreign key yet). */
    objectiveId: uuid('objective_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('improvements_number_key').on(t.organizationId, t.number),
    uniqueIndex('improvements_finding_key')
      .on(t.auditFindingId)
      .where(sql`${t.auditFindingId} is not null`),
    index('improvements_org_status_idx').on(t.organizationId, t.status),
    check(
      'improvements_source_check',
      sql`${t.source} in ('audit', 'management_review', 'incident_lesson', 'external_lesson', 'suggestion', 'monitoring', 'other')`,
    ),
    check(
      'improvements_status_check',
      sql`${t.status} in ('proposed', 'accepted', 'rejected', 'implemented')`,
    ),
  ],
);

/**
 * The communication log (4.2.4.c): which results and actions were communicated
 * to which interested parties, when, how, and whether they agreed.
 */
export const improvementCommunications = pgTable(
  'improvement_communications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** What was communicated: a nonconformity, an improvement, or a link to anything else. */
    subject: jsonb('subject').$type<EvidenceLink>(),
    nonconformityId: uuid('nonconformity_id').references(() => nonconformities.id),
    improvementId: uuid('improvement_id').references(() => improvements.id),
    audience: text('audience').notNull(),
    /** 'meeting' | 'email' | 'intranet' | 'document' | 'training' | 'other'. */
    channel: text('channel').notNull(),
    communicatedOn: date('communicated_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** 'agreed' | 'objected' | 'pending' | 'not_required'. */
    agreement: text('agreement').notNull().default('pending'),
    agreementNote: text('agreement_note').notNull().default(''),
    attachments: links('attachments'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('improvement_communications_org_idx').on(t.organizationId, t.communicatedOn),
    check(
      'improvement_communications_channel_check',
      sql`${t.channel} in ('meeting', 'email', 'intranet', 'document', 'training', 'other')`,
    ),
    check(
      'improvement_communications_agreement_check',
      sql`${t.agreement} in ('agreed', 'objected', 'pending', 'not_required')`,
    ),
  ],
);

/**
 * Preventive proposals from risk changes (7.3.e): a risk whose level rose past the
 * configured jump, or a new risk above the acceptable level without treatment.
 * The ISMS manager accepts (a potential nonconformity is raised) or dismisses it.
 */
export const preventiveProposals = pgTable(
  'preventive_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id),
    /** 'level_jump' | 'untreated_above_acceptable'. */
    reason: text('reason').notNull(),
    previousLevel: integer('previous_level'),
    newLevel: integer('new_level').notNull(),
    /** 'high' | 'medium' | 'low', from the risk level. */
    priority: text('priority').notNull(),
    /** 'proposed' | 'accepted' | 'dismissed'. */
    status: text('status').notNull().default('proposed'),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    nonconformityId: uuid('nonconformity_id').references(() => nonconformities.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // One open proposal per risk, even when reassessments run again.
    uniqueIndex('preventive_proposals_open_key')
      .on(t.organizationId, t.riskId)
      .where(sql`${t.status} = 'proposed'`),
    check(
      'preventive_proposals_reason_check',
      sql`${t.reason} in ('level_jump', 'untreated_above_acceptable')`,
    ),
    check('preventive_proposals_priority_check', sql`${t.priority} in ('high', 'medium', 'low')`),
    check(
      'preventive_proposals_status_check',
      sql`${t.status} in ('proposed', 'accepted', 'dismissed')`,
    ),
  ],
);

/** Per-organization settings of the improvement area. */
export const improvementSettings = pgTable(
  'improvement_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    /** A reassessment raising a risk's level by at least this much proposes preventive action. */
    levelJump: integer('level_jump').notNull().default(2),
    /** Default days between an action's implementation and its effectiveness review. */
    reviewIntervalDays: integer('review_interval_days').notNull().default(90),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('improvement_settings_jump_check', sql`${t.levelJump} between 1 and 100`),
    check('improvement_settings_interval_check', sql`${t.reviewIntervalDays} between 0 and 730`),
  ],
);
