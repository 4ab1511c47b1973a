import { z } from 'zod';

/**
 * The register of legal, regulatory and contractual obligations (5.2.1.c,
 * annex 12.1): what each requires, the controls and documents answering it,
 * and its reviews.
 */

const isoDate = z.iso.date();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const textId = z.string().trim().min(1).max(64);

export const LEGAL_KINDS = ['law', 'regulation', 'contract', 'guideline', 'other'] as const;
export const legalKindSchema = z.enum(LEGAL_KINDS);
export type LegalKind = z.infer<typeof legalKindSchema>;
export const legalStatusSchema = z.enum(['active', 'retired']);
export type LegalStatus = z.infer<typeof legalStatusSchema>;
export const LEGAL_REVIEW_OUTCOMES = ['unchanged', 'changed', 'retired'] as const;
export const legalReviewOutcomeSchema = z.enum(LEGAL_REVIEW_OUTCOMES);
export type LegalReviewOutcome = z.infer<typeof legalReviewOutcomeSchema>;
/** Where an obligation's review date stands on a day (see domain legal/rules.ts). */
export const legalReviewStateSchema = z.enum(['overdue', 'due_soon', 'scheduled', 'retired']);
export type LegalReviewState = z.infer<typeof legalReviewStateSchema>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const legalObligationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: legalKindSchema,
    title: z.string(),
    /** The issuing authority, or the counterparty of a contract. */
    authority: z.string(),
    /** Articles or clauses concerned. */
    reference: z.string(),
    /** What it requires of the organization, in its own words. */
    summary: z.string(),
    owner: person.nullable(),
    appliesSince: isoDate.nullable(),
    reviewIntervalMonths: z.number().int(),
    nextReviewDate: isoDate,
    reviewState: legalReviewStateSchema,
    status: legalStatusSchema,
    controlIds: z.array(z.string()),
    documentIds: z.array(z.uuid()),
    contentChangedAt: z.iso.datetime().nullable(),
    retiredAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'LegalObligation' });
export type LegalObligation = z.infer<typeof legalObligationSchema>;

export const legalReviewSchema = z
  .object({
    id: z.uuid(),
    obligationId: z.uuid(),
    reviewedOn: isoDate,
    reviewer: person.nullable(),
    outcome: legalReviewOutcomeSchema,
    note: z.string(),
    nextReviewDate: isoDate.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'LegalReview' });
export type LegalReview = z.infer<typeof legalReviewSchema>;

/** The detail page: the obligation, the documents answering it (titles), its reviews. */
export const legalObligationDetailSchema = z
  .object({
    obligation: legalObligationSchema,
    documents: z.array(
      z.object({ id: z.uuid(), code: z.string(), title: z.string(), status: z.string() }),
    ),
    reviews: z.array(legalReviewSchema),
  })
  .meta({ id: 'LegalObligationDetail' });
export type LegalObligationDetail = z.infer<typeof legalObligationDetailSchema>;

export const legalObligationCreateSchema = z.object({
  kind: legalKindSchema,
  title: z.string().trim().min(1).max(500),
  authority: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(2000).default(''),
  summary: z.string().trim().max(10_000).default(''),
  ownerUserId: z.uuid().nullable().optional(),
  appliesSince: isoDate.nullable().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  /** Without one: the interval from today. */
  nextReviewDate: isoDate.optional(),
  controlIds: z.array(textId).max(200).default([]),
  documentIds: z.array(z.uuid()).max(200).default([]),
});
export type LegalObligationCreate = z.infer<typeof legalObligationCreateSchema>;
export type LegalObligationCreateInput = z.input<typeof legalObligationCreateSchema>;

export const legalObligationUpdateSchema = z.object({
  kind: legalKindSchema.optional(),
  title: z.string().trim().min(1).max(500).optional(),
  authority: z.string().trim().max(500).optional(),
  reference: z.string().trim().max(2000).optional(),
  summary: z.string().trim().max(10_000).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  appliesSince: isoDate.nullable().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
  nextReviewDate: isoDate.optional(),
  status: legalStatusSchema.optional(),
  controlIds: z.array(textId).max(200).optional(),
  documentIds: z.array(z.uuid()).max(200).optional(),
});
export type LegalObligationUpdate = z.infer<typeof legalObligationUpdateSchema>;

export const legalReviewCreateSchema = z.object({
  reviewedOn: isoDate,
  outcome: legalReviewOutcomeSchema,
  note: z.string().trim().max(5000).default(''),
  /** Overrides the date the interval gives (e.g. a law taking effect sooner). */
  nextReviewDate: isoDate.optional(),
});
export type LegalReviewCreate = z.infer<typeof legalReviewCreateSchema>;
export type LegalReviewCreateInput = z.input<typeof legalReviewCreateSchema>;

const filters = {
  kind: legalKindSchema.optional(),
  status: legalStatusSchema.optional(),
  /** overdue: past the review date; soon: due within 30 days. */
  due: z.enum(['overdue', 'soon']).optional(),
  ownerId: z.uuid().optional(),
  controlId: textId.optional(),
  documentId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
};

export const legalListQuerySchema = z.object({ ...filters, ...page });
export type LegalListQuery = z.infer<typeof legalListQuerySchema>;

export const legalExportQuerySchema = z.object({
  ...filters,
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: z.enum(['ja', 'en']).optional(),
});
export type LegalExportQuery = Omit<z.infer<typeof legalExportQuerySchema>, 'format'>;
