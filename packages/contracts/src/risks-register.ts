import { z } from 'zod';
import { localeSchema, localizedTextSchema } from './common.ts';
import { jobStatusSchema } from './assets.ts';
import { assetCategorySchema } from './scope.ts';
import { riskBandRefSchema, riskEvaluationSchema, securityPropertySchema } from './risks.ts';

// The risk register (4.2.1.d–e): asset × threat × vulnerability, valued by the method in force.

const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const levelValue = z.number().int().min(0).max(1000);
const queryInt = z.coerce.number().int().min(0).max(1_000_000);

export const treatmentOptionSchema = z.enum(['apply_controls', 'retain', 'avoid', 'transfer']);
export type TreatmentOption = z.infer<typeof treatmentOptionSchema>;
export const riskStatusSchema = z.enum(['open', 'in_treatment', 'accepted', 'closed']);
export type RiskStatus = z.infer<typeof riskStatusSchema>;
/** Sign-off of the residual risk by top management (4.2.1.i). */
export const residualAcceptanceStatusSchema = z.enum(['none', 'pending', 'accepted', 'rejected']);
/** Approval of knowingly retaining a risk above the acceptable level. */
export const retentionStatusSchema = z.enum(['none', 'pending', 'approved', 'rejected']);
export const riskControlRoleSchema = z.enum(['existing', 'selected']);

export const riskControlSchema = z.object({
  /** Catalog control ID (`jipdec-isms-2.0`), e.g. '10.3.1'. */
  controlId: z.string(),
  role: riskControlRoleSchema,
  justification: z.string(),
});
export const riskControlInputSchema = z.object({
  controlId: z.string().trim().min(1).max(64),
  justification: z.string().max(2000).default(''),
});

const ref = z.object({ id: z.uuid(), code: z.string(), name: localizedTextSchema });

export const riskSchema = z
  .object({
    id: z.uuid(),
    /** 'R-000001', unique in the organization. */
    code: z.string(),
    asset: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      category: assetCategorySchema,
    }),
    threat: ref,
    vulnerability: ref.nullable(),
    /** The C/I/A properties the threat affects. */
    affects: z.array(securityPropertySchema),
    /**
     * Threat likelihood as a level, 1 = lowest, of the method's threat scale (or
     * of its likelihood scale for a matrix method); the scale gives its value.
     */
    likelihood: z.number().int(),
    /** Ease of exploitation as a level (1 = lowest) of the vulnerability scale. */
    vulnerabilityLevel: z.number().int(),
    /** Asset value derived from C/I/A by the method in force. */
    assetValue: z.number().int().nullable(),
    /** Impact as a level of the impact scale (matrix methods); null means the asset value. */
    impact: z.number().int().nullable(),
    /** Computed by the method in force; null until a method is approved. */
    value: z.number().int().nullable(),
    level: riskBandRefSchema.nullable(),
    evaluation: riskEvaluationSchema.nullable(),
    treatmentOption: treatmentOptionSchema.nullable(),
    transferTo: z.string(),
    rationale: z.string(),
    residual: z.object({
      likelihood: z.number().int().nullable(),
      vulnerabilityLevel: z.number().int().nullable(),
      impact: z.number().int().nullable(),
      value: z.number().int().nullable(),
      level: riskBandRefSchema.nullable(),
      evaluation: riskEvaluationSchema.nullable(),
    }),
    residualAcceptance: z.object({
      status: residualAcceptanceStatusSchema,
      approvalId: z.uuid().nullable(),
      acceptedBy: z.uuid().nullable(),
      acceptedAt: z.iso.datetime().nullable(),
    }),
    retention: z.object({
      status: retentionStatusSchema,
      approvalId: z.uuid().nullable(),
    }),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    status: riskStatusSchema,
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Risk' });
export type RiskDto = z.infer<typeof riskSchema>;

/** GET /risks/{id}: the risk with its existing and selected controls. */
export const riskDetailSchema = riskSchema
  .extend({ controls: z.array(riskControlSchema) })
  .meta({ id: 'RiskDetail' });
export type RiskDetailDto = z.infer<typeof riskDetailSchema>;

/**
 * One row of GET /risks: what the register, the pickers and the CLI show, without the
 * texts, approvals and scale levels of the full risk (GET /risks/{id}); a page of 50
 * is about half the bytes.
 */
export const riskListItemSchema = riskSchema
  .pick({
    id: true,
    code: true,
    asset: true,
    threat: true,
    vulnerability: true,
    affects: true,
    likelihood: true,
    vulnerabilityLevel: true,
    assetValue: true,
    impact: true,
    value: true,
    level: true,
    evaluation: true,
    treatmentOption: true,
    owner: true,
    status: true,
    version: true,
    updatedAt: true,
  })
  .extend({
    residual: riskSchema.shape.residual.pick({ value: true, level: true }),
    residualAcceptance: riskSchema.shape.residualAcceptance.pick({ status: true }),
  })
  .meta({ id: 'RiskListItem' });
export type RiskListItemDto = z.infer<typeof riskListItemSchema>;

