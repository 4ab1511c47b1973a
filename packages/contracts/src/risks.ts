import { z } from 'zod';
import { localizedTextSchema } from './common.ts';
import { assetCategorySchema } from './scope.ts';

// Risk assessment and treatment (4.2.1.c–g, i; 4.2.2.a–b; 4.2.3.c).

const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const bilingual = (max: number) => z.object({ ja: z.string().max(max), en: z.string().max(max) });
const levelValue = z.number().int().min(0).max(1000);

// ---- risk method ------------------------------------------------------------------

export const securityPropertySchema = z.enum(['confidentiality', 'integrity', 'availability']);
export type SecurityProperty = z.infer<typeof securityPropertySchema>;

export const scaleLevelSchema = z.object({ value: levelValue, label: bilingual(100) });
export const scaleSchema = z.array(scaleLevelSchema).min(2).max(20);
export const assetValueDerivationSchema = z.enum(['max', 'sum', 'per_property']);
export const riskFormulaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('multiplicative') }),
  z.object({ kind: z.literal('additive') }),
  z.object({
    kind: z.literal('likelihood_impact'),
    /** grid[likelihood index][impact index]. */
    grid: z.array(z.array(z.number().int().min(0).max(1_000_000)).max(20)).max(20),
  }),
]);
export const riskBandSchema = z.object({
  /** Inclusive lower bound of the band's risk values. */
  min: z.number().int().min(0).max(1_000_000),
  label: bilingual(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

/** The method itself, exactly what `@mamoru/domain`'s RiskMethod holds. */
export const riskMethodDefinitionSchema = z
  .object({
    ciaScale: scaleSchema,
    derivation: assetValueDerivationSchema,
    threatScale: scaleSchema,
    vulnerabilityScale: scaleSchema,
    likelihoodScale: scaleSchema,
    impactScale: scaleSchema,
    formula: riskFormulaSchema,
    bands: z.array(riskBandSchema).min(1).max(10),
    acceptableLevel: z.number().int().min(0).max(1_000_000),
  })
  .meta({ id: 'RiskMethodDefinition' });
export type RiskMethodDefinition = z.infer<typeof riskMethodDefinitionSchema>;

export const riskMethodPresetSchema = z.enum(['multiplicative', 'additive', 'likelihood_impact']);
export const riskMethodStatusSchema = z.enum(['draft', 'in_review', 'approved', 'superseded']);
export type RiskMethodStatus = z.infer<typeof riskMethodStatusSchema>;

export const riskMethodSchema = z
  .object({
    id: z.uuid(),
    /** 1, 2, … per organization. */
    number: z.number().int(),
    name: z.string(),
    status: riskMethodStatusSchema,
    definition: riskMethodDefinitionSchema,
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
    approvalId: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskMethod' });
export type RiskMethodDto = z.infer<typeof riskMethodSchema>;

export const riskMethodCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** Start from a preset; ignored when a definition is given. */
  preset: riskMethodPresetSchema.default('multiplicative'),
  definition: riskMethodDefinitionSchema.optional(),
});
/** A draft's changes (If-Match). */
export const riskMethodUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  definition: riskMethodDefinitionSchema.optional(),
});
export const riskMethodQuerySchema = z.object({
  status: riskMethodStatusSchema.optional(),
  ...page,
});
export const riskMethodApprovalRequestSchema = z.object({
  assigneeUserId: z.uuid().nullable().optional(),
});

export const riskBandRefSchema = z
  .object({
    /** 1-based index of the band in the method in force. */
    index: z.number().int(),
    label: localizedTextSchema,
    color: z.string(),
  })
  .meta({ id: 'RiskBand' });
export const riskEvaluationSchema = z.enum(['accept', 'treat']);
export type RiskEvaluation = z.infer<typeof riskEvaluationSchema>;

/** Every cell the method produces (POST /risk-methods/preview, GET /risk-methods/{id}/preview). */
export const riskMethodPreviewSchema = z
  .object({
    rows: z.array(z.object({ axis: z.enum(['asset_value', 'likelihood']), value: z.number() })),
    columns: z.array(
      z.object({
        axis: z.enum(['threat_vulnerability', 'impact']),
        threat: z.number().optional(),
        vulnerability: z.number().optional(),
        value: z.number().optional(),
      }),
    ),
    cells: z.array(
      z.array(
        z.object({
          value: z.number(),
          band: riskBandSchema,
          evaluation: riskEvaluationSchema,
        }),
      ),
    ),
    /** Problems of the definition, each naming the field; empty when it can be submitted. */
    problems: z.array(z.object({ field: z.string(), code: z.string() })),
  })
  .meta({ id: 'RiskMethodPreview' });

// ---- threats and vulnerabilities --------------------------------------------------

export const threatOriginSchema = z.enum(['deliberate', 'accidental', 'environmental']);
export const riskCatalogSourceSchema = z.enum(['starter', 'custom']);

export const threatSchema = z
  .object({
    id: z.uuid(),
    /** 'T01' for starter threats; the organization's own code otherwise. */
    code: z.string(),
    /** ISO/IEC 27005 group, e.g. 'physical_damage'; free text for own groups. */
    group: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    origin: z.array(threatOriginSchema),
    affects: z.array(securityPropertySchema),
    assetCategories: z.array(assetCategorySchema),
    /** Default likelihood level of new risks, 1 = lowest of the method's threat scale. */
    defaultLikelihood: z.number().int(),
    /** Catalog control IDs (`jipdec-isms-2.0`), e.g. '10.3.1'. */
    relatedControls: z.array(z.string()),
    source: riskCatalogSourceSchema,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Threat' });
export type ThreatDto = z.infer<typeof threatSchema>;

const code = z.string().trim().min(1).max(64);
const bilingualName = z.object({
  ja: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
const controlIds = z.array(z.string().trim().min(1).max(64)).max(200);

export const threatCreateSchema = z.object({
  code,
  group: z.string().trim().min(1).max(64),
  name: bilingualName,
  description: bilingual(4000).default({ ja: '', en: '' }),
  origin: z.array(threatOriginSchema).max(3).default([]),
  affects: z.array(securityPropertySchema).min(1).max(3),
  assetCategories: z.array(assetCategorySchema).max(6).default([]),
  defaultLikelihood: levelValue,
  relatedControls: controlIds.default([]),
});
export const threatUpdateSchema = z.object({
  code: code.optional(),
  group: z.string().trim().min(1).max(64).optional(),
  name: bilingualName.optional(),
  description: bilingual(4000).optional(),
  origin: z.array(threatOriginSchema).max(3).optional(),
  affects: z.array(securityPropertySchema).min(1).max(3).optional(),
  assetCategories: z.array(assetCategorySchema).max(6).optional(),
  defaultLikelihood: levelValue.optional(),
  relatedControls: controlIds.optional(),
  active: z.boolean().optional(),
});
export const threatQuerySchema = z.object({
  q: z.string().max(100).optional(),
  group: z.string().max(64).optional(),
  category: assetCategorySchema.optional(),
  active: flag.optional(),
  ...page,
});

export const vulnerabilitySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    /** ISO/IEC 27005 asset type group, e.g. 'hardware'. */
    group: z.string(),
    name: localizedTextSchema,
    description: localizedTextSchema,
    assetCategories: z.array(assetCategorySchema),
    /** Default ease of exploitation as a level, 1 = lowest of the vulnerability scale. */
    defaultLevel: z.number().int(),
    /** Codes of the threats that exploit it. */
    exploitedBy: z.array(z.string()),
    relatedControls: z.array(z.string()),
    source: riskCatalogSourceSchema,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Vulnerability' });
export type VulnerabilityDto = z.infer<typeof vulnerabilitySchema>;

export const vulnerabilityCreateSchema = z.object({
  code,
  group: z.string().trim().min(1).max(64),
  name: bilingualName,
  description: bilingual(4000).default({ ja: '', en: '' }),
  assetCategories: z.array(assetCategorySchema).max(6).default([]),
  defaultLevel: levelValue,
  exploitedBy: z.array(code).max(200).default([]),
  relatedControls: controlIds.default([]),
});
export const vulnerabilityUpdateSchema = z.object({
  code: code.optional(),
  group: z.string().trim().min(1).max(64).optional(),
  name: bilingualName.optional(),
  description: bilingual(4000).optional(),
  assetCategories: z.array(assetCategorySchema).max(6).optional(),
  defaultLevel: levelValue.optional(),
  exploitedBy: z.array(code).max(200).optional(),
  relatedControls: controlIds.optional(),
  active: z.boolean().optional(),
});
export const vulnerabilityQuerySchema = z.object({
  q: z.string().max(100).optional(),
  group: z.string().max(64).optional(),
  category: assetCategorySchema.optional(),
  /** Vulnerabilities exploited by this threat code. */
  threat: z.string().max(64).optional(),
  active: flag.optional(),
  ...page,
});
