import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CATALOG_IMPORT_MAX_BYTES,
  catalogControlDetailSchema,
  catalogControlParamsSchema,
  catalogControlQuerySchema,
  catalogControlSchema,
  catalogExportQuerySchema,
  catalogLibraryListSchema,
  catalogParamsSchema,
  catalogSearchQuerySchema,
  catalogTreeSchema,
  glossaryQuerySchema,
  glossarySchema,
  overlayImportSchema,
  overlayResultSchema,
  ownControlCreateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { catalog } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { catalogImportRoutes } from './catalog-import.ts';

const tags = ['catalog'];

/**
 * The standards as data: shipped and imported libraries, search, export,
 * import (catalog-import.ts), the organization's own controls and its licensed-text overlay.
 */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // An overlay (a whole standard's official wording) in one JSON body: never below the global limit.
  const importBodyLimit = Math.max(CATALOG_IMPORT_MAX_BYTES, app.config.bodyLimit);

  app.get(
    '/catalogs',
    {
      schema: { tags, response: { 200: catalogLibraryListSchema } },
      config: { permission: 'catalog:read' },
    },
    async (request) => ({ items: await catalog.listLibraries(db, contextOf(request)) }),
  );

  app.get(
    '/catalogs/:id',
    {
      schema: { tags, params: catalogParamsSchema, response: { 200: catalogTreeSchema } },
      config: { permission: 'catalog:read' },
    },
    async (request) => catalog.getTree(db, contextOf(request), request.params.id),
  );

  app.get(
    '/catalogs/:id/controls',
    {
      schema: {
        tags,
        params: catalogParamsSchema,
        querystring: catalogSearchQuerySchema,
        response: { 200: pageSchema(catalogControlSchema) },
      },
      config: { permission: 'catalog:read' },
    },
    async (request) =>
      catalog.searchControls(db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/catalogs/:id/controls/:controlId',
    {
      schema: {
        tags,
        params: catalogControlParamsSchema,
        querystring: catalogControlQuerySchema,
        response: { 200: catalogControlDetailSchema },
      },
      config: { permission: 'catalog:read' },
    },
    async (request) =>
      catalog.getControl(db, contextOf(request), request.params.id, request.params.controlId, {
        includeObsolete: request.query.includeObsolete === 'true',
      }),
  );

  app.get(
    '/catalogs/:id/export',
    {
      schema: { tags, params: catalogParamsSchema, querystring: catalogExportQuerySchema },
      config: { permission: 'catalog:read' },
    },
    async (request, reply) => {
      const file = await catalog.exportLibrary(db, contextOf(request), request.params.id, {
        ...request.query,
        callerLocale: request.locale,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  await app.register(catalogImportRoutes);

  app.post(
    '/catalogs/:id/controls',
    {
      schema: {
        tags,
        params: catalogParamsSchema,
        body: ownControlCreateSchema,
        response: { 201: catalogControlDetailSchema },
      },
      config: { permission: 'catalog:manage' },
    },
    async (request, reply) => {
      const control = await catalog.addOwnControl(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(control);
    },
  );

  app.put(
    '/catalogs/:id/overlay',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        params: catalogParamsSchema,
        body: overlayImportSchema,
        response: { 200: overlayResultSchema },
      },
      config: { permission: 'catalog:manage' },
    },
    async (request) =>
      catalog.importOverlay(db, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/glossary',
    {
      schema: { tags, querystring: glossaryQuerySchema, response: { 200: glossarySchema } },
      config: { permission: 'catalog:read' },
    },
    async (request) => ({
      items: await catalog.listGlossary(db, contextOf(request), request.query),
    }),
  );
};
