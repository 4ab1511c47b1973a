import { z } from 'zod';
import { localeSchema } from './common.ts';
import { riskEvaluationSchema } from './risks.ts';
import {
  residualAcceptanceStatusSchema,
  riskControlInputSchema,
  treatmentOptionSchema,
} from './risks-register.ts';

// Treatment (4.2.1.f–g), residual risk sign-off (4.2.1.i), reassessment
// (4.2.3.c) and the risk treatment plan (4.2.2.a–b).

const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const levelValue = z.number().int().min(0).max(1000);

// ---- treatment of one risk ------------------------------------------------------------

/** PUT /risks/{id}/treatment with If-Match: the decision and the planned residual risk. */
export const riskTreatmentSchema = z.object({
  option: treatmentOptionSchema.nullable(),
  /** Who the risk is transferred to (insurer, supplier); required for 'transfer'. */
  transferTo: z.string().max(500).default(''),
  rationale: z.string().max(4000).default(''),
  /** Replaces the selected controls; each says which part of the risk it treats. */
  selectedControls: z.array(riskControlInputSchema).max(200).default([]),
  /** Planned values once the controls work; null keeps the current value. */
  residualLikelihood: levelValue.nullable().optional(),
  residualVulnerabilityLevel: levelValue.nullable().optional(),
  residualImpact: levelValue.nullable().optional(),
});
export type RiskTreatmentInput = z.infer<typeof riskTreatmentSchema>;

/** POST /risks/{id}/retention: ask top management to approve retaining the risk. */
export const riskRetentionRequestSchema = z.object({
  assigneeUserId: z.uuid().nullable().optional(),
});

// ---- residual risk acceptance -----------------------------------------------------------

/** POST /risks/residual-acceptances: residual risks sent to top management together. */
export const residualAcceptanceRequestSchema = z.object({
  /** Explicit risks, or every risk with a treatment decision not yet accepted. */
  riskIds: z.array(z.uuid()).min(1).max(10_000).optional(),
  note: z.string().max(4000).default(''),
  /** Approving also authorizes implementing and operating the ISMS (4.2.1.i). */
  authorizeOperation: z.boolean().default(true),
  assigneeUserId: z.uuid().nullable().optional(),
});
export const residualAcceptanceSchema = z
  .object({
    id: z.uuid(),
    approvalId: z.uuid().nullable(),
    status: residualAcceptanceStatusSchema,
    riskCount: z.number().int(),
    note: z.string(),
    authorizeOperation: z.boolean(),
    submittedBy: z.uuid().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ResidualAcceptance' });
export const residualAcceptanceQuerySchema = z.object({
  status: residualAcceptanceStatusSchema.optional(),
  ...page,
});

// ---- reassessment runs ----------------------------------------------------------------------

export const assessmentReasonSchema = z.enum([
  'initial',
  'organization',
  'technology',
  'business_objectives',
  'processes',
  'threats',
  'external_events',
  'other',
]);
export const riskAssessmentSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    assessedOn: z.iso.date(),
    reasons: z.array(assessmentReasonSchema),
    reasonText: z.string(),
    /** The run this one started from. */
    previousId: z.uuid().nullable(),
    methodId: z.uuid().nullable(),
    riskCount: z.number().int(),
    /** Risks above the acceptable level when the run was recorded. */
    treatCount: z.number().int(),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskAssessment' });
/** POST /risk-assessments: snapshot the register as a new dated run. */
export const riskAssessmentCreateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  assessedOn: z.iso.date().optional(),
  reasons: z.array(assessmentReasonSchema).min(1).max(8),
  reasonText: z.string().max(4000).default(''),
});
export const riskAssessmentQuerySchema = z.object({ ...page });
export const riskAssessmentDiffQuerySchema = z.object({
  from: z.uuid(),
  to: z.uuid(),
  /** Only this kind of change. */
  change: z.enum(['added', 'removed', 'changed']).optional(),
  ...page,
});
const snapshot = z.object({
  likelihood: z.number().int().nullable(),
  vulnerabilityLevel: z.number().int().nullable(),
  assetValue: z.number().int().nullable(),
  value: z.number().int().nullable(),
  level: z.number().int().nullable(),
  evaluation: riskEvaluationSchema.nullable(),
  treatmentOption: treatmentOptionSchema.nullable(),
  residualValue: z.number().int().nullable(),
});
export const riskAssessmentDiffSchema = z
  .object({
    from: riskAssessmentSchema,
    to: riskAssessmentSchema,
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
    }),
    items: z.array(
      z.object({
        riskId: z.uuid(),
        code: z.string(),
        assetName: z.string(),
        threatCode: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        before: snapshot.nullable(),
        after: snapshot.nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'RiskAssessmentDiff' });

// ---- the risk treatment plan -----------------------------------------------------------------

export const actionPrioritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export const actionStatusSchema = z.enum(['planned', 'in_progress', 'done', 'cancelled']);

export const treatmentActionSchema = z
  .object({
    id: z.uuid(),
    /** 'A-0001', unique in the organization. */
    code: z.string(),
    title: z.string(),
    description: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    priority: actionPrioritySchema,
    dueDate: z.iso.date().nullable(),
    resources: z.string(),
    /** In the organization's currency, whole units. */
    budget: z.number().int().nullable(),
    status: actionStatusSchema,
    /** 0–100. */
    progress: z.number().int(),
    /** Open and past its due date. */
    overdue: z.boolean(),
    riskIds: z.array(z.uuid()),
    controlIds: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TreatmentAction' });
export type TreatmentActionDto = z.infer<typeof treatmentActionSchema>;

export const treatmentActionCreateSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(4000).default(''),
  ownerUserId: z.uuid().nullable().optional(),
  priority: actionPrioritySchema.default('medium'),
  dueDate: z.iso.date().nullable().optional(),
  resources: z.string().max(2000).default(''),
  budget: z.number().int().min(0).max(1e12).nullable().optional(),
  status: actionStatusSchema.default('planned'),
  progress: z.number().int().min(0).max(100).default(0),
  riskIds: z.array(z.uuid()).max(1000).default([]),
  controlIds: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
});
export const treatmentActionUpdateSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(4000).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  priority: actionPrioritySchema.optional(),
  dueDate: z.iso.date().nullable().optional(),
  resources: z.string().max(2000).optional(),
  budget: z.number().int().min(0).max(1e12).nullable().optional(),
  status: actionStatusSchema.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  riskIds: z.array(z.uuid()).max(1000).optional(),
  controlIds: z.array(z.string().trim().min(1).max(64)).max(200).optional(),
});
const actionFilter = {
  /** Code or title contains this (a conformity gap names an action by its code). */
  q: z.string().trim().max(100).optional(),
  status: actionStatusSchema.optional(),
  priority: actionPrioritySchema.optional(),
  ownerUserId: z.uuid().optional(),
  overdue: flag.optional(),
  /** Open = planned or in progress, as the conformity view counts the plan's faults. */
  open: flag.optional(),
  /** Actions lacking an owner, a due date, or both resources and budget. */
  missing: z.enum(['owner', 'dueDate', 'resources']).optional(),
  riskId: z.uuid().optional(),
  controlId: z.string().max(64).optional(),
};
export const treatmentActionQuerySchema = z.object({
  ...actionFilter,
  sort: z.enum(['code', 'dueDate', 'priority']).default('dueDate'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});
export const treatmentPlanExportQuerySchema = z.object({
  ...actionFilter,
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: localeSchema.optional(),
});
