import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  idParamsSchema,
  pageSchema,
  riskAssessmentCreateSchema,
  riskAssessmentDiffQuerySchema,
  riskAssessmentDiffSchema,
  riskAssessmentQuerySchema,
  riskAssessmentSchema,
} from '@mamoru/contracts';
import { riskAssessments, riskPresenters } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['risks'];
const present = riskPresenters.presentRiskAssessment;
type Diff = z.infer<typeof riskAssessmentDiffSchema>;
type Snapshot = NonNullable<Diff['items'][number]['before']>;

/** The stored snapshot (column names) as the API names it. */
function snapshot(s: Record<string, unknown> | null): Snapshot | null {
  if (!s) return null;
  return {
    likelihood: s.likelihood as number | null,
    vulnerabilityLevel: s.vulnerability_level as number | null,
    assetValue: s.asset_value as number | null,
    value: s.value as number | null,
    level: s.level as number | null,
    evaluation: s.evaluation as Snapshot['evaluation'],
    treatmentOption: s.treatment_option as Snapshot['treatmentOption'],
    residualValue: s.residual_value as number | null,
  };
}

/** Reassessment runs (4.2.3.c): dated snapshots with reasons, and what changed between two. */
export const riskAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/risk-assessments',
    {
      schema: {
        tags,
        querystring: riskAssessmentQuerySchema,
        response: { 200: pageSchema(riskAssessmentSchema) },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const page = await riskAssessments.listAssessments(db, contextOf(request), request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/risk-assessments',
    {
      schema: {
        tags,
        description:
          'Records a dated run: the register as it stands, with the reasons for the change.',
        body: riskAssessmentCreateSchema,
        response: { 201: riskAssessmentSchema },
      },
      config: { permission: 'isms:write' },
    },
    async (request, reply) => {
      const row = await riskAssessments.recordAssessment(db, contextOf(request), request.body);
      return reply.status(201).send(present(row));
    },
  );
  app.get(
    '/risk-assessments/diff',
    {
      schema: {
        tags,
        querystring: riskAssessmentDiffQuerySchema,
        response: { 200: riskAssessmentDiffSchema },
      },
      config: { permission: 'isms:read' },
    },
    async (request) => {
      const d = await riskAssessments.diffAssessments(db, contextOf(request), request.query);
      return {
        from: present(d.from),
        to: present(d.to),
        counts: d.counts,
        items: d.items.map((i) => ({
          riskId: i.riskId,
          code: i.code,
          assetName: i.assetName,
          threatCode: i.threatCode,
          change: i.change,
          before: snapshot(i.before),
          after: snapshot(i.after),
        })),
        nextCursor: d.nextCursor,
      };
    },
  );
  app.get(
    '/risk-assessments/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: riskAssessmentSchema } },
      config: { permission: 'isms:read' },
    },
    async (request) =>
      present(await riskAssessments.getAssessment(db, contextOf(request), request.params.id)),
  );
};
