import type { LightMyRequestResponse as Response } from 'fastify';
import type { Asset, Job, Location, OrgUnit } from '@mamoru/contracts';
import type { Client } from './identity.ts';

/**
 * Test helpers for the ISMS areas (structure, scope, assets): create objects
 * through the public API and wait for jobs.
 */

function expectStatus(response: Response, status: number, what: string) {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
}

let counter = 0;
/** A code unique within the test run. */
export const uniqueCode = (prefix: string) => `${prefix}-${++counter}`;

export async function createOrgUnit(client: Client, input: Partial<OrgUnit> = {}) {
  const res = await client.post('/api/v1/org-units', {
    code: uniqueCode('U'),
    name: 'Information systems',
    ...input,
  });
  expectStatus(res, 201, 'POST /api/v1/org-units');
  return res.json<OrgUnit>();
}

export async function createLocation(client: Client, input: Partial<Location> = {}) {
  const res = await client.post('/api/v1/locations', {
    code: uniqueCode('L'),
    name: 'Head office',
    kind: 'site',
    ...input,
  });
  expectStatus(res, 201, 'POST /api/v1/locations');
  return res.json<Location>();
}

/** An asset owned by the client's own user unless the input says otherwise. */
export async function createAsset(client: Client, input: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/assets', {
    code: uniqueCode('A'),
    name: 'Customer database',
    category: 'information',
    owner: { type: 'user', id: client.user.id },
    ...input,
  });
  expectStatus(res, 201, 'POST /api/v1/assets');
  return res.json<Asset>();
}

/** Uploads a file as the raw body of an import request. */
export function upload(
  client: Client,
  url: string,
  body: Buffer | string,
  contentType = 'text/csv',
  query: Record<string, string> = {},
) {
  return client.post(url, typeof body === 'string' ? Buffer.from(body) : body, {
    headers: { 'content-type': contentType },
    query,
  });
}

/** Polls GET /jobs/{id} until the job has finished. */
export async function waitForJob(client: Client, id: string, timeoutMs = 120_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/jobs/${id}`);
    expectStatus(res, 200, `GET /api/v1/jobs/${id}`);
    const job = res.json<Job>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs an import (or dry run) and returns the finished job, whether it ran inline or not. */
export async function runImport(
  client: Client,
  body: Buffer | string,
  {
    contentType = 'text/csv',
    query = {},
    validate = false,
  }: { contentType?: string; query?: Record<string, string>; validate?: boolean } = {},
) {
  const url = validate ? '/api/v1/assets/import/validate' : '/api/v1/assets/import';
  const res = await upload(client, url, body, contentType, query);
  if (res.statusCode !== 200 && res.statusCode !== 202) {
    throw new Error(`POST ${url}: expected 200 or 202, got ${res.statusCode}: ${res.body}`);
  }
  const job = res.json<Job>();
  return { response: res, job: res.statusCode === 202 ? await waitForJob(client, job.id) : job };
}
