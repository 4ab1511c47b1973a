import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  threatCreateSchema,
  threatQuerySchema,
  threatSchema,
  threatUpdateSchema,
  vulnerabilityCreateSchema,
  vulnerabilityQuerySchema,
  vulnerabilitySchema,
  vulnerabilityUpdateSchema,
} from '@mamoru/contracts';
import { riskCatalog, riskPresenters } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['risks'];
const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
const { presentThreat, presentVulnerability } = riskPresenters;

/** Threats and vulnerabilities: the starter catalog copied on first use, plus the organization's own. */
export const riskCatalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/threats',
    {
      schema: { tags, querystring: threatQuerySchema, response: { 200: pageSchema(threatSchema) } },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { limit, cursor, active, ...f } = request.query;
      const page = await riskCatalog.listThreats(
        db,
        contextOf(request),
        { ...f, active: flag(active) },
        { limit, cursor },
      );
      return { items: page.items.map(presentThreat), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/threats',
    {
      schema: { tags, body: threatCreateSchema, response: { 201: threatSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskCatalog.createThreat(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentThreat(row));
    },
  );
  app.get(
    '/threats/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: threatSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await riskCatalog.getThreat(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentThreat(row);
    },
  );
  app.patch(
    '/threats/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: threatUpdateSchema,
        response: { 200: threatSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskCatalog.updateThreat(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentThreat(row);
    },
  );

  app.get(
    '/vulnerabilities',
    {
      schema: {
        tags,
        querystring: vulnerabilityQuerySchema,
        response: { 200: pageSchema(vulnerabilitySchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { limit, cursor, active, ...f } = request.query;
      const page = await riskCatalog.listVulnerabilities(
        db,
        contextOf(request),
        { ...f, active: flag(active) },
        { limit, cursor },
      );
      return { items: page.items.map(presentVulnerability), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/vulnerabilities',
    {
      schema: { tags, body: vulnerabilityCreateSchema, response: { 201: vulnerabilitySchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskCatalog.createVulnerability(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentVulnerability(row));
    },
  );
  app.get(
    '/vulnerabilities/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: vulnerabilitySchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await riskCatalog.getVulnerability(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentVulnerability(row);
    },
  );
  app.patch(
    '/vulnerabilities/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: vulnerabilityUpdateSchema,
        response: { 200: vulnerabilitySchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskCatalog.updateVulnerability(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentVulnerability(row);
    },
  );
};
