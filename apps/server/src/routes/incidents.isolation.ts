import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The incidents' lines of tenant-isolation.test.ts: an incident of
 * organization B, and one probe per incident route that takes an id.
 */
export interface IncidentsOfB {
  incidentId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createIncidentsOfB(adminB: Client): Promise<IncidentsOfB> {
  const res = await adminB.post('/api/v1/incidents', {
    type: 'incident',
    title: 'Incident of B',
    externalRef: 'B-ALERT-1',
  });
  expect(res.statusCode, res.body).toBe(201);
  const incidentId = res.json<{ incident: { id: string } }>().incident.id;
  return { incidentId, values: [incidentId, 'Incident of B', 'B-ALERT-1'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow (edit 2, triage 3, step 4). */
export function incidentProbes<B extends { incidents: IncidentsOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const incident = (b: B) => `/api/v1/incidents/${b.incidents.incidentId}`;
  return [
    { route: 'GET /api/v1/incidents/:id', url: incident, control: as(200) },
    {
      route: 'PATCH /api/v1/incidents/:id',
      url: incident,
      body: () => ({ title: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/triage',
      url: (b) => `${incident(b)}/triage`,
      body: () => ({ severity: 'low', urgency: 'low' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/transitions',
      url: (b) => `${incident(b)}/transitions`,
      body: () => ({ to: 'contained' }),
      headers: ifMatch(3),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/timeline',
      url: (b) => `${incident(b)}/timeline`,
      body: () => ({ kind: 'action', text: 'Across tenants' }),
      control: as(201),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const INCIDENT_LISTS = [
  '/api/v1/incidents?limit=200',
  '/api/v1/incidents?q=B&limit=200',
  '/api/v1/incidents?sort=priority&limit=200',
];
