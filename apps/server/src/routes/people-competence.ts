import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  competenceGapQuerySchema,
  competenceGapSchema,
  competenceRequirementCreateSchema,
  competenceRequirementListQuerySchema,
  competenceRequirementSchema,
  competenceRequirementUpdateSchema,
  idParamsSchema,
  jobDefinitionCreateSchema,
  jobDefinitionSchema,
  jobDefinitionUpdateSchema,
  pageSchema,
} from '@mamoru/contracts';
import { people } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['people'];
const { presentGap, presentJob, presentRequirement } = people;

/**
 * Job definitions, the competence each ISMS role and job needs (5.2.2.a) and
 * the gap view (5.2.2.b): parse, let the domain authorize and act, present.
 */
export const peopleCompetenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const read = { permission: 'people:read' as const };
  const manage = { permission: 'people:manage' as const };

  // ---- job definitions ----
  app.get(
    '/job-definitions',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(jobDefinitionSchema) }) } },
      config: read,
    },
    async (request) => ({
      items: (await people.listJobDefinitions(db, contextOf(request))).map(presentJob),
    }),
  );
  app.post(
    '/job-definitions',
    {
      schema: { tags, body: jobDefinitionCreateSchema, response: { 201: jobDefinitionSchema } },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.createJobDefinition(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentJob(row));
    },
  );
  app.get(
    '/job-definitions/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: jobDefinitionSchema } },
      config: read,
    },
    async (request, reply) => {
      const row = await people.getJobDefinition(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentJob(row);
    },
  );
  app.patch(
    '/job-definitions/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: jobDefinitionUpdateSchema,
        response: { 200: jobDefinitionSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.updateJobDefinition(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentJob(row);
    },
  );

  // ---- competence requirements ----
  app.get(
    '/competence-requirements',
    {
      schema: {
        tags,
        querystring: competenceRequirementListQuerySchema,
        response: { 200: z.object({ items: z.array(competenceRequirementSchema) }) },
      },
      config: read,
    },
    async (request) => ({
      items: (await people.listRequirements(db, contextOf(request), request.query)).map(
        presentRequirement,
      ),
    }),
  );
  app.post(
    '/competence-requirements',
    {
      schema: {
        tags,
        description: 'A training requirement names an active course of the organization.',
        body: competenceRequirementCreateSchema,
        response: { 201: competenceRequirementSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.createRequirement(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(presentRequirement(row));
    },
  );
  app.get(
    '/competence-requirements/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: competenceRequirementSchema } },
      config: read,
    },
    async (request, reply) => {
      const row = await people.getRequirement(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return presentRequirement(row);
    },
  );
  app.patch(
    '/competence-requirements/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: competenceRequirementUpdateSchema,
        response: { 200: competenceRequirementSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const row = await people.updateRequirement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return presentRequirement(row);
    },
  );
  app.delete(
    '/competence-requirements/:id',
    { schema: { tags, params: idParamsSchema }, config: manage },
    async (request, reply) => {
      await people.deleteRequirement(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.status(204).send();
    },
  );

  // ---- the gap view ----
  app.get(
    '/competence-gaps',
    {
      schema: {
        tags,
        description:
          'Required competences people lack (missing, expired, failed) or that expire within ' +
          'the warning days, over the people the caller reaches.',
        querystring: competenceGapQuerySchema,
        response: { 200: pageSchema(competenceGapSchema) },
      },
      config: read,
    },
    async (request) => {
      const page = await people.listCompetenceGaps(db, contextOf(request), request.query);
      return { items: page.items.map(presentGap), nextCursor: page.nextCursor };
    },
  );
};
