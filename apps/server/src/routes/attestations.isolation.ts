import { expect } from 'vitest';
import { attachFile, samples } from '../testing/files.ts';
import type { Client } from '../testing/identity.ts';

/**
 * The attestations' lines of tenant-isolation.test.ts: what organization B
 * keeps, and one probe per route that takes an id.
 */
export interface AttestationsOfB {
  /** Recorded by B's administrator, waiting for B's manager to decide. */
  pendingId: string;
  /** Approved by B's manager, so B's administrator can revoke it. */
  approvedId: string;
  fileId: string;
  values: string[];
}

export async function createAttestationsOfB(
  adminB: Client,
  managerB: Client,
): Promise<AttestationsOfB> {
  const today = new Date().toISOString().slice(0, 10);
  const record = async (statement: string) => {
    const res = await adminB.post('/api/v1/conformity/attestations', {
      itemId: '4.2.2.f',
      statement,
      validFrom: today,
      validUntil: '2099-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const pending = await record('Attestation of B, pending');
  const approved = await record('Attestation of B, approved');
  const decided = await managerB.post(
    `/api/v1/conformity/attestations/${approved.id}/decision`,
    { decision: 'approved' },
    { headers: { 'if-match': `"${approved.version}"` } },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  const file = await attachFile(
    adminB,
    { type: 'attestation', id: pending.id },
    samples.pdf(),
    'b-attestation.pdf',
  );
  return {
    pendingId: pending.id,
    approvedId: approved.id,
    fileId: file.id,
    values: [pending.id, approved.id, file.id, 'Attestation of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB' | 'managerB'; status: number };
}

export function attestationProbes<B extends { attestations: AttestationsOfB }>(): Probe<B>[] {
  const url = (id: (b: B) => string) => (b: B) => `/api/v1/conformity/attestations/${id(b)}`;
  const pending = url((b) => b.attestations.pendingId);
  const approved = url((b) => b.attestations.approvedId);
  return [
    {
      route: 'GET /api/v1/conformity/attestations/:id',
      url: pending,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'POST /api/v1/conformity/attestations/:id/decision',
      url: (b) => `${pending(b)}/decision`,
      body: () => ({ decision: 'rejected', note: 'Across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: { as: 'managerB', status: 200 },
    },
    {
      route: 'POST /api/v1/conformity/attestations/:id/revocation',
      url: (b) => `${approved(b)}/revocation`,
      body: () => ({ note: 'Across tenants' }),
      headers: () => ({ 'if-match': '"2"' }),
      control: { as: 'adminB', status: 200 },
    },
  ];
}

/** Lists that must never show B's rows to A (the report included). */
export const ATTESTATION_LISTS = [
  '/api/v1/conformity/attestations?limit=200',
  '/api/v1/conformity/attestations?status=pending',
  '/api/v1/conformity',
];
