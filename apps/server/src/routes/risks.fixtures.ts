import { expect } from 'vitest';
import type { RiskDetailDto, RiskMethodDto } from '@mamoru/contracts';
import type { Client } from '../testing/identity.ts';
import { createAsset } from '../testing/isms.ts';

/** Shared steps of the risk API tests: a method in force and a few assets with risks. */

/** Creates a draft from a preset, submits it and has top management approve it. */
export async function approveMethod(
  author: Client,
  approver: Client,
  body: Record<string, unknown> = { name: 'Method', preset: 'multiplicative' },
) {
  const created = await author.post('/api/v1/risk-methods', body);
  expect(created.statusCode, created.body).toBe(201);
  const method = created.json<RiskMethodDto>();
  const submitted = await author.post(
    `/api/v1/risk-methods/${method.id}/approval`,
    {},
    { headers: { 'if-match': `"${method.version}"` } },
  );
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approvalId = submitted.json<RiskMethodDto>().approvalId!;
  const decided = await approver.post(`/api/v1/approvals/${approvalId}/decision`, {
    decision: 'approved',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  return (await author.get(`/api/v1/risk-methods/${method.id}`)).json<RiskMethodDto>();
}

/** Assets with C/I/A values and their generated risks. */
export async function assetsWithRisks(
  client: Client,
  assets: { category: string; cia: [number, number, number]; owner?: string }[],
) {
  const created = [];
  for (const a of assets) {
    created.push(
      await createAsset(client, {
        category: a.category,
        confidentiality: a.cia[0],
        integrity: a.cia[1],
        availability: a.cia[2],
        ...(a.owner ? { owner: { type: 'user', id: a.owner } } : {}),
      }),
    );
  }
  const generated = await client.post('/api/v1/risks/generate', {
    assetIds: created.map((a) => a.id),
  });
  expect(generated.statusCode, generated.body).toBe(200);
  expect(generated.json().status).toBe('succeeded');
  return { assets: created, job: generated.json<{ result: { created: number } }>() };
}

export async function riskOf(client: Client, id: string) {
  const res = await client.get(`/api/v1/risks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RiskDetailDto>();
}

export const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });
