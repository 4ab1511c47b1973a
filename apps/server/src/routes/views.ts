import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  savedViewCreateSchema,
  savedViewQuerySchema,
  savedViewSchema,
  savedViewUpdateSchema,
  type SavedView,
} from '@mamoru/contracts';
import { savedViews } from '@mamoru/domain';
import type { SavedViewRow } from '@mamoru/db/repositories/views';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['saved-views'];

const present = (row: SavedViewRow): SavedView => ({
  id: row.id,
  area: row.area as SavedView['area'],
  name: row.name,
  definition: row.definition as SavedView['definition'],
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A user's own saved views of a list; nobody sees or changes another user's views. */
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/saved-views',
    {
      schema: {
        tags,
        querystring: savedViewQuerySchema,
        response: { 200: pageSchema(savedViewSchema) },
      },
      config: { authenticated: true },
    },
    async (request) => {
      const { area, ...page } = request.query;
      const result = await savedViews.listViews(db, contextOf(request), area, page);
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  );
  app.post(
    '/saved-views',
    {
      schema: { tags, body: savedViewCreateSchema, response: { 201: savedViewSchema } },
      config: { authenticated: true },
    },
    async (request, reply) => {
      const row = await savedViews.createView(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(present(row));
    },
  );
  app.patch(
    '/saved-views/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: savedViewUpdateSchema,
        response: { 200: savedViewSchema },
      },
      config: { authenticated: true },
    },
    async (request, reply) => {
      const row = await savedViews.updateView(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.delete(
    '/saved-views/:id',
    {
      schema: { tags, params: idParamsSchema },
      config: { authenticated: true },
    },
    async (request, reply) => {
      await savedViews.deleteView(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );
};
