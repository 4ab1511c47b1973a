import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  personAgreementCreateSchema,
  personAgreementSchema,
  personAgreementUpdateSchema,
  personCompetenceCreateSchema,
  personCompetenceSchema,
  personCompetenceUpdateSchema,
  personListQuerySchema,
  personParamsSchema,
  personProfileSchema,
  personProfileUpdateSchema,
  personSummarySchema,
} from '@mamoru/contracts';
import { people } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['people'];
const { presentAgreement, presentCompetence, presentPersonSummary, presentProfile } = people;

/**
 * The people list, person profiles (5.2.2.d), their competences and signed
 * agreements. Reach: oneself and the members of the units one heads, or all.
 */
export const peopleProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const read = { permission: 'people:read' as const };
  const manage = { permission: 'people:manage' as const };

  app.get(
    '/people',
    {
      schema: {
        tags,
        description: 'People by name; gaps=true keeps those lacking a required competence.',
        querystring: personListQuerySchema,
        response: { 200: pageSchema(personSummarySchema) },
      },
      config: read,
    },
    async (request) => {
      const page = await people.listPeople(db, contextOf(request), request.query);
      return {
        items: page.items.map((p) => presentPersonSummary(p, page.counts.get(p.user_id))),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.get(
    '/people/:userId',
    {
      schema: { tags, params: personParamsSchema, response: { 200: personProfileSchema } },
      config: read,
    },
    async (request, reply) => {
      const view = await people.getProfile(db, contextOf(request), request.params.userId);
      setEtag(reply, Number(view.person.version));
      return presentProfile(view);
    },
  );
  app.patch(
    '/people/:userId',
    {
      schema: {
        tags,
        description: 'The first edit makes the profile: send If-Match "0".',
        params: personParamsSchema,
        body: personProfileUpdateSchema,
        response: { 200: personProfileSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const view = await people.updateProfile(
        db,
        contextOf(request),
        request.params.userId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, Number(view.person.version));
      return presentProfile(view);
    },
  );

  // ---- competences ----
  app.post(
    '/people/:userId/competences',
    {
      schema: {
        tags,
        description: 'Evidence files: POST /files with owner type person_competence.',
        params: personParamsSchema,
        body: personCompetenceCreateSchema,
        response: { 201: personCompetenceSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await people.createCompetence(db, ctx, request.params.userId, request.body);
      const clock = await people.expiryClock(db, ctx.actor.organizationId);
      setEtag(reply, row.version);
      return reply.status(201).send(presentCompetence(row, clock));
    },
  );
  app.patch(
    '/person-competences/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: personCompetenceUpdateSchema,
        response: { 200: personCompetenceSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await people.updateCompetence(
        db,
        ctx,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      const clock = await people.expiryClock(db, ctx.actor.organizationId);
      setEtag(reply, row.version);
      return presentCompetence(row, clock);
    },
  );
  app.delete(
    '/person-competences/:id',
    { schema: { tags, params: idParamsSchema }, config: manage },
    async (request, reply) => {
      await people.deleteCompetence(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );

  // ---- agreements ----
  app.post(
    '/people/:userId/agreements',
    {
      schema: {
        tags,
        description: 'The signed copy: POST /files with owner type person_agreement.',
        params: personParamsSchema,
        body: personAgreementCreateSchema,
        response: { 201: personAgreementSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.createAgreement(
        db,
        contextOf(request),
        request.params.userId,
        request.body,
      );
      setEtag(reply, row.version);
      return reply.status(201).send(presentAgreement(row));
    },
  );
  app.patch(
    '/person-agreements/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: personAgreementUpdateSchema,
        response: { 200: personAgreementSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.updateAgreement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentAgreement(row);
    },
  );
  app.delete(
    '/person-agreements/:id',
    { schema: { tags, params: idParamsSchema }, config: manage },
    async (request, reply) => {
      await people.deleteAgreement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );
};
