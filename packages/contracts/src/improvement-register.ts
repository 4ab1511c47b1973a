import { z } from 'zod';
import { evidenceLinkSchema } from './records.ts';

/**
 * The improvement register (4.2.4.a, 7.1), the communication log (4.2.4.c),
 * preventive proposals from risk changes (7.3.e) and the area's settings.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();
const link = z.object({ type: z.string(), id: z.string(), label: z.string() });
const links = z.array(evidenceLinkSchema).max(50);

// ---- improvements ------------------------------------------------------------------

export const improvementSourceSchema = z.enum([
  'audit',
  'management_review',
  'incident_lesson',
  'external_lesson',
  'suggestion',
  'monitoring',
  'other',
]);
export type ImprovementSource = z.infer<typeof improvementSourceSchema>;
export const improvementStatusSchema = z.enum(['proposed', 'accepted', 'rejected', 'implemented']);
export type ImprovementStatus = z.infer<typeof improvementStatusSchema>;

export const improvementSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    /** IMP-0001. */
    code: z.string(),
    source: improvementSourceSchema,
    sourceLink: link.nullable(),
    auditFindingId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    suggestedBy: person,
    status: improvementStatusSchema,
    decisionReason: z.string(),
    decidedBy: person,
    decidedAt: z.iso.datetime().nullable(),
    owner: person,
    dueDate: isoDate.nullable(),
    implementation: z.string(),
    implementedAt: z.iso.datetime().nullable(),
    evidence: z.array(link),
    /** The ISMS objective it serves (objectives come with a later area). */
    objectiveId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Improvement' });
export type Improvement = z.infer<typeof improvementSchema>;

export const improvementCreateSchema = z.object({
  source: improvementSourceSchema,
  sourceLink: evidenceLinkSchema.nullable().optional(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).default(''),
  ownerId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  objectiveId: z.uuid().nullable().optional(),
  evidence: links.default([]),
});
export type ImprovementCreate = z.infer<typeof improvementCreateSchema>;

export const improvementUpdateSchema = z.object({
  source: improvementSourceSchema.optional(),
  sourceLink: evidenceLinkSchema.nullable().optional(),
  title: z.string().trim().min(1).max(500).optional(),
  description: z.string().max(20_000).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  objectiveId: z.uuid().nullable().optional(),
  evidence: links.optional(),
});
export type ImprovementUpdate = z.infer<typeof improvementUpdateSchema>;

/** The decision on a proposed improvement; the reason is kept either way. */
export const improvementDecisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  reason: z.string().trim().max(5000).default(''),
});
export type ImprovementDecision = z.infer<typeof improvementDecisionSchema>;

export const improvementImplementationSchema = z.object({
  implementation: z.string().trim().max(20_000).default(''),
  evidence: links.default([]),
});
export type ImprovementImplementation = z.infer<typeof improvementImplementationSchema>;

export const improvementListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  status: improvementStatusSchema.optional(),
  source: improvementSourceSchema.optional(),
  /** Accepted improvements past their due date and not implemented. */
  overdue: z.enum(['true', 'false']).optional(),
  /** `none`: without evidence of their effect (the gap of 5.2.1.f). */
  evidence: z.enum(['none']).optional(),
  ...page,
});
export type ImprovementListQuery = z.infer<typeof improvementListQuerySchema>;

/**
 * What any user reports from any page: an improvement idea (to the register) or
 * a potential problem (a potential nonconformity, for preventive action).
 */
