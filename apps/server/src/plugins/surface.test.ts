import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describeEachDatabase('response surface', (ctx) => {
  let app: App;
  let bare: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { metricsToken: TOKEN });
    bare = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
  });

  it('marks authenticated answers, exports and refusals of the API no-store', async () => {
    const answers = [
      await admin.get('/api/v1/users'),
      await admin.get('/api/v1/auth/session'),
      await admin.get('/api/v1/audit/events.csv'),
      await admin.get(`/api/v1/users/${admin.user.id}`),
      await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000'),
      await app.inject('/api/v1/users'),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 404, 401]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('answers a made-up cursor of the wrong types with 400, not a database error', async () => {
    const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const urls = [
      `/api/v1/users?cursor=${cursor(['a', 'not-a-uuid'])}`,
      `/api/v1/audit/events?cursor=${cursor(['x'])}`,
      `/api/v1/risks/residual-acceptances?cursor=${cursor([-1976943535, 'x'])}`,
    ];
    for (const url of urls) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('invalid_cursor');
    }
  });

  it('does not serve /metrics when no token is configured', async () => {
    // Without the route the path is an unknown one: a 404, or the web app where it is built.
    const res = await bare.inject('/metrics');
    expect([404, 200]).toContain(res.statusCode);
    expect(res.body).not.toContain('mamoru_http_request_duration_seconds');
    expect(res.headers['content-type']).not.toMatch(/^text\/plain/);
  });

  it('serves /metrics only with the configured bearer token', async () => {
    const none = await app.inject('/metrics');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(none.json().code).toBe('metrics_token_invalid');
    const wrong = await app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const session = await app.inject({ url: '/metrics', headers: { cookie: admin.cookie } });
    expect(session.statusCode).toBe(401);
    const right = await app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('mamoru_http_request_duration_seconds');
  });
});
