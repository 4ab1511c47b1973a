import { z } from 'zod';

/**
 * Interested parties and the feedback they give (6.2.b): a small register the
 * management review's input b is compiled from.
 */

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const isoDate = z.iso.date();
const flag = z.enum(['true', 'false']);
/** Typed text (a NUL character is refused for every route by the server's nul-text plugin). */
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const partyKindSchema = z.enum([
  'customer',
  'regulator',
  'employee',
  'supplier',
  'shareholder',
  'partner',
  'community',
  'other',
]);
export type PartyKind = z.infer<typeof partyKindSchema>;

export const feedbackChannelSchema = z.enum([
  'meeting',
  'email',
  'survey',
  'complaint',
  'audit',
  'other',
]);
export type FeedbackChannel = z.infer<typeof feedbackChannelSchema>;

export const feedbackSentimentSchema = z.enum(['positive', 'neutral', 'negative']);
export type FeedbackSentiment = z.infer<typeof feedbackSentimentSchema>;

export const interestedPartySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: partyKindSchema,
    /** What the party expects of the organization's information security. */
    expectations: z.string(),
    contact: z.string(),
    active: z.boolean(),
    /** Feedback entries recorded for the party, and those still awaiting a response. */
    feedbackCount: z.number().int(),
    openFeedbackCount: z.number().int(),
    lastFeedbackOn: isoDate.nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'InterestedParty' });
export type InterestedParty = z.infer<typeof interestedPartySchema>;

export const interestedPartyCreateSchema = z.object({
  name: text(1, 200),
  kind: partyKindSchema,
  expectations: text(0, 5000).default(''),
  contact: text(0, 500).default(''),
});
export type InterestedPartyCreate = z.infer<typeof interestedPartyCreateSchema>;

/** `active: false` retires a party: its feedback stays, no new feedback is recorded for it. */
export const interestedPartyUpdateSchema = z.object({
  name: text(1, 200).optional(),
  kind: partyKindSchema.optional(),
  expectations: text(0, 5000).optional(),
  contact: text(0, 500).optional(),
  active: z.boolean().optional(),
});
export type InterestedPartyUpdate = z.infer<typeof interestedPartyUpdateSchema>;

export const interestedPartyListQuerySchema = z.object({
  kind: partyKindSchema.optional(),
  active: flag.optional(),
  ...page,
});
export type InterestedPartyListQuery = z.infer<typeof interestedPartyListQuerySchema>;

export const partyFeedbackSchema = z
  .object({
    id: z.uuid(),
    party: z.object({ id: z.uuid(), name: z.string(), kind: partyKindSchema }),
    receivedOn: isoDate,
    channel: feedbackChannelSchema,
    content: z.string(),
    sentiment: feedbackSentimentSchema,
    response: z.string(),
    /** Null while the feedback awaits a response. */
    respondedOn: isoDate.nullable(),
    recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PartyFeedback' });
export type PartyFeedback = z.infer<typeof partyFeedbackSchema>;

export const partyFeedbackCreateSchema = z.object({
  partyId: z.uuid(),
  receivedOn: isoDate,
  channel: feedbackChannelSchema.default('other'),
  content: text(1, 20_000),
  sentiment: feedbackSentimentSchema.default('neutral'),
});
export type PartyFeedbackCreate = z.infer<typeof partyFeedbackCreateSchema>;

export const partyFeedbackUpdateSchema = z.object({
  partyId: z.uuid().optional(),
  receivedOn: isoDate.optional(),
  channel: feedbackChannelSchema.optional(),
  content: text(1, 20_000).optional(),
  sentiment: feedbackSentimentSchema.optional(),
});
export type PartyFeedbackUpdate = z.infer<typeof partyFeedbackUpdateSchema>;

/** The organization's response; the date defaults to today. A new response replaces the old. */
export const partyFeedbackRespondSchema = z.object({
  response: text(1, 20_000),
  respondedOn: isoDate.optional(),
});
export type PartyFeedbackRespond = z.infer<typeof partyFeedbackRespondSchema>;

export const partyFeedbackListQuerySchema = z.object({
  partyId: z.uuid().optional(),
  /** true: awaiting a response; false: answered. */
  open: flag.optional(),
  /** Received on or after / on or before. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...page,
});
export type PartyFeedbackListQuery = z.infer<typeof partyFeedbackListQuerySchema>;

export const partiesExportQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).optional(),
});
