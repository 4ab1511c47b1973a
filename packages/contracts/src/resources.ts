import { z } from 'zod';
import { pageQuerySchema } from './common.ts';

/**
 * ISMS resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a): the
 * register of people's time, money, tools and services, planned against used,
 * the yearly plan approved by top management, and treatment actions' budgets
 * rolled up into the year they are due in.
 */

export const resourceKindSchema = z.enum(['people', 'money', 'tool', 'service', 'other']);
export type ResourceKind = z.infer<typeof resourceKindSchema>;
/** What the resource serves in the ISMS (establish, implement/operate, monitor, improve). */
export const resourceActivitySchema = z.enum(['establish', 'operate', 'monitor', 'improve']);
export type ResourceActivity = z.infer<typeof resourceActivitySchema>;
export const resourcePlanStatusSchema = z.enum(['draft', 'submitted', 'approved']);
export type ResourcePlanStatus = z.infer<typeof resourcePlanStatusSchema>;

export const fiscalYearSchema = z.coerce.number().int().min(2000).max(2100);
const yen = z.number().int().min(0).max(1_000_000_000_000);
const hours = z.number().int().min(0).max(1_000_000);
const person = z.object({ id: z.uuid(), name: z.string() });

export const ismsResourceSchema = z
  .object({
    id: z.uuid(),
    fiscalYear: z.number().int(),
    kind: resourceKindSchema,
    activity: resourceActivitySchema,
    title: z.string(),
    description: z.string(),
    owner: person.nullable(),
    unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    planned: z.object({ amount: z.number().nullable(), hours: z.number().nullable() }),
    /** Null figures: usage not recorded yet. */
    used: z.object({ amount: z.number().nullable(), hours: z.number().nullable() }),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'IsmsResource' });
export type IsmsResource = z.infer<typeof ismsResourceSchema>;

const figures = z.object({ amount: yen.nullable().optional(), hours: hours.nullable().optional() });

export const resourceCreateSchema = z.object({
  fiscalYear: fiscalYearSchema,
  kind: resourceKindSchema,
  activity: resourceActivitySchema,
  title: z.string().trim().min(1).max(300),
  description: z.string().max(5000).default(''),
  ownerUserId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  /** At least one of amount (yen) and hours. */
  planned: figures,
  used: figures.optional(),
  notes: z.string().max(5000).default(''),
});
export type ResourceCreate = z.infer<typeof resourceCreateSchema>;

export const resourceUpdateSchema = z.object({
  kind: resourceKindSchema.optional(),
  activity: resourceActivitySchema.optional(),
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(5000).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  planned: figures.optional(),
  used: figures.optional(),
  notes: z.string().max(5000).optional(),
});
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

export const resourceListQuerySchema = pageQuerySchema.extend({
  /** Default: the fiscal year today falls in. */
  fiscalYear: fiscalYearSchema.optional(),
  kind: resourceKindSchema.optional(),
  activity: resourceActivitySchema.optional(),
  ownerUserId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const fiscalYearParamsSchema = z.object({ fiscalYear: fiscalYearSchema });

const totals = z.object({
  items: z.number().int(),
  plannedAmount: z.number(),
  plannedHours: z.number(),
  usedAmount: z.number(),
  usedHours: z.number(),
  usageRecorded: z.number().int(),
});

export const resourcePlanSchema = z
  .object({
    id: z.uuid().nullable(),
    fiscalYear: z.number().int(),
    status: resourcePlanStatusSchema,
    approvalId: z.uuid().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    /** The latest approval; kept when a later change returned the plan to draft. */
    approvedAt: z.iso.datetime().nullable(),
    approvedBy: person.nullable(),
    approvedVersion: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ResourcePlan' });
export type ResourcePlan = z.infer<typeof resourcePlanSchema>;

export const resourceSummarySchema = z
  .object({
    fiscalYear: z.number().int(),
    /** First and last day of the fiscal year (YYYY-MM-DD). */
    from: z.iso.date(),
    to: z.iso.date(),
    plan: resourcePlanSchema,
    total: totals,
    byKind: z.array(totals.extend({ kind: resourceKindSchema })),
    byActivity: z.array(totals.extend({ activity: resourceActivitySchema })),
    /** Activities with nothing planned this year. */
    activitiesWithoutPlan: z.array(resourceActivitySchema),
    /** Treatment actions due within the year (not cancelled). */
    treatment: z.object({
      actions: z.number().int(),
      budget: z.number(),
      /** Actions with a budget or resources written. */
      funded: z.number().int(),
      items: z.array(
        z.object({
          id: z.uuid(),
          code: z.string(),
          title: z.string(),
          dueDate: z.iso.date(),
          status: z.string(),
          budget: z.number().nullable(),
          resources: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'ResourceSummary' });
export type ResourceSummary = z.infer<typeof resourceSummarySchema>;

export const resourceSettingsSchema = z
  .object({
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    /** The fiscal year today falls in. */
    currentFiscalYear: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ResourceSettings' });
export type ResourceSettings = z.infer<typeof resourceSettingsSchema>;
export const resourceSettingsUpdateSchema = z.object({
  fiscalYearStartMonth: z.number().int().min(1).max(12),
});

export const resourcePlanSubmitSchema = z.object({
  assigneeUserId: z.uuid().nullable().optional(),
  comment: z.string().trim().max(2000).optional(),
});

export const resourceExportQuerySchema = z.object({
  /** Default: the fiscal year today falls in. */
  fiscalYear: fiscalYearSchema.optional(),
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  lang: z.enum(['ja', 'en']).optional(),
});
export type ResourceExportQuery = z.infer<typeof resourceExportQuerySchema>;
