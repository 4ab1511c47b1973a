import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The interested parties' lines of tenant-isolation.test.ts: what organization
 * B keeps, and one probe per route that takes an id.
 */
export interface PartiesOfB {
  partyId: string;
  feedbackId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/** A party and one feedback entry, made by B's ISMS manager (parties need reviews:manage). */
export async function createPartiesOfB(managerB: Client): Promise<PartiesOfB> {
  const party = await managerB.post('/api/v1/interested-parties', {
    name: 'Party of B',
    kind: 'customer',
    expectations: 'Expectations of B',
  });
  expect(party.statusCode, party.body).toBe(201);
  const partyId = party.json<{ id: string }>().id;
  const feedback = await managerB.post('/api/v1/interested-party-feedback', {
    partyId,
    receivedOn: new Date().toISOString().slice(0, 10),
    content: 'Feedback of B',
  });
  expect(feedback.statusCode, feedback.body).toBe(201);
  const feedbackId = feedback.json<{ id: string }>().id;
  return {
    partyId,
    feedbackId,
    values: [partyId, 'Party of B', 'Expectations of B', feedbackId, 'Feedback of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function partyProbes<B extends { parties: PartiesOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'managerB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const party = (b: B) => `/api/v1/interested-parties/${b.parties.partyId}`;
  const feedback = (b: B) => `/api/v1/interested-party-feedback/${b.parties.feedbackId}`;
  return [
    { route: 'GET /api/v1/interested-parties/:id', url: party, control: as(200) },
    { route: 'GET /api/v1/interested-party-feedback/:id', url: feedback, control: as(200) },
    {
      route: 'PATCH /api/v1/interested-parties/:id',
      url: party,
      body: () => ({ contact: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/interested-party-feedback/:id',
      url: feedback,
      body: () => ({ content: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/interested-party-feedback/:id/response',
      url: (b) => `${feedback(b)}/response`,
      body: () => ({ response: 'Answered across tenants' }),
      headers: ifMatch(2),
      control: as(200),
    },
  ];
}

/** Lists that must never show B's rows to A (the XLSX export is checked by its own test). */
export const PARTY_LISTS = [
  '/api/v1/interested-parties?limit=200',
  '/api/v1/interested-party-feedback?limit=200',
  '/api/v1/interested-party-feedback?open=true&limit=200',
];
