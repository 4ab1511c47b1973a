import { z } from 'zod';

/** The ISMS event log (4.2.3.f): milestones written by the areas, and events entered by hand. */

const text = (max: number) => z.string().trim().max(max);

export const ISMS_EVENT_CATEGORIES = [
  'scope',
  'policy',
  'risk',
  'soa',
  'organization',
  'people',
  'audit',
  'review',
  'improvement',
  'incident',
  'legal',
  'resources',
  'technology',
  'supplier',
  'other',
] as const;
export const ismsEventCategorySchema = z.enum(ISMS_EVENT_CATEGORIES);
export type IsmsEventCategory = z.infer<typeof ismsEventCategorySchema>;

export const ismsEventSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    category: ismsEventCategorySchema,
    source: z.enum(['auto', 'manual']),
    /** The audit action behind an automatic entry; the web words it per language. */
    action: z.string().nullable(),
    entity: z.object({ type: z.string(), id: z.uuid() }).nullable(),
    title: z.string(),
    description: z.string(),
    impact: z.string(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'IsmsEvent' });
export type IsmsEvent = z.infer<typeof ismsEventSchema>;

export const ismsEventListQuerySchema = z.object({
  category: ismsEventCategorySchema.optional(),
  source: z.enum(['auto', 'manual']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type IsmsEventListQuery = z.infer<typeof ismsEventListQuerySchema>;

export const ismsEventCreateSchema = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  category: ismsEventCategorySchema,
  title: text(300).min(1),
  description: text(20_000).default(''),
  impact: text(5000).default(''),
});
export type IsmsEventCreate = z.infer<typeof ismsEventCreateSchema>;

/** Only entries made by hand can be edited; the areas' entries follow their source. */
export const ismsEventUpdateSchema = z.object({
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  category: ismsEventCategorySchema.optional(),
  title: text(300).min(1).optional(),
  description: text(20_000).optional(),
  impact: text(5000).optional(),
});
export type IsmsEventUpdate = z.infer<typeof ismsEventUpdateSchema>;
