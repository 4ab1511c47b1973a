import { z } from 'zod';

/**
 * The management review's input pack (6.2.a–h): the sections compiled from the
 * ISMS when the inputs are prepared, frozen thereafter.
 */

const isoDate = z.iso.date();

export const REVIEW_INPUT_SECTIONS = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'readiness',
  'incidents',
  'objectives',
] as const;
export const reviewInputSectionKeySchema = z.enum(REVIEW_INPUT_SECTIONS);
export type ReviewInputSectionKey = z.infer<typeof reviewInputSectionKeySchema>;

/**
 * One source object of a section, as it stood when compiled. `kind` names the
 * object type (an audit-trail entity type such as 'internal_audit',
 * 'nonconformity', 'improvement', 'risk', 'interested_party_feedback',
 * 'management_review_decision', 'scope', 'soa', 'org_unit', 'asset',
 * 'risk_method'); `status` is that type's own status code, labelled by the UI;
 * `change` is set in section g ('added' | 'changed' | 'approved' | 'retired').
 */
export const reviewInputItemSchema = z.object({
  kind: z.string(),
  id: z.string(),
  /** Display code when the object has one (IA-0001, NC-0001, R-0001…). */
  ref: z.string().nullable(),
  title: z.string(),
  status: z.string().nullable(),
  date: isoDate.nullable(),
  /** The page of the object in the web app. */
  href: z.string(),
  change: z.string().nullable().optional(),
  /** A short extra fact (a count, a level, a party's name). */
  detail: z.string().nullable().optional(),
});
export type ReviewInputItem = z.infer<typeof reviewInputItemSchema>;

export const reviewInputSectionSchema = z
  .object({
    section: reviewInputSectionKeySchema,
    /** False when the area that would feed this section is not in Mamoru yet. */
    available: z.boolean(),
    /** Named counts (keys labelled by the UI: reviews.figures.<key>). */
    figures: z.record(z.string(), z.number()),
    items: z.array(reviewInputItemSchema),
    /** Items beyond the stored cap; the figures still count them. */
    omitted: z.number().int(),
    /** True when the section holds no figure above zero and no item: the pack says so. */
    empty: z.boolean(),
    /** What the minutes record of the discussion of this input. */
    discussion: z.string(),
    compiledAt: z.iso.datetime(),
  })
  .meta({ id: 'ReviewInputSection' });
export type ReviewInputSection = z.infer<typeof reviewInputSectionSchema>;

export const reviewInputPackSchema = z
  .object({
    reviewId: z.uuid(),
    periodStart: isoDate.nullable(),
    preparedAt: z.iso.datetime().nullable(),
    sections: z.array(reviewInputSectionSchema),
  })
  .meta({ id: 'ReviewInputPack' });
export type ReviewInputPack = z.infer<typeof reviewInputPackSchema>;

/**
 * The figures each section counts, in the order to show them (labels:
 * reviews.figures.<key>). Sections the pack cannot fill yet count nothing.
 */
export const REVIEW_INPUT_FIGURES = {
  a: [
    'auditsCompleted',
    'auditReportsApproved',
    'findingsMajor',
    'findingsMinor',
    'observations',
    'opportunities',
    'externalNonconformities',
    'previousReviews',
  ],
  b: [
    'feedbackReceived',
    'feedbackPositive',
    'feedbackNeutral',
    'feedbackNegative',
    'feedbackUnanswered',
  ],
  c: ['improvementsAccepted', 'improvementsImplemented'],
  d: [
    'nonconformitiesOpen',
    'nonconformitiesClosed',
    'potentialOpen',
    'actionsPlanned',
    'actionsImplemented',
    'actionsOverdue',
    'reviewsEffective',
    'reviewsNotEffective',
  ],
  e: ['risksAboveAcceptable', 'risksUntreated'],
  f: ['previousDecisions', 'decisionsDone', 'decisionsOpen', 'decisionsOverdue'],
  g: [
    'scopeVersions',
    'soaVersions',
    'unitsChanged',
    'assetsAdded',
    'assetsRetired',
    'methodChanges',
    'ismsEvents',
    // The legal register: obligations added, changed or retired in the period.
    'legalAdded',
    'legalChanged',
    'legalRetired',
  ],
  h: ['improvementsProposed', 'preventiveProposals'],
  readiness: ['readiness', 'met', 'partial', 'gap', 'notEvidenced'],
  incidents: [
    'incidentsReported',
    'typeIncident',
    'typeSuspected',
    'typeWeakness',
    'typeMalfunction',
    'typeNearMiss',
    'severityCritical',
    'severityHigh',
    'severityMedium',
    'severityLow',
    'incidentsPersonalData',
    'incidentsClosed',
    'incidentsOpen',
    'clocksOverdue',
  ],
  objectives: [],
} as const satisfies Record<ReviewInputSectionKey, readonly string[]>;

/**
 * Item kinds of the pack and the status codes each carries (the UI labels
 * them): management_review, internal_audit (audit status), nonconformity,
 * improvement_action, improvement, preventive_proposal, risk,
 * management_review_decision (its improvement's status, null before one
 * exists), interested_party_feedback ('open' | 'responded'), scope, soa,
 * risk_method (version status), org_unit ('active' | 'inactive'), asset,
 * isms_event ('auto' | 'manual'; its category's words in `detail`),
 * legal_obligation ('active' | 'retired'; its kind's words in `detail`).
 */
export const REVIEW_INPUT_ITEM_KINDS = [
  'management_review',
  'internal_audit',
  'nonconformity',
  'improvement_action',
  'improvement',
  'preventive_proposal',
  'risk',
  'management_review_decision',
  'interested_party_feedback',
  'scope',
  'soa',
  'risk_method',
  'org_unit',
  'asset',
  'isms_event',
  'incident',
  'legal_obligation',
] as const;
