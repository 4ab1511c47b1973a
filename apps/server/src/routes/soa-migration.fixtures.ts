import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';
import { createSoa } from './soa.fixtures.ts';

/**
 * A Ver.2.0 statement in force: every control selected with a reason and
 * implemented except `excluded` (justified, risk accepted by top management),
 * submitted by the ISMS manager and approved by top management.
 */
export async function approvedSoa(admin: Client, topManagement: Client, excluded: string[] = []) {
  const created = await createSoa(admin);
  const entries = await admin.get(`/api/v1/soa/${created.id}/entries`);
  const controlIds = entries
    .json<{ items: { controlId: string }[] }>()
    .items.map((e) => e.controlId);
  const decided = await admin.post(
    `/api/v1/soa/${created.id}/entries/bulk`,
    {
      controlIds,
      change: {
        applicable: true,
        reasons: [{ type: 'policy', note: 'Information security policy' }],
        implementationStatus: 'implemented',
      },
    },
    { headers: { 'if-match': `"${created.current.version}"` } },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  let etag = decided.json().version.version as number;
  if (excluded.length) {
    const exclusion = await admin.post(
      `/api/v1/soa/${created.id}/entries/bulk`,
      {
        controlIds: excluded,
        change: {
          applicable: false,
          exclusionReason: 'Covered by the parent company',
          riskAcceptedBy: topManagement.user.id,
        },
      },
      { headers: { 'if-match': `"${etag}"` } },
    );
    expect(exclusion.statusCode, exclusion.body).toBe(200);
    etag = exclusion.json().version.version;
  }
  const submitted = await admin.post(
    `/api/v1/soa/${created.id}/versions/${created.current.id}/approval`,
    {},
    { headers: { 'if-match': `"${etag}"` } },
  );
  expect(submitted.statusCode, submitted.body).toBe(200);
  const decision = await topManagement.post(
    `/api/v1/approvals/${submitted.json().current.approvalId}/decision`,
    { decision: 'approved' },
  );
  expect(decision.statusCode, decision.body).toBe(200);
  return { id: created.id, versionId: created.current.id };
}
