import { z } from 'zod';

/**
 * ISMS objectives (5.1.b, 4.2.1.b.1) and their measurements: what is to be
 * reached, measured how, by when and by which plan, and its values over time
 * (by hand, from CSV, or by a monitoring tool holding 'objectives:measure').
 */

const isoDate = z.iso.date();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const person = z.object({ id: z.uuid(), name: z.string() });

export const objectiveDirectionSchema = z.enum(['higher_is_better', 'lower_is_better']);
export type ObjectiveDirection = z.infer<typeof objectiveDirectionSchema>;
export const measurementFrequencySchema = z.enum(['monthly', 'quarterly', 'half_yearly', 'yearly']);
export type MeasurementFrequency = z.infer<typeof measurementFrequencySchema>;
/** The decision recorded on the objective. */
export const objectiveStatusSchema = z.enum(['active', 'achieved', 'missed', 'withdrawn']);
export type ObjectiveStatus = z.infer<typeof objectiveStatusSchema>;
/** Where the objective stands, computed from its measurements and dates. */
export const objectiveProgressSchema = z.enum([
  'on_track',
  'at_risk',
  'missed',
  'achieved',
  'withdrawn',
]);
export type ObjectiveProgress = z.infer<typeof objectiveProgressSchema>;
export const measurementSourceSchema = z.enum(['manual', 'csv', 'api']);

export const objectiveSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    owner: person.nullable(),
    orgUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    metric: z.string(),
    measureUnit: z.string(),
    direction: objectiveDirectionSchema,
    baseline: z.number(),
    target: z.number(),
    startDate: isoDate,
    dueDate: isoDate,
    plan: z.string(),
    frequency: measurementFrequencySchema,
    status: objectiveStatusSchema,
    controlIds: z.array(z.string()),
    progress: objectiveProgressSchema,
    /** Why at risk or missed: 'behind_plan' | 'measurement_overdue' | 'past_due' | 'no_measurement'. */
    reasons: z.array(z.string()),
    latest: z.object({ measuredOn: isoDate, value: z.number() }).nullable(),
    /** Share of the way from baseline to target reached by the latest value, 0–100. */
    percent: z.number().int(),
    nextMeasurementDue: isoDate.nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Objective' });
export type Objective = z.infer<typeof objectiveSchema>;

const objectiveFields = {
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000),
  ownerId: z.uuid().nullable(),
  orgUnitId: z.uuid().nullable(),
  metric: z.string().trim().min(1).max(500),
  measureUnit: z.string().trim().max(50),
  direction: objectiveDirectionSchema,
  baseline: z.number().finite(),
  target: z.number().finite(),
  startDate: isoDate,
  dueDate: isoDate,
  plan: z.string().max(20_000),
  frequency: measurementFrequencySchema,
  controlIds: z.array(z.string().trim().min(1).max(64)).max(100),
};

export const objectiveCreateSchema = z.object({
  ...objectiveFields,
  description: objectiveFields.description.default(''),
  ownerId: objectiveFields.ownerId.optional(),
  orgUnitId: objectiveFields.orgUnitId.optional(),
  measureUnit: objectiveFields.measureUnit.default(''),
  plan: objectiveFields.plan.default(''),
  controlIds: objectiveFields.controlIds.default([]),
});
export type ObjectiveCreate = z.infer<typeof objectiveCreateSchema>;
export const objectiveUpdateSchema = z
  .object({ ...objectiveFields, status: objectiveStatusSchema })
  .partial();
export type ObjectiveUpdate = z.infer<typeof objectiveUpdateSchema>;

export const objectiveListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  status: objectiveStatusSchema.optional(),
  ownerId: z.uuid().optional(),
  /** Objectives due on or before this date. */
  dueBy: isoDate.optional(),
  ...page,
});
export type ObjectiveListQuery = z.infer<typeof objectiveListQuerySchema>;

export const objectiveMeasurementSchema = z
  .object({
    id: z.uuid(),
    objectiveId: z.uuid(),
    measuredOn: isoDate,
    value: z.number(),
    note: z.string(),
    source: measurementSourceSchema,
    recordedBy: person.nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ObjectiveMeasurement' });
export type ObjectiveMeasurement = z.infer<typeof objectiveMeasurementSchema>;

export const measurementCreateSchema = z.object({
  measuredOn: isoDate,
  value: z.number().finite(),
  note: z.string().trim().max(2000).default(''),
});
export type MeasurementCreate = z.infer<typeof measurementCreateSchema>;

/** A monitoring tool names the objective by its code (OBJ-001). */
export const measurementIntakeSchema = measurementCreateSchema.extend({
  objectiveCode: z
    .string()
    .trim()
    .regex(/^OBJ-\d{3,}$/i),
});
export type MeasurementIntake = z.infer<typeof measurementIntakeSchema>;

export const measurementDeleteSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

export const measurementListQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});

export const measurementParamsSchema = z.object({ id: z.uuid(), measurementId: z.uuid() });

/** CSV text (measured_on,value,note; header in ja or en) sent whole; all rows or none. */
export const measurementImportSchema = z.object({
  csv: z.string().max(1_000_000),
  dryRun: z.boolean().default(false),
});
export const measurementImportReportSchema = z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    dryRun: z.boolean(),
    errors: z.array(
      z.object({
        row: z.number().int(),
        column: z.string(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'MeasurementImportReport' });
export type MeasurementImportReport = z.infer<typeof measurementImportReportSchema>;

export const objectiveExportQuerySchema = z.object({ lang: z.enum(['ja', 'en']).optional() });
