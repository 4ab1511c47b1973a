import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import ical from 'ical-generator';
import {
  calendarFeedParamsSchema,
  calendarFeedSchema,
  calendarQuerySchema,
  calendarSchema,
  type DueItem,
} from '@mamoru/contracts';
import { calendar } from '@mamoru/domain';
import { contextOf } from '../plugins/auth.ts';

const tags = ['calendar'];

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/**
 * The feed as iCalendar: one all-day event per item, its UID the item's
 * stable key (so an edited date moves the event rather than adding one).
 */
function toIcs(items: DueItem[], lang: 'ja' | 'en', origin: string, host: string) {
  const cal = ical({
    name: lang === 'ja' ? 'Mamoru ISMS 予定' : 'Mamoru ISMS calendar',
    prodId: { company: 'mamoru', product: 'calendar', language: lang.toUpperCase() },
    ttl: 60 * 60,
  });
  for (const item of items) {
    cal.createEvent({
      id: `${item.key}@${host}`,
      start: dayStart(item.dueOn),
      end: nextDay(item.dueOn),
      allDay: true,
      summary: calendar.itemSummary(item, lang),
      url: `${origin}${item.href}`,
      ...(item.responsibleName && { description: item.responsibleName }),
    });
  }
  return cal.toString();
}

/** The PDCA calendar (issue 22): due items and planned events, and the iCalendar feed. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/calendar',
    {
      schema: {
        tags,
        description:
          'Due items and planned events of the areas the caller may read, between two days ' +
          '(at most 400), by due date; filtered by area, person (a user id or me), kind, and ' +
          'overdue=true to add open items due before `from`.',
        querystring: calendarQuerySchema,
        response: { 200: calendarSchema },
      },
      config: { permission: 'organization:read' },
    },
    async (request) => calendar.listCalendar(db, contextOf(request), request.query),
  );

  app.get(
    '/calendar/feed',
    {
      schema: {
        tags,
        description: "Whether the caller's iCalendar feed is active (never its URL).",
        response: { 200: calendarFeedSchema },
      },
      config: { authenticated: true },
    },
    async (request) => calendar.getFeed(db, contextOf(request)),
  );

  app.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        description:
          "Creates the caller's iCalendar feed or gives it a new secret URL (the old one stops " +
          'working). The answer holds the path once; only a hash is kept.',
        response: { 200: calendarFeedSchema },
      },
      config: { authenticated: true },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return calendar.createOrRotateFeed(db, contextOf(request));
    },
  );

  app.delete(
    '/calendar/feed',
    {
      schema: {
        tags,
        description: "Revokes the caller's iCalendar feed: its URL answers 404 from now on.",
        response: { 200: calendarFeedSchema },
      },
      config: { authenticated: true },
    },
    async (request) => calendar.revokeFeed(db, contextOf(request)),
  );

  app.get(
    '/calendar/feed/:file',
    {
      schema: {
        tags,
        description:
          'The iCalendar feed a calendar app subscribes to (no session: the secret URL is the ' +
          'key). An unknown, rotated or revoked token answers 404.',
        params: calendarFeedParamsSchema,
      },
      config: { public: true },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const opened = await calendar.openFeed(db, token);
      if (!opened) return reply.status(404).type('text/plain').send('Not found');
      const lang = opened.actor.locale ?? 'ja';
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .header('cache-control', 'private, max-age=300')
        .type('text/calendar; charset=utf-8')
        .send(toIcs(opened.items, lang, origin, request.hostname));
    },
  );
};
