import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  committeeMeetingCreateSchema,
  committeeMeetingListQuerySchema,
  committeeMeetingSchema,
  committeeMeetingUpdateSchema,
  committeeMemberCreateSchema,
  committeeMemberSchema,
  committeeMemberUpdateSchema,
  idParamsSchema,
  orgChartSchema,
  pageSchema,
  peopleSettingsSchema,
  peopleSettingsUpdateSchema,
} from '@mamoru/contracts';
import { people } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';

const tags = ['people'];

/**
 * The ISMS committee (annex 4.1.1–4.1.2), the organization chart and the
 * people area's settings. Meeting evidence goes through /files with owner
 * type 'committee_meeting'.
 */
export const peopleCommitteeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/committee/members',
    {
      schema: {
        tags,
        description: 'Members, current ones first, then those who left.',
        response: { 200: z.object({ items: z.array(committeeMemberSchema) }) },
      },
      config: { permission: 'people:read' },
    },
    async (request) => ({ items: await people.listCommitteeMembers(db, contextOf(request)) }),
  );
  app.post(
    '/committee/members',
    {
      schema: { tags, body: committeeMemberCreateSchema, response: { 201: committeeMemberSchema } },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.addCommitteeMember(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(row);
    },
  );
  app.patch(
    '/committee/members/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: committeeMemberUpdateSchema,
        response: { 200: committeeMemberSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.updateCommitteeMember(
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

  // ---- meetings ----
  app.get(
    '/committee/meetings',
    {
      schema: {
        tags,
        description:
          'Meetings newest first; a reader of their own sees the meetings they attended.',
        querystring: committeeMeetingListQuerySchema,
        response: { 200: pageSchema(committeeMeetingSchema) },
      },
      config: { permission: 'people:read' },
    },
    async (request) => people.listMeetings(db, contextOf(request), request.query),
  );
  app.post(
    '/committee/meetings',
    {
      schema: {
        tags,
        body: committeeMeetingCreateSchema,
        response: { 201: committeeMeetingSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.createMeeting(db, contextOf(request), request.body);
      setEtag(reply, row.version);
      return reply.status(201).send(row);
    },
  );
  app.get(
    '/committee/meetings/:id',
    {
      schema: { tags, params: idParamsSchema, response: { 200: committeeMeetingSchema } },
      config: { permission: 'people:read' },
    },
    async (request, reply) => {
      const row = await people.getMeeting(db, contextOf(request), request.params.id);
      setEtag(reply, row.version);
      return row;
    },
  );
  app.patch(
    '/committee/meetings/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: committeeMeetingUpdateSchema,
        response: { 200: committeeMeetingSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const row = await people.updateMeeting(
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

  // ---- organization chart and settings ----
  app.get(
    '/org-chart',
    {
      schema: { tags, response: { 200: orgChartSchema } },
      config: { permission: 'people:read' },
    },
    async (request) => people.orgChart(db, contextOf(request)),
  );
  app.get(
    '/people-settings',
    {
      schema: { tags, response: { 200: peopleSettingsSchema } },
      config: { permission: 'people:read' },
    },
    async (request, reply) => {
      const settings = await people.getPeopleSettings(db, contextOf(request));
      setEtag(reply, settings.version);
      return settings;
    },
  );
  app.put(
    '/people-settings',
    {
      schema: {
        tags,
        description: 'If-Match "0" while the organization still runs on the defaults.',
        body: peopleSettingsUpdateSchema,
        response: { 200: peopleSettingsSchema },
      },
      config: { permission: 'people:manage' },
    },
    async (request, reply) => {
      const settings = await people.putPeopleSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, settings.version);
      return settings;
    },
  );
};
