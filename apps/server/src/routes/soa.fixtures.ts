import { expect } from 'vitest';
import type { Db } from '@mamoru/db';
import * as risksRepo from '@mamoru/db/repositories/risks';
import { insertThreat } from '@mamoru/db/repositories/risks-catalog';
import type { Client } from '../testing/identity.ts';
import { createAsset } from '../testing/isms.ts';

/** Test helpers of the Statement of Applicability. */

let threats = 0;

/**
 * A risk of the client's organization treated with the given controls
 * (risk_controls role 'selected'), written through the risk repository.
 */
export async function treatRisk(db: Db, client: Client, controlIds: string[]) {
  const org = client.organization.id;
  const asset = await createAsset(client);
  threats += 1;
  const threat = await insertThreat(db, {
    organizationId: org,
    code: `T-SOA-${threats}-${Date.now()}`,
    groupId: 'unauthorized_actions',
    nameJa: '不正アクセス',
    nameEn: 'Unauthorized access',
    description: { ja: '', en: '' },
    defaultLikelihood: 2,
  });
  const risk = await risksRepo.insertRisk(
    db,
    {
      organizationId: org,
      assetId: asset.id,
      threatId: threat.id,
      likelihood: 2,
      vulnerabilityLevel: 2,
    },
    null,
  );
  await risksRepo.replaceRiskControls(
    db,
    org,
    risk.id,
    'selected',
    controlIds.map((controlId) => ({ controlId, justification: '' })),
  );
  return risk;
}

/** A scope (first version) and its statement; returns the statement and its ETag. */
export async function createSoa(client: Client, scope: Record<string, unknown> = {}) {
  const put = await client.put(
    '/api/v1/scope',
    { businessActivities: 'Payroll service', ...scope },
    { headers: { 'if-none-match': '*' } },
  );
  expect(put.statusCode, put.body).toBe(200);
  const res = await client.post('/api/v1/soa', {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; current: { id: string; version: number } }>();
}
