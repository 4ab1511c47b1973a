import { z } from 'zod';

// Reviews of change (4.2.3.c.1–5): per kind of change, whether anything
// changed within the interval, and the reassessment made for it.

export const riskChangeKindSchema = z
  .enum(['organization', 'technology', 'business', 'threats', 'external'])
  .meta({ id: 'RiskChangeKind' });
export type RiskChangeKind = z.infer<typeof riskChangeKindSchema>;
export const RISK_CHANGE_KINDS = riskChangeKindSchema.options;

export const riskChangeOutcomeSchema = z
  .enum(['changed', 'no_change'])
  .meta({ id: 'RiskChangeOutcome' });

export const riskChangeReviewSchema = z
  .object({
    id: z.uuid(),
    reviewedOn: z.iso.date(),
    kind: riskChangeKindSchema,
    outcome: riskChangeOutcomeSchema,
    description: z.string(),
    /** The reassessment run made for a change; null for no change (or not yet made). */
    assessmentId: z.uuid().nullable(),
    assessmentNumber: z.number().int().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedByName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskChangeReview' });
export type RiskChangeReview = z.infer<typeof riskChangeReviewSchema>;

const fields = {
  reviewedOn: z.iso.date(),
  kind: riskChangeKindSchema,
  outcome: riskChangeOutcomeSchema,
  description: z.string().trim().max(4000),
  assessmentId: z.uuid().nullable(),
  /** Who decided (defaults to the caller): an active user of the organization. */
  decidedBy: z.uuid().nullable(),
};

/** POST /risk-change-reviews. A change needs a description; the run may be linked later. */
export const riskChangeReviewCreateSchema = z.object({
  ...fields,
  description: fields.description.default(''),
  assessmentId: fields.assessmentId.default(null),
  decidedBy: fields.decidedBy.optional(),
});
export type RiskChangeReviewCreate = z.infer<typeof riskChangeReviewCreateSchema>;

/** PATCH /risk-change-reviews/{id} (If-Match). */
export const riskChangeReviewPatchSchema = z.object(fields).partial();
export type RiskChangeReviewPatch = z.infer<typeof riskChangeReviewPatchSchema>;

export const riskChangeReviewQuerySchema = z.object({
  kind: riskChangeKindSchema.optional(),
  outcome: riskChangeOutcomeSchema.optional(),
  /** Reviewed on or after this day. */
  from: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type RiskChangeReviewQuery = z.infer<typeof riskChangeReviewQuerySchema>;
