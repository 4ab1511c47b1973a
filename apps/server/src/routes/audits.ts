import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditCreateSchema,
  auditListQuerySchema,
  auditSchema,
  auditStatusChangeSchema,
  auditTeamSchema,
  auditUpdateSchema,
  idParamsSchema,
  independenceConflictListSchema,
  internalAuditorCreateSchema,
  internalAuditorQuerySchema,
  internalAuditorSchema,
  internalAuditorUpdateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { audits } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['audits'];
const { auditors, auditPlans, auditLifecycle, presentAudit, presentAuditor } = audits;

/** Internal audits (6.4): the auditor register, audits, their team and lifecycle. */
export const auditsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- the auditor register ----
  app.get(
    '/internal-auditors',
    {
      schema: {
        tags,
        querystring: internalAuditorQuerySchema,
        response: { 200: pageSchema(internalAuditorSchema) },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => {
      const page = await auditors.listAuditors(db, contextOf(request), request.query);
      return { items: page.items.map(presentAuditor), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/internal-auditors',
    {
      schema: {
        tags,
        body: internalAuditorCreateSchema,
        response: { 201: internalAuditorSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditors.createAuditor(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentAuditor(row));
    },
  );
  app.get(
    '/internal-auditors/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: internalAuditorSchema } },
      config: { permission: 'audits:read' },
    },
    async (request, reply) => {
      const row = await auditors.getAuditor(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentAuditor(row);
    },
  );
  app.patch(
    '/internal-auditors/:id',
    {
      schema: {
        tags,
        description:
          'Changes an entry. New units are refused (422) when they would make the auditor ' +
          'audit their own unit in an audit not yet closed.',
        params: idParamsSchema,
        body: internalAuditorUpdateSchema,
        response: { 200: internalAuditorSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditors.updateAuditor(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAuditor(row);
    },
  );

  // ---- audits ----
  app.get(
    '/audits',
    {
      schema: {
        tags,
        description: "Audits, latest first; 'own' reach: the team's or the auditee unit's.",
        querystring: auditListQuerySchema,
        response: { 200: pageSchema(auditSchema) },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => {
      const page = await auditPlans.listAudits(db, contextOf(request), request.query);
      return { items: page.items.map(presentAudit), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/audits',
    {
      schema: { tags, body: auditCreateSchema, response: { 201: auditSchema } },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditPlans.createAudit(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentAudit(row));
    },
  );
  app.get(
    '/audits/conflicts',
    {
      schema: {
        tags,
        description: 'Independence conflicts of every audit not yet closed (visible to you).',
        response: { 200: independenceConflictListSchema },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => ({ items: await auditLifecycle.listConflicts(db, contextOf(request)) }),
  );
  app.get(
    '/audits/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: auditSchema } },
      config: { permission: 'audits:read' },
    },
    async (request, reply) => {
      const row = await auditPlans.getAudit(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentAudit(row);
    },
  );
  app.get(
    '/audits/:id/conflicts',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: independenceConflictListSchema },
      },
      config: { permission: 'audits:read' },
    },
    async (request) => ({
      items: await auditLifecycle.listConflicts(db, contextOf(request), request.params.id),
    }),
  );
  app.patch(
    '/audits/:id',
    {
      schema: {
        tags,
        description:
          'Edits the plan; a scope change that would make a team member audit their own ' +
          'work is refused (422 naming the conflict).',
        params: idParamsSchema,
        body: auditUpdateSchema,
        response: { 200: auditSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditPlans.updateAudit(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAudit(row);
    },
  );
  app.put(
    '/audits/:id/team',
    {
      schema: {
        tags,
        description:
          'Sets the lead auditor and members: registered, active, independent of the scope ' +
          '(422 naming each conflict; no override).',
        params: idParamsSchema,
        body: auditTeamSchema,
        response: { 200: auditSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditPlans.setTeam(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAudit(row);
    },
  );
  app.post(
    '/audits/:id/notice',
    {
      schema: {
        tags,
        description: 'Records that the auditees were notified (who and when).',
        params: idParamsSchema,
        response: { 200: auditSchema },
      },
      config: { permission: 'audits:manage' },
    },
    async (request, reply) => {
      const row = await auditPlans.recordNotice(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      setEtag(reply, row.version);
      return presentAudit(row);
    },
  );
  app.post(
    '/audits/:id/status',
    {
      schema: {
        tags,
        description:
          'planned → in_progress (needs a lead auditor) → reported (needs the approved report) ' +
          '→ follow_up → closed (every finding verified or transferred).',
        params: idParamsSchema,
        body: auditStatusChangeSchema,
        response: { 200: auditSchema },
      },
      config: { permission: 'audits:conduct' },
    },
    async (request, reply) => {
      const row = await auditLifecycle.changeStatus(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body.status,
      );
      setEtag(reply, row.version);
      return presentAudit(row);
    },
  );
};
