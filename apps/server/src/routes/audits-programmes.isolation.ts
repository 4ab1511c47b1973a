import { expect } from 'vitest';
import type { Db } from '@mamoru/db';
import type { Client } from '../testing/identity.ts';
import { insertAudit, insertFinding } from './audits-programmes.fixtures.ts';

/**
 * The audit programme's lines of tenant-isolation.test.ts: what organization B
 * keeps, one probe per route that takes an id, and the lists to search for leaks.
 */
export interface ProgrammesOfB {
  programmeId: string;
  version: number;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createProgrammesOfB(db: Db, adminB: Client): Promise<ProgrammesOfB> {
  const res = await adminB.post('/api/v1/audit-programmes', {
    fiscalYear: 2026,
    title: 'Programme of B',
  });
  expect(res.statusCode, res.body).toBe(201);
  const programme = res.json<{ id: string; version: number }>();
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  // An upcoming audit and an overdue finding of B, which A's dashboard must never list.
  const audit = await insertAudit(db, adminB.organization.id, {
    plannedStart: day(5),
    plannedEnd: day(6),
    programmeId: programme.id,
  });
  const finding = await insertFinding(db, adminB.organization.id, audit.id, {
    number: 1,
    kind: 'minor_nc',
    dueDate: day(-3),
  });
  return {
    programmeId: programme.id,
    version: programme.version,
    values: [programme.id, 'Programme of B', audit.id, audit.code, finding.id],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the edit and the approval request in the order their ETags follow. */
export function programmeProbes<B extends { programmes: ProgrammesOfB }>(): Probe<B>[] {
  const as = { as: 'adminB' as const, status: 200 };
  const url = (b: B) => `/api/v1/audit-programmes/${b.programmes.programmeId}`;
  return [
    { route: 'GET /api/v1/audit-programmes/:id', url, control: as },
    {
      route: 'GET /api/v1/audit-programmes/:id/planning',
      url: (b) => `${url(b)}/planning`,
      control: as,
    },
    {
      route: 'PATCH /api/v1/audit-programmes/:id',
      url,
      body: () => ({ methods: 'Changed across tenants' }),
      headers: (b) => ({ 'if-match': `"${b.programmes.version}"` }),
      control: as,
    },
    {
      route: 'POST /api/v1/audit-programmes/:id/approval',
      url: (b) => `${url(b)}/approval`,
      body: () => ({}),
      headers: (b) => ({ 'if-match': `"${b.programmes.version + 1}"` }),
      control: as,
    },
  ];
}

export const PROGRAMME_LISTS = [
  '/api/v1/audit-programmes?limit=200',
  '/api/v1/audit-programmes?fiscalYear=2026',
  '/api/v1/audit-programmes/dashboard',
];
