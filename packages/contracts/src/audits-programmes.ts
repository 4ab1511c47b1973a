import { z } from 'zod';

/**
 * The internal audit programme (監査プログラム, 第6 4.) per fiscal year, versioned
 * like the scope, with its risk-based planning view and the area's dashboard.
 */

const note = (max = 10_000) => z.string().max(max);
const ids = z.array(z.uuid()).max(1000);
const refIds = z.array(z.string().trim().min(1).max(64)).max(1000);
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};

export const auditProgrammeStatusSchema = z.enum(['draft', 'pending', 'approved', 'superseded']);
export type AuditProgrammeStatus = z.infer<typeof auditProgrammeStatusSchema>;

const contentFields = {
  title: z.string().trim().max(200),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  objectives: note(),
  criteriaRequirementIds: refIds,
  criteriaControlIds: refIds,
  /** The organization's own procedures (documents) audited against. */
  criteriaDocumentIds: ids,
  scopeUnitIds: ids,
  scopeLocationIds: ids,
  scopeProcesses: z.array(z.string().trim().min(1).max(200)).max(200),
  frequency: note(2000),
  methods: note(),
  responsibilities: note(),
  cycleMonths: z.number().int().min(1).max(60),
};

/**
 * A new programme for a fiscal year. Omitted criteria take the defaults: every
 * requirement item of 第4–第7 and the applicable controls of the SoA in force.
 */
export const auditProgrammeCreateSchema = z.object({
  fiscalYear: z.number().int().min(2000).max(2100),
  title: contentFields.title.default(''),
  /** Defaults to the fiscal year from April to March. */
  periodStart: contentFields.periodStart.optional(),
  periodEnd: contentFields.periodEnd.optional(),
  objectives: contentFields.objectives.default(''),
  criteriaRequirementIds: contentFields.criteriaRequirementIds.optional(),
  criteriaControlIds: contentFields.criteriaControlIds.optional(),
  criteriaDocumentIds: ids.default([]),
  scopeUnitIds: ids.default([]),
  scopeLocationIds: ids.default([]),
  scopeProcesses: contentFields.scopeProcesses.default([]),
  frequency: contentFields.frequency.default(''),
  methods: contentFields.methods.default(''),
  responsibilities: contentFields.responsibilities.default(''),
  cycleMonths: contentFields.cycleMonths.default(12),
});
export type AuditProgrammeCreate = z.infer<typeof auditProgrammeCreateSchema>;

/** PATCH: only the fields sent change; on an approved version it starts the next draft. */
export const auditProgrammeUpdateSchema = z.object(
  Object.fromEntries(Object.entries(contentFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof contentFields]: z.ZodOptional<(typeof contentFields)[K]>;
  },
);
export type AuditProgrammeUpdate = z.infer<typeof auditProgrammeUpdateSchema>;

export const auditProgrammeSchema = z
  .object({
    id: z.uuid(),
    fiscalYear: z.number().int(),
    number: z.number().int(),
    status: auditProgrammeStatusSchema,
    title: z.string(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    objectives: z.string(),
    criteriaRequirementIds: z.array(z.string()),
    criteriaControlIds: z.array(z.string()),
    criteriaDocumentIds: z.array(z.uuid()),
    scopeUnitIds: z.array(z.uuid()),
    scopeLocationIds: z.array(z.uuid()),
    scopeProcesses: z.array(z.string()),
    frequency: z.string(),
    methods: z.string(),
    responsibilities: z.string(),
    cycleMonths: z.number().int(),
    createdBy: z.uuid().nullable(),
    updatedBy: z.uuid().nullable(),
    approvalId: z.uuid().nullable(),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditProgramme' });
export type AuditProgramme = z.infer<typeof auditProgrammeSchema>;

export const auditProgrammeQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  status: auditProgrammeStatusSchema.optional(),
  ...page,
});

export const auditProgrammeApprovalRequestSchema = z.object({
  /** A named approver instead of the role the `audit_programme` policy names. */
  assigneeUserId: z.uuid().nullable().optional(),
});

// ---- planning ------------------------------------------------------------------

/** audited: within the cycle; planned: an audit of the period covers it; unaudited: a warning. */
export const coverageStatusSchema = z.enum(['audited', 'planned', 'unaudited']);
export type CoverageStatus = z.infer<typeof coverageStatusSchema>;

export const coverageItemSchema = z.object({
  kind: z.enum(['requirement', 'control']),
  id: z.string(),
  /** The catalog's display form (第4 2.(3) d, 9(4)⑨); the web shows it in the reader's form. */
  displayId: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  /** Date (YYYY-MM-DD) of the latest answered checklist line of a reported audit. */
  lastAuditedOn: z.iso.date().nullable(),
  plannedOn: z.iso.date().nullable(),
  status: coverageStatusSchema,
  openFindings: z.number().int(),
  /** Highest level among the open risks the control treats (controls only). */
  highestRiskLevel: z.number().int().nullable(),
});
export type CoverageItem = z.infer<typeof coverageItemSchema>;

const coverageCounts = z.object({
  total: z.number().int(),
  audited: z.number().int(),
  planned: z.number().int(),
  unaudited: z.number().int(),
});
export const coverageSummarySchema = z.object({
  requirements: coverageCounts,
  controls: coverageCounts,
});
export type CoverageSummary = z.infer<typeof coverageSummarySchema>;

export const unitPlanningSchema = z.object({
  unitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  lastAuditedOn: z.iso.date().nullable(),
  plannedOn: z.iso.date().nullable(),
  openFindings: z.number().int(),
  highestRiskLevel: z.number().int().nullable(),
});
export type UnitPlanning = z.infer<typeof unitPlanningSchema>;

export const auditPlanningSchema = z
  .object({
    programmeId: z.uuid(),
    asOf: z.iso.date(),
    cycleMonths: z.number().int(),
    units: z.array(unitPlanningSchema),
    items: z.array(coverageItemSchema),
    summary: coverageSummarySchema,
  })
  .meta({ id: 'AuditPlanning' });
export type AuditPlanning = z.infer<typeof auditPlanningSchema>;

// ---- dashboard -----------------------------------------------------------------

export const auditsDashboardSchema = z
  .object({
    /** The programme the coverage is measured against (approved for this year, else latest). */
    programme: z
      .object({
        id: z.uuid(),
        fiscalYear: z.number().int(),
        number: z.number().int(),
        status: auditProgrammeStatusSchema,
      })
      .nullable(),
    nextAudits: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        title: z.string(),
        status: z.string(),
        plannedStart: z.iso.date(),
        plannedEnd: z.iso.date(),
      }),
    ),
    overdueFollowUps: z.array(
      z.object({
        id: z.uuid(),
        auditId: z.uuid(),
        auditCode: z.string(),
        number: z.number().int(),
        kind: z.string(),
        status: z.string(),
        requirementId: z.string().nullable(),
        controlId: z.string().nullable(),
        dueDate: z.iso.date(),
      }),
    ),
    overdueCount: z.number().int(),
    coverage: coverageSummarySchema,
  })
  .meta({ id: 'AuditsDashboard' });
export type AuditsDashboard = z.infer<typeof auditsDashboardSchema>;
