import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The controls area's lines of tenant-isolation.test.ts: B's own control
 * (applicable in B's statement, unknown to A) with an operation, a check and
 * a failed result; one probe per route that takes an id.
 */
export interface ControlsOfB {
  controlId: string;
  checkId: string;
  resultId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createControlsOfB(adminB: Client, controlId: string): Promise<ControlsOfB> {
  const op = await adminB.put(
    `/api/v1/controls/${controlId}/operation`,
    { status: 'in_operation', ownerUserId: adminB.user.id, notes: '', noProcedureReason: '' },
    { headers: { 'if-match': '"0"' } },
  );
  expect(op.statusCode, op.body).toBe(200);
  // Due far ahead, so a result recorded below leaves the check at version 1.
  const check = await adminB.post(`/api/v1/controls/${controlId}/checks`, {
    title: 'Check of B',
    frequency: 'yearly',
    nextDue: '2099-01-01',
  });
  expect(check.statusCode, check.body).toBe(201);
  const checkId = check.json<{ id: string }>().id;
  const result = await adminB.post(`/api/v1/control-checks/${checkId}/results`, {
    performedOn: '2026-01-05',
    result: 'not_effective',
    notes: 'Failure of B',
  });
  expect(result.statusCode, result.body).toBe(201);
  const resultId = result.json<{ result: { id: string } }>().result.id;
  return {
    controlId,
    checkId,
    resultId,
    values: [checkId, 'Check of B', resultId, 'Failure of B'],
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
export function controlProbes<B extends { controls: ControlsOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'adminB' as const, status });
  const control = (b: B) => `/api/v1/controls/${b.controls.controlId}`;
  const check = (b: B) => `/api/v1/control-checks/${b.controls.checkId}`;
  return [
    { route: 'GET /api/v1/controls/:controlId', url: control, control: as(200) },
    {
      route: 'PUT /api/v1/controls/:controlId/operation',
      url: (b) => `${control(b)}/operation`,
      body: () => ({ status: 'partly', ownerUserId: null, notes: 'Across', noProcedureReason: '' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/controls/:controlId/checks',
      url: (b) => `${control(b)}/checks`,
      body: () => ({ title: 'Across tenants', frequency: 'monthly', nextDue: '2099-01-01' }),
      control: as(201),
    },
    {
      route: 'PATCH /api/v1/control-checks/:id',
      url: check,
      body: () => ({ title: 'Changed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: as(200),
    },
    {
      route: 'POST /api/v1/control-checks/:id/results',
      url: (b) => `${check(b)}/results`,
      body: () => ({ performedOn: '2026-01-06', result: 'effective' }),
      control: as(201),
    },
    {
      route: 'POST /api/v1/control-check-results/:id/nonconformity',
      url: (b) => `/api/v1/control-check-results/${b.controls.resultId}/nonconformity`,
      body: () => ({}),
      control: as(201),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const CONTROL_LISTS = [
  '/api/v1/controls?limit=200',
  '/api/v1/control-checks?limit=200',
  '/api/v1/control-checks?due=overdue&limit=200',
];
