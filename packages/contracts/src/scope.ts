import { z } from 'zod';

/** The organization's own short code of a unit, location, level or asset. */
export const codeSchema = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1).max(200);
const note = (max = 10_000) => z.string().max(max);
const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};

// ---- organization units ------------------------------------------------------

export const orgUnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    parentId: z.uuid().nullable(),
    managerUserId: z.uuid().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitCreateSchema = z.object({
  code: codeSchema,
  name,
  description: note(2000).default(''),
  parentId: z.uuid().nullable().optional(),
  managerUserId: z.uuid().nullable().optional(),
});
export const orgUnitUpdateSchema = z.object({
  code: codeSchema.optional(),
  name: name.optional(),
  description: note(2000).optional(),
  parentId: z.uuid().nullable().optional(),
  managerUserId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export const orgUnitQuerySchema = z.object({
  /** Substring of code or name. */
  q: z.string().max(100).optional(),
  parentId: z.uuid().optional(),
  /** Only units without a parent. */
  roots: flag.optional(),
  active: flag.optional(),
  ...page,
});

// ---- locations ---------------------------------------------------------------

export const locationKindSchema = z.enum(['site', 'building', 'room', 'data_centre', 'other']);
export type LocationKind = z.infer<typeof locationKindSchema>;

export const locationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: locationKindSchema,
    address: z.string(),
    description: z.string(),
    parentId: z.uuid().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof locationSchema>;

export const locationCreateSchema = z.object({
  code: codeSchema,
  name,
  kind: locationKindSchema,
  address: note(500).default(''),
  description: note(2000).default(''),
  parentId: z.uuid().nullable().optional(),
});
export const locationUpdateSchema = z.object({
  code: codeSchema.optional(),
  name: name.optional(),
  kind: locationKindSchema.optional(),
  address: note(500).optional(),
  description: note(2000).optional(),
  parentId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export const locationQuerySchema = z.object({
  q: z.string().max(100).optional(),
  kind: locationKindSchema.optional(),
  parentId: z.uuid().optional(),
  roots: flag.optional(),
  active: flag.optional(),
  ...page,
});

// ---- the ISMS scope ------------------------------------------------------------

export const assetCategorySchema = z.enum([
  'information',
  'software',
  'physical',
  'service',
  'people',
  'intangible',
]);
export type AssetCategory = z.infer<typeof assetCategorySchema>;

export const scopeStatusSchema = z.enum(['draft', 'pending', 'approved', 'superseded']);
export type ScopeStatus = z.infer<typeof scopeStatusSchema>;

const scopeInterfaceSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: note(2000).default(''),
});

/**
 * An exclusion as requested. Only annex controls (namespace `control`, IDs
 * like `8.5.1`) can be excluded; requirements (clauses 第4–第7, namespace
 * `requirement`) never can, and the API says so. Reason and the accountable
 * person's risk acceptance are checked by the domain, field by field.
 */
export const scopeExclusionInputSchema = z.object({
  namespace: z.enum(['control', 'requirement']).default('control'),
  id: z.string().trim().min(1).max(64),
  reason: note(2000).default(''),
  /** The accountable person who accepted the risk of not applying the control. */
  riskAcceptedBy: z.uuid().nullable().optional(),
  riskAcceptedOn: z.iso.date().optional(),
});

export const scopeContentSchema = z.object({
  businessActivities: note().default(''),
  orgUnitIds: z.array(z.uuid()).max(1000).default([]),
  organizationNote: note().default(''),
  locationIds: z.array(z.uuid()).max(1000).default([]),
  locationNote: note().default(''),
  assetCategories: z.array(assetCategorySchema).max(6).default([]),
  assetNote: note().default(''),
  technology: note().default(''),
  boundaries: note().default(''),
  interfaces: z.array(scopeInterfaceSchema).max(200).default([]),
  exclusions: z.array(scopeExclusionInputSchema).max(200).default([]),
});
export type ScopeContent = z.infer<typeof scopeContentSchema>;

/** PATCH of one draft version: only the fields sent change. */
export const scopeVersionUpdateSchema = z.object({
  businessActivities: note().optional(),
  orgUnitIds: z.array(z.uuid()).max(1000).optional(),
  organizationNote: note().optional(),
  locationIds: z.array(z.uuid()).max(1000).optional(),
  locationNote: note().optional(),
  assetCategories: z.array(assetCategorySchema).max(6).optional(),
  assetNote: note().optional(),
  technology: note().optional(),
  boundaries: note().optional(),
  interfaces: z.array(scopeInterfaceSchema).max(200).optional(),
  exclusions: z.array(scopeExclusionInputSchema).max(200).optional(),
});
export type ScopeVersionUpdate = z.infer<typeof scopeVersionUpdateSchema>;

export const scopeExclusionSchema = z.object({
  controlId: z.string(),
  reason: z.string(),
  riskAcceptedBy: z.uuid(),
  riskAcceptedOn: z.iso.date(),
});

export const scopeVersionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: scopeStatusSchema,
    businessActivities: z.string(),
    orgUnitIds: z.array(z.uuid()),
    organizationNote: z.string(),
    locationIds: z.array(z.uuid()),
    locationNote: z.string(),
    assetCategories: z.array(assetCategorySchema),
    assetNote: z.string(),
    technology: z.string(),
    boundaries: z.string(),
    interfaces: z.array(z.object({ name: z.string(), description: z.string() })),
    exclusions: z.array(scopeExclusionSchema),
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
    approvalId: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ScopeVersion' });
export type ScopeVersion = z.infer<typeof scopeVersionSchema>;

/** The scope being worked on and the scope in force, either null until it exists. */
export const scopeSchema = z
  .object({
    /** The latest version (draft, pending or approved); its ETag guards PUT /scope. */
    current: scopeVersionSchema.nullable(),
    /** The approved version in force. */
    approved: scopeVersionSchema.nullable(),
  })
  .meta({ id: 'Scope' });

export const scopeVersionSummarySchema = scopeVersionSchema
  .pick({
    id: true,
    number: true,
    status: true,
    approvedBy: true,
    approvedAt: true,
    version: true,
    createdAt: true,
    updatedAt: true,
  })
  .meta({ id: 'ScopeVersionSummary' });

export const scopeVersionQuerySchema = z.object({
  status: scopeStatusSchema.optional(),
  ...page,
});

export const scopeApprovalRequestSchema = z.object({
  /** A named approver instead of the role the `scope` approval policy names. */
  assigneeUserId: z.uuid().nullable().optional(),
});
