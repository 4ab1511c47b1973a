import { z } from 'zod';
import { evidenceLinkSchema } from './records.ts';

/**
 * Nonconformities and corrective/preventive action (7.2, 7.3): the register and
 * the workflow each entry is worked through.
 */

const isoDate = z.iso.date();
const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();
const link = z.object({ type: z.string(), id: z.string(), label: z.string() });

export const nonconformityKindSchema = z.enum(['nonconformity', 'potential']);
export const nonconformitySourceSchema = z.enum([
  'internal_audit',
  'external_audit',
  'incident',
  'management_review',
  'monitoring',
  'complaint',
  'self_identified',
  'risk_change',
  // A check of a control found it partly or not effective (controls area).
  'control_check',
]);
export type NonconformitySource = z.infer<typeof nonconformitySourceSchema>;
export const nonconformitySeveritySchema = z.enum(['major', 'minor']);
/** The workflow steps, in order (see domain/src/improvement/workflow.ts). */
export const nonconformityStatusSchema = z.enum([
  'reported',
  'contained',
  'analysed',
  'evaluated',
  'in_action',
  'in_review',
  'closed',
]);
export type NonconformityStatus = z.infer<typeof nonconformityStatusSchema>;
export const fishboneCategorySchema = z.enum([
  'people',
  'process',
  'technology',
  'information',
  'environment',
  'supplier',
  'management',
]);
export const improvementActionKindSchema = z.enum(['corrective', 'preventive']);
export const improvementActionStatusSchema = z.enum([
  'planned',
  'implemented',
  'effective',
  'not_effective',
  'cancelled',
]);

export const effectivenessReviewSchema = z
  .object({
    id: z.uuid(),
    reviewer: person,
    effective: z.boolean(),
    note: z.string(),
    evidence: z.array(link),
    reviewedAt: z.iso.datetime(),
  })
  .meta({ id: 'EffectivenessReview' });

export const improvementActionSchema = z
  .object({
    id: z.uuid(),
    nonconformityId: z.uuid(),
    nonconformityCode: z.string(),
    nonconformityTitle: z.string(),
    cycle: z.number().int(),
    kind: improvementActionKindSchema,
    title: z.string(),
    description: z.string(),
    owner: person,
    dueDate: isoDate,
    resources: z.string(),
    status: improvementActionStatusSchema,
    implementationNote: z.string(),
    evidence: z.array(link),
    implementedBy: person,
    implementedAt: z.iso.datetime().nullable(),
    reviewIntervalDays: z.number().int(),
    reviewDue: isoDate.nullable(),
    /** Planned past its due date, or implemented and past its review date. */
    overdue: z.boolean(),
    reviews: z.array(effectivenessReviewSchema),
    version: z.number().int(),
  })
  .meta({ id: 'ImprovementAction' });
export type ImprovementAction = z.infer<typeof improvementActionSchema>;

