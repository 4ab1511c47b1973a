import { expect } from 'vitest';
import type { NonconformityDetail } from '@mamoru/contracts';
import type { Client } from '../testing/identity.ts';
import {
  createNonconformity,
  etag,
  insertAuditWithFindings,
  today,
  withAction,
} from './improvement.fixtures.ts';

/**
 * The nonconformity register's lines of tenant-isolation.test.ts: what
 * organization B keeps, and one probe per route that takes an id.
 */
export interface ImprovementOfB {
  /** Reported, version 1: edited, contained, analysed, evaluated (no action), closed. */
  walkedId: string;
  /** Evaluated with action needed, version 4: gets an action. */
  evaluatedId: string;
  /** In action with one planned action (owner: B's manager), action version 1. */
  actionId: string;
  auditId: string;
  findingId: string;
  /** A user of B, who owns B's actions. */
  ownerId: string;
  values: string[];
}

export async function createImprovementOfB(
  adminB: Client,
  managerOfB: string,
): Promise<ImprovementOfB> {
  const walked = await createNonconformity(adminB, { title: 'Nonconformity of B' });
  let evaluated = await createNonconformity(adminB, { title: 'Evaluated of B' });
  for (const [path, body] of [
    ['containment', { containment: 'B contained it' }],
    ['analysis', { whySteps: ['B why'], fishboneCategory: 'people', rootCause: 'B cause' }],
    ['evaluation', { actionNeeded: true, reason: 'B needs action' }],
  ] as const) {
    const res = await adminB.post(
      `/api/v1/nonconformities/${evaluated.id}/${path}`,
      body,
      etag(evaluated),
    );
    expect(res.statusCode, res.body).toBe(200);
    evaluated = res.json<NonconformityDetail>();
  }
  expect(evaluated.version).toBe(4);
  const inAction = await withAction(adminB, managerOfB, { title: 'Action of B' });
  const { audit, findings } = await insertAuditWithFindings(adminB);
  const actionId = inAction.actions[0]!.id;
  return {
    walkedId: walked.id,
    evaluatedId: evaluated.id,
    actionId,
    auditId: audit.id,
    findingId: findings[0]!.id,
    ownerId: managerOfB,
    values: [walked.id, evaluated.id, inAction.id, actionId, 'Nonconformity of B', 'Action of B'],
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
export function improvementProbes<B extends { improvement: ImprovementOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const walked = (b: B) => `/api/v1/nonconformities/${b.improvement.walkedId}`;
  const action = (b: B) => `/api/v1/improvement-actions/${b.improvement.actionId}`;
  return [
    { route: 'GET /api/v1/nonconformities/:id', url: walked, control: as(200) },
    { route: 'GET /api/v1/improvement-actions/:id', url: action, control: as(200) },
    {
      route: 'PATCH /api/v1/nonconformities/:id',
      url: walked,
      body: () => ({ title: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/:id/containment',
      url: (b) => `${walked(b)}/containment`,
      body: () => ({ containment: 'Across tenants' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/:id/analysis',
      url: (b) => `${walked(b)}/analysis`,
      body: () => ({ whySteps: ['Across'], fishboneCategory: 'process', rootCause: 'Across' }),
      headers: ifMatch(3),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/:id/evaluation',
      url: (b) => `${walked(b)}/evaluation`,
      body: () => ({ actionNeeded: false, reason: 'Across tenants' }),
      headers: ifMatch(4),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/:id/close',
      url: (b) => `${walked(b)}/close`,
      body: () => ({}),
      headers: ifMatch(5),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/:id/actions',
      url: (b) => `/api/v1/nonconformities/${b.improvement.evaluatedId}/actions`,
      body: (b) => ({ title: 'Across tenants', ownerId: b.improvement.ownerId, dueDate: today() }),
      headers: ifMatch(4),
      control: as(200),
    },
    {
      route: 'POST /api/v1/improvement-actions/:id/implementation',
      url: (b) => `${action(b)}/implementation`,
      body: () => ({ note: 'Across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/improvement-actions/:id/review',
      url: (b) => `${action(b)}/review`,
      body: () => ({ effective: true, note: 'Across tenants' }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'POST /api/v1/nonconformities/from-audit/:id',
      url: (b) => `/api/v1/nonconformities/from-audit/${b.improvement.auditId}`,
      control: as(200),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const IMPROVEMENT_LISTS = [
  '/api/v1/nonconformities?limit=200',
  '/api/v1/nonconformities?q=B&limit=200',
  '/api/v1/improvement-actions?limit=200',
];
