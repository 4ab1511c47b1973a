import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  legalExportQuerySchema,
  legalListQuerySchema,
  legalObligationCreateSchema,
  legalObligationDetailSchema,
  legalObligationSchema,
  legalObligationUpdateSchema,
  legalReviewCreateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { legal } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { sendSpreadsheet } from '../tabular/write.ts';

const tags = ['legal'];
const { presentObligation, presentDetail, exports, todayUtc } = legal;

/** The register of legal, regulatory and contractual obligations (5.2.1.c, annex 12.1). */
export const legalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/legal-obligations',
    {
      schema: {
        tags,
        description:
          'The register by next review date, filtered (kind, status, due: overdue or within 30 ' +
          'days, owner, control, document, q: a substring of code, title, authority, reference ' +
          'or summary).',
        querystring: legalListQuerySchema,
        response: { 200: pageSchema(legalObligationSchema) },
      },
      config: { permission: 'legal:read' },
    },
    async (request) => {
      const page = await legal.listObligations(db, contextOf(request), request.query);
      const today = todayUtc();
      return {
        items: page.items.map((o) => presentObligation(o, today)),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/legal-obligations',
    {
      schema: {
        tags,
        description: 'Adds an obligation (code LEG-nnn given in order).',
        body: legalObligationCreateSchema,
        response: { 201: legalObligationSchema },
      },
      config: { permission: 'legal:manage' },
    },
    async (request, reply) => {
      const row = await legal.createObligation(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentObligation(row, todayUtc()));
    },
  );
  app.get(
    '/legal-obligations/export',
    {
      schema: {
        tags,
        description: 'The filtered register as XLSX (default) or PDF, in ja or en.',
        querystring: legalExportQuerySchema,
      },
      config: { permission: 'legal:read', slot: true },
    },
    async (request, reply) => {
      const { lang: asked, format, ...filter } = request.query;
      const lang = asked ?? request.locale;
      const ctx = contextOf(request);
      if (format === 'pdf') {
        const pdf = await exports.exportPdf(db, ctx, filter, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="legal-register.pdf"')
          .send(pdf);
      }
      const sheets = await exports.exportSheets(db, ctx, filter, lang);
      return sendSpreadsheet(request, reply, 'xlsx', 'legal-register', sheets);
    },
  );
  app.get(
    '/legal-obligations/:id',
    {
      schema: {
        tags,
        description: 'The obligation with the documents answering it and its reviews.',
        params: idParamsSchema,
        response: { 200: legalObligationDetailSchema },
      },
      config: { permission: 'legal:read' },
    },
    async (request, reply) => {
      const detail = await legal.getObligationDetail(db, contextOf(request), request.params.id);
      setEtag(reply, detail.obligation.version);
      return presentDetail(detail, todayUtc());
    },
  );
  app.patch(
    '/legal-obligations/:id',
    {
      schema: {
        tags,
        description:
          'Changes an obligation (If-Match). Owners change their own; handing it to another ' +
          'owner needs the whole register.',
        params: idParamsSchema,
        body: legalObligationUpdateSchema,
        response: { 200: legalObligationSchema },
      },
      config: { permission: 'legal:manage' },
    },
    async (request, reply) => {
      const row = await legal.updateObligation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentObligation(row, todayUtc());
    },
  );
  app.post(
    '/legal-obligations/:id/reviews',
    {
      schema: {
        tags,
        description:
          'Records a review (If-Match on the obligation): unchanged or changed moves the next ' +
          'review date by the interval (or to the date given); retired ends the obligation.',
        params: idParamsSchema,
        body: legalReviewCreateSchema,
        response: { 201: legalObligationSchema },
      },
      config: { permission: 'legal:manage' },
    },
    async (request, reply) => {
      const row = await legal.reviewObligation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return reply.status(201).send(presentObligation(row, todayUtc()));
    },
  );
};
