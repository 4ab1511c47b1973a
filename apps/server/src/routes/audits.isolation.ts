import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The internal audits' lines of tenant-isolation.test.ts: B's auditor register
 * entry and audit, and one probe per route that takes an id.
 */
export interface AuditsOfB {
  auditorId: string;
  auditId: string;
  leadUserId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/** B's manager is in B's register and leads B's audit (no auditee units: independent). */
export async function createAuditsOfB(adminB: Client, managerUserId: string): Promise<AuditsOfB> {
  const auditor = await adminB.post('/api/v1/internal-auditors', {
    userId: managerUserId,
    qualifications: 'Auditor course of B',
  });
  expect(auditor.statusCode, auditor.body).toBe(201);
  const audit = await adminB.post('/api/v1/audits', {
    title: 'Audit of B',
    plannedStart: '2026-07-01',
    plannedEnd: '2026-07-02',
  });
  expect(audit.statusCode, audit.body).toBe(201);
  const a = audit.json<{ id: string; code: string }>();
  const auditorId = auditor.json<{ id: string }>().id;
  return {
    auditorId,
    auditId: a.id,
    leadUserId: managerUserId,
    values: [auditorId, 'Auditor course of B', a.id, 'Audit of B'],
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
export function auditProbes<B extends { audits: AuditsOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const auditor = (b: B) => `/api/v1/internal-auditors/${b.audits.auditorId}`;
  const audit = (b: B) => `/api/v1/audits/${b.audits.auditId}`;
  return [
    { route: 'GET /api/v1/internal-auditors/:id', url: auditor, control: as(200) },
    {
      route: 'PATCH /api/v1/internal-auditors/:id',
      url: auditor,
      body: () => ({ training: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    { route: 'GET /api/v1/audits/:id', url: audit, control: as(200) },
    {
      route: 'GET /api/v1/audits/:id/conflicts',
      url: (b) => `${audit(b)}/conflicts`,
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/audits/:id',
      url: audit,
      body: () => ({ title: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'PUT /api/v1/audits/:id/team',
      url: (b) => `${audit(b)}/team`,
      body: (b) => ({ leadUserId: b.audits.leadUserId, memberUserIds: [] }),
      headers: ifMatch(2),
      control: as(200),
    },
    {
      route: 'POST /api/v1/audits/:id/notice',
      url: (b) => `${audit(b)}/notice`,
      headers: ifMatch(3),
      control: as(200),
    },
    {
      route: 'POST /api/v1/audits/:id/status',
      url: (b) => `${audit(b)}/status`,
      body: () => ({ status: 'in_progress' }),
      headers: ifMatch(4),
      control: as(200),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const AUDIT_LISTS = [
  '/api/v1/internal-auditors?limit=200',
  '/api/v1/audits?limit=200',
  '/api/v1/audits?q=Audit&limit=200',
  '/api/v1/audits/conflicts',
];
