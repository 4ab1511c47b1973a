import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The ISMS event log's lines of tenant-isolation.test.ts: an entry B made by
 * hand (and B's automatic ones, from B's units), and one probe per route with an id.
 */
export interface EventsOfB {
  eventId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createEventsOfB(managerB: Client): Promise<EventsOfB> {
  const res = await managerB.post('/api/v1/isms-events', {
    occurredAt: '2026-04-01T09:00:00+09:00',
    category: 'legal',
    title: 'Event of B',
    impact: 'Effect of B',
  });
  expect(res.statusCode, res.body).toBe(201);
  const eventId = res.json<{ id: string }>().id;
  return { eventId, values: [eventId, 'Event of B', 'Effect of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  control: { as: 'managerB'; status: number };
}

export function eventProbes<B extends { events: EventsOfB }>(): Probe<B>[] {
  const url = (b: B) => `/api/v1/isms-events/${b.events.eventId}`;
  return [
    { route: 'GET /api/v1/isms-events/:id', url, control: { as: 'managerB', status: 200 } },
    {
      route: 'PATCH /api/v1/isms-events/:id',
      url,
      body: () => ({ title: 'Changed across tenants' }),
      control: { as: 'managerB', status: 200 },
    },
  ];
}

/**
 * Lists that must never show B's entries to A. (The XLSX export is zipped, so
 * a text search would prove nothing: events.test.ts reads its cells instead.)
 */
export const EVENT_LISTS = [
  '/api/v1/isms-events?limit=200',
  '/api/v1/isms-events?source=manual&q=of%20B&limit=200',
];
