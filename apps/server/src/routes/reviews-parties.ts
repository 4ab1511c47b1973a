import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  interestedPartyCreateSchema,
  interestedPartyListQuerySchema,
  interestedPartySchema,
  interestedPartyUpdateSchema,
  pageSchema,
  partiesExportQuerySchema,
  partyFeedbackCreateSchema,
  partyFeedbackListQuerySchema,
  partyFeedbackRespondSchema,
  partyFeedbackSchema,
  partyFeedbackUpdateSchema,
} from '@mamoru/contracts';
import { reviews } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['reviews'];
const { presentParty, presentFeedback } = reviews;

/**
 * Interested parties and their feedback (6.2.b). The gate asks for the broad
 * permission; the domain narrows it (reading parties needs reviews:read over
 * everything or reviews:feedback; feedback lists follow the reader's reach).
 */
export const reviewPartyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/interested-parties',
    {
      schema: {
        tags,
        querystring: interestedPartyListQuerySchema,
        response: { 200: pageSchema(interestedPartySchema) },
      },
      config: { permission: 'reviews:read' },
    },
    async (request) => {
      const page = await reviews.listParties(db, contextOf(request), request.query);
      return { items: page.items.map(presentParty), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/interested-parties',
    {
      schema: { tags, body: interestedPartyCreateSchema, response: { 201: interestedPartySchema } },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.createParty(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentParty(row));
    },
  );
  app.get(
    '/interested-parties/export',
    {
      schema: {
        tags,
        description:
          'The register as XLSX: a sheet of parties and a sheet of the feedback the reader may see.',
        querystring: partiesExportQuerySchema,
      },
      config: { permission: 'reviews:read', slot: true },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? request.locale;
      const book = await reviews.partiesWorkbook(db, contextOf(request), lang);
      return sendSpreadsheet(request, reply, 'xlsx', 'interested-parties', book.sheets);
    },
  );
  app.get(
    '/interested-parties/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: interestedPartySchema } },
      config: { permission: 'reviews:read' },
    },
    async (request, reply) => {
      const row = await reviews.getParty(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentParty(row);
    },
  );
  app.patch(
    '/interested-parties/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: interestedPartyUpdateSchema,
        response: { 200: interestedPartySchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.updateParty(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentParty(row);
    },
  );

  // ---- feedback ----
  app.get(
    '/interested-party-feedback',
    {
      schema: {
        tags,
        description:
          'Feedback newest first, filtered by party, open (awaiting a response) and received ' +
          'dates. One who only records feedback sees the entries they recorded.',
        querystring: partyFeedbackListQuerySchema,
        response: { 200: pageSchema(partyFeedbackSchema) },
      },
      config: { permission: 'reviews:read' },
    },
    async (request) => {
      const page = await reviews.listFeedback(db, contextOf(request), request.query);
      return { items: page.items.map(presentFeedback), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/interested-party-feedback',
    {
      schema: { tags, body: partyFeedbackCreateSchema, response: { 201: partyFeedbackSchema } },
      config: { permission: 'reviews:feedback' },
    },
    async (request, reply) => {
      const row = await reviews.recordFeedback(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentFeedback(row));
    },
  );
  app.get(
    '/interested-party-feedback/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: partyFeedbackSchema } },
      config: { permission: 'reviews:read' },
    },
    async (request, reply) => {
      const row = await reviews.getFeedback(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentFeedback(row);
    },
  );
  app.patch(
    '/interested-party-feedback/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: partyFeedbackUpdateSchema,
        response: { 200: partyFeedbackSchema },
      },
      config: { permission: 'reviews:feedback' },
    },
    async (request, reply) => {
      const row = await reviews.updateFeedback(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentFeedback(row);
    },
  );
  app.post(
    '/interested-party-feedback/:id/response',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: partyFeedbackRespondSchema,
        response: { 200: partyFeedbackSchema },
      },
      config: { permission: 'reviews:manage' },
    },
    async (request, reply) => {
      const row = await reviews.respondToFeedback(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentFeedback(row);
    },
  );
};
