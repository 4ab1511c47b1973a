import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The Statement of Applicability's lines of tenant-isolation.test.ts: the
 * statement organization B owns, and one probe per route that takes its id.
 */
export interface SoaOfB {
  id: string;
  versionId: string;
  /** The ETag after set-up; each write control below bumps it by one. */
  etag: number;
}

/** B's statement with every control decided, so B's own submission succeeds. */
export async function createSoaOfB(adminB: Client): Promise<SoaOfB> {
  const created = await adminB.post('/api/v1/soa', { title: 'Statement of B' });
  expect(created.statusCode, created.body).toBe(201);
  const soa = created.json<{ id: string; current: { id: string; version: number } }>();
  const entries = await adminB.get(`/api/v1/soa/${soa.id}/entries`);
  const controlIds = entries
    .json<{ items: { controlId: string }[] }>()
    .items.map((e) => e.controlId);
  const decided = await adminB.post(
    `/api/v1/soa/${soa.id}/entries/bulk`,
    { controlIds, change: { applicable: true, reasons: [{ type: 'policy', note: 'B policy' }] } },
    { headers: { 'if-match': `"${soa.current.version}"` } },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  return { id: soa.id, versionId: soa.current.id, etag: decided.json().version.version };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function soaProbes<B extends { soa: SoaOfB }>(): Probe<B>[] {
  const base = (b: B) => `/api/v1/soa/${b.soa.id}`;
  const read = (route: string, path: string): Probe<B> => ({
    route: `GET /api/v1/soa/:id${route}`,
    url: (b) => `${base(b)}${path.replaceAll('{v}', b.soa.versionId)}`,
    control: { as: 'adminB', status: 200 },
  });
  const write = (route: string, path: string, body: unknown, bump: number): Probe<B> => ({
    route,
    url: (b) => `${base(b)}${path.replaceAll('{v}', b.soa.versionId)}`,
    body: () => body,
    headers: (b) => ({ 'if-match': `"${b.soa.etag + bump}"` }),
    control: { as: 'adminB', status: 200 },
  });
  return [
    read('', ''),
    read('/versions', '/versions'),
    read('/entries', '/entries'),
    read('/validation', '/validation'),
    read('/diff', '/diff?from={v}&to={v}'),
    read('/export', '/export?format=xlsx'),
    write('PATCH /api/v1/soa/:id/entries/:controlId', '/entries/3.1.1', { notes: 'x' }, 0),
    write(
      'POST /api/v1/soa/:id/entries/bulk',
      '/entries/bulk',
      { controlIds: ['3.1.2'], change: { notes: 'y' } },
      1,
    ),
    write('POST /api/v1/soa/:id/draft', '/draft', undefined, 2),
    write('POST /api/v1/soa/:id/versions/:versionId/approval', '/versions/{v}/approval', {}, 3),
  ];
}
