import { z } from 'zod';

/**
 * Incidents, weaknesses and malfunctions (4.2.2.g, 4.2.3.a, 4.3.3; annex 6.3,
 * 8.1.3): reports, triage, response workflow, timeline, quantities, clocks.
 * Update schemas carry no `.default()`: zod would fill defaults into fields a
 * PATCH leaves out.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const flag = z.enum(['true', 'false']);
const text = (max: number) => z.string().trim().max(max);
const name = z.object({ ja: z.string(), en: z.string() });
const person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const INCIDENT_TYPES = [
  'incident',
  'suspected',
  'weakness',
  'malfunction',
  'near_miss',
] as const;
export const incidentTypeSchema = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

/** In workflow order. */
export const INCIDENT_STATUSES = [
  'reported',
  'triaged',
  'contained',
  'eradicated',
  'recovered',
  'closed',
] as const;
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const INCIDENT_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const incidentLevelSchema = z.enum(INCIDENT_LEVELS);
export type IncidentLevel = z.infer<typeof incidentLevelSchema>;

export const incidentChannelSchema = z.enum(['web', 'api']);
export const notificationChannelSchema = z.enum([
  'email',
  'web_form',
  'letter',
  'phone',
  'in_person',
  'other',
]);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

/** Personal data categories a breach may involve (APPI's report asks for them). */
export const personalDataCategorySchema = z.enum([
  'contact',
  'identification',
  'financial',
  'health',
  'special_care',
  'employee',
  'customer',
  'credentials',
  'other',
]);

// ---- reporting (anyone; a monitoring tool with a token) ---------------------------

export const incidentReportSchema = z.object({
  type: incidentTypeSchema,
  title: text(200).min(1),
  description: text(20_000).default(''),
  occurredAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Defaults to the time of the report. */
  discoveredAt: z.iso.datetime({ offset: true }).optional(),
  unitId: z.uuid().nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  place: text(500).default(''),
  assetIds: z.array(z.uuid()).max(50).default([]),
  personalData: z.boolean().default(false),
  /** The reporter may ask for confidential handling (e.g. it names a colleague). */
  confidential: z.boolean().default(false),
  /** A monitoring tool's own reference: a report while one with it is open is merged. */
  externalRef: text(200).min(1).optional(),
});
export type IncidentReport = z.infer<typeof incidentReportSchema>;

// ---- the incident -----------------------------------------------------------------

export const incidentListItemSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** INC-0001. */
    reference: z.string(),
    type: incidentTypeSchema,
    title: z.string(),
    status: incidentStatusSchema,
    severity: incidentLevelSchema.nullable(),
    priority: z.number().int().nullable(),
    confidential: z.boolean(),
    personalData: z.boolean(),
    discoveredAt: z.iso.datetime(),
    reportedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    unit: z.object({ id: z.uuid(), name: name }).nullable(),
    reporter: person,
    assignee: person,
    channel: incidentChannelSchema,
    repeatCount: z.number().int(),
    /** Reported longer ago than the triage target and still not triaged. */
    triageOverdue: z.boolean(),
    /** Notification clocks past their deadline with nothing sent. */
    overdueClocks: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'IncidentListItem' });
export type IncidentListItem = z.infer<typeof incidentListItemSchema>;

