import { z } from 'zod';
import { incidentListQuerySchema } from './incidents.ts';

/** The incident register's export: the list's filters, XLSX or PDF, in ja or en. */
export const incidentExportQuerySchema = incidentListQuerySchema
  .omit({ limit: true, cursor: true, sort: true })
  .extend({
    format: z.enum(['xlsx', 'pdf']).default('xlsx'),
    lang: z.enum(['ja', 'en']).optional(),
  });
export type IncidentExportQuery = z.infer<typeof incidentExportQuerySchema>;
