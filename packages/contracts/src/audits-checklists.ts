import { z } from 'zod';
import { evidenceLinkSchema } from './records.ts';

/**
 * Checklists of internal audits (6.4): lines generated from the audit's scope,
 * results per line, the findings they raise and their follow-up.
 */

const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();
const bilingual = z.object({ ja: z.string(), en: z.string() });

export const checklistLineKindSchema = z.enum(['requirement', 'control', 'custom']);
export type ChecklistLineKind = z.infer<typeof checklistLineKindSchema>;

export const checklistResultSchema = z.enum([
  'conform',
  'major_nc',
  'minor_nc',
  'observation',
  'ofi',
]);
export type ChecklistResult = z.infer<typeof checklistResultSchema>;

export const auditFindingKindSchema = z.enum(['major_nc', 'minor_nc', 'observation', 'ofi']);
export type AuditFindingKind = z.infer<typeof auditFindingKindSchema>;

export const auditFindingStatusSchema = z.enum(['open', 'corrected', 'verified', 'transferred']);
export type AuditFindingStatus = z.infer<typeof auditFindingStatusSchema>;

/** Where the auditor opens the organization's own evidence for a line. */
export const checklistReferenceSchema = z.object({
  /** 'soa_entry' | 'document' | 'record' | 'risk'. */
  type: z.enum(['soa_entry', 'document', 'record', 'risk']),
  id: z.string(),
  label: z.string(),
});
export type ChecklistReference = z.infer<typeof checklistReferenceSchema>;

export const checklistLineSchema = z
  .object({
    id: z.uuid(),
    auditId: z.uuid(),
    position: z.number().int(),
    kind: checklistLineKindSchema,
    /** The requirement item or control ID; null on a line the auditor added. */
    refId: z.string().nullable(),
    /** How the reference is shown (第4 2.(1) a / 4.2.1 a), and its catalog title. */
    ref: z.object({ displayId: bilingual, title: bilingual }).nullable(),
    prompt: bilingual,
    result: checklistResultSchema.nullable(),
    notes: z.string(),
    evidence: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
    references: z.array(checklistReferenceSchema),
    findingId: z.uuid().nullable(),
    answeredBy: person,
    answeredAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AuditChecklistLine' });
export type ChecklistLine = z.infer<typeof checklistLineSchema>;

export const checklistSchema = z
  .object({
    auditId: z.uuid(),
    auditStatus: z.string(),
    items: z.array(checklistLineSchema),
  })
  .meta({ id: 'AuditChecklist' });
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistAuditParamsSchema = z.object({ id: z.uuid() });
export const checklistLineParamsSchema = z.object({ id: z.uuid(), lineId: z.uuid() });
export const auditFindingParamsSchema = z.object({ id: z.uuid(), findingId: z.uuid() });

const prompt = z.string().trim().max(4000);

export const checklistLineCreateSchema = z.object({
  kind: checklistLineKindSchema.default('custom'),
  refId: z.string().trim().min(1).max(64).nullable().default(null),
  promptJa: prompt.min(1),
  promptEn: prompt.default(''),
});
export type ChecklistLineCreate = z.infer<typeof checklistLineCreateSchema>;

export const checklistLineUpdateSchema = z.object({
  promptJa: prompt.min(1).optional(),
  promptEn: prompt.optional(),
});
export type ChecklistLineUpdate = z.infer<typeof checklistLineUpdateSchema>;

export const checklistOrderSchema = z.object({
  lineIds: z.array(z.uuid()).min(1).max(2000),
});

/** What a nonconformity, observation or OFI result says about its finding. */
export const auditFindingInputSchema = z.object({
  description: z.string().trim().max(10_000).default(''),
  unitId: z.uuid().nullable().default(null),
  dueDate: isoDate.nullable().default(null),
});

export const checklistResultInputSchema = z.object({
  result: checklistResultSchema.nullable(),
  notes: z.string().max(10_000).default(''),
  evidence: z.array(evidenceLinkSchema).max(50).default([]),
  finding: auditFindingInputSchema.optional(),
});
export type ChecklistResultInput = z.infer<typeof checklistResultInputSchema>;

export const generateChecklistResultSchema = z.object({
  added: z.number().int(),
  checklist: checklistSchema,
});

export const auditFindingSchema = z
  .object({
    id: z.uuid(),
    audit: z.object({ id: z.uuid(), code: z.string(), title: z.string(), status: z.string() }),
    lineId: z.uuid().nullable(),
    number: z.number().int(),
    kind: auditFindingKindSchema,
    requirementId: z.string().nullable(),
    controlId: z.string().nullable(),
    /** The clause or control as the reader sees it (第6 4. a / 6.4 a). */
    ref: z.object({ displayId: bilingual, title: bilingual }).nullable(),
    unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    description: z.string(),
    evidence: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
    dueDate: isoDate.nullable(),
    overdue: z.boolean(),
    status: auditFindingStatusSchema,
    correction: z.string(),
    correctedBy: person,
    correctedAt: z.iso.datetime().nullable(),
    verifiedBy: person,
    verifiedAt: z.iso.datetime().nullable(),
    verificationNote: z.string(),
    nonconformityId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditFinding' });
export type AuditFinding = z.infer<typeof auditFindingSchema>;

export const auditFindingUpdateSchema = z.object({
  description: z.string().trim().min(1).max(10_000).optional(),
  unitId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
});
export type AuditFindingUpdate = z.infer<typeof auditFindingUpdateSchema>;

export const auditFindingCorrectionSchema = z.object({
  correction: z.string().trim().min(1).max(10_000),
});
export const auditFindingVerificationSchema = z.object({
  note: z.string().trim().max(10_000).default(''),
});

/** Filters of the cross-audit finding list (the improvement area reads it too). */
export const auditFindingListQuerySchema = z.object({
  auditId: z.uuid().optional(),
  status: auditFindingStatusSchema.optional(),
  kind: auditFindingKindSchema.optional(),
  unitId: z.uuid().optional(),
  requirementId: z.string().max(64).optional(),
  controlId: z.string().max(64).optional(),
  /** Past their due date and not verified (nor taken over). */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type AuditFindingListQuery = z.infer<typeof auditFindingListQuerySchema>;

export const checklistExportQuerySchema = z.object({ lang: z.enum(['ja', 'en']).optional() });
export const checklistImportQuerySchema = z.object({
  /** true: report only, write nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
});

/** One row of an imported checklist file, as the per-row report shows it. */
export const checklistImportRowSchema = z.object({
  row: z.number().int(),
  lineId: z.string().nullable(),
  result: checklistResultSchema.nullable(),
  changed: z.boolean(),
  errors: z.array(z.object({ field: z.string(), code: z.string() })),
});
export const checklistImportReportSchema = z
  .object({
    /** True when the results were written (no row had an error and not a dry run). */
    applied: z.boolean(),
    rows: z.array(checklistImportRowSchema),
    changed: z.number().int(),
    errors: z.number().int(),
  })
  .meta({ id: 'AuditChecklistImportReport' });
export type ChecklistImportReport = z.infer<typeof checklistImportReportSchema>;
