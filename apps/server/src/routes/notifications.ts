import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamsSchema,
  notificationListQuerySchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
  notificationSchema,
  notificationSettingsSchema,
  notificationSettingsUpdateSchema,
  pageSchema,
  unreadCountSchema,
  unsubscribeQuerySchema,
} from '@mamoru/contracts';
import { notifications } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';
import { requireIfMatch, setEtag } from '../plugins/etag.ts';
import { unsubscribePage } from './notifications-unsubscribe.ts';

const tags = ['notifications'];

/**
 * The notification centre (each person their own), their email preferences,
 * the organization's email rules, and the unsubscribe link of emails.
 */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: notificationListQuerySchema,
        response: { 200: pageSchema(notificationSchema) },
      },
      config: { authenticated: true },
    },
    async (request) => notifications.listMine(db, contextOf(request), request.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      schema: { tags, response: { 200: unreadCountSchema } },
      config: { authenticated: true },
    },
    async (request) => notifications.unreadCount(db, contextOf(request)),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, params: idParamsSchema, response: { 200: notificationSchema } },
      config: { authenticated: true },
    },
    async (request) => notifications.markRead(db, contextOf(request), request.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      schema: { tags, response: { 200: z.object({ marked: z.number().int() }) } },
      config: { authenticated: true },
    },
    async (request) => notifications.markAllRead(db, contextOf(request)),
  );

  app.get(
    '/me/notification-preferences',
    {
      schema: { tags, response: { 200: notificationPreferencesSchema } },
      config: { authenticated: true },
    },
    async (request) => notifications.preferencesOf(db, contextOf(request)),
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        body: notificationPreferencesUpdateSchema,
        response: { 200: notificationPreferencesSchema },
      },
      config: { authenticated: true },
    },
    async (request) => notifications.updatePreferences(db, contextOf(request), request.body),
  );

  app.get(
    '/notification-settings',
    {
      schema: { tags, response: { 200: notificationSettingsSchema } },
      config: { permission: 'notifications:manage' },
    },
    async (request, reply) => {
      const settings = await notifications.settingsOf(db, contextOf(request));
      setEtag(reply, settings.version);
      return settings;
    },
  );
  app.put(
    '/notification-settings',
    {
      schema: {
        tags,
        body: notificationSettingsUpdateSchema,
        response: { 200: notificationSettingsSchema },
      },
      config: { permission: 'notifications:manage' },
    },
    async (request, reply) => {
      const settings = await notifications.updateSettings(
        db,
        contextOf(request),
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, settings.version);
      return settings;
    },
  );

  // The link in emails: GET asks for confirmation (a link checker that follows it
  // changes nothing), POST turns the kinds off, also as RFC 8058 one-click.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, body),
  );
  app.get(
    '/notifications/unsubscribe',
    {
      schema: { tags, querystring: unsubscribeQuerySchema, hide: true },
      config: { public: true },
    },
    async (request, reply) => {
      const found = await notifications.unsubscribePreview(db, request.query.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(unsubscribePage(found.locale, { confirm: request.query.token, kinds: found.kinds }));
    },
  );
  app.post(
    '/notifications/unsubscribe',
    {
      schema: { tags, querystring: unsubscribeQuerySchema, hide: true },
      config: { public: true },
    },
    async (request, reply) => {
      const done = await notifications.unsubscribe(db, request.query.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(unsubscribePage(done.locale, { done: done.kinds }));
    },
  );
};
