import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentApprovalRequestSchema,
  documentDiffQuerySchema,
  documentDiffSchema,
  documentDraftUpdateSchema,
  documentVersionParamsSchema,
  documentVersionSchema,
  documentVersionSummarySchema,
  idParamsSchema,
} from '@mamoru/contracts';
import { documents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['documents'];

/** The versions of a document: drafts, approval, issue and the diff (4.3.2.a, c, d). */
export const documentVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(documentVersionSummarySchema) }) },
      },
      config: { permission: 'documents:read' },
    },
    async (request) => ({
      items: (await documents.listVersions(db, contextOf(request), request.params.id)).map(
        documents.presentVersionSummary,
      ),
    }),
  );
  app.post(
    '/documents/:id/versions',
    {
      schema: { tags, params: idParamsSchema, response: { 201: documentVersionSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await documents.startDraft(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return reply.status(201).send(documents.presentDocumentVersion(row));
    },
  );
  app.get(
    '/documents/:id/versions/:versionId',
    {
      schema: {
        tags,
        params: documentVersionParamsSchema,
        response: { 200: documentVersionSchema },
      },
      config: { permission: 'documents:read' },
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const row = await documents.getVersion(db, contextOf(request), id, versionId);
      setEtag(reply, row.version);
      return documents.presentDocumentVersion(row);
    },
  );
  app.patch(
    '/documents/:id/versions/:versionId',
    {
      schema: {
        tags,
        params: documentVersionParamsSchema,
        body: documentDraftUpdateSchema,
        response: { 200: documentVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const expected = requireIfMatch(request);
      const ctx = contextOf(request);
      const row = await documents.updateDraft(db, ctx, id, versionId, expected, request.body);
      setEtag(reply, row.version);
      return documents.presentDocumentVersion(row);
    },
  );
  app.post(
    '/documents/:id/versions/:versionId/approval',
    {
      schema: {
        tags,
        params: documentVersionParamsSchema,
        body: documentApprovalRequestSchema,
        response: { 200: documentVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const expected = requireIfMatch(request);
      const ctx = contextOf(request);
      const row = await documents.requestVersionApproval(
        db,
        ctx,
        id,
        versionId,
        expected,
        request.body,
      );
      setEtag(reply, row.version);
      return documents.presentDocumentVersion(row);
    },
  );
  app.post(
    '/documents/:id/versions/:versionId/issue',
    {
      schema: {
        tags,
        params: documentVersionParamsSchema,
        response: { 200: documentVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const { id, versionId } = request.params;
      const row = await documents.issueVersion(db, contextOf(request), id, versionId);
      setEtag(reply, row.version);
      return documents.presentDocumentVersion(row);
    },
  );
  app.get(
    '/documents/:id/diff',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: documentDiffQuerySchema,
        response: { 200: documentDiffSchema },
      },
      config: { permission: 'documents:read' },
    },
    async (request) => {
      const { from, to } = request.query;
      const d = await documents.diffVersions(db, contextOf(request), request.params.id, from, to);
      return {
        ...d,
        from: documents.presentVersionSummary(d.from),
        to: documents.presentVersionSummary(d.to),
      };
    },
  );
};