export const suggestionSchema = z.object({
  kind: z.enum(['improvement', 'potential_problem']),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(20_000).default(''),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionResultSchema = z
  .object({
    kind: z.enum(['improvement', 'potential_problem']),
    id: z.uuid(),
    /** IMP-0001 or NC-0001. */
    code: z.string(),
  })
  .meta({ id: 'SuggestionResult' });
export type SuggestionResult = z.infer<typeof suggestionResultSchema>;

// ---- communication log ---------------------------------------------------------------

export const communicationChannelSchema = z.enum([
  'meeting',
  'email',
  'intranet',
  'document',
  'training',
  'other',
]);
export type CommunicationChannel = z.infer<typeof communicationChannelSchema>;
export const communicationAgreementSchema = z.enum([
  'agreed',
  'objected',
  'pending',
  'not_required',
]);
export type CommunicationAgreement = z.infer<typeof communicationAgreementSchema>;

export const communicationSchema = z
  .object({
    id: z.uuid(),
    subject: link.nullable(),
    nonconformity: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
    improvement: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
    audience: z.string(),
    channel: communicationChannelSchema,
    communicatedOn: isoDate,
    summary: z.string(),
    agreement: communicationAgreementSchema,
    agreementNote: z.string(),
    attachments: z.array(link),
    createdBy: person,
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ImprovementCommunication' });
export type Communication = z.infer<typeof communicationSchema>;

export const communicationCreateSchema = z.object({
  subject: evidenceLinkSchema.nullable().optional(),
  nonconformityId: z.uuid().nullable().optional(),
  improvementId: z.uuid().nullable().optional(),
  audience: z.string().trim().min(1).max(500),
  channel: communicationChannelSchema,
  communicatedOn: isoDate,
  summary: z.string().trim().min(1).max(20_000),
  agreement: communicationAgreementSchema.default('pending'),
  agreementNote: z.string().trim().max(5000).default(''),
  attachments: links.default([]),
});
export type CommunicationCreate = z.infer<typeof communicationCreateSchema>;
export const communicationUpdateSchema = communicationCreateSchema.partial().extend({
  agreement: communicationAgreementSchema.optional(),
  agreementNote: z.string().trim().max(5000).optional(),
  attachments: links.optional(),
});
export type CommunicationUpdate = z.infer<typeof communicationUpdateSchema>;

export const communicationListQuerySchema = z.object({
  nonconformityId: z.uuid().optional(),
  improvementId: z.uuid().optional(),
  agreement: communicationAgreementSchema.optional(),
  channel: communicationChannelSchema.optional(),
  ...page,
});
export type CommunicationListQuery = z.infer<typeof communicationListQuerySchema>;

// ---- preventive proposals (7.3.e) -----------------------------------------------------

export const proposalReasonSchema = z.enum(['level_jump', 'untreated_above_acceptable']);
export const proposalStatusSchema = z.enum(['proposed', 'accepted', 'dismissed']);
export const proposalPrioritySchema = z.enum(['high', 'medium', 'low']);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

export const preventiveProposalSchema = z
  .object({
    id: z.uuid(),
    risk: z.object({
      id: z.uuid(),
      code: z.string(),
      assetName: z.string(),
      threatCode: z.string(),
      level: z.number().int().nullable(),
    }),
    reason: proposalReasonSchema,
    previousLevel: z.number().int().nullable(),
    newLevel: z.number().int(),
    priority: proposalPrioritySchema,
    status: proposalStatusSchema,
    decisionReason: z.string(),
    decidedBy: person,
    decidedAt: z.iso.datetime().nullable(),
    nonconformity: z.object({ id: z.uuid(), code: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PreventiveProposal' });
export type PreventiveProposal = z.infer<typeof preventiveProposalSchema>;

/** Accepting raises a potential nonconformity; dismissing needs a reason. */
export const proposalDecisionSchema = z.object({
  decision: z.enum(['accepted', 'dismissed']),
  reason: z.string().trim().max(5000).default(''),
  /** Who manages the potential nonconformity raised on acceptance. */
  ownerId: z.uuid().nullable().optional(),
});
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

export const proposalListQuerySchema = z.object({
  status: proposalStatusSchema.optional(),
  priority: proposalPrioritySchema.optional(),
  ...page,
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

// ---- settings ---------------------------------------------------------------------------

export const improvementSettingsSchema = z
  .object({
    /** A reassessment raising a risk's level by at least this proposes preventive action. */
    levelJump: z.number().int(),
    /** Default days between an action's implementation and its effectiveness review. */
    reviewIntervalDays: z.number().int(),
    /** 0 until the settings were first saved (the defaults apply). */
    version: z.number().int(),
  })
  .meta({ id: 'ImprovementSettings' });
export type ImprovementSettings = z.infer<typeof improvementSettingsSchema>;
export const improvementSettingsUpdateSchema = z.object({
  levelJump: z.number().int().min(1).max(100).optional(),
  reviewIntervalDays: z.number().int().min(0).max(730).optional(),
});
export type ImprovementSettingsUpdate = z.infer<typeof improvementSettingsUpdateSchema>;
