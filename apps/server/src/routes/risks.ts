import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  idParamsSchema,
  pageSchema,
  residualAcceptanceQuerySchema,
  residualAcceptanceRequestSchema,
  residualAcceptanceSchema,
  riskCreateSchema,
  riskDetailSchema,
  riskGenerateRequestSchema,
  riskHeatmapQuerySchema,
  riskHeatmapSchema,
  riskJobSchema,
  riskListItemSchema,
  riskListQuerySchema,
  riskRetentionRequestSchema,
  riskSchema,
  riskTreatmentSchema,
  riskUpdateSchema,
  type Locale,
} from '@mamoru/contracts';
import { jobs, riskPresenters, risks, riskTreatment } from '@mamoru/domain';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import type { RiskFilter } from '@mamoru/db/repositories/risks-list';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { jobError } from './jobs.ts';

const tags = ['risks'];
const { presentRisk, presentRiskDetail, presentRiskListItem, presentResidualAcceptance } =
  riskPresenters;
/** Generations of at most this many listed assets finish within the request. */
const GENERATE_SYNC_MAX_ASSETS = 1000;

/** The register's filters of a query (list, heat map, export). */
export function riskFilterOf(q: Partial<z.infer<typeof riskListQuerySchema>>): RiskFilter {
  return {
    q: q.q,
    assetId: q.assetId,
    assetCategory: q.assetCategory,
    threatId: q.threatId,
    vulnerabilityId: q.vulnerabilityId,
    level: q.level,
    evaluation: q.evaluation,
    status: q.status,
    open: q.open === 'true',
    ownerUserId: q.ownerUserId,
    treatmentOption: q.treatmentOption,
    residualAcceptance: q.residualAcceptance,
    likelihood: q.likelihood,
    impact: q.impact,
    controlId: q.controlId,
  };
}

export function presentRiskJob(row: JobRow, locale: Locale): z.infer<typeof riskJobSchema> {
  const counts = row.result as { created: number; assets: number } | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as z.infer<typeof riskJobSchema>['status'],
    phase: row.phase,
    processed: row.processed,
    total: row.total,
    result: counts && typeof counts.created === 'number' ? counts : null,
    error: jobError(row, locale),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** The risk register: list, heat map, generation, detail, changes and treatment. */
export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risks',
    {
      schema: {
        tags,
        querystring: riskListQuerySchema,
        response: { 200: pageSchema(riskListItemSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { sort, direction, limit, cursor } = request.query;
      const page = await risks.listRisks(
        db,
        contextOf(request),
        riskFilterOf(request.query),
        { sort, direction },
        { limit, cursor },
      );
      return {
        items: page.items.map((r) => presentRiskListItem(r, page.method)),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/risks',
    {
      schema: { tags, body: riskCreateSchema, response: { 201: riskSchema } },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await risks.createRisk(db, ctx, request.body);
      const { method } = await risks.getRisk(db, ctx, row.id);
      setEtag(reply, row.version);
      return reply.status(201).send(presentRisk(row, method));
    },
  );
  app.post(
    '/risks/generate',
    {
      schema: {
        tags,
        description:
          'Creates the risks of every asset in use × each active threat that applies to its ' +
          'category, one statement per 200 assets; existing combinations are kept. The job ' +
          'reports the assets processed after each chunk. Up to 1,000 listed assets finish ' +
          'within the request (200); otherwise 202 with a job to poll at /risks/jobs/{id}.',
        body: riskGenerateRequestSchema,
        response: { 200: riskJobSchema, 202: riskJobSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const org = ctx.actor.organizationId;
      const create = () => risks.startGeneration(db, ctx);
      const run = (job: JobRow) => risks.runGeneration(db, ctx, job, request.body);
      const small = (request.body.assetIds?.length ?? Infinity) <= GENERATE_SYNC_MAX_ASSETS;
      if (small) {
        const finished = await app.jobRunner.now(org, async () => run(await create()));
        return presentRiskJob(finished, request.locale);
      }
      const { job } = await app.jobRunner.background(org, create, run, request.log);
      return reply.status(202).send(presentRiskJob(job, request.locale));
    },
  );
  app.get(
    '/risks/jobs/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskJobSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      presentRiskJob(await jobs.getJob(db, contextOf(request), request.params.id), request.locale),
  );
  app.get(
    '/risks/heatmap',
    {
      schema: {
        tags,
        description: 'Risks counted by likelihood and impact (one GROUP BY), with the filters.',
        querystring: riskHeatmapQuerySchema,
        response: { 200: riskHeatmapSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      risks.heatmap(
        db,
        contextOf(request),
        riskFilterOf(request.query),
        request.query.residual === 'true',
      ),
  );
  app.post(
    '/risks/residual-acceptances',
    {
      schema: {
        tags,
        description:
          'Sends residual risks to top management (approval type `residual_risk`); approving ' +
          'accepts each and authorizes implementing and operating the ISMS.',
        body: residualAcceptanceRequestSchema,
        response: { 201: residualAcceptanceSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskTreatment.submitResidualAcceptance(
        db,
        contextOf(request),
        request.body,
      );
      return reply.status(201).send(presentResidualAcceptance(row));
    },
  );
  app.get(
    '/risks/residual-acceptances',
    {
      schema: {
        tags,
        querystring: residualAcceptanceQuerySchema,
        response: { 200: pageSchema(residualAcceptanceSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const { status, ...page } = request.query;
      const result = await riskTreatment.listResidualAcceptances(
        db,
        contextOf(request),
        status,
        page,
      );
      return { items: result.items.map(presentResidualAcceptance), nextCursor: result.nextCursor };
    },
  );
  app.get(
    '/risks/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskDetailSchema } },
      config: { permission: 'isms:read' },
    },
    async (request, reply) => {
      const { row, controls, method } = await risks.getRisk(
        db,
        contextOf(request),
        request.params.id,
      );
      setEtag(reply, row.version);
      return presentRiskDetail(row, controls, method);
    },
  );

  // Changes answer with the detail so the client has the new ETag and controls at once.
  const detail = async (
    request: Parameters<typeof contextOf>[0],
    reply: { header: (k: string, v: string) => unknown },
    id: string,
  ) => {
    const { row, controls, method } = await risks.getRisk(db, contextOf(request), id);
    reply.header('etag', `"${row.version}"`);
    return presentRiskDetail(row, controls, method);
  };
  app.patch(
    '/risks/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: riskUpdateSchema,
        response: { 200: riskDetailSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await risks.updateRisk(db, ctx, request.params.id, requireIfMatch(request), request.body);
      return detail(request, reply, request.params.id);
    },
  );
  app.put(
    '/risks/:id/treatment',
    {
      schema: {
        tags,
        description:
          'The treatment decision (If-Match): option, rationale, selected controls each with ' +
          'its justification, and the planned residual likelihood / vulnerability / impact.',
        params: idParamsSchema,
        body: riskTreatmentSchema,
        response: { 200: riskDetailSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await riskTreatment.setTreatment(
        db,
        ctx,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      return detail(request, reply, request.params.id);
    },
  );
  app.post(
    '/risks/:id/retention',
    {
      schema: {
        tags,
        description: 'Asks top management to approve retaining the risk (type `risk_retention`).',
        params: idParamsSchema,
        body: riskRetentionRequestSchema.nullish(),
        response: { 200: riskDetailSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await riskTreatment.requestRetention(
        db,
        ctx,
        request.params.id,
        requireIfMatch(request),
        request.body ?? {},
      );
      return detail(request, reply, request.params.id);
    },
  );
};
