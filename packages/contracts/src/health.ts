import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  checks: z.object({ database: z.boolean(), migrations: z.boolean() }),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const versionSchema = z.object({ name: z.literal('mamoru'), version: z.string() });
