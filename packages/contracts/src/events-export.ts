import { z } from 'zod';
import { ismsEventListQuerySchema } from './events.ts';

/** The event log as a spreadsheet: the list's filters, every matching entry, in ja or en. */
export const ismsEventExportQuerySchema = ismsEventListQuerySchema
  .omit({ limit: true, cursor: true })
  .extend({
    format: z.enum(['xlsx']).default('xlsx'),
    lang: z.enum(['ja', 'en']).optional(),
  });
export type IsmsEventExportQuery = z.infer<typeof ismsEventExportQuerySchema>;