export const riskCreateSchema = z.object({
  assetId: z.uuid(),
  threatId: z.uuid(),
  vulnerabilityId: z.uuid().nullable().optional(),
  /** Defaults to the threat's default likelihood / the vulnerability's default level. */
  likelihood: levelValue.optional(),
  vulnerabilityLevel: levelValue.optional(),
  impact: levelValue.nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  notes: z.string().max(4000).default(''),
});
/** PATCH /risks/{id} with If-Match. */
export const riskUpdateSchema = z.object({
  vulnerabilityId: z.uuid().nullable().optional(),
  likelihood: levelValue.optional(),
  vulnerabilityLevel: levelValue.optional(),
  impact: levelValue.nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  /** 'accepted' is refused above the acceptable level without treatment or approved retention. */
  status: riskStatusSchema.optional(),
  notes: z.string().max(4000).optional(),
  /** Replaces the existing controls. */
  existingControls: z.array(riskControlInputSchema).max(200).optional(),
});

export const riskSortSchema = z.enum(['code', 'value', 'residualValue', 'updatedAt']);
export const riskFilter = {
  /** Substring of the risk code, asset code or asset name. */
  q: z.string().max(100).optional(),
  assetId: z.uuid().optional(),
  /** Risks of assets of this category. */
  assetCategory: assetCategorySchema.optional(),
  threatId: z.uuid().optional(),
  vulnerabilityId: z.uuid().optional(),
  /** Band index (1-based) in the method in force. */
  level: queryInt.optional(),
  evaluation: riskEvaluationSchema.optional(),
  status: riskStatusSchema.optional(),
  /** 'true' leaves out closed risks (the risks the conformity view counts). */
  open: flag.optional(),
  ownerUserId: z.uuid().optional(),
  /** 'none' selects risks without a treatment decision. */
  treatmentOption: z.enum(['apply_controls', 'retain', 'avoid', 'transfer', 'none']).optional(),
  residualAcceptance: residualAcceptanceStatusSchema.optional(),
  /** A heat map cell: likelihood and impact as the heat map reports them. */
  likelihood: queryInt.optional(),
  impact: queryInt.optional(),
  /** Risks that treat this catalog control (role selected). */
  controlId: z.string().max(64).optional(),
};
export const riskListQuerySchema = z.object({
  ...riskFilter,
  sort: riskSortSchema.default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});
export type RiskListQuery = z.infer<typeof riskListQuerySchema>;

// ---- bulk generation --------------------------------------------------------------------

export const riskGenerateRequestSchema = z.object({
  /** Only these assets (default: every asset in use). */
  assetIds: z.array(z.uuid()).max(10_000).optional(),
  categories: z.array(assetCategorySchema).max(6).optional(),
  /** Only these threats (default: every active threat). */
  threatIds: z.array(z.uuid()).max(1000).optional(),
  /**
   * per_threat: one risk per asset × applicable threat, with the most easily
   * exploited matching vulnerability; per_vulnerability: one per matching
   * threat × vulnerability pair (threats without one still get a risk).
   */
  pairing: z.enum(['per_threat', 'per_vulnerability']).default('per_threat'),
  /** Give each new risk the asset's owner (when a user) as its owner. */
  ownerFromAsset: z.boolean().default(true),
});
export type RiskGenerateRequest = z.infer<typeof riskGenerateRequestSchema>;

export const riskGenerateResultSchema = z
  .object({
    /** New risks; existing asset × threat × vulnerability combinations are left alone. */
    created: z.number().int(),
    assets: z.number().int(),
  })
  .meta({ id: 'RiskGenerateResult' });

/** The job of a generation (GET /jobs/{id} reports the same row). */
export const riskJobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: jobStatusSchema,
    phase: z.string().nullable(),
    processed: z.number().int(),
    total: z.number().int().nullable(),
    result: riskGenerateResultSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RiskJob' });

/** What a method change did to the register. */
export const riskRecomputeResultSchema = z.object({ updated: z.number().int() });

// ---- heat map -----------------------------------------------------------------------------

const { likelihood: _l, impact: _i, ...heatmapFilter } = riskFilter;
export const riskHeatmapQuerySchema = z.object({
  ...heatmapFilter,
  /** Place risks by their planned residual likelihood and impact. */
  residual: flag.default('false'),
});
export const riskHeatmapSchema = z
  .object({
    /**
     * Rows: likelihood levels (1 = lowest) with the labels of the threat scale,
     * or of the likelihood scale of a matrix method; columns: impact, the asset
     * value (labelled by the C/I/A scale), or the impact level of a matrix method.
     */
    likelihood: z.array(z.object({ value: z.number().int(), label: localizedTextSchema })),
    impact: z.array(z.object({ value: z.number().int(), label: localizedTextSchema })),
    cells: z.array(
      z.object({
        likelihood: z.number().int(),
        impact: z.number().int(),
        count: z.number().int(),
        /** Highest band index among the cell's risks. */
        maxLevel: z.number().int().nullable(),
      }),
    ),
    bands: z.array(riskBandRefSchema),
    total: z.number().int(),
  })
  .meta({ id: 'RiskHeatmap' });

// ---- exports ------------------------------------------------------------------------------

export const reportFormatSchema = z.enum(['xlsx', 'pdf']);
export const riskExportQuerySchema = z.object({
  ...riskFilter,
  format: reportFormatSchema.default('xlsx'),
  lang: localeSchema.optional(),
});
