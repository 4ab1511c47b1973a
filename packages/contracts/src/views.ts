import { z } from 'zod';

/** Lists that offer saved views. */
export const savedViewAreaSchema = z.enum(['assets']);
export type SavedViewArea = z.infer<typeof savedViewAreaSchema>;

/**
 * What a view remembers. Kept generic (names of filters and columns as the
 * list's page knows them) so another list can offer views without a new table.
 */
export const savedViewDefinitionSchema = z
  .object({
    /** Filter name → value, e.g. `{ category: 'software', q: 'payroll' }`. */
    filters: z
      .record(z.string().max(64), z.string().max(200))
      .refine((f) => Object.keys(f).length <= 30, { message: 'At most 30 filters.' })
      .default({}),
    sort: z.string().max(64).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    /** The visible columns, in order. */
    columns: z.array(z.string().max(64)).max(50).default([]),
  })
  .meta({ id: 'SavedViewDefinition' });
export type SavedViewDefinition = z.infer<typeof savedViewDefinitionSchema>;

const viewName = z.string().trim().min(1).max(100);

export const savedViewSchema = z
  .object({
    id: z.uuid(),
    area: savedViewAreaSchema,
    name: z.string(),
    definition: savedViewDefinitionSchema,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewCreateSchema = z.object({
  area: savedViewAreaSchema,
  name: viewName,
  definition: savedViewDefinitionSchema,
});
export type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

export const savedViewUpdateSchema = z.object({
  name: viewName.optional(),
  definition: savedViewDefinitionSchema.optional(),
});
export type SavedViewUpdate = z.infer<typeof savedViewUpdateSchema>;

export const savedViewQuerySchema = z.object({
  area: savedViewAreaSchema,
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(512).optional(),
});
