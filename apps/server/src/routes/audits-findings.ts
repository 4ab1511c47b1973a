import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditFindingCorrectionSchema,
  auditFindingListQuerySchema,
  auditFindingParamsSchema,
  auditFindingSchema,
  auditFindingUpdateSchema,
  auditFindingVerificationSchema,
  checklistAuditParamsSchema,
  pageSchema,
} from '@mamoru/contracts';
import { audits } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['audits'];
const { findings } = audits;
const read = { permission: 'audits:read' } as const;
const conduct = { permission: 'audits:conduct' } as const;

/**
 * Findings of internal audits and their follow-up (correction by the auditee,
 * verification by another auditor of the team), and the cross-audit finding
 * list the improvement area reads.
 */
export const auditFindingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/audits/:id/findings',
    {
      schema: {
        tags,
        params: checklistAuditParamsSchema,
        response: { 200: z.object({ items: z.array(auditFindingSchema) }) },
      },
      config: read,
    },
    async (request) => ({
      items: await findings.findingsOfAudit(db, contextOf(request), request.params.id),
    }),
  );
  app.patch(
    '/audits/:id/findings/:findingId',
    {
      schema: {
        tags,
        params: auditFindingParamsSchema,
        body: auditFindingUpdateSchema,
        response: { 200: auditFindingSchema },
      },
      config: conduct,
    },
    async (request, reply) => {
      const { id, findingId } = request.params;
      const ctx = contextOf(request);
      const f = await findings.updateFinding(
        db,
        ctx,
        id,
        findingId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, f.version);
      return f;
    },
  );
  app.post(
    '/audits/:id/findings/:findingId/correction',
    {
      schema: {
        tags,
        description: 'The auditee records the correction of a finding.',
        params: auditFindingParamsSchema,
        body: auditFindingCorrectionSchema,
        response: { 200: auditFindingSchema },
      },
      config: { permission: 'audits:respond' },
    },
    async (request, reply) => {
      const { id, findingId } = request.params;
      const ctx = contextOf(request);
      const f = await findings.correctFinding(
        db,
        ctx,
        id,
        findingId,
        requireIfMatch(request),
        request.body.correction,
      );
      setEtag(reply, f.version);
      return f;
    },
  );
  app.post(
    '/audits/:id/findings/:findingId/verification',
    {
      schema: {
        tags,
        description: 'An auditor of the team who did not make the correction verifies it.',
        params: auditFindingParamsSchema,
        body: auditFindingVerificationSchema,
        response: { 200: auditFindingSchema },
      },
      config: conduct,
    },
    async (request, reply) => {
      const { id, findingId } = request.params;
      const ctx = contextOf(request);
      const f = await findings.verifyFinding(
        db,
        ctx,
        id,
        findingId,
        requireIfMatch(request),
        request.body.note,
      );
      setEtag(reply, f.version);
      return f;
    },
  );
  app.get(
    '/audit-findings',
    {
      schema: {
        tags,
        description:
          'Findings across audits, filtered (audit, status, kind, unit, clause, control, overdue).',
        querystring: auditFindingListQuerySchema,
        response: { 200: pageSchema(auditFindingSchema) },
      },
      config: read,
    },
    async (request) => findings.listFindings(db, contextOf(request), request.query),
  );
};
