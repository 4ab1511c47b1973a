import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The objectives' lines of tenant-isolation.test.ts: an objective of
 * organization B with one measurement, and one probe per route that takes an id.
 */
export interface ObjectivesOfB {
  objectiveId: string;
  measurementId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createObjectivesOfB(adminB: Client): Promise<ObjectivesOfB> {
  const res = await adminB.post('/api/v1/objectives', {
    title: 'Objective of B',
    metric: 'Metric of B',
    direction: 'higher_is_better',
    baseline: 0,
    target: 10,
    startDate: '2026-01-01',
    dueDate: '2026-12-31',
    frequency: 'quarterly',
  });
  expect(res.statusCode, res.body).toBe(201);
  const objectiveId = res.json<{ id: string }>().id;
  const m = await adminB.post(`/api/v1/objectives/${objectiveId}/measurements`, {
    measuredOn: '2026-01-31',
    value: 3,
    note: 'Measurement of B',
  });
  expect(m.statusCode, m.body).toBe(201);
  const measurementId = m.json<{ id: string }>().id;
  return {
    objectiveId,
    measurementId,
    values: [objectiveId, measurementId, 'Objective of B', 'Metric of B', 'Measurement of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes; the measurement's removal last (its control removes it). */
export function objectiveProbes<B extends { objectives: ObjectivesOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const objective = (b: B) => `/api/v1/objectives/${b.objectives.objectiveId}`;
  return [
    { route: 'GET /api/v1/objectives/:id', url: objective, control: as(200) },
    {
      route: 'GET /api/v1/objectives/:id/measurements',
      url: (b) => `${objective(b)}/measurements`,
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/objectives/:id',
      url: objective,
      body: () => ({ plan: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/objectives/:id/measurements',
      url: (b) => `${objective(b)}/measurements`,
      body: () => ({ measuredOn: '2026-02-28', value: 4 }),
      control: as(201),
    },
    {
      route: 'POST /api/v1/objectives/:id/measurements/import',
      url: (b) => `${objective(b)}/measurements/import`,
      body: () => ({ csv: 'measured_on,value\n2026-03-31,5\n', dryRun: true }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/objectives/:id/measurements/:measurementId/removal',
      url: (b) => `${objective(b)}/measurements/${b.objectives.measurementId}/removal`,
      body: () => ({ reason: 'Across tenants' }),
      control: as(204),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const OBJECTIVE_LISTS = ['/api/v1/objectives?limit=200', '/api/v1/objectives?q=B&limit=200'];
