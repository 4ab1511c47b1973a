import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  pageSchema,
  incidentListItemSchema,
  incidentListQuerySchema,
  incidentReportedSchema,
  incidentReportSchema,
  incidentSchema,
  incidentTimelineCreateSchema,
  incidentTransitionSchema,
  incidentTriageSchema,
  incidentUpdateSchema,
} from '@mamoru/contracts';
import { incidents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['incidents'];
const page = pageSchema(incidentListItemSchema);

/**
 * Incidents (4.2.3.a, annex 6.3): reporting by anyone (and by monitoring
 * tools with a token), the list, the incident, its edits, triage, workflow
 * steps and timeline. Writes answer with the new ETag.
 */
export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/incidents',
    {
      schema: {
        tags,
        description:
          'Reports an incident, weakness or malfunction. With an externalRef matching an open ' +
          'incident the report is merged into it (200, merged: true, repeatCount + 1).',
        body: incidentReportSchema,
        response: { 200: incidentReportedSchema, 201: incidentReportedSchema },
      },
      config: { permission: 'incidents:report' },
    },
    async (request, reply) => {
      const result = await incidents.reportIncident(db, contextOf(request), request.body);
      setEtag(reply, result.incident.version);
      return reply.status(result.merged ? 200 : 201).send(result);
    },
  );
  app.get(
    '/incidents',
    {
      schema: { tags, querystring: incidentListQuerySchema, response: { 200: page } },
      config: { permission: 'incidents:read' },
    },
    async (request) => incidents.listIncidents(db, contextOf(request), request.query),
  );
  app.get(
    '/incidents/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: incidentSchema } },
      config: { permission: 'incidents:read' },
    },
    async (request, reply) => {
      const incident = await incidents.getIncident(db, contextOf(request), request.params.id);
      setEtag(reply, incident.version);
      return incident;
    },
  );
  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentUpdateSchema,
        response: { 200: incidentSchema },
      },
      // Reporters edit their own report, handlers any: both report (read-only roles do not).
      config: { permission: 'incidents:report' },
    },
    async (request, reply) => {
      const incident = await incidents.updateIncident(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, incident.version);
      return incident;
    },
  );
  app.post(
    '/incidents/:id/triage',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentTriageSchema,
        response: { 200: incidentSchema },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request, reply) => {
      const incident = await incidents.triageIncident(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, incident.version);
      return incident;
    },
  );
  app.post(
    '/incidents/:id/transitions',
    {
      schema: {
        tags,
        description:
          'Moves the incident forward (422 with the workflow rule code when refused). ' +
          'Closing needs lessons learned and keeps the incident record in the records area.',
        params: idParamsSchema,
        body: incidentTransitionSchema,
        response: { 200: incidentSchema },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request, reply) => {
      const incident = await incidents.transitionIncident(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, incident.version);
      return incident;
    },
  );
  app.post(
    '/incidents/:id/timeline',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentTimelineCreateSchema,
        response: { 201: incidentSchema },
      },
      config: { permission: 'incidents:report' },
    },
    async (request, reply) => {
      const incident = await incidents.addTimelineEntry(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      setEtag(reply, incident.version);
      return reply.status(201).send(incident);
    },
  );
};
