import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The legal register's lines of tenant-isolation.test.ts: an obligation of B,
 * one probe per route with an id (read, change, review in that order, so the
 * If-Match versions follow B's own controls), and the lists A must not see B in.
 */
export interface LegalOfB {
  obligationId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createLegalOfB(managerB: Client): Promise<LegalOfB> {
  const res = await managerB.post('/api/v1/legal-obligations', {
    kind: 'contract',
    title: 'Obligation of B',
    authority: 'Counterparty of B',
    controlIds: ['12.1.1'],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  return { obligationId: id, values: [id, 'Obligation of B', 'Counterparty of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

export function legalProbes<B extends { legal: LegalOfB }>(): Probe<B>[] {
  const url = (b: B) => `/api/v1/legal-obligations/${b.legal.obligationId}`;
  return [
    { route: 'GET /api/v1/legal-obligations/:id', url, control: { as: 'managerB', status: 200 } },
    {
      route: 'PATCH /api/v1/legal-obligations/:id',
      url,
      body: () => ({ summary: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: { as: 'managerB', status: 200 },
    },
    {
      route: 'POST /api/v1/legal-obligations/:id/reviews',
      url: (b) => `${url(b)}/reviews`,
      body: () => ({ reviewedOn: '2026-01-05', outcome: 'unchanged' }),
      headers: () => ({ 'if-match': '"2"' }),
      control: { as: 'managerB', status: 201 },
    },
  ];
}

/** Lists that must never show B's obligations to A (the exports are read in legal.test.ts). */
export const LEGAL_LISTS = [
  '/api/v1/legal-obligations?limit=200',
  '/api/v1/legal-obligations?q=of%20B&limit=200',
  '/api/v1/legal-obligations?controlId=12.1.1&limit=200',
];
