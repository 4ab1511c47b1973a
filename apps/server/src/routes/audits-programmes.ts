import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditPlanningSchema,
  auditProgrammeApprovalRequestSchema,
  auditProgrammeCreateSchema,
  auditProgrammeQuerySchema,
  auditProgrammeSchema,
  auditProgrammeUpdateSchema,
  auditsDashboardSchema,
  idParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { audits } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['audits'];
const { programmes, planning, presentProgramme } = audits;

/** The internal audit programme per fiscal year, its risk-based planning, the audits dashboard. */
export const auditProgrammeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/audit-programmes',
    {
      schema: {
        tags,
        querystring: auditProgrammeQuerySchema,
        response: { 200: pageSchema(auditProgrammeSchema) },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => {
      const page = await programmes.listProgrammes(db, contextOf(request), request.query);
      return { items: page.items.map(presentProgramme), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/audit-programmes',
    {
      schema: {
        tags,
        description:
          'Starts the programme of a fiscal year as draft version 1. Criteria left out default ' +
          'to every requirement item of 第4–第7 and the applicable controls of the SoA in force.',
        body: auditProgrammeCreateSchema,
        response: { 201: auditProgrammeSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await programmes.createProgramme(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.code(201).send(presentProgramme(row));
    },
  );
  app.get(
    '/audit-programmes/dashboard',
    {
      schema: {
        tags,
        description:
          'Next audits, findings past their due date and not verified, and the coverage of the ' +
          'cycle against the programme in force.',
        response: { 200: auditsDashboardSchema },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => planning.getDashboard(db, contextOf(request)),
  );
  app.get(
    '/audit-programmes/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: auditProgrammeSchema } },
      config: { permission: 'audits:read' },
    },
    async (request, reply) => {
      const row = await programmes.getProgramme(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentProgramme(row);
    },
  );
  app.patch(
    '/audit-programmes/:id',
    {
      schema: {
        tags,
        description:
          'Edits the latest version of a fiscal year with If-Match: a draft in place; an ' +
          'approved version stays frozen and the edit becomes the next draft version.',
        params: idParamsSchema,
        body: auditProgrammeUpdateSchema,
        response: { 200: auditProgrammeSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await programmes.updateProgramme(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentProgramme(row);
    },
  );
  app.post(
    '/audit-programmes/:id/approval',
    {
      schema: {
        tags,
        description:
          'Asks for approval (type `audit_programme`, top management by default) of the draft ' +
          'as of the If-Match ETag; pending until decided through /approvals.',
        params: idParamsSchema,
        body: auditProgrammeApprovalRequestSchema.nullish(),
        response: { 200: auditProgrammeSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await programmes.requestProgrammeApproval(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      setEtag(reply, row.version);
      return presentProgramme(row);
    },
  );
  app.get(
    '/audit-programmes/:id/planning',
    {
      schema: {
        tags,
        description:
          'Risk-based planning: per unit and per criterion, when last audited, what is planned, ' +
          'open findings and risk levels; status `unaudited` warns of a gap in the cycle.',
        params: idParamsSchema,
        response: { 200: auditPlanningSchema },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => planning.getPlanning(db, contextOf(request), request.params.id),
  );
};