export const incidentListQuerySchema = z.object({
  status: z
    .array(incidentStatusSchema)
    .or(incidentStatusSchema.transform((s) => [s]))
    .optional(),
  type: incidentTypeSchema.optional(),
  severity: incidentLevelSchema.optional(),
  unitId: z.uuid().optional(),
  /** 'reported': one's own reports; 'assigned': assigned to oneself. */
  mine: z.enum(['reported', 'assigned']).optional(),
  open: flag.optional(),
  confidential: flag.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['discovered_desc', 'priority', 'number_desc']).default('discovered_desc'),
  ...page,
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const incidentClockStatusSchema = z.enum([
  /** Sent by the deadline. */
  'met',
  /** Sent, but after the deadline. */
  'late',
  'pending',
  /** Less than a day left. */
  'due_soon',
  'overdue',
  /** No fixed deadline ("promptly"): waiting for a notification. */
  'open',
]);
export type IncidentClockStatus = z.infer<typeof incidentClockStatusSchema>;

export const incidentClockSchema = z
  .object({
    obligationId: z.uuid(),
    name: name,
    recipient: z.string(),
    /** Null: no fixed deadline. */
    dueAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    status: incidentClockStatusSchema,
  })
  .meta({ id: 'IncidentClock' });
export type IncidentClock = z.infer<typeof incidentClockSchema>;

export const incidentTimelineEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['status', 'action', 'note', 'notification', 'report']),
    at: z.iso.datetime(),
    actor: person,
    fromStatus: incidentStatusSchema.nullable(),
    toStatus: incidentStatusSchema.nullable(),
    text: z.string(),
  })
  .meta({ id: 'IncidentTimelineEntry' });

export const incidentNotificationSchema = z
  .object({
    id: z.uuid(),
    obligationId: z.uuid().nullable(),
    recipient: z.string(),
    sentAt: z.iso.datetime(),
    channel: notificationChannelSchema,
    summary: z.string(),
    sentBy: person,
  })
  .meta({ id: 'IncidentNotification' });

export const incidentRiskSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  level: z.number().nullable(),
  reassessmentRequestedAt: z.iso.datetime().nullable(),
  /** The risk was updated after the request. */
  reassessed: z.boolean(),
});

