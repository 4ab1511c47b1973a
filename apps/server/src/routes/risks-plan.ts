import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  treatmentActionCreateSchema,
  treatmentActionQuerySchema,
  treatmentActionSchema,
  treatmentActionUpdateSchema,
} from '@mamoru/contracts';
import { riskPresenters, treatmentPlan } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['risks'];
const present = riskPresenters.presentTreatmentAction;

export const actionFilterOf = (q: {
  q?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  ownerUserId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  open?: 'true' | 'false' | undefined;
  missing?: 'owner' | 'dueDate' | 'resources' | undefined;
  riskId?: string | undefined;
  controlId?: string | undefined;
}) => ({
  q: q.q || undefined,
  status: q.status,
  priority: q.priority,
  ownerUserId: q.ownerUserId,
  overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
  open: q.open === undefined ? undefined : q.open === 'true',
  missing: q.missing,
  riskId: q.riskId,
  controlId: q.controlId,
});

/** The risk treatment plan (4.2.2.a–b): actions linked to risks and controls. */
export const treatmentPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/treatment-plan',
    {
      schema: {
        tags,
        description: 'Actions of the plan; `overdue` marks open actions past their due date.',
        querystring: treatmentActionQuerySchema,
        response: { 200: pageSchema(treatmentActionSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { sort, direction, limit, cursor } = request.query;
      const page = await treatmentPlan.listActions(
        db,
        contextOf(request),
        actionFilterOf(request.query),
        { sort, direction },
        { limit, cursor },
      );
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/treatment-plan',
    {
      schema: { tags, body: treatmentActionCreateSchema, response: { 201: treatmentActionSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await treatmentPlan.createAction(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(present(row));
    },
  );
  app.get(
    '/treatment-plan/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: treatmentActionSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const row = await treatmentPlan.getAction(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return present(row);
    },
  );
  app.patch(
    '/treatment-plan/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: treatmentActionUpdateSchema,
        response: { 200: treatmentActionSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await treatmentPlan.updateAction(
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
    '/treatment-plan/:id',
    {
      schema: { tags, params: idParamsSchema },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      await treatmentPlan.deleteAction(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );
};
