import { z } from 'zod';
import { riskFilter, treatmentOptionSchema } from './risks-register.ts';
import { actionPrioritySchema } from './risks-treatment.ts';

// Work at scale on the register: one treatment for every risk a filter
// selects, and the treatment actions a decision implies (4.2.1.f–g, 4.2.2.b).

/** At most this many risks per bulk treatment (a larger selection is refused with 422). */
export const RISK_BULK_MAX = 1000;
const levelValue = z.number().int().min(0).max(1000);

/** GET /risks/selection: the register's filters. */
export const riskSelectionQuerySchema = z.object(riskFilter);
export type RiskSelectionQuery = z.infer<typeof riskSelectionQuerySchema>;

export const riskSelectionSchema = z
  .object({
    count: z.number().int(),
    /** Changes when a risk joins or leaves the selection or any of them changes. */
    tag: z.string(),
    /** Risks of the selection the caller may not change (owners change only their own). */
    notOwned: z.number().int(),
    /** Risks whose residual risk awaits top management (a bulk change is refused). */
    pending: z.number().int(),
    max: z.number().int(),
  })
  .meta({ id: 'RiskSelection' });

/** POST /risks/bulk-treatment. */
export const riskBulkTreatmentSchema = z.object({
  filter: riskSelectionQuerySchema,
  /** The selection the person saw (GET /risks/selection); a different one answers 412. */
  expected: z.object({ count: z.number().int().min(0), tag: z.string().max(64) }),
  option: treatmentOptionSchema.nullable(),
  transferTo: z.string().max(500).default(''),
  rationale: z.string().max(4000).default(''),
  /** Replaces the selected controls of every risk… */
  controlIds: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
  /** …each with this one justification. */
  justification: z.string().max(4000).default(''),
  residualLikelihood: levelValue.nullable().optional(),
  residualVulnerabilityLevel: levelValue.nullable().optional(),
  residualImpact: levelValue.nullable().optional(),
  /** Given: the new owner of every risk; absent: each keeps its owner. */
  ownerUserId: z.uuid().nullable().optional(),
});
export type RiskBulkTreatmentInput = z.infer<typeof riskBulkTreatmentSchema>;

/** A treatment action a decision implies: one per selected control not yet in the plan. */
export const actionProposalSchema = z
  .object({
    controlId: z.string(),
    /** Display ID and title of the control. */
    displayId: z.string(),
    titleJa: z.string(),
    titleEn: z.string(),
    /** The risks that selected the control and have no action for it yet. */
    riskIds: z.array(z.uuid()),
  })
  .meta({ id: 'TreatmentActionProposal' });

export const riskBulkTreatmentResultSchema = z
  .object({
    updated: z.number().int(),
    riskIds: z.array(z.uuid()),
    proposals: z.array(actionProposalSchema),
  })
  .meta({ id: 'RiskBulkTreatmentResult' });

/** POST /treatment-actions/proposals: what the decisions on these risks imply. */
export const actionProposalRequestSchema = z.object({
  riskIds: z.array(z.uuid()).min(1).max(RISK_BULK_MAX),
});

/** POST /treatment-actions/from-treatment: creates the confirmed proposals. */
export const actionsFromTreatmentSchema = z.object({
  riskIds: z.array(z.uuid()).min(1).max(RISK_BULK_MAX),
  controlIds: z.array(z.string().trim().min(1).max(64)).min(1).max(200),
  ownerUserId: z.uuid().nullable().optional(),
  priority: actionPrioritySchema.default('medium'),
  dueDate: z.iso.date().nullable().optional(),
});
