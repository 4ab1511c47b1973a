import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  quizAttemptSchema,
  quizSchema,
  quizSubmitSchema,
  quizToTakeSchema,
  quizUpdateSchema,
  trainingCourseCreateBodySchema,
  trainingCourseListQuerySchema,
  trainingCourseSchema,
  trainingCourseUpdateSchema,
} from '@mamoru/contracts';
import { training } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['training'];

/**
 * Training courses and their quiz (4.2.2.d, 5.2.2.c). The gate asks for the
 * broad permission; the domain narrows it (courses and quizzes are managed by
 * training:manage over everyone).
 */
export const trainingCourseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/training-courses',
    {
      schema: {
        tags,
        querystring: trainingCourseListQuerySchema,
        response: { 200: pageSchema(trainingCourseSchema) },
      },
      config: { permission: 'training:read' },
    },
    async (request) => training.listCourses(db, contextOf(request), request.query),
  );
  app.post(
    '/training-courses',
    {
      schema: {
        tags,
        description: 'Awareness courses default to every 12 months and everyone as the audience.',
        body: trainingCourseCreateBodySchema,
        response: { 201: trainingCourseSchema },
      },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const course = await training.createCourse(db, contextOf(request), request.body);
      setEtag(reply, course.version);
      return reply.status(201).send(course);
    },
  );
  app.get(
    '/training-courses/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: trainingCourseSchema } },
      config: { permission: 'training:read' },
    },
    async (request, reply) => {
      const course = await training.getCourse(db, contextOf(request), request.params.id);
      setEtag(reply, course.version);
      return course;
    },
  );
  app.patch(
    '/training-courses/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: trainingCourseUpdateSchema,
        response: { 200: trainingCourseSchema },
      },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const course = await training.updateCourse(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, course.version);
      return course;
    },
  );

  // ---- quiz ----
  app.get(
    '/training-courses/:id/quiz',
    {
      schema: { tags, params: idParamsSchema, response: { 200: quizSchema } },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const quiz = await training.getQuiz(db, contextOf(request), request.params.id);
      setEtag(reply, quiz.version);
      return quiz;
    },
  );
  app.put(
    '/training-courses/:id/quiz',
    {
      schema: {
        tags,
        description: "Replaces the whole quiz; If-Match is the course's version, which goes up.",
        params: idParamsSchema,
        body: quizUpdateSchema,
        response: { 200: quizSchema },
      },
      config: { permission: 'training:manage' },
    },
    async (request, reply) => {
      const quiz = await training.replaceQuiz(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, quiz.version);
      return quiz;
    },
  );
  app.get(
    '/training-courses/:id/quiz/take',
    {
      schema: {
        tags,
        description: 'The quiz without its answers, for the person taking it.',
        params: idParamsSchema,
        response: { 200: quizToTakeSchema },
      },
      config: { permission: 'training:take' },
    },
    async (request) => training.quizToTake(db, contextOf(request), request.params.id),
  );
  app.post(
    '/training-courses/:id/quiz/attempts',
    {
      schema: {
        tags,
        description:
          'Scores and keeps an attempt: percent of questions answered exactly right, rounded ' +
          'down; passed at the pass mark or above. Every attempt is kept; retakes are allowed.',
        params: idParamsSchema,
        body: quizSubmitSchema,
        response: { 201: quizAttemptSchema },
      },
      config: { permission: 'training:take' },
    },
    async (request, reply) => {
      const attempt = await training.submitAttempt(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(attempt);
    },
  );
};
