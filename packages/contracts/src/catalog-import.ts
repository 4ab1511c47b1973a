import { z } from 'zod';
import { catalogImportQuerySchema, catalogLibrarySchema, catalogTextSchema } from './catalog.ts';

/** The hard cap of a catalog file: larger ones get 413 whatever the server's setting. */
export const CATALOG_IMPORT_HARD_MAX_BYTES = 50 * 1024 * 1024;
/** File name endings the import accepts (the file picker offers these). */
export const CATALOG_IMPORT_EXTENSIONS = ['.json', '.yaml', '.yml', '.xml'] as const;

export const catalogImportFormatSchema = z.enum([
  'oscal-json',
  'oscal-yaml',
  'oscal-xml',
  'ciso-yaml',
  'ciso-json',
  'mamoru-json',
  'mamoru-yaml',
]);
export type CatalogImportFormat = z.infer<typeof catalogImportFormatSchema>;

export const catalogImportRequestQuerySchema = catalogImportQuerySchema.extend({
  /** Report what would be imported (format, ID, counts, warnings) without writing. */
  dryRun: z.enum(['true', 'false']).optional(),
});

const warningSchema = z.object({ code: z.string(), message: z.string() });

/** What an import would bring in: the answer of a dry run. */
export const catalogImportPreviewSchema = z
  .object({
    format: catalogImportFormatSchema,
    libraryId: z.string(),
    version: z.string(),
    name: catalogTextSchema,
    languages: z.array(z.string()),
    counts: z.object({
      groups: z.number().int(),
      controls: z.number().int(),
      requirements: z.number().int(),
      params: z.number().int(),
      parts: z.number().int(),
    }),
    warnings: z.array(warningSchema),
    /** Why the import itself would be refused (the ID is shipped or taken), or null. */
    conflict: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'CatalogImportPreview' });
export type CatalogImportPreview = z.infer<typeof catalogImportPreviewSchema>;

/** A catalog import run in the background (files over the server's in-request size). */
export const catalogImportJobSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    phase: z.string().nullable(),
    /** The imported library once the job succeeded. */
    library: catalogLibrarySchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    /** Problems of the file, each at its place in the file. */
    issues: z.array(z.object({ field: z.string(), reason: z.string() })),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CatalogImportJob' });
export type CatalogImportJob = z.infer<typeof catalogImportJobSchema>;
