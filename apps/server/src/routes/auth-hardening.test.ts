import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  addOrganization,
  createUser,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

const NEW_PASSWORD = 'Marble-Comet-Harbor-8842';

describeEachDatabase('authentication hardening', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    // The growing delay is tested in the domain (throttle.test.ts) with a recorded clock.
    app = await buildTestApp(ctx.database, { loginMaxFailures: 2, loginMaxDelaySeconds: 0 });
    ({ admin } = await setupOrganization(app, { organizationName: 'Hardening Org' }));
  });
  afterAll(() => app.close());

  describe('password change throttle', () => {
    it('refuses the pair after the configured wrong current passwords, not the same user elsewhere', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const user = await login(app, email);
      const change = (currentPassword: string, remoteAddress = '127.0.0.1') =>
        app.inject({
          method: 'POST',
          url: '/api/v1/me/password',
          headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken },
          payload: { currentPassword, newPassword: NEW_PASSWORD },
          remoteAddress,
        });
      const statuses = [];
      for (const guess of ['Guess-One-Wrong-1', 'Guess-Two-Wrong-2', 'Guess-Three-Wrong-3']) {
        statuses.push((await change(guess)).statusCode);
      }
      expect(statuses).toEqual([422, 422, 429]);
      const right = await change(TEST_PASSWORD);
      expect(right.statusCode).toBe(429);
      expect(right.json().code).toBe('login_throttled');
      // The failures count against log-in from that address too: one budget per pair.
      const viaLogin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expect(viaLogin.statusCode).toBe(429);
      expect((await change(TEST_PASSWORD, '203.0.113.20')).statusCode).toBe(204);
    });
  });

  describe('password set by an administrator', () => {
    it('must be changed at first log-in before anything else; the new one must differ', async () => {
      const { email, user } = await createUser(admin, {
        roles: ['isms_manager'],
        keepPasswordChange: true,
      });
      expect(user.passwordChangeRequired).toBe(true);
      const client = await login(app, email);
      expect(client.user.passwordChangeRequired).toBe(true);
      const blocked = await client.get('/api/v1/roles');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json()).toMatchObject({
        code: 'password_change_required',
        title: expect.stringMatching(/change it/),
      });
      expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
      expect((await client.get('/api/v1/me/sessions')).statusCode).toBe(200);

      const same = await client.post('/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      });
      expect(same.statusCode).toBe(422);
      expect(same.json().errors[0]).toMatchObject({
        field: 'newPassword',
        code: 'password_unchanged',
      });
      const changed = await client.post('/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(changed.statusCode).toBe(204);
      expect((await client.get('/api/v1/roles')).statusCode).toBe(200);
      const info = (await client.get('/api/v1/auth/session')).json();
      expect(info.user.passwordChangeRequired).toBe(false);
    });

    it('is not asked of the first administrator, who chose their own', () => {
      expect(admin.user.passwordChangeRequired).toBe(false);
    });
  });

  describe('sessions', () => {
    it('rotates at log-in: the session the browser came with ends', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const first = await login(app, email);
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { cookie: first.cookie },
        payload: { email, password: TEST_PASSWORD },
      });
      expect(again.statusCode).toBe(200);
      const token = again.cookies.find((c) => c.name === 'mamoru_session')?.value;
      expect(token).toBeTruthy();
      expect(token).not.toBe(first.sessionToken);
      expect((await first.get('/api/v1/auth/session')).statusCode).toBe(401);
      const fresh = await app.inject({
        url: '/api/v1/auth/session',
        headers: { cookie: `mamoru_session=${token}` },
      });
      expect(fresh.statusCode).toBe(200);
    });

    it('an administrator ends every session of a user; others may not; no reach into another organization', async () => {
      const { email, user } = await createUser(admin, { roles: ['staff'] });
      const laptop = await login(app, email);
      const phone = await login(app, email);
      const staff = await login(app, (await createUser(admin, { roles: ['staff'] })).email);

      const refused = await staff.delete(`/api/v1/users/${user.id}/sessions`);
      expect(refused.statusCode).toBe(403);
      const other = await addOrganization(app, { name: 'Other Org' });
      const foreign = await other.admin.delete(`/api/v1/users/${user.id}/sessions`);
      expect(foreign.statusCode).toBe(404);
      expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(200);

      const ended = await admin.delete(`/api/v1/users/${user.id}/sessions`);
      expect(ended.statusCode).toBe(204);
      expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await phone.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
      const events = await admin.get('/api/v1/audit/events', {
        query: { entityId: user.id },
      });
      expect(JSON.stringify(events.json())).toContain('session.ended_by_admin');
    });
  });
});

describeEachDatabase('trusted proxy', (ctx) => {
  const apps: App[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));
  const build = async (trustProxy: false | number | string[]) => {
    const built = await buildTestApp(ctx.database, { trustProxy });
    apps.push(built);
    return built;
  };
  const viaProxy = {
    'x-forwarded-proto': 'https',
    'x-forwarded-for': '198.51.100.77',
    'x-request-id': 'proxy-id-42',
  };

  it('without a trusted proxy: no HSTS, and the client’s X-Request-Id is ignored', async () => {
    const app = await build(false);
    const res = await app.inject({ url: '/api/v1/setup', headers: viaProxy });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).not.toBe('proxy-id-42');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('behind a trusted TLS proxy (hop count): HSTS, a __Host- cookie, the proxy’s address and request id', async () => {
    const app = await build(1);
    const { email } = await setupOrganization(app, { organizationName: 'Proxy Org' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: viaProxy,
      payload: { email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['x-request-id']).toBe('proxy-id-42');
    const cookie = res.cookies.find((c) => c.name === '__Host-mamoru_session');
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(cookie?.domain).toBeUndefined();
    expect(res.cookies.find((c) => c.name === 'mamoru_session')).toBeUndefined();

    const sessions = await app.inject({
      url: '/api/v1/me/sessions',
      headers: { ...viaProxy, cookie: `__Host-mamoru_session=${cookie!.value}` },
    });
    expect(sessions.statusCode).toBe(200);
    expect(sessions.json().items[0]).toMatchObject({ current: true, ipAddress: '198.51.100.77' });
    // The plain name is not read over https, so a cookie planted under it is worthless.
    const plain = await app.inject({
      url: '/api/v1/auth/session',
      headers: { ...viaProxy, cookie: `mamoru_session=${cookie!.value}` },
    });
    expect(plain.statusCode).toBe(401);
  });

  it('trusts only the listed proxy addresses', async () => {
    const app = await build(['10.0.0.1']);
    const from = (remoteAddress: string) =>
      app.inject({ url: '/api/v1/setup', headers: viaProxy, remoteAddress });
    const trusted = await from('10.0.0.1');
    expect(trusted.headers['x-request-id']).toBe('proxy-id-42');
    expect(trusted.headers['strict-transport-security']).toBeDefined();
    const stranger = await from('10.0.0.2');
    expect(stranger.headers['x-request-id']).not.toBe('proxy-id-42');
    expect(stranger.headers['strict-transport-security']).toBeUndefined();
  });
});
