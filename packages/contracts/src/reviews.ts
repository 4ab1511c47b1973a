import { z } from 'zod';
import { reviewInputSectionKeySchema } from './reviews-inputs.ts';

/**
 * Management review (6.1–6.3, 4.2.3.e, 5.1.g): reviews planned at the
 * organization's interval, the input pack compiled from the ISMS and frozen,
 * minutes with decisions (outputs 6.3.a–c) that become tracked improvements.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const reviewStatusSchema = z.enum([
  'planned',
  'inputs_prepared',
  'held',
  'submitted',
  'approved',
  'cancelled',
]);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const attendeeRoleSchema = z.enum(['top_management', 'isms_manager', 'other']);
export type AttendeeRole = z.infer<typeof attendeeRoleSchema>;

export const reviewAttendeeSchema = z.object({
  id: z.uuid(),
  user: person,
  /** The user's name, or a guest's as typed. */
  name: z.string(),
  role: attendeeRoleSchema,
  /** Null until the minutes record attendance. */
  attended: z.boolean().nullable(),
});
export type ReviewAttendee = z.infer<typeof reviewAttendeeSchema>;

export const reviewAttendeeInputSchema = z
  .object({
    userId: z.uuid().nullable().default(null),
    name: z.string().trim().max(200).default(''),
    role: attendeeRoleSchema,
  })
  .refine((a) => a.userId !== null || a.name.length > 0, {
    message: 'attendee_name_required',
    path: ['name'],
  });
export type ReviewAttendeeInput = z.infer<typeof reviewAttendeeInputSchema>;

export const managementReviewSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** MR-0001. */
    code: z.string(),
    title: z.string(),
    plannedOn: isoDate,
    location: z.string(),
    agenda: z.array(z.string()),
    status: reviewStatusSchema,
    /** Start of the period the inputs cover. */
    periodStart: isoDate.nullable(),
    inputsPreparedAt: z.iso.datetime().nullable(),
    inputsPreparedBy: person,
    heldOn: isoDate.nullable(),
    minutesSummary: z.string(),
    submittedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    approvedBy: person,
    distributedAt: z.iso.datetime().nullable(),
    cancelReason: z.string(),
    attendees: z.array(reviewAttendeeSchema),
    /** Decisions recorded (their details come from the decisions route). */
    decisionCount: z.number().int(),
    /** The planned date has passed and the review is still planned or only has its inputs prepared. */
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ManagementReview' });
export type ManagementReview = z.infer<typeof managementReviewSchema>;

/** Default agenda when a review is planned without one: the inputs, then the outputs. */
export const reviewCreateSchema = z.object({
  title: z.string().trim().min(1).max(300),
  plannedOn: isoDate,
  location: z.string().trim().max(300).default(''),
  agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  attendees: z.array(reviewAttendeeInputSchema).max(100).default([]),
});
export type ReviewCreate = z.infer<typeof reviewCreateSchema>;

/** Editable while planned or inputs prepared (If-Match). */
export const reviewUpdateSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  plannedOn: isoDate.optional(),
  location: z.string().trim().max(300).optional(),
  agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  attendees: z.array(reviewAttendeeInputSchema).max(100).optional(),
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;

export const reviewCancelSchema = z.object({ reason: z.string().trim().min(1).max(5000) });

