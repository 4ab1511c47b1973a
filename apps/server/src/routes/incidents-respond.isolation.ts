import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';
import { insertIncident } from './incidents-respond.fixtures.ts';

/**
 * The incident respond routes' lines of tenant-isolation.test.ts: B's incident
 * and notification obligation, and one probe per route that takes an id.
 */
export interface IncidentsRespondOfB {
  incidentId: string;
  obligationId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createIncidentsRespondOfB(adminB: Client): Promise<IncidentsRespondOfB> {
  const incident = await insertIncident(adminB, { title: 'Incident of B' });
  const obligation = await adminB.post('/api/v1/incident-obligations', {
    name: { ja: 'Bの通知義務', en: 'Obligation of B' },
    recipient: 'Recipient of B',
    appliesToTypes: ['incident'],
    deadlineDays: 5,
  });
  expect(obligation.statusCode, obligation.body).toBe(201);
  const obligationId = obligation.json<{ id: string }>().id;
  return {
    incidentId: incident.id,
    obligationId,
    values: [incident.id, 'Incident of B', obligationId, 'Obligation of B', 'Recipient of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** The writes in the order their controls need: risks related before their reassessment. */
export function incidentRespondProbes<
  B extends { incidentsRespond: IncidentsRespondOfB; risks: { riskId: string } },
>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const incident = (b: B) => `/api/v1/incidents/${b.incidentsRespond.incidentId}`;
  return [
    {
      route: 'PATCH /api/v1/incident-obligations/:id',
      url: (b) => `/api/v1/incident-obligations/${b.incidentsRespond.obligationId}`,
      body: () => ({ recipient: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/notifications',
      url: (b) => `${incident(b)}/notifications`,
      body: () => ({
        recipient: 'Across tenants',
        sentAt: '2026-04-03T10:00:00+09:00',
        channel: 'email',
      }),
      control: as(201),
    },
    {
      route: 'PUT /api/v1/incidents/:id/risks',
      url: (b) => `${incident(b)}/risks`,
      body: (b) => ({ riskIds: [b.risks.riskId] }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/reassessment',
      url: (b) => `${incident(b)}/reassessment`,
      body: () => ({}),
      control: as(200),
    },
    {
      route: 'POST /api/v1/incidents/:id/raise',
      url: (b) => `${incident(b)}/raise`,
      body: () => ({ kind: 'improvement' }),
      control: as(201),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const INCIDENT_RESPOND_LISTS = ['/api/v1/incident-obligations', '/api/v1/incident-settings'];
