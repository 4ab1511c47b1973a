import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  myTrainingSchema,
  selfAttendanceSchema,
  trainingAttendanceSchema,
} from '@mamoru/contracts';
import { training } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { setEtag } from '../plugins/etag.ts';

const tags = ['training'];

/** The caller's own training: My training and a course recorded on their own. */
export const trainingMyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/my-training',
    {
      schema: {
        tags,
        description:
          'Courses the caller must (or did) take with status and due date, their quiz ' +
          'attempts, attendance, and the sessions they train that still need recording.',
        response: { 200: myTrainingSchema },
      },
      config: { permission: 'training:take' },
    },
    async (request) => training.myTraining(db, contextOf(request)),
  );
  app.post(
    '/training-attendance/self',
    {
      schema: {
        tags,
        description: 'Records a course the caller took outside a session (source self).',
        body: selfAttendanceSchema,
        response: { 201: trainingAttendanceSchema },
      },
      config: { permission: 'training:take' },
    },
    async (request, reply) => {
      const row = await training.recordSelfAttendance(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(row);
    },
  );
};
