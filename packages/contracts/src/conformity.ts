import { z } from 'zod';
import { localeSchema, localizedTextSchema } from './common.ts';

/**
 * The conformity view: every requirement item of the criteria evaluated
 * against the organization's own data (met / partly met / not met / not yet
 * evidenced), with the reason, the evidence and the data the rule used.
 */
export const conformityStatusSchema = z.enum(['met', 'partly_met', 'not_met', 'not_evidenced']);
export type ConformityStatus = z.infer<typeof conformityStatusSchema>;

export const pdcaPhaseSchema = z.enum(['plan', 'do', 'check', 'act']);
export type PdcaPhase = z.infer<typeof pdcaPhaseSchema>;

export const conformityLinkSchema = z.object({
  /** A path of the web app, e.g. `/assets?classification=none`. */
  href: z.string(),
  label: localizedTextSchema,
  /** 'evidence' shows what satisfies the item, 'gap' what is missing or at fault. */
  kind: z.enum(['evidence', 'gap']),
});
export type ConformityLink = z.infer<typeof conformityLinkSchema>;

/**
 * How an item can be met, for every status: what Mamoru needs to show and the
 * page (a path of the web app) where it is recorded. Written in our own words.
 */
export const conformityGuidanceSchema = z.object({
  text: localizedTextSchema,
  path: z.string(),
});
export type ConformityGuidance = z.infer<typeof conformityGuidanceSchema>;

const factValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.string())]);

export const conformityItemSchema = z
  .object({
    /** The requirement item ID (`4.2.1.d.1`), or `1.2` for the exclusions rule of 第1 2. */
    id: z.string(),
    /** How the standard prints it (`第4 2.(1) d (ア)`). */
    displayId: z.string(),
    /** 'requirement' for items of clauses 第4–第7, 'exclusions' for the rule of 第1 2. */
    kind: z.enum(['requirement', 'exclusions']),
    /** Enclosing requirement IDs, outermost first. */
    parentIds: z.array(z.string()),
    title: localizedTextSchema,
    phase: pdcaPhaseSchema,
    status: conformityStatusSchema,
    explanation: localizedTextSchema,
    /** How the item can be met and where, shown whatever its status. */
    guidance: conformityGuidanceSchema,
    links: z.array(conformityLinkSchema),
    /**
     * How a met item is met: by its rule on Mamoru's data, or by an approved
     * attestation in force (the rule alone did not reach met); null when not met.
     */
    basis: z.enum(['rule', 'attestation']).nullable(),
    /** The attestation an item is met by (basis 'attestation'), else null. */
    attestation: z.object({ id: z.uuid(), validUntil: z.iso.date() }).nullable(),
    /** The facts the rule looked at (counts, small id lists). */
    data: z.record(z.string(), factValue),
  })
  .meta({ id: 'ConformityItem' });
export type ConformityItem = z.infer<typeof conformityItemSchema>;

export const conformityCountsSchema = z.object({
  met: z.number().int(),
  partly_met: z.number().int(),
  not_met: z.number().int(),
  not_evidenced: z.number().int(),
});
export type ConformityCounts = z.infer<typeof conformityCountsSchema>;

export const conformitySummarySchema = z.object({
  total: z.number().int(),
  counts: conformityCountsSchema,
  /** Share of items met, 0–100 (whole percent, rounded down). */
  readiness: z.number().int(),
  /** Items still to close: partly met, not met and not yet evidenced. */
  gaps: z.number().int(),
  /** Of the items met, those met by an approved attestation rather than by their rule. */
  metByAttestation: z.number().int(),
  phases: z.array(
    z.object({
      phase: pdcaPhaseSchema,
      total: z.number().int(),
      counts: conformityCountsSchema,
      readiness: z.number().int(),
    }),
  ),
});
export type ConformitySummary = z.infer<typeof conformitySummarySchema>;

/**
 * Work with a date: approvals waiting, reviews and treatment actions due or
 * overdue, training overdue or due again, competences expired or expiring.
 */
export const conformityDueSchema = z.object({
  kind: z.enum([
    'approval',
    'review',
    'treatment_action',
    'management_review',
    'training',
    'competence',
    // Notification clocks past or near their deadline; reports waiting for triage beyond the target.
    'incident_notification',
    'incident_triage',
    // The fiscal year's resource plan not approved; a past year's usage not recorded.
    'resource_plan',
    // Approved attestations ending within 30 days, or lapsed without a successor (overdue).
    'attestation_expiry',
    // Objectives' measurements due (7 days) or overdue; objectives due (30 days) or past due.
    'objective_measurement',
    'objective',
    // Legal obligations whose review is due within 30 days or overdue.
    'legal_review',
    // Control checks due within 30 days or overdue.
    'control_check',
  ]),
  count: z.number().int(),
  overdue: z.number().int(),
  href: z.string(),
});
export type ConformityDue = z.infer<typeof conformityDueSchema>;

/** A requirement that groups items (`4.2.1`, `4.2.1.b`), for the tree. */
export const conformityGroupSchema = z.object({
  id: z.string(),
  displayId: z.string(),
  parentIds: z.array(z.string()),
  title: localizedTextSchema,
});

export const conformityReportSchema = z
  .object({
    evaluatedAt: z.iso.datetime(),
    libraryId: z.string(),
    summary: conformitySummarySchema,
    groups: z.array(conformityGroupSchema),
    items: z.array(conformityItemSchema),
    due: z.array(conformityDueSchema),
  })
  .meta({ id: 'ConformityReport' });
export type ConformityReport = z.infer<typeof conformityReportSchema>;

export const conformityItemParamsSchema = z.object({
  itemId: z
    .string()
    .max(40)
    .regex(/^[0-9a-z.]+$/),
});

export const conformityExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: localeSchema.optional(),
});
