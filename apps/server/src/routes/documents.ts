import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgementReportSchema,
  documentCreateSchema,
  documentListQuerySchema,
  documentReviewCreateSchema,
  documentReviewSchema,
  documentSchema,
  documentSummarySchema,
  documentUpdateSchema,
  documentWithdrawSchema,
  idParamsSchema,
  pageSchema,
  toReadItemSchema,
} from '@mamoru/contracts';
import { documents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { documentExportRoutes } from './documents-exports.ts';
import { documentVersionRoutes } from './documents-versions.ts';

const tags = ['documents'];

/** The document register, distribution with acknowledgement, and reviews (4.3.1, 4.3.2). */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/documents',
    {
      schema: {
        tags,
        querystring: documentListQuerySchema,
        response: { 200: pageSchema(documentSummarySchema) },
      },
      config: { permission: 'documents:read' },
    },
    async (request) => {
      const page = await documents.listDocuments(db, contextOf(request), request.query);
      return {
        items: page.items.map(documents.presentDocumentSummary),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/documents',
    {
      schema: { tags, body: documentCreateSchema, response: { 201: documentSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const doc = await documents.createDocument(db, contextOf(request), request.body);
      setEtag(reply, doc.view.version);
      return reply.status(201).send(documents.presentDocument(doc));
    },
  );
  app.get(
    '/documents/to-read',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(toReadItemSchema) }) } },
      config: { permission: 'documents:read' },
    },
    async (request) => ({
      items: (await documents.toRead(db, contextOf(request))).map(documents.presentToRead),
    }),
  );
  app.get(
    '/documents/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: documentSchema } },
      config: { permission: 'documents:read' },
    },
    async (request, reply) => {
      const doc = await documents.getDocument(db, contextOf(request), request.params.id);
      setEtag(reply, doc.view.version);
      return documents.presentDocument(doc);
    },
  );
  app.patch(
    '/documents/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: documentUpdateSchema,
        response: { 200: documentSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const doc = await documents.updateDocument(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, doc.view.version);
      return documents.presentDocument(doc);
    },
  );
  app.post(
    '/documents/:id/withdrawal',
    {
      schema: { tags, params: idParamsSchema, body: documentWithdrawSchema },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const expected = requireIfMatch(request);
      await documents.withdrawDocument(db, ctx, request.params.id, expected, request.body.reason);
      return reply.status(204).send();
    },
  );

  // ---- distribution and acknowledgement ----
  app.post(
    '/documents/:id/acknowledgement',
    {
      schema: { tags, params: idParamsSchema },
      config: { permission: 'documents:acknowledge' },
    },
    async (request, reply) => {
      await documents.acknowledgeDocument(db, contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/documents/:id/acknowledgements',
    {
      schema: { tags, params: idParamsSchema, response: { 200: acknowledgementReportSchema } },
      config: { permission: 'documents:read' },
    },
    async (request) => {
      const r = await documents.acknowledgementReport(db, contextOf(request), request.params.id);
      return {
        ...r,
        acknowledged: r.acknowledged.map(documents.presentAckRow),
        pending: r.pending.map(documents.presentAckRow),
      };
    },
  );

  // ---- reviews ----
  app.get(
    '/documents/:id/reviews',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(documentReviewSchema) }) },
      },
      config: { permission: 'documents:read' },
    },
    async (request) => ({
      items: (await documents.listReviews(db, contextOf(request), request.params.id)).map(
        documents.presentReview,
      ),
    }),
  );
  app.post(
    '/documents/:id/reviews',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: documentReviewCreateSchema,
        response: { 201: documentReviewSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await documents.recordReview(db, ctx, request.params.id, request.body);
      return reply.status(201).send(documents.presentReview(row));
    },
  );

  await app.register(documentVersionRoutes);
  await app.register(documentExportRoutes);
};
