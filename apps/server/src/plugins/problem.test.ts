import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachDatabase } from '@mamoru/db/testing';
import { staleVersion } from '@mamoru/domain';
import { buildTestApp, type App, type LogLine } from '../testing/app.ts';
import { problemPlugin } from './problem.ts';

const PROBLEM_JSON = /^application\/problem\+json/;
const BODY_LIMIT = 1024;

/** Test-only routes: one validated body, one domain error, one real fault. */
function testRoutes(app: App) {
  app.post(
    '/api/v1/__test/things',
    {
      schema: { body: z.object({ name: z.string().min(1), count: z.number().int() }) },
      config: { public: true },
    },
    async (request) => ({ ok: true, name: request.body.name }),
  );
  app.get('/api/v1/__test/stale', { config: { public: true } }, async () => {
    throw staleVersion();
  });
  app.get('/api/v1/__test/throttled', { config: { public: true } }, async () => {
    // What a rate limiter or another Fastify plugin throws: an HTTP status, no domain code.
    throw Object.assign(new Error('slow down'), { statusCode: 429 });
  });
  app.get('/api/v1/__test/boom', { config: { public: true } }, async () => {
    throw new Error('kaboom');
  });
}

/** Lines at error level or above, or carrying a stack trace. */
function faults(lines: LogLine[]) {
  return lines.filter(
    (l) => l.level >= 50 || /\n\s+at /.test(JSON.stringify(l).replaceAll('\\n', '\n')),
  );
}

describeEachDatabase('problem responses', (ctx) => {
  let app: App;
  const logs: LogLine[] = [];
  /** The log lines written since the last call. */
  const takeLogs = () => logs.splice(0, logs.length);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { bodyLimit: BODY_LIMIT }, { setup: testRoutes, logs });
    takeLogs();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers an unknown API route with 404 route_not_found, logging no fault', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      type: 'https://mamoru.dev/problems/route-not-found',
      title: 'No such route: GET /api/v1/nope.',
      instance: '/api/v1/nope?x=1',
    });
    const lines = takeLogs();
    expect(lines.length).toBeGreaterThan(0);
    expect(faults(lines)).toEqual([]);
  });

  it('answers malformed JSON with 400 malformed_json, logging no fault', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json()).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(faults(takeLogs())).toEqual([]);
  });

  it('answers an empty JSON body with 400 malformed_json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_json' });
    expect(faults(takeLogs())).toEqual([]);
  });

  it('answers a body over the configured limit with 413 body_too_large, logging no fault', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT * 2), count: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json()).toMatchObject({
      status: 413,
      code: 'body_too_large',
      title: `The request body is larger than the limit of ${BODY_LIMIT} bytes.`,
    });
    expect(faults(takeLogs())).toEqual([]);
  });

  it('accepts a valid body just under the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      payload: { name: 'ok', count: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, name: 'ok' });
    takeLogs();
  });

  it('answers a zod validation failure with 400 and errors[] naming each field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      payload: { count: 1.5 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    const body = res.json();
    expect(body).toMatchObject({
      status: 400,
      code: 'validation',
      title: 'The request is not valid.',
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.name', code: 'required', message: 'Required.' },
        expect.objectContaining({ field: 'body.count', code: 'invalid_type' }),
      ]),
    );
    expect(body.errors).toHaveLength(2);
    // The rejected input is never echoed back.
    expect(res.body).not.toContain('1.5');
    expect(faults(takeLogs())).toEqual([]);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      headers: { 'content-type': 'application/x-mamoru' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
    expect(faults(takeLogs())).toEqual([]);
  });

  it('maps a domain error to its status (stale version → 412)', async () => {
    const res = await app.inject('/api/v1/__test/stale');
    expect(res.statusCode).toBe(412);
    expect(res.json()).toMatchObject({ code: 'stale_version', status: 412 });
    expect(faults(takeLogs())).toEqual([]);
  });

  it('maps a plain 4xx error from a plugin to a problem, logging it below error level', async () => {
    const res = await app.inject('/api/v1/__test/throttled');
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json()).toMatchObject({ code: 'too_many_requests', status: 429 });
    expect(res.body).not.toContain('slow down');
    const lines = takeLogs();
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'client error' }));
    expect(faults(lines)).toEqual([]);
  });

  it('words problems in Japanese for Accept-Language: ja', async () => {
    const notFound = await app.inject({
      url: '/api/v1/nope',
      headers: { 'accept-language': 'ja' },
    });
    expect(notFound.json()).toMatchObject({
      code: 'route_not_found',
      title: 'そのルートはありません: GET /api/v1/nope',
    });
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/__test/things',
      headers: { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' },
      payload: { count: 'three' },
    });
    expect(invalid.statusCode).toBe(400);
    const body = invalid.json();
    expect(body.title).toBe('リクエストの内容に誤りがあります。');
    expect(body.errors).toContainEqual({
      field: 'body.name',
      code: 'required',
      message: '必須項目です。',
    });
    const count = body.errors.find((e: { field: string }) => e.field === 'body.count');
    // zod's Japanese locale, not its English default.
    expect(count.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(faults(takeLogs())).toEqual([]);
  });

  it('answers a real fault with 500 internal, logging it at error level with its stack', async () => {
    const res = await app.inject('/api/v1/__test/boom');
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toMatchObject({ code: 'internal', status: 500 });
    // The message never leaks; the request id ties the response to the log line.
    expect(res.body).not.toContain('kaboom');
    expect(body.title).toContain(String(res.headers['x-request-id']));
    const lines = faults(takeLogs());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, reqId: res.headers['x-request-id'] });
    expect(lines[0]?.err?.message).toBe('kaboom');
    expect(lines[0]?.err?.stack).toContain('kaboom');
  });
});

describe('problem plugin web fallback', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'mamoru-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Mamoru</title>');
  const app = Fastify();
  app.decorateRequest('locale', 'en');

  beforeAll(async () => {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    await app.register(problemPlugin, { spaFallback: true });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves index.html for client-side routes', async () => {
    const res = await app.inject('/risks/42?tab=history');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>Mamoru</title>');
  });

  it('still answers API paths, missing files and non-GET with problem+json 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nope'],
      ['GET', '/api'],
      ['GET', '/assets/missing.js'],
      ['POST', '/risks'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.json()).toMatchObject({ code: 'route_not_found' });
    }
  });
});
