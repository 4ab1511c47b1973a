import { z } from 'zod';
import { codeSchema } from './scope.ts';

const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
/** A catalog control ID (the same pattern as catalog node IDs). */
const controlIdInput = z
  .string()
  .max(100)
  .regex(/^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u);
/**
 * A name people type: Japanese required, English optional (blank: the
 * Japanese is shown in English too, see the presenters).
 */
const bilingualName = z.object({
  ja: z.string().trim().min(1).max(200),
  en: z.string().trim().max(200).default(''),
});

// ---- record types (4.3.3) ---------------------------------------------------------

export const retentionUnitSchema = z.enum(['months', 'years']);
export type RetentionUnit = z.infer<typeof retentionUnitSchema>;

/** The kinds of value a structured entry holds; entries are stored as text. */
export const recordFieldKindSchema = z.enum(['text', 'number', 'date', 'boolean', 'select']);
export type RecordFieldKind = z.infer<typeof recordFieldKindSchema>;

export const recordFieldSchema = z
  .object({
    key: z.string(),
    label: z.object({ ja: z.string(), en: z.string() }),
    kind: recordFieldKindSchema,
    required: z.boolean(),
    options: z.array(z.string()),
  })
  .meta({ id: 'RecordField' });
export type RecordField = z.infer<typeof recordFieldSchema>;

export const recordTypeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.object({ ja: z.string(), en: z.string() }),
    retention: z.object({ value: z.number().int(), unit: retentionUnitSchema }),
    storageLocation: z.string(),
    classification: z
      .object({
        id: z.uuid(),
        code: z.string(),
        name: z.object({ ja: z.string(), en: z.string() }),
      })
      .nullable(),
    disposalMethod: z.string(),
    /** The process or kind of object these records evidence. */
    evidences: z.string(),
    /** The structured entries of its records; none means free-form entries. */
    fields: z.array(recordFieldSchema),
    /**
     * The controls (catalog IDs) whose operation these records evidence
     * (4.2.2.e); absent or [] when none.
     */
    controlIds: z.array(z.string()).optional(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RecordType' });
export type RecordType = z.infer<typeof recordTypeSchema>;

const retentionInput = z.object({
  value: z.number().int().min(0).max(1200),
  unit: retentionUnitSchema,
});

/** A field key names the entry in `entries` and in error fields (`entries.visitDate`). */
export const recordFieldKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

const recordFieldInput = z.object({
  key: recordFieldKeySchema,
  label: bilingualName,
  kind: recordFieldKindSchema,
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});
export type RecordFieldInput = z.input<typeof recordFieldInput>;

/** Unique keys; a select field has distinct options, other kinds none. */
const recordFieldsInput = z
  .array(recordFieldInput)
  .max(50)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, i) => {
      if (seen.has(field.key)) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'duplicate key' });
      }
      seen.add(field.key);
      if (field.kind === 'select' && field.options.length === 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'options required' });
      }
      if (field.kind !== 'select' && field.options.length > 0) {
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'only for select' });
      }
      if (new Set(field.options).size !== field.options.length) {
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'duplicate option' });
      }
    });
  });

export const recordTypeCreateSchema = z.object({
  code: codeSchema,
  name: bilingualName,
  retention: retentionInput,
  storageLocation: z.string().trim().max(500).default(''),
  classificationId: z.uuid().nullable().optional(),
  disposalMethod: z.string().trim().max(1000).default(''),
  evidences: z.string().trim().max(200).default(''),
  fields: recordFieldsInput.default([]),
  /** Absent: none. */
  controlIds: z.array(controlIdInput).max(200).optional(),
});
export type RecordTypeCreate = z.infer<typeof recordTypeCreateSchema>;
export const recordTypeUpdateSchema = z.object({
  code: codeSchema.optional(),
  name: bilingualName.optional(),
  retention: retentionInput.optional(),
  storageLocation: z.string().trim().max(500).optional(),
  classificationId: z.uuid().nullable().optional(),
  disposalMethod: z.string().trim().max(1000).optional(),
  evidences: z.string().trim().max(200).optional(),
  fields: recordFieldsInput.optional(),
  controlIds: z.array(controlIdInput).max(200).optional(),
  active: z.boolean().optional(),
});
export type RecordTypeUpdate = z.infer<typeof recordTypeUpdateSchema>;
export const recordTypeQuerySchema = z.object({ active: flag.optional(), ...page });

// ---- records ---------------------------------------------------------------------

/** What a record evidences: an object of Mamoru (asset, document, …) or outside it. */
export const evidenceLinkSchema = z.object({
  type: z.string().trim().min(1).max(64),
  id: z.string().trim().min(1).max(200),
  label: z.string().trim().max(500).default(''),
});
export type EvidenceLinkInput = z.infer<typeof evidenceLinkSchema>;

export const recordStatusSchema = z.enum(['active', 'disposal_pending', 'disposed']);
export type RecordStatus = z.infer<typeof recordStatusSchema>;

export const recordSchema = z
  .object({
    id: z.uuid(),
    type: z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.object({ ja: z.string(), en: z.string() }),
    }),
    title: z.string(),
    description: z.string(),
    entries: z.record(z.string(), z.string()),
    links: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
    recordDate: isoDate,
    /** Record date plus the type's retention period. */
    retentionEnd: isoDate,
    legalHold: z.object({ active: z.boolean(), reason: z.string().nullable() }),
    status: recordStatusSchema,
    approvalId: z.uuid().nullable(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Record' });
export type EvidenceRecord = z.infer<typeof recordSchema>;

const entriesInput = z
  .record(z.string().trim().min(1).max(100), z.string().max(10_000))
  .refine((e) => Object.keys(e).length <= 100, { message: 'at most 100 entries' });

export const recordCreateSchema = z.object({
  typeId: z.uuid(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).default(''),
  entries: entriesInput.default({}),
  links: z.array(evidenceLinkSchema).max(50).default([]),
  recordDate: isoDate,
});
export type RecordCreate = z.infer<typeof recordCreateSchema>;
export const recordUpdateSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(20_000).optional(),
  entries: entriesInput.optional(),
  links: z.array(evidenceLinkSchema).max(50).optional(),
  recordDate: isoDate.optional(),
});
export type RecordUpdate = z.infer<typeof recordUpdateSchema>;

export const legalHoldSchema = z.object({
  active: z.boolean(),
  reason: z.string().trim().max(2000).optional(),
});

export const disposalRequestSchema = z.object({
  reason: z.string().trim().max(2000).default(''),
  assigneeUserId: z.uuid().nullable().optional(),
});

export const recordSortSchema = z.enum(['recordDate', 'retentionEnd', 'title']);
export const recordListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  typeId: z.uuid().optional(),
  status: recordStatusSchema.optional(),
  legalHold: flag.optional(),
  /** Records whose retention ends on or before this date. */
  retentionDueBy: isoDate.optional(),
  linkType: z.string().max(64).optional(),
  linkId: z.string().max(200).optional(),
  sort: recordSortSchema.default('recordDate'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  ...page,
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;

/** What remains after disposal: who asked, who approved, when and how. */
export const recordDisposalSchema = z
  .object({
    id: z.uuid(),
    recordId: z.uuid(),
    recordTitle: z.string(),
    typeCode: z.string(),
    method: z.string(),
    reason: z.string(),
    requestedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    approvedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    approvalId: z.uuid(),
    filesDeleted: z.number().int(),
    disposedAt: z.iso.datetime(),
  })
  .meta({ id: 'RecordDisposal' });
export type RecordDisposal = z.infer<typeof recordDisposalSchema>;
