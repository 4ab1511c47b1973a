import { expect } from 'vitest';
import { schema } from '@mamoru/db';
import type { App } from '../testing/app.ts';
import type { Client } from '../testing/identity.ts';

/**
 * The improvement register's lines of tenant-isolation.test.ts: what
 * organization B keeps, and one probe per route that takes an id.
 */
export interface ImprovementsOfB {
  improvementId: string;
  communicationId: string;
  proposalId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createImprovementsOfB(
  app: App,
  adminB: Client,
  organizationId: string,
  riskId: string,
): Promise<ImprovementsOfB> {
  const improvement = await adminB.post('/api/v1/improvements', {
    source: 'incident_lesson',
    title: 'Improvement of B',
    ownerId: adminB.user.id,
  });
  expect(improvement.statusCode, improvement.body).toBe(201);
  const improvementId = improvement.json<{ id: string }>().id;
  const communication = await adminB.post('/api/v1/improvement-communications', {
    improvementId,
    audience: 'Customers of B',
    channel: 'email',
    communicatedOn: '2026-11-01',
    summary: 'Communication of B',
  });
  expect(communication.statusCode, communication.body).toBe(201);
  // A proposal as a reassessment run of B would leave it (improvement-proposals.test.ts
  // covers how runs make them).
  const [proposal] = await app.database.db
    .insert(schema.preventiveProposals)
    .values({
      organizationId,
      riskId,
      reason: 'level_jump',
      previousLevel: 1,
      newLevel: 3,
      priority: 'high',
    })
    .returning();
  const communicationId = communication.json<{ id: string }>().id;
  return {
    improvementId,
    communicationId,
    proposalId: proposal!.id,
    values: [
      improvementId,
      'Improvement of B',
      communicationId,
      'Customers of B',
      'Communication of B',
      proposal!.id,
    ],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function improvementProbes<B extends { improvements: ImprovementsOfB }>(): Probe<B>[] {
  const ok = { as: 'adminB' as const, status: 200 };
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const imp = (b: B) => `/api/v1/improvements/${b.improvements.improvementId}`;
  const com = (b: B) => `/api/v1/improvement-communications/${b.improvements.communicationId}`;
  const prop = (b: B) => `/api/v1/preventive-proposals/${b.improvements.proposalId}`;
  return [
    { route: 'GET /api/v1/improvements/:id', url: imp, control: ok },
    {
      route: 'PATCH /api/v1/improvements/:id',
      url: imp,
      body: () => ({ title: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: ok,
    },
    {
      route: 'POST /api/v1/improvements/:id/decision',
      url: (b) => `${imp(b)}/decision`,
      body: () => ({ decision: 'accepted', reason: 'Across tenants' }),
      headers: ifMatch(2),
      control: ok,
    },
    {
      route: 'POST /api/v1/improvements/:id/implementation',
      url: (b) => `${imp(b)}/implementation`,
      body: () => ({ implementation: 'Across tenants' }),
      headers: ifMatch(3),
      control: ok,
    },
    { route: 'GET /api/v1/improvement-communications/:id', url: com, control: ok },
    {
      route: 'PATCH /api/v1/improvement-communications/:id',
      url: com,
      body: () => ({ agreement: 'agreed' }),
      headers: ifMatch(1),
      control: ok,
    },
    { route: 'GET /api/v1/preventive-proposals/:id', url: prop, control: ok },
    {
      route: 'POST /api/v1/preventive-proposals/:id/decision',
      url: (b) => `${prop(b)}/decision`,
      body: () => ({ decision: 'dismissed', reason: 'Across tenants' }),
      headers: ifMatch(1),
      control: ok,
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const IMPROVEMENT_LISTS = [
  '/api/v1/improvements?limit=200',
  '/api/v1/improvements?q=of%20B&limit=200',
  '/api/v1/improvement-communications?limit=200',
  '/api/v1/preventive-proposals?limit=200',
];
