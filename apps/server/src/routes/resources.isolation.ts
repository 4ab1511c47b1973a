import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The resources register's lines of tenant-isolation.test.ts: what
 * organization B keeps, and one probe per route that takes an id.
 */
export interface ResourcesOfB {
  resourceId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export const ISOLATION_FISCAL_YEAR = 2026;

export async function createResourcesOfB(adminB: Client): Promise<ResourcesOfB> {
  const res = await adminB.post('/api/v1/resources', {
    fiscalYear: ISOLATION_FISCAL_YEAR,
    kind: 'tool',
    activity: 'monitor',
    title: 'Scanner of B',
    planned: { amount: 123_456 },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  return { resourceId: id, values: [id, 'Scanner of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Read, change, then delete B's resource: A gets 404 at each step, B succeeds. */
export function resourceProbes<B extends { resources: ResourcesOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const url = (b: B) => `/api/v1/resources/${b.resources.resourceId}`;
  return [
    { route: 'GET /api/v1/resources/:id', url, control: as(200) },
    {
      route: 'PATCH /api/v1/resources/:id',
      url,
      body: () => ({ used: { amount: 1 } }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as(200),
    },
    {
      route: 'DELETE /api/v1/resources/:id',
      url,
      headers: () => ({ 'if-match': '"2"' }),
      control: as(204),
    },
  ];
}

/**
 * A fiscal year names no object: the summary and the plan are the caller's own
 * organization's (the lists below check nothing of B shows in them).
 */
export const RESOURCE_NOT_OBJECT_IDS = [
  'GET /api/v1/resource-summaries/:fiscalYear',
  'POST /api/v1/resource-plans/:fiscalYear/submit',
];

/** Lists that must never show B's rows to A. */
export const RESOURCE_LISTS = [
  `/api/v1/resources?fiscalYear=${ISOLATION_FISCAL_YEAR}&limit=200`,
  `/api/v1/resources?fiscalYear=${ISOLATION_FISCAL_YEAR}&q=scanner`,
  `/api/v1/resource-summaries/${ISOLATION_FISCAL_YEAR}`,
];
