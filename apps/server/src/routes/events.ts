import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  ismsEventCreateSchema,
  ismsEventExportQuerySchema,
  ismsEventListQuerySchema,
  ismsEventSchema,
  ismsEventUpdateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { ismsEvents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['isms-events'];
const { presentIsmsEvent, exports } = ismsEvents;

/** The ISMS event log (4.2.3.f): the areas' milestones and entries made by hand. */
export const ismsEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/isms-events',
    {
      schema: {
        tags,
        description:
          'The log, newest first, filtered (category, source, from/to UTC days, q: a substring ' +
          'of title, description or effect).',
        querystring: ismsEventListQuerySchema,
        response: { 200: pageSchema(ismsEventSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await ismsEvents.listIsmsEvents(db, contextOf(request), request.query);
      return { items: page.items.map(presentIsmsEvent), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/isms-events',
    {
      schema: { tags, body: ismsEventCreateSchema, response: { 201: ismsEventSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await ismsEvents.createIsmsEvent(db, contextOf(request), request.body);
      return reply.status(201).send(presentIsmsEvent(row));
    },
  );
  app.get(
    '/isms-events/export',
    {
      schema: {
        tags,
        description: `The filtered log as XLSX (at most ${exports.EXPORT_MAX_ROWS} entries), in ja or en.`,
        querystring: ismsEventExportQuerySchema,
      },
      config: { permission: 'isms:read', slot: true },
    },
    async (request, reply) => {
      const { format, lang: asked, ...filter } = request.query;
      const lang = asked ?? request.locale;
      const rows = await exports.exportRows(db, contextOf(request), filter);
      return sendSpreadsheet(request, reply, format, 'isms-events', [
        {
          name: lang === 'ja' ? 'ISMSイベントログ' : 'ISMS event log',
          header: exports.exportHeader(lang),
          rows: rows.map((r) => exports.exportCells(r, lang)),
        },
      ]);
    },
  );
  app.get(
    '/isms-events/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: ismsEventSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      presentIsmsEvent(await ismsEvents.getIsmsEvent(db, contextOf(request), request.params.id)),
  );
  app.patch(
    '/isms-events/:id',
    {
      schema: {
        tags,
        description:
          'Edits an entry made by hand (last write wins; the audit trail keeps the previous ' +
          'text). Automatic entries are refused (409 isms_event_automatic).',
        params: idParamsSchema,
        body: ismsEventUpdateSchema,
        response: { 200: ismsEventSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request) =>
      presentIsmsEvent(
        await ismsEvents.updateIsmsEvent(db, contextOf(request), request.params.id, request.body),
      ),
  );
};
