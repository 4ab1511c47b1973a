import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  createUser,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';
import { ageSession, passwordLogin, totpCode } from '../testing/mfa.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('authentication: step-up', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('refuses every sensitive route once the window lapsed, with the window in the problem', async () => {
    const { email } = await createUser(admin, { roles: ['admin', 'isms_manager'] });
    const s = await passwordLogin(app, email);
    await ageSession(app, s.token, 11);
    const staff = await createUser(admin, { roles: ['staff'] });
    const probes: [string, string, unknown?][] = [
      ['POST', '/api/v1/tokens', { name: 'ci', permissions: ['isms:read'] }],
      [
        'PUT',
        '/api/v1/approval-policies/document',
        { approverRole: 'admin', segregateAuthor: true },
      ],
      ['POST', '/api/v1/users', {}],
      ['PATCH', `/api/v1/users/${staff.user.id}`, { roles: ['owner'] }],
      ['POST', `/api/v1/records/${ZERO}/disposal`, { reason: 'x' }],
      ['PUT', '/api/v1/admin/auth-policy', { mfaRequired: 'all', stepUpMinutes: 5 }],
      ['DELETE', `/api/v1/me/factors/${ZERO}`],
      ['POST', '/api/v1/me/recovery-codes'],
      ['POST', `/api/v1/users/${staff.user.id}/factors/reset`],
    ];
    for (const [method, url, body] of probes) {
      const res = await s.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'step_up_required', stepUpMinutes: 10 });
    }
    // Changing other fields of a user is no sensitive action, nor re-sending the same roles.
    const user = await admin.get(`/api/v1/users/${staff.user.id}`);
    const rename = await s.request('PATCH', `/api/v1/users/${staff.user.id}`, {
      displayName: 'Renamed',
      roles: ['staff'],
    });
    expect(rename.statusCode, rename.body).toBe(428); // no If-Match: past the step-up check
    expect(user.statusCode).toBe(200);

    const wrong = await s.request('POST', '/api/v1/auth/step-up', { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('step_up_failed');
    const ok = await s.request('POST', '/api/v1/auth/step-up', { password: TEST_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    const { authenticatedAt, stepUpUntil } = ok.json();
    expect(Date.parse(stepUpUntil) - Date.parse(authenticatedAt)).toBe(10 * 60_000);
    expect((await s.request('GET', '/api/v1/auth/session')).json().auth.authenticatedAt).toBe(
      authenticatedAt,
    );
    const token = await s.request('POST', '/api/v1/tokens', {
      name: 'ci',
      permissions: ['isms:read'],
    });
    expect(token.statusCode, token.body).toBe(201);
    const audit = await admin.get('/api/v1/audit/events', { query: { action: 'session.step_up' } });
    expect(audit.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('makes a user with a second factor step up with it, not the password', async () => {
    const { email } = await createUser(admin, { roles: ['staff'] });
    const s = await passwordLogin(app, email);
    const start = (await s.request('POST', '/api/v1/me/factors/totp')).json();
    const confirmed = await s.request('POST', '/api/v1/me/factors/totp/confirm', {
      flowId: start.flowId,
      code: totpCode(start.secret),
      label: 'Phone',
    });
    const { recoveryCodes } = confirmed.json();
    await ageSession(app, s.token, 60);
    expect((await s.request('POST', '/api/v1/me/recovery-codes')).json().code).toBe(
      'step_up_required',
    );
    const byPassword = await s.request('POST', '/api/v1/auth/step-up', { password: TEST_PASSWORD });
    expect(byPassword.statusCode).toBe(422);
    expect(byPassword.json().code).toBe('step_up_factor_required');
    // The enrolment's code was used: the next step's code steps up.
    const byTotp = await s.request('POST', '/api/v1/auth/step-up', {
      totpCode: totpCode(start.secret, 1),
    });
    expect(byTotp.statusCode, byTotp.body).toBe(200);
    expect((await s.request('POST', '/api/v1/me/recovery-codes')).statusCode).toBe(200);
    await ageSession(app, s.token, 60);
    const byOldCode = await s.request('POST', '/api/v1/auth/step-up', {
      recoveryCode: recoveryCodes[0],
    });
    expect(byOldCode.statusCode).toBe(401); // regenerated: the first set is void
  });

  it('refuses API tokens on sensitive routes and at step-up: a person must act', async () => {
    const created = await admin.post('/api/v1/tokens', {
      name: 'automation',
      permissions: ['users:manage', 'isms:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const bearer = tokenClient(app, created.json().token);
    const res = await bearer.post('/api/v1/tokens', { name: 'more', permissions: ['isms:read'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('step_up_unavailable');
    const stepUp = await bearer.post('/api/v1/auth/step-up', { password: TEST_PASSWORD });
    expect(stepUp.statusCode).toBe(403);
    expect(stepUp.json().code).toBe('step_up_unavailable');
  });
});
