import { z } from 'zod';
import { jobStatusSchema } from './assets.ts';

/**
 * The evidence pack for the certification audit (審査用エビデンス一式): one
 * ZIP of the ISMS's key records as of a day (or an internal audit's day), in
 * Japanese or English, generated in the background.
 */

export const evidencePackLangSchema = z.enum(['ja', 'en']);

export const evidencePackPartSchema = z.enum([
  'soa',
  'risk_assessment',
  'treatment_plan',
  'scope',
  'policy',
  'document_register',
  'records_index',
  'audit_reports',
  'review_minutes',
  'nonconformities',
  'conformity',
]);
export type EvidencePackPart = z.infer<typeof evidencePackPartSchema>;

/**
 * Start a pack: as of a day (today when left out) or as of an internal audit's
 * day (its report's approval, else its close, else its planned end); an
 * audit, when named, decides the day.
 */
export const evidencePackCreateSchema = z.object({
  asOf: z.iso.date().optional(),
  auditId: z.uuid().optional(),
  lang: evidencePackLangSchema,
});
export type EvidencePackCreate = z.infer<typeof evidencePackCreateSchema>;

export const evidencePackSchema = z
  .object({
    id: z.uuid(),
    status: jobStatusSchema,
    /** The part being rendered ('soa', 'risks', …, 'zipping'), or 'waiting' for a slot. */
    phase: z.string().nullable(),
    processed: z.number().int(),
    total: z.number().int().nullable(),
    asOf: z.iso.date(),
    auditId: z.uuid().nullable(),
    lang: evidencePackLangSchema,
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    /** Once made: the ZIP's name, size and SHA-256; null while it runs, after a failure or once pruned. */
    file: z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() }).nullable(),
    /** Parts that had nothing to show on the day (each holds a page saying so). */
    emptyParts: z.array(evidencePackPartSchema),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'EvidencePack' });
export type EvidencePack = z.infer<typeof evidencePackSchema>;

export const evidencePackListSchema = z
  .object({ items: z.array(evidencePackSchema), keep: z.number().int() })
  .meta({ id: 'EvidencePackList' });
export type EvidencePackList = z.infer<typeof evidencePackListSchema>;
