import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema,
  incidentNotificationCreateSchema,
  incidentNotificationSchema,
  incidentObligationCreateSchema,
  incidentObligationSchema,
  incidentObligationUpdateSchema,
  incidentRaiseSchema,
  incidentRaisedSchema,
  incidentReassessmentSchema,
  incidentRiskSchema,
  incidentRisksSchema,
  incidentSettingsSchema,
  incidentSettingsUpdateSchema,
} from '@mamoru/contracts';
import { incidents } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['incidents'];
const obligationList = z.object({ items: z.array(incidentObligationSchema) });
const riskList = z.object({ items: z.array(incidentRiskSchema) });

/**
 * Responding to incidents beyond the workflow: the settings, notification
 * obligations and the notifications sent, related risks and their
 * reassessment, and what the incident raised in the improvement area.
 */
export const incidentRespondRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // ---- settings ----
  app.get(
    '/incident-settings',
    {
      schema: { tags, response: { 200: incidentSettingsSchema } },
      config: { permission: 'incidents:read' },
    },
    async (request, reply) => {
      const view = await incidents.getIncidentSettings(db, contextOf(request));
      setEtag(reply, view.version);
      return incidents.presentIncidentSettings(view);
    },
  );
  app.patch(
    '/incident-settings',
    {
      schema: {
        tags,
        description: 'If-Match carries the settings version; "0" while none are saved yet.',
        body: incidentSettingsUpdateSchema,
        response: { 200: incidentSettingsSchema },
      },
      config: { permission: 'incidents:manage' },
    },
    async (request, reply) => {
      const view = await incidents.updateIncidentSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, view.version);
      return incidents.presentIncidentSettings(view);
    },
  );

  // ---- notification obligations ----
  app.get(
    '/incident-obligations',
    {
      schema: { tags, response: { 200: obligationList } },
      config: { permission: 'incidents:read' },
    },
    async (request) => {
      const rows = await incidents.listObligations(db, contextOf(request));
      return { items: rows.map(incidents.presentObligation) };
    },
  );
  app.post(
    '/incident-obligations',
    {
      schema: {
        tags,
        body: incidentObligationCreateSchema,
        response: { 201: incidentObligationSchema },
      },
      config: { permission: 'incidents:manage' },
    },
    async (request, reply) => {
      const row = await incidents.createObligation(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(incidents.presentObligation(row));
    },
  );
  app.post(
    '/incident-obligations/presets',
    {
      schema: {
        tags,
        description:
          'Adds the shipped obligations (APPI) not yet present; a second call adds none.',
        response: { 200: obligationList },
      },
      config: { permission: 'incidents:manage' },
    },
    async (request) => {
      const rows = await incidents.loadObligationPresets(db, contextOf(request));
      return { items: rows.map(incidents.presentObligation) };
    },
  );
  app.patch(
    '/incident-obligations/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentObligationUpdateSchema,
        response: { 200: incidentObligationSchema },
      },
      config: { permission: 'incidents:manage' },
    },
    async (request, reply) => {
      const row = await incidents.updateObligation(
        db,
        contextOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, row.version);
      return incidents.presentObligation(row);
    },
  );

  // ---- on an incident ----
  app.post(
    '/incidents/:id/notifications',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentNotificationCreateSchema,
        response: { 201: incidentNotificationSchema },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request, reply) => {
      const sent = await incidents.recordNotification(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(sent);
    },
  );
  app.put(
    '/incidents/:id/risks',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentRisksSchema,
        response: { 200: riskList },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request) => {
      const rows = await incidents.setIncidentRisks(
        db,
        contextOf(request),
        request.params.id,
        request.body.riskIds,
      );
      return { items: rows.map(incidents.presentIncidentRisk) };
    },
  );
  app.post(
    '/incidents/:id/reassessment',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentReassessmentSchema,
        response: { 200: riskList },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request) => {
      const rows = await incidents.requestRiskReassessment(
        db,
        contextOf(request),
        request.params.id,
        request.body.riskIds,
      );
      return { items: rows.map(incidents.presentIncidentRisk) };
    },
  );
  app.post(
    '/incidents/:id/raise',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: incidentRaiseSchema,
        response: { 201: incidentRaisedSchema },
      },
      config: { permission: 'incidents:handle' },
    },
    async (request, reply) => {
      const raised = await incidents.raiseFromIncident(
        db,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(raised);
    },
  );
};
