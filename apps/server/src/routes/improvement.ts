import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  causeAnalysisSchema,
  closeNonconformitySchema,
  containmentSchema,
  effectivenessReviewInputSchema,
  evaluationSchema,
  idParamsSchema,
  implementationSchema,
  improvementActionCreateSchema,
  improvementActionListQuerySchema,
  improvementActionSchema,
  nonconformityCreateSchema,
  nonconformityDetailSchema,
  nonconformityListQuerySchema,
  nonconformitySchema,
  nonconformityUpdateSchema,
  pageSchema,
  takeOverFindingSchema,
  takeOverResultSchema,
} from '@mamoru/contracts';
import { nonconformities as nc } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['improvement'];
const detail = { 200: nonconformityDetailSchema };

/**
 * The nonconformity register and its workflow (7.2, 7.3). Every step is a POST
 * on the nonconformity with its ETag; the domain's workflow refuses a step out
 * of order (422 naming the step).
 */
export const improvementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  type Bundle = Awaited<ReturnType<typeof nc.getNonconformity>>;
  const send = (reply: { header: (k: string, v: string) => unknown }, b: Bundle) => {
    setEtag(reply as never, b.nonconformity.version);
    return nc.presentNonconformityDetail(b);
  };

  app.get(
    '/nonconformities',
    {
      schema: {
        tags,
        description:
          'The register, newest first, filtered (kind, source, status, open, severity, unit, ' +
          'overdue, q). Under own reach: what the user owns, reported or holds an action of.',
        querystring: nonconformityListQuerySchema,
        response: { 200: pageSchema(nonconformitySchema) },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => {
      const page = await nc.listNonconformities(db, contextOf(request), request.query);
      return { items: page.items.map(nc.presentNonconformity), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/nonconformities',
    {
      schema: {
        tags,
        body: nonconformityCreateSchema,
        response: { 201: nonconformityDetailSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const b = await nc.createNonconformity(db, contextOf(request), request.body);
      return reply.status(201).send(send(reply, b));
    },
  );
  app.post(
    '/nonconformities/from-finding',
    {
      schema: {
        tags,
        description:
          'Takes over one audit finding (major or minor nonconformity) as a nonconformity.',
        body: takeOverFindingSchema,
        response: { 201: nonconformityDetailSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) => {
      const b = await nc.takeOverFinding(db, contextOf(request), request.body.findingId);
      return reply.status(201).send(send(reply, b));
    },
  );
  app.post(
    '/nonconformities/from-audit/:id',
    {
      schema: {
        tags,
        description:
          'Takes over every nonconformity finding of the audit not yet taken over (idempotent).',
        params: idParamsSchema,
        response: { 200: takeOverResultSchema },
      },
      config: { permission: 'improvement:manage' },
    },
    async (request) => ({
      created: await nc.takeOverAudit(db, contextOf(request), request.params.id),
    }),
  );
  app.get(
    '/nonconformities/:id',
    {
      schema: { tags, params: idParamsSchema, response: detail },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) =>
      send(reply, await nc.getNonconformity(db, contextOf(request), request.params.id)),
  );
  app.patch(
    '/nonconformities/:id',
    {
      schema: { tags, params: idParamsSchema, body: nonconformityUpdateSchema, response: detail },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) =>
      send(
        reply,
        await nc.updateNonconformity(
          db,
          contextOf(request),
          request.params.id,
          requireIfMatch(request),
          request.body,
        ),
      ),
  );

  const step = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (
      ctx: ReturnType<typeof contextOf>,
      id: string,
      v: number,
      b: z.infer<B>,
    ) => Promise<Bundle>,
    description: string,
  ) =>
    app.post(
      `/nonconformities/:id/${path}`,
      {
        schema: { tags, description, params: idParamsSchema, body, response: detail },
        config: { permission: 'improvement:manage' },
      },
      async (request, reply) =>
        send(
          reply,
          await run(
            contextOf(request),
            request.params.id,
            requireIfMatch(request),
            request.body as z.infer<B>,
          ),
        ),
    );
  step(
    'containment',
    containmentSchema,
    (ctx, id, v, b) => nc.recordContainment(db, ctx, id, v, b.containment),
    'Records the immediate correction (reported → contained).',
  );
  step(
    'analysis',
    causeAnalysisSchema,
    (ctx, id, v, b) => nc.recordCauseAnalysis(db, ctx, id, v, b),
    "Records the cycle's cause analysis: why-why steps, fishbone category, root cause.",
  );
  step(
    'evaluation',
    evaluationSchema,
    (ctx, id, v, b) => nc.recordEvaluation(db, ctx, id, v, b),
    'Decides whether action is needed, with the reason.',
  );
  step(
    'actions',
    improvementActionCreateSchema,
    (ctx, id, v, b) => nc.createAction(db, ctx, id, v, b),
    'Plans an action (owner, due date, resources) in the current cycle.',
  );
  step(
    'close',
    closeNonconformitySchema,
    (ctx, id, v, b) => nc.closeNonconformity(db, ctx, id, v, b.reason),
    'Closes: no action needed, or every action of the cycle reviewed effective.',
  );

  // ---- actions ----
  app.get(
    '/improvement-actions',
    {
      schema: {
        tags,
        description: "Actions, earliest due first; own reach (or mine=true): the caller's own.",
        querystring: improvementActionListQuerySchema,
        response: { 200: pageSchema(improvementActionSchema) },
      },
      config: { permission: 'improvement:read' },
    },
    async (request) => {
      const page = await nc.listActions(db, contextOf(request), request.query);
      return {
        items: page.items.map((a) => nc.presentAction(a, page.reviews)),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.get(
    '/improvement-actions/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: improvementActionSchema } },
      config: { permission: 'improvement:read' },
    },
    async (request, reply) => {
      const { action, reviews } = await nc.getAction(db, contextOf(request), request.params.id);
      setEtag(reply, action.version);
      return nc.presentAction(action, reviews);
    },
  );
  app.post(
    '/improvement-actions/:id/implementation',
    {
      schema: {
        tags,
        description: "The owner records the action's implementation (If-Match: the action's ETag).",
        params: idParamsSchema,
        body: implementationSchema,
        response: detail,
      },
      config: { permission: 'improvement:act' },
    },
    async (request, reply) =>
      send(
        reply,
        await nc.implementAction(
          db,
          contextOf(request),
          request.params.id,
          requireIfMatch(request),
          request.body,
        ),
      ),
  );
  app.post(
    '/improvement-actions/:id/review',
    {
      schema: {
        tags,
        description:
          'Effectiveness review, never by the action owner, from the review date on. Not ' +
          'effective reopens the nonconformity for a new cause analysis.',
        params: idParamsSchema,
        body: effectivenessReviewInputSchema,
        response: detail,
      },
      config: { permission: 'improvement:manage' },
    },
    async (request, reply) =>
      send(
        reply,
        await nc.reviewAction(
          db,
          contextOf(request),
          request.params.id,
          requireIfMatch(request),
          request.body,
        ),
      ),
  );
};
