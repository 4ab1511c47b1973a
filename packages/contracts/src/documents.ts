import { z } from 'zod';
import { localeSchema, pageQuerySchema } from './common.ts';
import { codeSchema } from './scope.ts';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const text = (max = 10_000) => z.string().max(max);
const textId = z.string().trim().min(1).max(64);

// ---- the register (4.3.1, 4.3.2) ---------------------------------------------------

export const documentTypeSchema = z.enum([
  'policy',
  'standard',
  'procedure',
  'guideline',
  'form_template',
  'external',
]);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/** never issued yet, issued (a version in force), obsolete (withdrawn, kept for reference). */
export const documentStatusSchema = z.enum(['draft', 'issued', 'obsolete']);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** `approved` is a version in review whose approval was granted: ready to issue. */
export const documentVersionStatusSchema = z.enum([
  'draft',
  'in_review',
  'approved',
  'issued',
  'superseded',
  'obsolete',
]);
export type DocumentVersionStatus = z.infer<typeof documentVersionStatusSchema>;

export const distributionRoleSchema = z.enum([
  'admin',
  'top_management',
  'isms_manager',
  'owner',
  'internal_auditor',
  'staff',
]);

export const distributionSchema = z.object({
  /** Units: their heads receive the document. */
  orgUnitIds: z.array(z.uuid()).max(500).default([]),
  roles: z.array(distributionRoleSchema).max(6).default([]),
  userIds: z.array(z.uuid()).max(5000).default([]),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** The structured parts of the ISMS policy (4.2.1.b). */
export const policyFieldsSchema = z
  .object({
    objectivesFramework: text(20_000).default(''),
    obligationsConsidered: text(20_000).default(''),
    riskCriteriaReference: text(20_000).default(''),
  })
  .meta({ id: 'PolicyFields' });
export type PolicyFields = z.infer<typeof policyFieldsSchema>;

const registerFields = {
  title: z.string().trim().min(1).max(300),
  type: documentTypeSchema,
  /** The ISMS policy (type policy): issuing it needs top management's approval. */
  ismsPolicy: z.boolean().default(false),
  ownerUserId: z.uuid().nullable().default(null),
  classificationId: z.uuid().nullable().default(null),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  nextReviewDate: z.iso.date().nullable().default(null),
  distribution: distributionSchema.default({ orgUnitIds: [], roles: [], userIds: [] }),
  externalOrigin: z.boolean().default(false),
  externalSource: text(500).default(''),
  externalVersion: text(100).default(''),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  controlIds: z.array(textId).max(200).default([]),
  requirementIds: z.array(textId).max(200).default([]),
};

export const documentCreateSchema = z.object({
  code: codeSchema,
  ...registerFields,
  /** The first draft. */
  body: text(500_000).default(''),
  changeSummary: text(2000).default(''),
  policyFields: policyFieldsSchema.optional(),
});
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

export const documentUpdateSchema = z.object({
  code: codeSchema.optional(),
  title: registerFields.title.optional(),
  type: documentTypeSchema.optional(),
  ismsPolicy: z.boolean().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  classificationId: z.uuid().nullable().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
  nextReviewDate: z.iso.date().nullable().optional(),
  distribution: distributionSchema.optional(),
  externalOrigin: z.boolean().optional(),
  externalSource: text(500).optional(),
  externalVersion: text(100).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  controlIds: z.array(textId).max(200).optional(),
  requirementIds: z.array(textId).max(200).optional(),
});
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const documentSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    type: documentTypeSchema,
    ismsPolicy: z.boolean(),
    status: documentStatusSchema,
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    classificationId: z.uuid().nullable(),
    classificationName: z.object({ ja: z.string(), en: z.string() }).nullable(),
    /** The issued revision in force, if any. */
    currentRevision: z.number().int().nullable(),
    issuedAt: z.iso.datetime().nullable(),
    reviewIntervalMonths: z.number().int(),
    nextReviewDate: z.iso.date().nullable(),
    tags: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentVersionSummarySchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    revision: z.number().int(),
    status: documentVersionStatusSchema,
    changeSummary: z.string(),
    approvalId: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    issuedAt: z.iso.datetime().nullable(),
    supersededAt: z.iso.datetime().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalReason: z.string(),
    updatedBy: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentVersionSummary' });

export const documentVersionSchema = documentVersionSummarySchema
  .extend({
    body: z.string(),
    policyFields: policyFieldsSchema.nullable(),
  })
  .meta({ id: 'DocumentVersion' });
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentSchema = documentSummarySchema
  .extend({
    distribution: z.object({
      orgUnitIds: z.array(z.uuid()),
      roles: z.array(z.string()),
      userIds: z.array(z.uuid()),
    }),
    externalOrigin: z.boolean(),
    externalSource: z.string(),
    externalVersion: z.string(),
    controlIds: z.array(z.string()),
    requirementIds: z.array(z.string()),
    lastReviewedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    /** The issued version in force: what everyone reads by default. */
    current: documentVersionSchema.nullable(),
    /** The version being worked on (draft, in review or approved); null for readers of issued versions only. */
    working: documentVersionSchema.nullable(),
    /** The caller's own acknowledgement of the current version, if it was distributed to them. */
    myAcknowledgement: z
      .object({ notifiedAt: z.iso.datetime(), acknowledgedAt: z.iso.datetime().nullable() })
      .nullable(),
  })
  .meta({ id: 'Document' });
export type DocumentDetail = z.infer<typeof documentSchema>;

export const documentSortSchema = z.enum(['code', 'title', 'updatedAt', 'nextReviewDate']);
export const documentListQuerySchema = z.object({
  /** Words of the code, title, tags or body (Japanese substrings match too). */
  q: z.string().trim().max(200).optional(),
  type: documentTypeSchema.optional(),
  status: documentStatusSchema.optional(),
  ownerUserId: z.uuid().optional(),
  tag: z.string().max(50).optional(),
  /** Documents whose next review falls on or before this date. */
  reviewDueBy: z.iso.date().optional(),
  sort: documentSortSchema.default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentVersionParamsSchema = z.object({ id: z.uuid(), versionId: z.uuid() });

// ---- versions ------------------------------------------------------------------------

export const documentDraftUpdateSchema = z.object({
  body: text(500_000).optional(),
  changeSummary: text(2000).optional(),
  policyFields: policyFieldsSchema.nullable().optional(),
});
export type DocumentDraftUpdate = z.infer<typeof documentDraftUpdateSchema>;

export const documentApprovalRequestSchema = z.object({
  assigneeUserId: z.uuid().nullable().optional(),
});

export const documentWithdrawSchema = z.object({
  reason: z.string().trim().min(1).max(2000),
});

/** The PDF of a version: the language of its labels (the caller's language by default). */
export const documentExportQuerySchema = z.object({ lang: localeSchema.optional() });

/** The attachments of a version, a page at a time. */
export const documentFilesQuerySchema = pageQuerySchema;

export const documentDiffQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });
export const diffPartSchema = z.object({
  op: z.enum(['equal', 'add', 'remove']),
  text: z.string(),
});
export const documentDiffSchema = z
  .object({
    from: documentVersionSummarySchema,
    to: documentVersionSummarySchema,
    parts: z.array(diffPartSchema),
    added: z.number().int(),
    removed: z.number().int(),
  })
  .meta({ id: 'DocumentDiff' });
export type DocumentDiff = z.infer<typeof documentDiffSchema>;

// ---- acknowledgements (4.3.2.g, annex 3.1.2) ---------------------------------------

export const acknowledgementRowSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  notifiedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export const acknowledgementReportSchema = z
  .object({
    versionId: z.uuid().nullable(),
    revision: z.number().int().nullable(),
    acknowledged: z.array(acknowledgementRowSchema),
    /** Exactly the recipients who have not acknowledged yet. */
    pending: z.array(acknowledgementRowSchema),
  })
  .meta({ id: 'AcknowledgementReport' });
export type AcknowledgementReport = z.infer<typeof acknowledgementReportSchema>;

export const toReadItemSchema = z
  .object({
    documentId: z.uuid(),
    versionId: z.uuid(),
    code: z.string(),
    title: z.string(),
    type: documentTypeSchema,
    revision: z.number().int(),
    issuedAt: z.iso.datetime().nullable(),
    notifiedAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentToRead' });
export type ToReadItem = z.infer<typeof toReadItemSchema>;

// ---- reviews (4.3.2.b, annex 3.1.3) ----------------------------------------------------

export const documentReviewCreateSchema = z.object({
  outcome: z.enum(['no_change', 'new_draft']),
  note: text(4000).default(''),
});
export const documentReviewSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    versionId: z.uuid().nullable(),
    outcome: z.enum(['no_change', 'new_draft']),
    note: z.string(),
    nextReviewDate: z.iso.date().nullable(),
    reviewedBy: z.uuid().nullable(),
    reviewedAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentReview' });
export type DocumentReview = z.infer<typeof documentReviewSchema>;
