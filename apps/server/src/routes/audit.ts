import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify';
import {
  auditEventSchema,
  auditQuerySchema,
  auditVerificationSchema,
  pageSchema,
  securityEventQuerySchema,
  securityEventSchema,
  type SecurityEventKind,
} from '@mamoru/contracts';
import { auditLog, securityLog } from '@mamoru/domain';
import type { AuditEventRow } from '@mamoru/db/repositories/audit';
import type { SecurityEventRow } from '@mamoru/db/repositories/security';
import { contextOf } from '../plugins/auth.ts';

const tags = ['audit'];
const present = (e: AuditEventRow) => ({
  seq: e.seq,
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
  hash: e.hash,
});
const presentSecurity = (e: SecurityEventRow) => ({
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  kind: e.kind as SecurityEventKind,
  userId: e.userId,
  userName: e.userName,
  account: e.account,
  address: e.address,
  method: e.method,
  route: e.route,
  status: e.status,
  reason: e.reason,
  requestId: e.requestId,
});
/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const neutralize = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const filterOf = (q: {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** The hash-chained audit trail: browse, export as CSV, verify. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/audit/events',
    {
      schema: {
        tags,
        querystring: auditQuerySchema,
        response: { 200: pageSchema(auditEventSchema) },
      },
      config: { permission: 'audit:read' },
    },
    async (request) => {
      const page = await auditLog.listEvents(
        db,
        contextOf(request),
        filterOf(request.query),
        request.query,
      );
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/events.csv',
    {
      schema: { tags, querystring: auditQuerySchema.omit({ limit: true, cursor: true }) },
      config: { permission: 'audit:read' },
    },
    async (request, reply) => {
      const rows = auditLog.eachEvent(db, contextOf(request), filterOf(request.query));
      const csv = stringify({
        header: true,
        bom: true, // so Excel opens UTF-8 (Japanese names) correctly
        columns: [
          'seq',
          'occurredAt',
          'actorName',
          'actorId',
          'action',
          'entityType',
          'entityId',
          'before',
          'after',
          'requestId',
          'hash',
        ],
        cast: { object: (v) => JSON.stringify(v), string: neutralize },
      });
      // pipeline (not pipe) so a database error mid-export ends the response instead of hanging it.
      pipeline(
        Readable.from(
          (async function* () {
            for await (const e of rows)
              yield { ...present(e), occurredAt: e.occurredAt.toISOString() };
          })(),
        ),
        csv,
      ).catch((err: unknown) => request.log.error({ err }, 'audit CSV export failed'));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-events.csv"')
        .send(csv);
    },
  );

  app.get(
    '/audit/security-events',
    {
      schema: {
        tags,
        querystring: securityEventQuerySchema,
        response: { 200: pageSchema(securityEventSchema) },
      },
      config: { permission: 'audit:read' },
    },
    async (request) => {
      const { kind, userId, from, to } = request.query;
      const page = await securityLog.listSecurityEvents(
        db,
        contextOf(request),
        {
          kind,
          userId,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        },
        request.query,
      );
      return { items: page.items.map(presentSecurity), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: { tags, response: { 200: auditVerificationSchema } },
      config: { permission: 'audit:verify' },
    },
    async (request) => auditLog.verify(db, contextOf(request)),
  );
};
