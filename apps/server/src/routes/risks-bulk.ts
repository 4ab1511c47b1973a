import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionProposalRequestSchema,
  actionProposalSchema,
  actionsFromTreatmentSchema,
  riskBulkTreatmentResultSchema,
  riskBulkTreatmentSchema,
  riskSelectionQuerySchema,
  riskSelectionSchema,
  treatmentActionSchema,
} from '@mamoru/contracts';
import { actionProposals, riskBulk, riskPresenters } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { riskFilterOf } from './risks.ts';

const tags = ['risks'];

/** Work at scale: one treatment for a filtered set of risks, and the actions it implies. */
export const riskBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risks/selection',
    {
      schema: {
        tags,
        description:
          'What the register filters select now: count and a tag to send with a bulk treatment.',
        querystring: riskSelectionQuerySchema,
        response: { 200: riskSelectionSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => riskBulk.selection(db, contextOf(request), riskFilterOf(request.query)),
  );
  app.post(
    '/risks/bulk-treatment',
    {
      schema: {
        tags,
        description:
          'One treatment for every risk the filter selects (at most 1,000; more answers 422): ' +
          'option, controls with one justification, residual values, owner. `expected` is the ' +
          'count and tag of GET /risks/selection; a changed selection answers 412. Owners may ' +
          'treat only risks they own. One audit event per risk.',
        body: riskBulkTreatmentSchema,
        response: { 200: riskBulkTreatmentResultSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request) => riskBulk.bulkTreatment(db, contextOf(request), request.body),
  );
  app.post(
    '/treatment-plan/proposals',
    {
      schema: {
        tags,
        description:
          'The actions the treatment of these risks implies: one per selected control not yet ' +
          'covered by an action for the risk.',
        body: actionProposalRequestSchema,
        response: { 200: z.object({ items: z.array(actionProposalSchema) }) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => ({
      items: await actionProposals.proposeActions(db, contextOf(request), request.body.riskIds),
    }),
  );
  app.post(
    '/treatment-plan/from-treatment',
    {
      schema: {
        tags,
        description:
          'Creates the confirmed proposals: one action per control, linked to its risks.',
        body: actionsFromTreatmentSchema,
        response: { 201: z.object({ items: z.array(treatmentActionSchema) }) },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const rows = await actionProposals.createFromTreatment(db, contextOf(request), request.body);
      return reply
        .status(201)
        .send({ items: rows.map((r) => riskPresenters.presentTreatmentAction(r)) });
    },
  );
};