export const reviewListQuerySchema = z.object({
  status: reviewStatusSchema.optional(),
  /** Reviews planned or held in this calendar year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...page,
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

export const reviewSettingsSchema = z
  .object({
    /** Months between reviews: 1–12 (at least yearly). */
    intervalMonths: z.number().int().min(1).max(12),
    /** The last approved review's date, and when the next one is due by the interval. */
    lastHeldOn: isoDate.nullable(),
    nextDueOn: isoDate.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ReviewSettings' });
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
export const reviewSettingsUpdateSchema = z.object({
  intervalMonths: z.number().int().min(1).max(12),
});

// ---- minutes and decisions (6.3.a–c) ---------------------------------------------------

/** Holding the review: the date it met and who attended. */
export const reviewHoldSchema = z.object({
  heldOn: isoDate,
  attendance: z.array(z.object({ attendeeId: z.uuid(), attended: z.boolean() })).max(100),
});
export type ReviewHold = z.infer<typeof reviewHoldSchema>;

/** Writing the minutes while held (If-Match). */
export const reviewMinutesUpdateSchema = z.object({
  heldOn: isoDate.optional(),
  minutesSummary: z.string().max(50_000).optional(),
  attendance: z
    .array(z.object({ attendeeId: z.uuid(), attended: z.boolean() }))
    .max(100)
    .optional(),
  discussion: z
    .array(z.object({ section: reviewInputSectionKeySchema, text: z.string().max(50_000) }))
    .max(11)
    .optional(),
});
export type ReviewMinutesUpdate = z.infer<typeof reviewMinutesUpdateSchema>;

export const decisionOutputSchema = z.enum(['effectiveness', 'procedure', 'resources']);
export type DecisionOutput = z.infer<typeof decisionOutputSchema>;
/** 6.3.b.1–5. */
export const procedureReasonSchema = z.enum([
  'business',
  'security',
  'process',
  'legal',
  'risk_level',
]);
export type ProcedureReason = z.infer<typeof procedureReasonSchema>;

export const reviewDecisionSchema = z
  .object({
    id: z.uuid(),
    reviewId: z.uuid(),
    number: z.number().int(),
    output: decisionOutputSchema,
    procedureReason: procedureReasonSchema.nullable(),
    amount: z.number().int().nullable(),
    currency: z.string(),
    title: z.string(),
    description: z.string(),
    inputSections: z.array(reviewInputSectionKeySchema),
    owner: person,
    dueDate: isoDate,
    /** The tracked action in the improvement register, once the minutes are approved. */
    improvement: z
      .object({ id: z.uuid(), code: z.string(), status: z.string(), dueDate: isoDate.nullable() })
      .nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

const decisionFields = {
  output: decisionOutputSchema,
  procedureReason: procedureReasonSchema.nullable().default(null),
  amount: z.number().int().min(0).max(1e12).nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('JPY'),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).default(''),
  inputSections: z.array(reviewInputSectionKeySchema).max(11).default([]),
  ownerId: z.uuid(),
  dueDate: isoDate,
};

/** 6.3.b needs its reason; only 6.3.c carries an amount. */
export const reviewDecisionCreateSchema = z
  .object(decisionFields)
  .refine((d) => (d.output === 'procedure') === (d.procedureReason !== null), {
    message: 'decision_reason_required',
    path: ['procedureReason'],
  })
  .refine((d) => d.amount === null || d.output === 'resources', {
    message: 'decision_amount_resources_only',
    path: ['amount'],
  });
export type ReviewDecisionCreate = z.infer<typeof reviewDecisionCreateSchema>;

/** A partial update; the domain re-checks the reason and amount against the merged decision. */
export const reviewDecisionUpdateSchema = z.object({
  output: decisionOutputSchema.optional(),
  procedureReason: procedureReasonSchema.nullable().optional(),
  amount: z.number().int().min(0).max(1e12).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(20_000).optional(),
  inputSections: z.array(reviewInputSectionKeySchema).max(11).optional(),
  ownerId: z.uuid().optional(),
  dueDate: isoDate.optional(),
});
export type ReviewDecisionUpdate = z.infer<typeof reviewDecisionUpdateSchema>;

/** Submitting the minutes for top management's approval. */
export const reviewSubmitSchema = z.object({
  /** A named approver instead of the role the `management_review` policy names. */
  assigneeUserId: z.uuid().optional(),
  comment: z.string().trim().max(5000).optional(),
});

/** One decision of one review: /management-reviews/{id}/decisions/{decisionId}. */
export const reviewDecisionParamsSchema = z.object({ id: z.uuid(), decisionId: z.uuid() });

export const reviewExportQuerySchema = z.object({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  lang: z.enum(['ja', 'en']).optional(),
});
