import { z } from 'zod';
import { implementationStatusSchema, soaEntrySchema } from './soa.ts';

/**
 * The migration assistant: from the statement in force (Ver.2.0) to a draft
 * statement of another library (ISO/IEC 27001:2022), each entry pre-filled
 * from the mapped controls and confirmed by a reviewer.
 */

/** How a source control relates to the target control (the catalog's mapping relations). */
export const soaMigrationRelationSchema = z.enum([
  'equal',
  'subset',
  'superset',
  'intersects',
  'related',
]);
export type SoaMigrationRelation = z.infer<typeof soaMigrationRelationSchema>;

export const soaMigrationConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type SoaMigrationConfidence = z.infer<typeof soaMigrationConfidenceSchema>;

/** Why an entry needs a reviewer's eye; none: carried over by an equal, confident mapping. */
export const soaMigrationReviewReasonSchema = z.enum([
  /** The control has no predecessor (new in the target edition). */
  'new_control',
  /** A source covers only part of it, or more, or overlaps it. */
  'partial_mapping',
  /** Several sources with different decisions. */
  'sources_disagree',
  /** The mapping is not sure of the correspondence. */
  'low_confidence',
  /** A source had no decision. */
  'source_undecided',
]);
export type SoaMigrationReviewReason = z.infer<typeof soaMigrationReviewReasonSchema>;

export const soaMigrationSourceSchema = z.object({
  controlId: z.string(),
  displayId: z.string(),
  relation: soaMigrationRelationSchema,
  confidence: soaMigrationConfidenceSchema,
  /** The source's decision in the statement in force when the draft was made. */
  applicable: z.boolean().nullable(),
  implementationStatus: implementationStatusSchema,
});
export type SoaMigrationSource = z.infer<typeof soaMigrationSourceSchema>;

export const soaMigrationReviewSchema = z.enum(['pending', 'confirmed']);
export type SoaMigrationReview = z.infer<typeof soaMigrationReviewSchema>;

export const soaMigrationEntrySchema = z
  .object({
    entry: soaEntrySchema,
    sources: z.array(soaMigrationSourceSchema),
    reviewReasons: z.array(soaMigrationReviewReasonSchema),
    review: soaMigrationReviewSchema,
    /** Who confirmed it; null with review 'confirmed' means carried over by the mapping. */
    confirmedBy: z.uuid().nullable(),
    confirmedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SoaMigrationEntry' });
export type SoaMigrationEntry = z.infer<typeof soaMigrationEntrySchema>;

export const soaMigrationProgressSchema = z.object({
  total: z.number().int(),
  /** Confirmed by a person or carried over by the mapping. */
  confirmed: z.number().int(),
  pending: z.number().int(),
  /** Of which carried over by an equal, confident mapping (no person yet). */
  carriedOver: z.number().int(),
  /** Controls with no predecessor. */
  newControls: z.number().int(),
});
export type SoaMigrationProgress = z.infer<typeof soaMigrationProgressSchema>;

export const soaMigrationSchema = z
  .object({
    id: z.uuid(),
    sourceSoaId: z.uuid(),
    sourceVersionId: z.uuid(),
    sourceVersionNumber: z.number().int(),
    targetSoaId: z.uuid(),
    targetLibraryId: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    progress: soaMigrationProgressSchema,
  })
  .meta({ id: 'SoaMigration' });
export type SoaMigration = z.infer<typeof soaMigrationSchema>;

/** The statement in force a migration starts from. */
export const soaMigrationOriginSchema = z.object({
  soaId: z.uuid(),
  title: z.string(),
  libraryId: z.string(),
  versionId: z.uuid(),
  versionNumber: z.number().int(),
  approvedAt: z.iso.datetime().nullable(),
});

export const soaMigrationStatusSchema = z
  .object({
    /** The statement in force; null: nothing to migrate from yet. */
    source: soaMigrationOriginSchema.nullable(),
    /** The draft already made from it, if any. */
    migration: soaMigrationSchema.nullable(),
    targetLibraryId: z.string(),
  })
  .meta({ id: 'SoaMigrationStatus' });
export type SoaMigrationStatus = z.infer<typeof soaMigrationStatusSchema>;

export const soaMigrationCreateSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
});

export const soaMigrationFilterSchema = z.enum(['needs_review', 'confirmed', 'new']);
export type SoaMigrationFilter = z.infer<typeof soaMigrationFilterSchema>;

export const soaMigrationEntriesQuerySchema = z.object({
  filter: soaMigrationFilterSchema.optional(),
});

/** A source control no target control maps to, with its decision. */
export const soaMigrationUnmappedSchema = z.object({
  controlId: z.string(),
  displayId: z.string(),
  applicable: z.boolean().nullable(),
});

export const soaMigrationEntriesSchema = z.object({
  migration: soaMigrationSchema,
  items: z.array(soaMigrationEntrySchema),
  unmapped: z.array(soaMigrationUnmappedSchema),
});
export type SoaMigrationEntries = z.infer<typeof soaMigrationEntriesSchema>;