export const nonconformityAnalysisSchema = z
  .object({
    cycle: z.number().int(),
    whySteps: z.array(z.string()),
    fishboneCategory: fishboneCategorySchema,
    rootCause: z.string(),
    analysedBy: person,
    analysedAt: z.iso.datetime(),
    actionNeeded: z.boolean().nullable(),
    evaluationReason: z.string(),
    evaluatedBy: person,
    evaluatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NonconformityAnalysis' });

export const nonconformitySchema = z
  .object({
    id: z.uuid(),
    /** NC-0001. */
    code: z.string(),
    kind: nonconformityKindSchema,
    source: nonconformitySourceSchema,
    sourceLink: link.nullable(),
    auditFindingId: z.uuid().nullable(),
    riskId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    severity: nonconformitySeveritySchema,
    priority: z.enum(['high', 'medium', 'low']).nullable(),
    requirementIds: z.array(z.string()),
    controlIds: z.array(z.string()),
    unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    evidence: z.array(link),
    detectedOn: isoDate,
    reportedBy: person,
    owner: person,
    status: nonconformityStatusSchema,
    containment: z.string(),
    containedBy: person,
    containedAt: z.iso.datetime().nullable(),
    cycle: z.number().int(),
    /** Open actions of the cycle past their due date or review date. */
    overdue: z.boolean(),
    /** Days since detection (until closed). */
    ageDays: z.number().int(),
    closedBy: person,
    closedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Nonconformity' });
export type Nonconformity = z.infer<typeof nonconformitySchema>;

/** One nonconformity with its analyses (one per cycle) and its actions with their reviews. */
export const nonconformityDetailSchema = nonconformitySchema
  .extend({
    analyses: z.array(nonconformityAnalysisSchema),
    actions: z.array(improvementActionSchema),
  })
  .meta({ id: 'NonconformityDetail' });
export type NonconformityDetail = z.infer<typeof nonconformityDetailSchema>;

const text = (max: number) => z.string().trim().max(max);
const requirementIds = z.array(z.string().trim().min(1).max(64)).max(50);
const evidence = z.array(evidenceLinkSchema).max(50);

export const nonconformityCreateSchema = z.object({
  kind: nonconformityKindSchema.default('nonconformity'),
  source: nonconformitySourceSchema,
  title: text(500).min(1),
  description: text(20_000).default(''),
  severity: nonconformitySeveritySchema.default('minor'),
  requirementIds: requirementIds.default([]),
  controlIds: requirementIds.default([]),
  unitId: z.uuid().nullable().default(null),
  evidence: evidence.default([]),
  detectedOn: isoDate,
  ownerId: z.uuid().nullable().default(null),
});
export type NonconformityCreate = z.infer<typeof nonconformityCreateSchema>;

export const nonconformityUpdateSchema = z.object({
  title: text(500).min(1).optional(),
  description: text(20_000).optional(),
  severity: nonconformitySeveritySchema.optional(),
  requirementIds: requirementIds.optional(),
  controlIds: requirementIds.optional(),
  unitId: z.uuid().nullable().optional(),
  evidence: evidence.optional(),
  detectedOn: isoDate.optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type NonconformityUpdate = z.infer<typeof nonconformityUpdateSchema>;

export const containmentSchema = z.object({ containment: text(20_000).min(1) });
export const causeAnalysisSchema = z.object({
  whySteps: z.array(text(2000).min(1)).min(1).max(10),
  fishboneCategory: fishboneCategorySchema,
  rootCause: text(5000).min(1),
});
export type CauseAnalysisInput = z.infer<typeof causeAnalysisSchema>;
export const evaluationSchema = z.object({
  actionNeeded: z.boolean(),
  reason: text(5000).min(1),
});
/** The reason is kept in the audit trail (closing without action keeps the evaluation's). */
export const closeNonconformitySchema = z.object({ reason: text(5000).default('') });
export const takeOverFindingSchema = z.object({ findingId: z.uuid() });

export const improvementActionCreateSchema = z.object({
  kind: improvementActionKindSchema.default('corrective'),
  title: text(500).min(1),
  description: text(20_000).default(''),
  ownerId: z.uuid(),
  dueDate: isoDate,
  resources: text(2000).default(''),
  /** Days after implementation before effectiveness is reviewed; default from the settings. */
  reviewIntervalDays: z.number().int().min(0).max(730).optional(),
});
export type ImprovementActionCreate = z.infer<typeof improvementActionCreateSchema>;
export const implementationSchema = z.object({
  note: text(20_000).min(1),
  evidence: evidence.default([]),
});
export const effectivenessReviewInputSchema = z.object({
  effective: z.boolean(),
  note: text(20_000).min(1),
  evidence: evidence.default([]),
});

export const nonconformityListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  kind: nonconformityKindSchema.optional(),
  source: nonconformitySourceSchema.optional(),
  status: nonconformityStatusSchema.optional(),
  /** Every status but closed. */
  open: flag.optional(),
  severity: nonconformitySeveritySchema.optional(),
  unitId: z.uuid().optional(),
  overdue: flag.optional(),
  ...page,
});
export type NonconformityListQuery = z.infer<typeof nonconformityListQuerySchema>;

export const improvementActionListQuerySchema = z.object({
  status: improvementActionStatusSchema.optional(),
  /** Only the caller's own actions. */
  mine: flag.optional(),
  overdue: flag.optional(),
  ...page,
});
export type ImprovementActionListQuery = z.infer<typeof improvementActionListQuerySchema>;

export const takeOverResultSchema = z.object({
  created: z.array(z.object({ id: z.uuid(), code: z.string(), auditFindingId: z.uuid() })),
});

/** The register's export: the list's filters, XLSX or PDF, in ja or en. */
export const nonconformityExportQuerySchema = nonconformityListQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({
    format: z.enum(['xlsx', 'pdf']).default('xlsx'),
    lang: z.enum(['ja', 'en']).optional(),
  });

/** Open nonconformities by age, and the causes and clauses that recur. */
export const nonconformityStatisticsSchema = z
  .object({
    ageing: z.array(
      z.object({
        bucket: z.enum(['0_30', '31_90', '91_180', 'over_180']),
        severity: nonconformitySeveritySchema,
        count: z.number().int(),
      }),
    ),
    recurrence: z.array(
      z.object({ kind: z.enum(['cause', 'clause']), key: z.string(), count: z.number().int() }),
    ),
  })
  .meta({ id: 'NonconformityStatistics' });
export type NonconformityStatistics = z.infer<typeof nonconformityStatisticsSchema>;
