import { z } from 'zod';
import { localizedTextSchema } from './common.ts';

/**
 * The audit report (監査報告書): drafted from the audit (scope, team, results
 * per clause, findings), approved by the lead auditor — which freezes its
 * content — and acknowledged by the head of an auditee unit.
 */

export const auditReportStatusSchema = z.enum(['draft', 'approved', 'acknowledged']);
export type AuditReportStatus = z.infer<typeof auditReportStatusSchema>;

export const auditResultSchema = z.enum(['conform', 'major_nc', 'minor_nc', 'observation', 'ofi']);
export type AuditResult = z.infer<typeof auditResultSchema>;

const person = z.object({ id: z.uuid(), name: z.string() });

/** Counts of line results; `unanswered` lines have no result yet. */
export const auditResultCountsSchema = z.object({
  conform: z.number().int(),
  major_nc: z.number().int(),
  minor_nc: z.number().int(),
  observation: z.number().int(),
  ofi: z.number().int(),
  unanswered: z.number().int(),
});
export type AuditResultCounts = z.infer<typeof auditResultCountsSchema>;

/** A requirement item or control as the reader sees it (display ID + catalog title). */
const criterionSchema = z.object({
  kind: z.enum(['requirement', 'control', 'custom']),
  id: z.string().nullable(),
  displayId: z.string(),
  title: localizedTextSchema,
});

export const auditReportContentSchema = z
  .object({
    audit: z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      openingMeetingAt: z.string().nullable(),
      closingMeetingAt: z.string().nullable(),
      auditeeUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
      processes: z.array(z.string()),
      requirements: z.array(criterionSchema),
      controls: z.array(criterionSchema),
    }),
    team: z.array(person.extend({ role: z.enum(['lead', 'member']) })),
    /** Results grouped by clause (第4–第7) or annex domain, in document order. */
    clauses: z.array(
      criterionSchema.extend({
        counts: auditResultCountsSchema,
        lines: z.array(
          criterionSchema.extend({
            result: auditResultSchema.nullable(),
            notes: z.string(),
          }),
        ),
      }),
    ),
    totals: auditResultCountsSchema,
    findings: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        kind: auditResultSchema.exclude(['conform']),
        criterion: criterionSchema.nullable(),
        unit: z.string().nullable(),
        description: z.string(),
        dueDate: z.string().nullable(),
        status: z.enum(['open', 'corrected', 'verified', 'transferred']),
      }),
    ),
  })
  .meta({ id: 'AuditReportContent' });
export type AuditReportContent = z.infer<typeof auditReportContentSchema>;

export const auditReportSchema = z
  .object({
    auditId: z.uuid(),
    status: auditReportStatusSchema,
    summary: z.string(),
    conclusion: z.string(),
    /** The live content while a draft; the frozen snapshot once approved. */
    content: auditReportContentSchema,
    approvedBy: person.nullable(),
    approvedAt: z.iso.datetime().nullable(),
    acknowledgedBy: person.nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    /** What the caller may do now (the web shows only these actions). */
    can: z.object({ edit: z.boolean(), approve: z.boolean(), acknowledge: z.boolean() }),
    /** 0 until the draft is first saved; send it in If-Match. */
    version: z.number().int(),
  })
  .meta({ id: 'AuditReport' });
export type AuditReport = z.infer<typeof auditReportSchema>;

export const auditReportUpdateSchema = z.object({
  summary: z.string().trim().max(20_000).optional(),
  conclusion: z.string().trim().max(20_000).optional(),
});
export type AuditReportUpdate = z.infer<typeof auditReportUpdateSchema>;

export const auditReportExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'pdf']),
  lang: z.enum(['ja', 'en']).optional(),
});
