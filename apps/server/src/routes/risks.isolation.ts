import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The risk area's lines of tenant-isolation.test.ts: objects organization B
 * owns, one probe per route that takes their id, and B's values that must
 * never show in A's lists.
 */
export interface RisksOfB {
  methodId: string;
  methodVersion: number;
  threatId: string;
  threatVersion: number;
  vulnerabilityId: string;
  vulnerabilityVersion: number;
  jobId: string;
  riskId: string;
  riskVersion: number;
  assessmentId: string;
  actionId: string;
  actionVersion: number;
}

function created(res: { statusCode: number; body: string; json: () => unknown }, status = 201) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { id: string; version: number };
}

/** B's risk objects, made by B's administrator (admin + ISMS manager) on B's asset. */
export async function createRisksOfB(adminB: Client, assetId: string): Promise<RisksOfB> {
  const method = created(
    await adminB.post('/api/v1/risk-methods', { name: 'Method of B', preset: 'additive' }),
  );
  const threat = created(
    await adminB.post('/api/v1/threats', {
      code: 'B-THREAT',
      group: 'unauthorized_actions',
      name: { ja: 'Bの脅威', en: 'Threat of B' },
      affects: ['confidentiality'],
      assetCategories: ['information'],
      defaultLikelihood: 2,
    }),
  );
  const vulnerability = created(
    await adminB.post('/api/v1/vulnerabilities', {
      code: 'B-VULN',
      group: 'organization',
      name: { ja: 'Bの脆弱性', en: 'Vulnerability of B' },
      defaultLevel: 2,
      exploitedBy: ['B-THREAT'],
    }),
  );
  const job = created(await adminB.post('/api/v1/risks/generate', { assetIds: [assetId] }), 200);
  const risk = created(
    await adminB.post('/api/v1/risks', {
      assetId,
      threatId: threat.id,
      vulnerabilityId: vulnerability.id,
      notes: 'Risk of B',
    }),
  );
  const assessment = created(
    await adminB.post('/api/v1/risk-assessments', { title: 'Run of B', reasons: ['initial'] }),
  );
  const action = created(
    await adminB.post('/api/v1/treatment-plan', { title: 'Action of B', riskIds: [risk.id] }),
  );
  return {
    methodId: method.id,
    methodVersion: method.version,
    threatId: threat.id,
    threatVersion: threat.version,
    vulnerabilityId: vulnerability.id,
    vulnerabilityVersion: vulnerability.version,
    jobId: job.id,
    riskId: risk.id,
    riskVersion: risk.version,
    assessmentId: assessment.id,
    actionId: action.id,
    actionVersion: action.version,
  };
}

export const riskValuesOfB = (r: RisksOfB) => [
  r.methodId,
  'Method of B',
  r.threatId,
  'B-THREAT',
  'Threat of B',
  r.vulnerabilityId,
  'Vulnerability of B',
  r.riskId,
  'Risk of B',
  r.assessmentId,
  'Run of B',
  r.actionId,
  'Action of B',
];

/** Lists of the area that must never show B's rows to A. */
export const riskLists = [
  '/api/v1/risk-methods?limit=200',
  '/api/v1/threats?limit=200',
  '/api/v1/vulnerabilities?limit=200',
  '/api/v1/risks?limit=200',
  '/api/v1/risks/heatmap',
  '/api/v1/risk-assessments',
  '/api/v1/treatment-plan',
  '/api/v1/risks/residual-acceptances',
];

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function riskProbes<B extends { risks: RisksOfB }>(): Probe<B>[] {
  const ok = (status = 200) => ({ as: 'adminB' as const, status });
  const ifMatch = (v: (r: RisksOfB) => number) => (b: B) => ({ 'if-match': `"${v(b.risks)}"` });
  const get = (route: string, url: (r: RisksOfB) => string): Probe<B> => ({
    route: `GET /api/v1${route}`,
    url: (b) => `/api/v1${url(b.risks)}`,
    control: ok(),
  });
  return [
    get('/risk-methods/:id', (r) => `/risk-methods/${r.methodId}`),
    get('/risk-methods/:id/preview', (r) => `/risk-methods/${r.methodId}/preview`),
    get('/threats/:id', (r) => `/threats/${r.threatId}`),
    get('/vulnerabilities/:id', (r) => `/vulnerabilities/${r.vulnerabilityId}`),
    get('/risks/jobs/:id', (r) => `/risks/jobs/${r.jobId}`),
    get('/risks/:id', (r) => `/risks/${r.riskId}`),
    get('/risk-assessments/:id', (r) => `/risk-assessments/${r.assessmentId}`),
    get('/treatment-plan/:id', (r) => `/treatment-plan/${r.actionId}`),
    {
      route: 'PATCH /api/v1/risk-methods/:id',
      url: (b) => `/api/v1/risk-methods/${b.risks.methodId}`,
      body: () => ({ name: 'Renamed across tenants' }),
      headers: ifMatch((r) => r.methodVersion),
      control: ok(),
    },
    {
      route: 'POST /api/v1/risk-methods/:id/approval',
      url: (b) => `/api/v1/risk-methods/${b.risks.methodId}/approval`,
      body: () => ({}),
      headers: ifMatch((r) => r.methodVersion + 1),
      control: ok(),
    },
    {
      route: 'PATCH /api/v1/threats/:id',
      url: (b) => `/api/v1/threats/${b.risks.threatId}`,
      body: () => ({ defaultLikelihood: 3 }),
      headers: ifMatch((r) => r.threatVersion),
      control: ok(),
    },
    {
      route: 'PATCH /api/v1/vulnerabilities/:id',
      url: (b) => `/api/v1/vulnerabilities/${b.risks.vulnerabilityId}`,
      body: () => ({ defaultLevel: 3 }),
      headers: ifMatch((r) => r.vulnerabilityVersion),
      control: ok(),
    },
    {
      route: 'PATCH /api/v1/risks/:id',
      url: (b) => `/api/v1/risks/${b.risks.riskId}`,
      body: () => ({ notes: 'Changed across tenants' }),
      headers: ifMatch((r) => r.riskVersion),
      control: ok(),
    },
    {
      route: 'PUT /api/v1/risks/:id/treatment',
      url: (b) => `/api/v1/risks/${b.risks.riskId}/treatment`,
      body: () => ({ option: 'retain', rationale: 'Low impact' }),
      headers: ifMatch((r) => r.riskVersion + 1),
      control: ok(),
    },
    {
      route: 'POST /api/v1/risks/:id/retention',
      url: (b) => `/api/v1/risks/${b.risks.riskId}/retention`,
      body: () => ({}),
      headers: ifMatch((r) => r.riskVersion + 2),
      control: ok(),
    },
    {
      route: 'PATCH /api/v1/treatment-plan/:id',
      url: (b) => `/api/v1/treatment-plan/${b.risks.actionId}`,
      body: () => ({ progress: 50 }),
      headers: ifMatch((r) => r.actionVersion),
      control: ok(),
    },
    {
      route: 'DELETE /api/v1/treatment-plan/:id',
      url: (b) => `/api/v1/treatment-plan/${b.risks.actionId}`,
      headers: ifMatch((r) => r.actionVersion + 1),
      control: ok(204),
    },
  ];
}
