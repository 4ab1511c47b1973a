import { z } from 'zod';
import { incidentTypeSchema } from './incidents.ts';

/** Incident handling settings, notification obligations, and statistics. */

const text = (max: number) => z.string().trim().max(max);
const name = z.object({ ja: z.string(), en: z.string() });

/** Rows: severity low…critical; columns: urgency low…critical; cells: priority 1 (highest)…4. */
export const priorityMatrixSchema = z
  .array(z.array(z.number().int().min(1).max(4)).length(4))
  .length(4);
export type PriorityMatrixValue = z.infer<typeof priorityMatrixSchema>;

export const incidentSettingsSchema = z
  .object({
    team: z.object({
      role: z.object({ id: z.uuid(), code: z.string(), name: name }).nullable(),
      unit: z.object({ id: z.uuid(), name: name }).nullable(),
    }),
    triageTargetHours: z.number().int(),
    priorityMatrix: priorityMatrixSchema,
    timeZone: z.string(),
    recordType: z.object({ id: z.uuid(), code: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'IncidentSettings' });
export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

export const incidentSettingsUpdateSchema = z.object({
  teamRoleId: z.uuid().nullable().optional(),
  teamUnitId: z.uuid().nullable().optional(),
  triageTargetHours: z.number().int().min(1).max(720).optional(),
  priorityMatrix: priorityMatrixSchema.optional(),
  /** An IANA time zone name; checked by the domain against the runtime's list. */
  timeZone: text(64).min(1).optional(),
});
export type IncidentSettingsUpdate = z.infer<typeof incidentSettingsUpdateSchema>;

export const incidentObligationSchema = z
  .object({
    id: z.uuid(),
    presetKey: z.string().nullable(),
    name: name,
    recipient: z.string(),
    appliesToTypes: z.array(incidentTypeSchema),
    requiresPersonalData: z.boolean(),
    deadlineDays: z.number().int().nullable(),
    deadlineDaysWrongfulIntent: z.number().int().nullable(),
    deadlineHours: z.number().int().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'IncidentObligation' });
export type IncidentObligation = z.infer<typeof incidentObligationSchema>;

const obligationFields = {
  name: z.object({ ja: text(200).min(1), en: text(200) }),
  recipient: text(300),
  appliesToTypes: z.array(incidentTypeSchema).min(1).max(5),
  requiresPersonalData: z.boolean(),
  deadlineDays: z.number().int().min(0).max(365).nullable(),
  deadlineDaysWrongfulIntent: z.number().int().min(0).max(365).nullable(),
  deadlineHours: z.number().int().min(0).max(8760).nullable(),
  sortOrder: z.number().int().min(0).max(1000),
  active: z.boolean(),
};
/** Days and hours are exclusive: a clock counts one or the other. */
const oneClock = (v: { deadlineDays?: number | null; deadlineHours?: number | null }) =>
  v.deadlineDays == null || v.deadlineHours == null;
const oneClockIssue = { message: 'deadline_days_or_hours', path: ['deadlineHours'] };

export const incidentObligationCreateSchema = z
  .object({
    ...obligationFields,
    recipient: obligationFields.recipient.default(''),
    requiresPersonalData: obligationFields.requiresPersonalData.default(false),
    deadlineDays: obligationFields.deadlineDays.default(null),
    deadlineDaysWrongfulIntent: obligationFields.deadlineDaysWrongfulIntent.default(null),
    deadlineHours: obligationFields.deadlineHours.default(null),
    sortOrder: obligationFields.sortOrder.default(0),
    active: obligationFields.active.default(true),
  })
  .refine(oneClock, oneClockIssue);
export type IncidentObligationCreate = z.infer<typeof incidentObligationCreateSchema>;

export const incidentObligationUpdateSchema = z
  .object(obligationFields)
  .partial()
  .refine(oneClock, oneClockIssue);
export type IncidentObligationUpdate = z.infer<typeof incidentObligationUpdateSchema>;

// ---- statistics (annex 6.3.4) ----------------------------------------------------

export const incidentStatisticsQuerySchema = z.object({
  /** First and last month, YYYY-MM; defaults to the last 12 months. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  unitId: z.uuid().optional(),
});

export const incidentStatisticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(
      z.object({
        month: z.string(),
        total: z.number().int(),
        byType: z.record(incidentTypeSchema, z.number().int()),
        costTotal: z.number(),
      }),
    ),
    byUnit: z.array(
      z.object({
        unit: z.object({ id: z.uuid(), name: name }).nullable(),
        total: z.number().int(),
      }),
    ),
    totals: z.object({
      reported: z.number().int(),
      open: z.number().int(),
      closed: z.number().int(),
      personalData: z.number().int(),
      costResponse: z.number(),
      costRecovery: z.number(),
      costLoss: z.number(),
      /** Median hours from report to triage, and from discovery to recovery; null without data. */
      medianHoursToTriage: z.number().nullable(),
      medianHoursToRecover: z.number().nullable(),
      triagedWithinTarget: z.number().int(),
      triaged: z.number().int(),
      overdueClocks: z.number().int(),
    }),
  })
  .meta({ id: 'IncidentStatistics' });
export type IncidentStatistics = z.infer<typeof incidentStatisticsSchema>;
