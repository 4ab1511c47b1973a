import { z } from 'zod';
import { localizedTextSchema } from './common.ts';
import { riskBandRefSchema } from './risks.ts';

/** One labelled value of the object (a fact, or a field that changed). */
export const summaryFactSchema = z.object({
  label: localizedTextSchema,
  value: localizedTextSchema,
});

/** A field that differs from the approved version; texts are the same in both languages unless translated. */
export const summaryFieldChangeSchema = z.object({
  label: localizedTextSchema,
  before: localizedTextSchema,
  after: localizedTextSchema,
});

/** The approved version the changes are counted from; null when nothing was approved before. */
const baseline = z.object({ number: z.number().int() }).nullable();

export const summaryChangesSchema = z.discriminatedUnion('kind', [
  /** Field by field (scope, risk assessment method). */
  z.object({ kind: z.literal('fields'), baseline, items: z.array(summaryFieldChangeSchema) }),
  /** Control by control (statement of applicability). */
  z.object({
    kind: z.literal('entries'),
    baseline,
    items: z.array(
      z.object({
        controlId: z.string(),
        displayId: z.string(),
        kind: z.enum(['added', 'changed', 'removed']),
        fields: z.array(summaryFieldChangeSchema),
      }),
    ),
    /** Entries left out of `items` to keep the summary short. */
    more: z.number().int(),
  }),
  /** Line by line (document bodies). */
  z.object({
    kind: z.literal('text'),
    baseline,
    added: z.number().int(),
    removed: z.number().int(),
    parts: z.array(z.object({ op: z.enum(['equal', 'add', 'remove']), text: z.string() })),
  }),
]);
export type SummaryChanges = z.infer<typeof summaryChangesSchema>;

export const summaryRiskSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  /** The asset and threat, as the register names the risk. */
  title: localizedTextSchema,
  level: riskBandRefSchema.nullable(),
  residualLevel: riskBandRefSchema.nullable(),
  treatmentOption: z.string().nullable(),
});

/**
 * What an approval asks to approve, so the approver decides from it: the
 * object, a link to it, who asked, and what changed since the last approved
 * version. `detail` is 'basic' for types that registered no summary (only
 * title, link and requester are known then).
 */
export const approvalSummarySchema = z
  .object({
    approvalId: z.uuid(),
    approvalType: z.string(),
    entityType: z.string(),
    title: z.string(),
    detail: z.enum(['full', 'basic']),
    /** Where the object lives in the web app; null when it has no page. */
    link: z.string().nullable(),
    requester: z.object({ id: z.uuid(), name: z.string().nullable() }),
    requestedAt: z.iso.datetime(),
    facts: z.array(summaryFactSchema),
    changes: summaryChangesSchema.nullable(),
    /** Risks with their levels (residual risk and risk retention). */
    risks: z.array(summaryRiskSchema).nullable(),
    /** Risks left out of `risks` to keep the summary short. */
    moreRisks: z.number().int(),
  })
  .meta({ id: 'ApprovalSummary' });
export type ApprovalSummary = z.infer<typeof approvalSummarySchema>;
