import { z } from 'zod';
import { localeSchema } from './common.ts';
import { assetCategorySchema, codeSchema } from './scope.ts';

const flag = z.enum(['true', 'false']);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};

// ---- classification scheme (annex 5.2) ------------------------------------------

const bilingual = (max: number) => z.object({ ja: z.string().max(max), en: z.string().max(max) });
const bilingualName = z.object({
  ja: z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});

export const handlingRulesSchema = z
  .object({
    labelling: bilingual(4000),
    storage: bilingual(4000),
    transmission: bilingual(4000),
    copying: bilingual(4000),
    disposal: bilingual(4000),
  })
  .meta({ id: 'HandlingRules' });
export type HandlingRulesInput = z.infer<typeof handlingRulesSchema>;

export const classificationLevelSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.object({ ja: z.string(), en: z.string() }),
    /** Higher is more sensitive. */
    rank: z.number().int(),
    description: z.object({ ja: z.string(), en: z.string() }),
    handling: handlingRulesSchema,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ClassificationLevel' });
export type ClassificationLevel = z.infer<typeof classificationLevelSchema>;

export const classificationLevelCreateSchema = z.object({
  code: codeSchema,
  name: bilingualName,
  rank: z.number().int().min(0).max(1000),
  description: bilingual(2000).optional(),
  handling: handlingRulesSchema.optional(),
});
export const classificationLevelUpdateSchema = z.object({
  code: codeSchema.optional(),
  name: bilingualName.optional(),
  rank: z.number().int().min(0).max(1000).optional(),
  description: bilingual(2000).optional(),
  handling: handlingRulesSchema.optional(),
  active: z.boolean().optional(),
});
export const classificationLevelQuerySchema = z.object({ active: flag.optional(), ...page });

// ---- asset inventory (annex 5.1) ---------------------------------------------------

export const assetStatusSchema = z.enum(['in_use', 'retired']);
export type AssetStatus = z.infer<typeof assetStatusSchema>;
export const dependencyTypeSchema = z.enum(['runs_on', 'stores', 'connects_to', 'depends_on']);
export type DependencyType = z.infer<typeof dependencyTypeSchema>;

/** Who is accountable for (owner) or looks after (custodian) an asset: a user or a unit. */
export const partyRefSchema = z.object({ type: z.enum(['user', 'unit']), id: z.uuid() });
export type PartyRef = z.infer<typeof partyRefSchema>;
export const partySchema = partyRefSchema
  .extend({
    /** The user's display name or the unit's name. */
    name: z.string(),
    /** The unit's code, or the user's email address. */
    key: z.string(),
  })
  .meta({ id: 'Party' });

const refSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** C, I and A are small integers on the organization's scale (1–3 unless changed). */
const ciaValue = z.number().int().min(0).max(100).nullable();
const tag = z.string().trim().min(1).max(50);

export const assetSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    category: assetCategorySchema,
    description: z.string(),
    owner: partySchema,
    custodian: partySchema.nullable(),
    orgUnit: refSchema.nullable(),
    location: refSchema.nullable(),
    classification: z
      .object({
        id: z.uuid(),
        code: z.string(),
        name: z.object({ ja: z.string(), en: z.string() }),
      })
      .nullable(),
    confidentiality: z.number().int().nullable(),
    integrity: z.number().int().nullable(),
    availability: z.number().int().nullable(),
    /** Derived from C/I/A (their maximum by default); null until any is set. */
    value: z.number().int().nullable(),
    businessProcess: z.string(),
    status: assetStatusSchema,
    nextReviewDate: z.iso.date().nullable(),
    tags: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Asset' });
export type Asset = z.infer<typeof assetSchema>;

/**
 * One row of GET /assets: the register's columns and what pickers show; the
 * description and the parties' keys come with GET /assets/{id}.
 */
const partyListSchema = partySchema.omit({ key: true });
export const assetListItemSchema = assetSchema
  .omit({ description: true, createdAt: true })
  .extend({ owner: partyListSchema, custodian: partyListSchema.nullable() })
  .meta({ id: 'AssetListItem' });
export type AssetListItem = z.infer<typeof assetListItemSchema>;

export const assetCreateSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1).max(200),
  category: assetCategorySchema,
  description: z.string().max(4000).default(''),
  owner: partyRefSchema,
  custodian: partyRefSchema.nullable().optional(),
  orgUnitId: z.uuid().nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  classificationId: z.uuid().nullable().optional(),
  confidentiality: ciaValue.optional(),
  integrity: ciaValue.optional(),
  availability: ciaValue.optional(),
  businessProcess: z.string().max(500).default(''),
  status: assetStatusSchema.default('in_use'),
  nextReviewDate: z.iso.date().nullable().optional(),
  tags: z.array(tag).max(20).default([]),
});
export type AssetCreate = z.infer<typeof assetCreateSchema>;

