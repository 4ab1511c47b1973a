import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  improvementSettingsSchema,
  improvementSettingsUpdateSchema,
  pageSchema,
  preventiveProposalSchema,
  proposalDecisionSchema,
  proposalListQuerySchema,
} from '@mamoru/contracts';
import { improvementRegister as ir } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['improvement'];
const { presentProposal } = ir;

/** Preventive proposals from risk reassessments (7.3.e) and the improvement settings. */
export const improvementProposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- preventive proposals ----
  app.get(
    '/preventive-proposals',
    {
      schema: {
        tags,
        querystring: proposalListQuerySchema,
        response: { 200: pageSchema(preventiveProposalSchema) },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => {
      const page = await ir.listProposals(db, contextOf(request), request.query);
      return { items: page.items.map(presentProposal), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/preventive-proposals/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: preventiveProposalSchema } },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) => {
      const row = await ir.getProposal(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentProposal(row);
    },
  );
  app.post(
    '/preventive-proposals/:id/decision',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: proposalDecisionSchema,
        response: { 200: preventiveProposalSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const row = await ir.decideProposal(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentProposal(row);
    },
  );

  // ---- settings ----
  app.get(
    '/improvement-settings',
    {
      schema: { tags, response: { 200: improvementSettingsSchema } },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) => {
      const settings = await ir.getSettings(db, contextOf(request));
      setEtag(reply, settings.version);
      return settings;
    },
  );
  app.put(
    '/improvement-settings',
    {
      schema: {
        tags,
        body: improvementSettingsUpdateSchema,
        response: { 200: improvementSettingsSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const settings = await ir.updateSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, settings.version);
      return settings;
    },
  );
};
