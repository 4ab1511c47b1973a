import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';
import { createSoa } from './soa.fixtures.ts';

/** Test helpers of the controls area. */

const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });

/** A scope and SoA whose given controls are applicable (the rest undecided). */
export async function applicableControls(client: Client, controlIds: string[]) {
  const soa = await createSoa(client);
  const res = await client.post(
    `/api/v1/soa/${soa.id}/entries/bulk`,
    { controlIds, change: { applicable: true } },
    ifMatch(soa.current.version),
  );
  expect(res.statusCode, res.body).toBe(200);
  return { soaId: soa.id, versionId: soa.current.id };
}

export async function putOperation(
  client: Client,
  controlId: string,
  body: Record<string, unknown>,
  version = 0,
) {
  return client.put(
    `/api/v1/controls/${controlId}/operation`,
    { status: 'in_operation', ownerUserId: null, notes: '', noProcedureReason: '', ...body },
    ifMatch(version),
  );
}

export async function createCheck(
  client: Client,
  controlId: string,
  body: Record<string, unknown> = {},
) {
  const res = await client.post(`/api/v1/controls/${controlId}/checks`, {
    title: 'Access review',
    method: 'Compare accounts with the HR list',
    frequency: 'quarterly',
    nextDue: '2026-01-31',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number; nextDue: string }>();
}

export async function recordResult(
  client: Client,
  checkId: string,
  body: Record<string, unknown> = {},
) {
  return client.post(`/api/v1/control-checks/${checkId}/results`, {
    performedOn: '2026-02-10',
    result: 'effective',
    ...body,
  });
}

export { ifMatch };
