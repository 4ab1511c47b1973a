import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceEvaluationSchema,
  attendanceListQuerySchema,
  idParamsSchema,
  pageSchema,
  sessionAttendanceRecordSchema,
  trainingAttendanceSchema,
  trainingSessionCreateSchema,
  trainingSessionListQuerySchema,
  trainingSessionSchema,
  trainingSessionUpdateSchema,
} from '@mamoru/contracts';
import { training } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['training'];
const attendanceItems = z.object({ items: z.array(trainingAttendanceSchema) });

/**
 * Training sessions, their attendance (recorded by the trainer or a manager)
 * and the supervisors' evaluations. The gate asks for the broad permission;
 * the domain narrows it to the session's trainer or the people in reach.
 */
export const trainingSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/training-sessions',
    {
      schema: {
        tags,
        querystring: trainingSessionListQuerySchema,
        response: { 200: pageSchema(trainingSessionSchema) },
      },
      config: { permission: 'training:read' },
    },
    async (request) => training.listSessions(db, contextOf(request), request.query),
  );
  app.post(
    '/training-sessions',
    {
      schema: { tags, body: trainingSessionCreateSchema, response: { 201: trainingSessionSchema } },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const session = await training.createSession(db, contextOf(request), request.body);
      setEtag(reply, session.version);
      return reply.status(201).send(session);
    },
  );
  app.get(
    '/training-sessions/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: trainingSessionSchema } },
      config: { permission: 'training:read' },
    },
    async (request, reply) => {
      const session = await training.getSession(db, contextOf(request), request.params.id);
      setEtag(reply, session.version);
      return session;
    },
  );
  app.patch(
    '/training-sessions/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: trainingSessionUpdateSchema,
        response: { 200: trainingSessionSchema },
      },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const session = await training.updateSession(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, session.version);
      return session;
    },
  );

  // ---- attendance ----
  app.get(
    '/training-sessions/:id/attendance',
    {
      schema: {
        tags,
        description:
          "The session's attendance (up to 500): its trainer sees everyone, readers the people " +
          'they reach.',
        params: idParamsSchema,
        response: { 200: attendanceItems },
      },
      config: { authenticated: true },
    },
    async (request) => training.sessionAttendanceList(db, contextOf(request), request.params.id),
  );
  app.post(
    '/training-sessions/:id/attendance',
    {
      schema: {
        tags,
        description:
          'Records attendance, one row per person (upserted): by the trainer, or a manager for ' +
          'the people they reach.',
        params: idParamsSchema,
        body: sessionAttendanceRecordSchema,
        response: { 200: attendanceItems },
      },
      config: { permission: 'training:record' },
    },
    async (request) =>
      training.recordSessionAttendance(db, contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/training-attendance',
    {
      schema: {
        tags,
        querystring: attendanceListQuerySchema,
        response: { 200: pageSchema(trainingAttendanceSchema) },
      },
      config: { permission: 'training:read' },
    },
    async (request) => training.listAttendance(db, contextOf(request), request.query),
  );
  app.post(
    '/training-attendance/:id/evaluation',
    {
      schema: {
        tags,
        description: "A supervisor's evaluation of effectiveness; never of one's own training.",
        params: idParamsSchema,
        body: attendanceEvaluationSchema,
        response: { 200: trainingAttendanceSchema },
      },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const row = await training.evaluateAttendance(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return row;
    },
  );
  app.delete(
    '/training-attendance/:id',
    {
      schema: { tags, params: idParamsSchema },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      await training.removeAttendance(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send();
    },
  );
};