export const assetUpdateSchema = z.object({
  code: codeSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  category: assetCategorySchema.optional(),
  description: z.string().max(4000).optional(),
  owner: partyRefSchema.optional(),
  custodian: partyRefSchema.nullable().optional(),
  orgUnitId: z.uuid().nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  classificationId: z.uuid().nullable().optional(),
  confidentiality: ciaValue.optional(),
  integrity: ciaValue.optional(),
  availability: ciaValue.optional(),
  businessProcess: z.string().max(500).optional(),
  status: assetStatusSchema.optional(),
  nextReviewDate: z.iso.date().nullable().optional(),
  tags: z.array(tag).max(20).optional(),
});
export type AssetUpdate = z.infer<typeof assetUpdateSchema>;

export const assetSortSchema = z.enum(['code', 'name', 'value', 'updatedAt', 'nextReviewDate']);

const assetFilter = {
  /** Substring of code or name. */
  q: z.string().max(100).optional(),
  category: assetCategorySchema.optional(),
  /** A user or unit id: assets it owns. */
  owner: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  /** A level id, or `none` for assets without a classification (the conformity view links here). */
  classificationId: z.union([z.uuid(), z.literal('none')]).optional(),
  status: assetStatusSchema.optional(),
  tag: z.string().max(50).optional(),
  /** Assets due for review on or before this date. */
  reviewDueBy: z.iso.date().optional(),
  sort: assetSortSchema.default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
};
export const assetListQuerySchema = z.object({ ...assetFilter, ...page });
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

export const fileFormatSchema = z.enum(['csv', 'xlsx']);
export const assetExportQuerySchema = z.object({
  ...assetFilter,
  format: fileFormatSchema.default('csv'),
  /** Column names and labels; the caller's language when absent. */
  lang: localeSchema.optional(),
});
export const assetTemplateQuerySchema = z.object({
  format: fileFormatSchema.default('csv'),
  lang: localeSchema.optional(),
});
export const assetImportQuerySchema = z.object({
  /** Detected from the content when absent (an XLSX file is a ZIP archive). */
  format: fileFormatSchema.optional(),
  /** Import the valid rows and skip the others, instead of all or nothing. */
  partial: flag.default('false'),
});

export const assetDependencySchema = z.object({
  type: dependencyTypeSchema,
  asset: refSchema,
});
export const assetDependenciesSchema = z
  .object({
    /** What this asset runs on, stores, connects to or depends on. */
    outgoing: z.array(assetDependencySchema),
    /** Assets that run on, store in, connect to or depend on this one. */
    incoming: z.array(assetDependencySchema),
  })
  .meta({ id: 'AssetDependencies' });
export const assetDependenciesUpdateSchema = z.object({
  items: z.array(z.object({ type: dependencyTypeSchema, assetId: z.uuid() })).max(500),
});

export const assetBulkUpdateSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(10_000),
  owner: partyRefSchema.optional(),
  classificationId: z.uuid().nullable().optional(),
});
export const assetBulkUpdateResultSchema = z.object({ updated: z.number().int() });

// ---- import reports and jobs ---------------------------------------------------------

export const importProblemSchema = z.object({
  /** The spreadsheet row: the header is row 1, the first asset row 2. */
  row: z.number().int(),
  /** The column as named in the file, or null for the whole row. */
  column: z.string().nullable(),
  code: z.string(),
  /** The reason in the caller's language. */
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importRowChangeSchema = z.enum(['create', 'update', 'unchanged']);
export type ImportRowChange = z.infer<typeof importRowChangeSchema>;

export const importPreviewRowSchema = z
  .object({
    /** The spreadsheet row (the header is row 1). */
    row: z.number().int(),
    code: z.string(),
    name: z.string(),
    change: importRowChangeSchema,
    /** For an update, each field that changes, its values as the reader reads them. */
    changes: z.array(
      z.object({
        /** The asset field (the keys of Asset: name, category, owner, …). */
        field: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ImportPreviewRow' });
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importReportSchema = z
  .object({
    mode: z.enum(['validate', 'commit']),
    format: z.enum(['csv', 'xlsx']),
    /** Whether anything was written (a dry run never writes). */
    committed: z.boolean(),
    rows: z.number().int(),
    /** Rows that create a new asset, or would in a dry run. */
    created: z.number().int(),
    /** Rows that change an existing asset (same code). */
    updated: z.number().int(),
    /** Rows equal to the stored asset. */
    unchanged: z.number().int(),
    /** Invalid rows left out of a partial import. */
    skipped: z.number().int(),
    errorCount: z.number().int(),
    /** The first problems, at most 1,000 (errorCount counts them all). */
    errors: z.array(importProblemSchema),
    /** A dry run's first valid rows (at most 100) and what importing each would do. */
    preview: z.array(importPreviewRowSchema).max(100).optional(),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: jobStatusSchema,
    phase: z.string().nullable(),
    processed: z.number().int(),
    total: z.number().int().nullable(),
    result: importReportSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof jobSchema>;
