import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  communicationCreateSchema,
  communicationListQuerySchema,
  communicationSchema,
  communicationUpdateSchema,
  idParamsSchema,
  improvementCreateSchema,
  improvementDecisionSchema,
  improvementImplementationSchema,
  improvementListQuerySchema,
  improvementSchema,
  improvementUpdateSchema,
  pageSchema,
  suggestionResultSchema,
  suggestionSchema,
} from '@mamoru/contracts';
import { improvementRegister as ir } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['improvement'];
const { presentImprovement, presentCommunication } = ir;

/**
 * The improvement register (4.2.4.a, 7.1), suggestions from anyone, the
 * communication log (4.2.4.c); proposals and settings in improvement-proposals.ts.
 */
export const improvementRegisterRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- improvements ----
  app.get(
    '/improvements',
    {
      schema: {
        tags,
        description: 'The register, filtered (status, source, overdue, q in title/description).',
        querystring: improvementListQuerySchema,
        response: { 200: pageSchema(improvementSchema) },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => {
      const page = await ir.listImprovements(db, contextOf(request), request.query);
      return { items: page.items.map(presentImprovement), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/improvements',
    {
      schema: { tags, body: improvementCreateSchema, response: { 201: improvementSchema } },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.createImprovement(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentImprovement(row));
    },
  );
  app.post(
    '/improvements/suggestions',
    {
      schema: {
        tags,
        description: 'Any user: an improvement idea, or a potential problem (7.3.a).',
        body: suggestionSchema,
        response: { 201: suggestionResultSchema },
      },
      config: { permission: 'improvement:suggest' },
    },
    async (request, reply) => {
      return reply.status(201).send(await ir.suggest(db, contextOf(request), request.body));
    },
  );
  app.get(
    '/improvements/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: improvementSchema } },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) => {
      const row = await ir.getImprovement(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentImprovement(row);
    },
  );
  app.patch(
    '/improvements/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: improvementUpdateSchema,
        response: { 200: improvementSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.updateImprovement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentImprovement(row);
    },
  );
  app.post(
    '/improvements/:id/decision',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: improvementDecisionSchema,
        response: { 200: improvementSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.decideImprovement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentImprovement(row);
    },
  );
  app.post(
    '/improvements/:id/implementation',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: improvementImplementationSchema,
        response: { 200: improvementSchema },
      },
      config: { permission: 'improvement:act' },
    },
    async (request, reply) => {
      const row = await ir.implementImprovement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentImprovement(row);
    },
  );

  // ---- communication log ----
  app.get(
    '/improvement-communications',
    {
      schema: {
        tags,
        querystring: communicationListQuerySchema,
        response: { 200: pageSchema(communicationSchema) },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => {
      const page = await ir.listCommunications(db, contextOf(request), request.query);
      return { items: page.items.map(presentCommunication), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/improvement-communications',
    {
      schema: { tags, body: communicationCreateSchema, response: { 201: communicationSchema } },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.recordCommunication(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentCommunication(row));
    },
  );
  app.get(
    '/improvement-communications/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: communicationSchema } },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) => {
      const row = await ir.getCommunication(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentCommunication(row);
    },
  );
  app.patch(
    '/improvement-communications/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: communicationUpdateSchema,
        response: { 200: communicationSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.updateCommunication(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentCommunication(row);
    },
  );
};
