import { z } from 'zod';
import { catalogTextSchema, nodeIdSchema } from './catalog.ts';

/**
 * The Statement of Applicability (4.2.1.h): per scope, one entry per annex
 * control and own control, versioned and approved (approval type `soa`).
 */

export const soaStatusSchema = z.enum(['draft', 'pending', 'approved', 'superseded']);
export type SoaStatus = z.infer<typeof soaStatusSchema>;

export const soaReasonTypeSchema = z.enum(['risk', 'legal', 'business', 'policy']);
export type SoaReasonType = z.infer<typeof soaReasonTypeSchema>;

export const implementationStatusSchema = z.enum([
  'not_started',
  'planned',
  'partial',
  'implemented',
]);
export type ImplementationStatus = z.infer<typeof implementationStatusSchema>;

/** A typed reference (risk, document, record, url, other), kept generic on purpose. */
export const soaLinkSchema = z.object({
  type: z.string().trim().min(1).max(32),
  id: z.string().trim().min(1).max(500),
  label: z.string().trim().max(300).default(''),
});
export type SoaLink = z.infer<typeof soaLinkSchema>;

export const soaReasonSchema = z.object({
  type: soaReasonTypeSchema,
  note: z.string().max(2000).default(''),
  link: soaLinkSchema.nullable().default(null),
});
export type SoaReason = z.infer<typeof soaReasonSchema>;

export const soaEntrySchema = z
  .object({
    controlId: z.string(),
    displayId: z.string(),
    /** The organization's own control (not from the annex). */
    own: z.boolean(),
    domainId: z.string().nullable(),
    domainDisplayId: z.string().nullable(),
    domainTitle: catalogTextSchema.nullable(),
    objectiveId: z.string().nullable(),
    objectiveDisplayId: z.string().nullable(),
    objectiveTitle: catalogTextSchema.nullable(),
    title: catalogTextSchema,
    summary: catalogTextSchema.nullable(),
    applicable: z.boolean().nullable(),
    /** Drafted from the risk work and not yet confirmed by a person. */
    proposed: z.boolean(),
    reasons: z.array(soaReasonSchema),
    exclusionReason: z.string(),
    riskAcceptedBy: z.uuid().nullable(),
    riskAcceptedOn: z.iso.date().nullable(),
    implementationStatus: implementationStatusSchema,
    links: z.array(soaLinkSchema),
    ownerUserId: z.uuid().nullable(),
    notes: z.string(),
    updatedBy: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SoaEntry' });
export type SoaEntry = z.infer<typeof soaEntrySchema>;

export const soaCountsSchema = z.object({
  total: z.number().int(),
  undecided: z.number().int(),
  applicable: z.number().int(),
  excluded: z.number().int(),
  notImplemented: z.number().int(),
  proposed: z.number().int(),
});

export const soaVersionSchema = z
  .object({
    id: z.uuid(),
    soaId: z.uuid(),
    number: z.number().int(),
    status: soaStatusSchema,
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
    approvalId: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    counts: soaCountsSchema,
  })
  .meta({ id: 'SoaVersion' });
export type SoaVersion = z.infer<typeof soaVersionSchema>;

export const soaSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    libraryId: z.string(),
    scopeVersionId: z.uuid(),
    scopeVersionNumber: z.number().int(),
    createdAt: z.iso.datetime(),
    /** The latest version (the one being worked on); its ETag guards edits. */
    current: soaVersionSchema,
    /** The approved version in force, if any. */
    approved: soaVersionSchema.nullable(),
  })
  .meta({ id: 'Soa' });
export type Soa = z.infer<typeof soaSchema>;

export const soaCreateSchema = z.object({
  /** The scope version the statement covers; the latest scope version when omitted. */
  scopeVersionId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200).optional(),
});

const entryChange = {
  applicable: z.boolean().nullable().optional(),
  reasons: z.array(soaReasonSchema).max(100).optional(),
  exclusionReason: z.string().max(2000).optional(),
  riskAcceptedBy: z.uuid().nullable().optional(),
  riskAcceptedOn: z.iso.date().nullable().optional(),
  implementationStatus: implementationStatusSchema.optional(),
  links: z.array(soaLinkSchema).max(100).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  notes: z.string().max(10_000).optional(),
};

/** PATCH of one entry: only the fields sent change; confirming a proposal clears `proposed`. */
export const soaEntryUpdateSchema = z.object(entryChange);
export type SoaEntryUpdate = z.infer<typeof soaEntryUpdateSchema>;

/** The same change applied to many entries at once (bulk decision). */
export const soaBulkUpdateSchema = z.object({
  controlIds: z.array(z.string().min(1).max(100)).min(1).max(1000),
  change: z.object(entryChange),
});
export type SoaBulkUpdate = z.infer<typeof soaBulkUpdateSchema>;

export const soaFilterSchema = z.enum([
  'undecided',
  'excluded',
  'not_implemented',
  'applicable',
  'proposed',
]);
export type SoaFilter = z.infer<typeof soaFilterSchema>;

export const soaEntriesQuerySchema = z.object({
  /** A version of this statement; the latest when omitted. */
  version: z.uuid().optional(),
  filter: soaFilterSchema.optional(),
});

export const soaEntryParamsSchema = z.object({ id: z.uuid(), controlId: nodeIdSchema });

export const soaBlockerCodeSchema = z.enum([
  'undecided',
  'reason_missing',
  'exclusion_reason_missing',
  'acceptance_missing',
  // A migrated entry nobody has confirmed yet (see soaMigrationEntrySchema).
  'review_pending',
]);
export type SoaBlockerCode = z.infer<typeof soaBlockerCodeSchema>;

export const soaBlockerSchema = z.object({
  controlId: z.string(),
  displayId: z.string(),
  code: soaBlockerCodeSchema,
});
export type SoaBlocker = z.infer<typeof soaBlockerSchema>;

export const soaValidationSchema = z
  .object({ ok: z.boolean(), blockers: z.array(soaBlockerSchema) })
  .meta({ id: 'SoaValidation' });
export type SoaValidation = z.infer<typeof soaValidationSchema>;

export const soaEntryChangeSchema = z.object({
  controlId: z.string(),
  displayId: z.string(),
  /** 'added' | 'removed' | 'changed'. */
  kind: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type SoaEntryChange = z.infer<typeof soaEntryChangeSchema>;

export const soaDiffSchema = z
  .object({
    from: z.object({ id: z.uuid(), number: z.number().int() }),
    to: z.object({ id: z.uuid(), number: z.number().int() }),
    changes: z.array(soaEntryChangeSchema),
  })
  .meta({ id: 'SoaDiff' });
export type SoaDiff = z.infer<typeof soaDiffSchema>;

export const soaDiffQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });

export const soaVersionQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const soaExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'pdf']),
  lang: z.enum(['ja', 'en']).optional(),
  version: z.uuid().optional(),
});

export const soaApprovalRequestSchema = z.object({
  assigneeUserId: z.uuid().nullable().optional(),
});

export const soaEntryResultSchema = z.object({
  entry: soaEntrySchema,
  version: soaVersionSchema,
});
export const soaBulkResultSchema = z.object({
  updated: z.number().int(),
  version: soaVersionSchema,
});