export const incidentSchema = incidentListItemSchema
  .extend({
    description: z.string(),
    occurredAt: z.iso.datetime().nullable(),
    externalRef: z.string().nullable(),
    location: z.object({ id: z.uuid(), name: name }).nullable(),
    place: z.string(),
    urgency: incidentLevelSchema.nullable(),
    affects: z.object({
      confidentiality: z.boolean(),
      integrity: z.boolean(),
      availability: z.boolean(),
    }),
    personalRecords: z.number().int().nullable(),
    personalDataCategories: z.array(personalDataCategorySchema),
    wrongfulIntent: z.boolean(),
    triagedAt: z.iso.datetime().nullable(),
    triagedBy: person,
    containedAt: z.iso.datetime().nullable(),
    eradicatedAt: z.iso.datetime().nullable(),
    recoveredAt: z.iso.datetime().nullable(),
    closedBy: person,
    volume: z.number().int().nullable(),
    volumeUnit: z.string(),
    downtimeMinutes: z.number().int().nullable(),
    /** From occurrence (else discovery) to recovery (else now), in minutes. */
    durationMinutes: z.number().int().nullable(),
    costs: z.object({
      response: z.number().nullable(),
      recovery: z.number().nullable(),
      loss: z.number().nullable(),
      total: z.number(),
    }),
    rootCause: z.string(),
    lessonsLearned: z.string(),
    recurrencePrevention: z.string(),
    assets: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    risks: z.array(incidentRiskSchema),
    clocks: z.array(incidentClockSchema),
    notifications: z.array(incidentNotificationSchema),
    timeline: z.array(incidentTimelineEntrySchema),
    /** Nonconformities and improvements raised from it. */
    raised: z.array(
      z.object({
        kind: z.enum(['nonconformity', 'improvement']),
        id: z.uuid(),
        reference: z.string(),
        title: z.string(),
        status: z.string(),
      }),
    ),
    record: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
    /** What the reader may do here (the web hides what it may not). */
    can: z.object({ handle: z.boolean(), attach: z.boolean() }),
    /** Statuses the workflow allows next. */
    nextStatuses: z.array(incidentStatusSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof incidentSchema>;

/** The answer to a report: `merged` when it joined an open incident with the same external reference. */
export const incidentReportedSchema = z.object({
  incident: incidentSchema,
  merged: z.boolean(),
});

export const incidentUpdateSchema = z.object({
  type: incidentTypeSchema.optional(),
  title: text(200).min(1).optional(),
  description: text(20_000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).nullable().optional(),
  discoveredAt: z.iso.datetime({ offset: true }).optional(),
  unitId: z.uuid().nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  place: text(500).optional(),
  assetIds: z.array(z.uuid()).max(50).optional(),
  confidential: z.boolean().optional(),
  affects: z
    .object({ confidentiality: z.boolean(), integrity: z.boolean(), availability: z.boolean() })
    .optional(),
  personalData: z.boolean().optional(),
  personalRecords: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  personalDataCategories: z.array(personalDataCategorySchema).max(9).optional(),
  wrongfulIntent: z.boolean().optional(),
  severity: incidentLevelSchema.optional(),
  urgency: incidentLevelSchema.optional(),
  assigneeId: z.uuid().nullable().optional(),
  volume: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  volumeUnit: text(50).optional(),
  downtimeMinutes: z.number().int().min(0).max(10_000_000).nullable().optional(),
  costs: z
    .object({
      response: z.number().int().min(0).max(1e13).nullable(),
      recovery: z.number().int().min(0).max(1e13).nullable(),
      loss: z.number().int().min(0).max(1e13).nullable(),
    })
    .partial()
    .optional(),
  rootCause: text(20_000).optional(),
  lessonsLearned: text(20_000).optional(),
  recurrencePrevention: text(20_000).optional(),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

/** Triage: severity and urgency give the priority from the organization's matrix. */
export const incidentTriageSchema = z.object({
  severity: incidentLevelSchema,
  urgency: incidentLevelSchema,
  /** When it was triaged, if recorded afterwards; defaults to now. */
  at: z.iso.datetime({ offset: true }).optional(),
  assigneeId: z.uuid().nullable().optional(),
  confidential: z.boolean().optional(),
  affects: z
    .object({ confidentiality: z.boolean(), integrity: z.boolean(), availability: z.boolean() })
    .optional(),
  note: text(5000).optional(),
});
export type IncidentTriage = z.infer<typeof incidentTriageSchema>;

/** A step forward in the workflow; closing needs lessons learned (here or already saved). */
export const incidentTransitionSchema = z.object({
  to: incidentStatusSchema.exclude(['reported', 'triaged']),
  /** When it happened; defaults to now. */
  at: z.iso.datetime({ offset: true }).optional(),
  note: text(5000).optional(),
  lessonsLearned: text(20_000).optional(),
});
export type IncidentTransition = z.infer<typeof incidentTransitionSchema>;

export const incidentTimelineCreateSchema = z.object({
  kind: z.enum(['action', 'note']),
  at: z.iso.datetime({ offset: true }).optional(),
  text: text(5000).min(1),
});

export const incidentNotificationCreateSchema = z.object({
  obligationId: z.uuid().nullable().optional(),
  recipient: text(300).min(1),
  sentAt: z.iso.datetime({ offset: true }),
  channel: notificationChannelSchema,
  summary: text(5000).optional(),
});
export type IncidentNotificationCreate = z.infer<typeof incidentNotificationCreateSchema>;

export const incidentRisksSchema = z.object({ riskIds: z.array(z.uuid()).max(100) });
/** Ask for reassessment of the named related risks (all related risks when omitted). */
export const incidentReassessmentSchema = z.object({
  riskIds: z.array(z.uuid()).max(100).optional(),
});

/** Raise a nonconformity (corrective action) or an improvement from an incident. */
export const incidentRaiseSchema = z.object({
  kind: z.enum(['nonconformity', 'improvement']),
  title: text(500).min(1).optional(),
  description: text(20_000).optional(),
  severity: z.enum(['major', 'minor']).optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type IncidentRaise = z.infer<typeof incidentRaiseSchema>;

/** What was raised from an incident (also listed in the incident's `raised`). */
export const incidentRaisedSchema = z
  .object({
    kind: z.enum(['nonconformity', 'improvement']),
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    status: z.string(),
  })
  .meta({ id: 'IncidentRaised' });
export type IncidentRaised = z.infer<typeof incidentRaisedSchema>;
export type IncidentRisk = z.infer<typeof incidentRiskSchema>;
export type IncidentNotification = z.infer<typeof incidentNotificationSchema>;
export type IncidentTimelineEntry = z.infer<typeof incidentTimelineEntrySchema>;
