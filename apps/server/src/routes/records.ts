import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  disposalRequestSchema,
  idParamsSchema,
  legalHoldSchema,
  pageSchema,
  recordCreateSchema,
  recordDisposalSchema,
  recordListQuerySchema,
  recordSchema,
  recordTypeCreateSchema,
  recordTypeQuerySchema,
  recordTypeSchema,
  recordTypeUpdateSchema,
  recordUpdateSchema,
} from '@mamoru/contracts';
import { records } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['records'];
const { presentRecord, presentRecordType, presentDisposal } = records;

/** Record types and the records register (4.3.3): retention, legal hold, disposal. */
export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- record types ----
  app.get(
    '/record-types',
    {
      schema: {
        tags,
        querystring: recordTypeQuerySchema,
        response: { 200: pageSchema(recordTypeSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await records.listRecordTypes(db, contextOf(request), request.query);
      return { items: page.items.map(presentRecordType), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/record-types',
    {
      schema: { tags, body: recordTypeCreateSchema, response: { 201: recordTypeSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await records.createRecordType(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentRecordType(row));
    },
  );
  app.get(
    '/record-types/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: recordTypeSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await records.getRecordType(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentRecordType(row);
    },
  );
  app.patch(
    '/record-types/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: recordTypeUpdateSchema,
        response: { 200: recordTypeSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await records.updateRecordType(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentRecordType(row);
    },
  );

  // ---- records ----
  app.get(
    '/records',
    {
      schema: {
        tags,
        description:
          'The register, filtered (type, status, legal hold, retention due by, link, q: a ' +
          'substring of title, description, entries or link labels, Japanese included).',
        querystring: recordListQuerySchema,
        response: { 200: pageSchema(recordSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await records.listRecords(db, contextOf(request), request.query);
      return { items: page.items.map(presentRecord), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/records',
    {
      schema: { tags, body: recordCreateSchema, response: { 201: recordSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await records.createRecord(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentRecord(row));
    },
  );
  app.get(
    '/records/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: recordSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await records.getRecord(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentRecord(row);
    },
  );
  app.patch(
    '/records/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: recordUpdateSchema,
        response: { 200: recordSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await records.updateRecord(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentRecord(row);
    },
  );
  app.put(
    '/records/:id/legal-hold',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: legalHoldSchema,
        response: { 200: recordSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await records.setLegalHold(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentRecord(row);
    },
  );
  app.post(
    '/records/:id/disposal',
    {
      schema: {
        tags,
        description:
          'Asks for approval to dispose of the record (approval type record_disposal). ' +
          'Refused (409) under legal hold or before the retention end has passed.',
        params: idParamsSchema,
        body: disposalRequestSchema,
        response: { 200: recordSchema },
      },
      config: { permission: 'isms:write', stepUp: true },
    },
    async (request, reply) => {
      const row = await records.requestDisposal(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentRecord(row);
    },
  );
  app.get(
    '/records/:id/disposal',
    {
      schema: { tags, params: idParamsSchema, response: { 200: recordDisposalSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      presentDisposal(await records.getDisposal(db, contextOf(request), request.params.id)),
  );
};
