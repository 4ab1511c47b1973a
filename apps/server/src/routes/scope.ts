import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  locationCreateSchema,
  locationQuerySchema,
  locationSchema,
  locationUpdateSchema,
  orgUnitCreateSchema,
  orgUnitQuerySchema,
  orgUnitSchema,
  orgUnitUpdateSchema,
  pageSchema,
  scopeApprovalRequestSchema,
  scopeContentSchema,
  scopeSchema,
  scopeVersionQuerySchema,
  scopeVersionSchema,
  scopeVersionSummarySchema,
  scopeVersionUpdateSchema,
} from '@mamoru/contracts';
import {
  presentLocation,
  presentOrgUnit,
  presentScopeSummary,
  presentScopeVersion,
  scope,
  structure,
} from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['scope'];

/** The organization's structure (units, locations) and the versioned ISMS scope. */
export const scopeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- organization units ----
  app.get(
    '/org-units',
    {
      schema: {
        tags,
        querystring: orgUnitQuerySchema,
        response: { 200: pageSchema(orgUnitSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await structure.listOrgUnits(db, contextOf(request), request.query);
      return { items: page.items.map(presentOrgUnit), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/org-units',
    {
      schema: { tags, body: orgUnitCreateSchema, response: { 201: orgUnitSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await structure.createOrgUnit(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentOrgUnit(row));
    },
  );
  app.get(
    '/org-units/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: orgUnitSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await structure.getOrgUnit(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentOrgUnit(row);
    },
  );
  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: orgUnitUpdateSchema,
        response: { 200: orgUnitSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await structure.updateOrgUnit(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentOrgUnit(row);
    },
  );

  // ---- locations ----
  app.get(
    '/locations',
    {
      schema: {
        tags,
        querystring: locationQuerySchema,
        response: { 200: pageSchema(locationSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await structure.listLocations(db, contextOf(request), request.query);
      return { items: page.items.map(presentLocation), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/locations',
    {
      schema: { tags, body: locationCreateSchema, response: { 201: locationSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await structure.createLocation(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentLocation(row));
    },
  );
  app.get(
    '/locations/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: locationSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await structure.getLocation(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentLocation(row);
    },
  );
  app.patch(
    '/locations/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: locationUpdateSchema,
        response: { 200: locationSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await structure.updateLocation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentLocation(row);
    },
  );

  // ---- the scope ----
  app.get(
    '/scope',
    {
      schema: {
        tags,
        description:
          'The scope: the version being worked on and the approved version in force. ' +
          'The ETag is that of the current version (none before the first).',
        response: { 200: scopeSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const { current, approved } = await scope.getScope(db, contextOf(request));
      if (current) setEtag(reply, current.version);
      return {
        current: current && presentScopeVersion(current),
        approved: approved && presentScopeVersion(approved),
      };
    },
  );
  app.put(
    '/scope',
    {
      schema: {
        tags,
        description:
          'Replaces the content of the scope: edits the open draft, or starts the next draft ' +
          'version when the latest is approved. Send If-Match with the ETag of GET /scope, or ' +
          'If-None-Match: * to create the first version.',
        body: scopeContentSchema,
        response: { 200: scopeVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const expected =
        request.headers['if-none-match']?.trim() === '*' ? null : requireIfMatch(request);
      const version = await scope.putScope(db, contextOf(request), expected, request.body);
      setEtag(reply, version.version);
      return presentScopeVersion(version);
    },
  );
  app.get(
    '/scope/versions',
    {
      schema: {
        tags,
        querystring: scopeVersionQuerySchema,
        response: { 200: pageSchema(scopeVersionSummarySchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await scope.listScopeVersions(db, contextOf(request), request.query);
      return { items: page.items.map(presentScopeSummary), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/scope/versions/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: scopeVersionSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const version = await scope.getScopeVersion(db, contextOf(request), request.params.id);
      setEtag(reply, version.version);
      return presentScopeVersion(version);
    },
  );
  app.patch(
    '/scope/versions/:id',
    {
      schema: {
        tags,
        description: 'Edits a draft version. An approved version is frozen (409).',
        params: idParamsSchema,
        body: scopeVersionUpdateSchema,
        response: { 200: scopeVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const version = await scope.updateScopeVersion(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, version.version);
      return presentScopeVersion(version);
    },
  );
  app.post(
    '/scope/versions/:id/approval',
    {
      schema: {
        tags,
        description:
          'Asks for approval (type `scope`) of the draft as of the If-Match ETag; the version ' +
          'is pending until decided through /approvals.',
        params: idParamsSchema,
        body: scopeApprovalRequestSchema.nullish(),
        response: { 200: scopeVersionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const version = await scope.requestScopeApproval(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, version.version);
      return presentScopeVersion(version);
    },
  );
};
