import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FactorList } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { passwordLogin, totpCode, type RawSession } from '../testing/mfa.ts';

/** Enrols an authenticator app for the user behind a fresh log-in. */
async function enrol(s: RawSession) {
  const start = (await s.request('POST', '/api/v1/me/factors/totp')).json();
  const res = await s.request('POST', '/api/v1/me/factors/totp/confirm', {
    flowId: start.flowId,
    code: totpCode(start.secret),
    label: 'Phone',
  });
  expect(res.statusCode, res.body).toBe(201);
}

describeEachDatabase('authentication: sign-in policy and factor reset', (ctx) => {
  let app: App;
  let admin: Client;
  let secondAdmin: Client;
  let staff: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    secondAdmin = await createUserAndLogin(admin, { roles: ['admin'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('shows and changes the sign-in policy with If-Match, for organization managers only', async () => {
    const got = await admin.get('/api/v1/admin/auth-policy');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ mfaRequired: 'off', stepUpMinutes: 10, version: 1 });
    expect(got.headers.etag).toBe('"1"');
    expect((await staff.get('/api/v1/admin/auth-policy')).statusCode).toBe(403);
    const body = { mfaRequired: 'all', mfaRoles: [], stepUpMinutes: 30 };
    expect((await staff.put('/api/v1/admin/auth-policy', body)).statusCode).toBe(403);
    expect((await admin.put('/api/v1/admin/auth-policy', body)).statusCode).toBe(428);
    const tooLong = await admin.put(
      '/api/v1/admin/auth-policy',
      { ...body, stepUpMinutes: 121 },
      { headers: { 'if-match': '"1"' } },
    );
    expect(tooLong.statusCode).toBe(400);
    const ok = await admin.put('/api/v1/admin/auth-policy', body, {
      headers: { 'if-match': '"1"' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ mfaRequired: 'all', stepUpMinutes: 30, version: 2 });
    const stale = await admin.put('/api/v1/admin/auth-policy', body, {
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await admin.get('/api/v1/auth/session')).json().auth.stepUpMinutes).toBe(30);
    const back = await admin.put(
      '/api/v1/admin/auth-policy',
      { mfaRequired: 'off', mfaRoles: ['admin'], stepUpMinutes: 10 },
      { headers: { 'if-match': '"2"' } },
    );
    expect(back.statusCode, back.body).toBe(200);
    const audit = await admin.get('/api/v1/audit/events', {
      query: { action: 'auth_policy.changed' },
    });
    expect(audit.json().items).toHaveLength(2);
  });

  it('lists a user’s factors for user managers only, without secrets', async () => {
    const { email, user } = await createUser(admin, { roles: ['staff'] });
    await enrol(await passwordLogin(app, email));
    const res = await admin.get(`/api/v1/users/${user.id}/factors`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<FactorList>();
    expect(list.items).toEqual([expect.objectContaining({ kind: 'totp', label: 'Phone' })]);
    expect(list.recoveryCodesLeft).toBe(10);
    expect(Object.keys(list.items[0]!).sort()).toEqual(
      ['createdAt', 'id', 'kind', 'label', 'lastUsedAt'].sort(),
    );
    expect((await staff.get(`/api/v1/users/${user.id}/factors`)).statusCode).toBe(403);
  });

  it('resets a non-privileged user’s factors at once and ends their sessions', async () => {
    const { email, user } = await createUser(admin, { roles: ['isms_manager'] });
    const s = await passwordLogin(app, email);
    await enrol(s);
    expect((await staff.post(`/api/v1/users/${user.id}/factors/reset`)).statusCode).toBe(403);
    const res = await admin.post(`/api/v1/users/${user.id}/factors/reset`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'reset' });
    expect((await s.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const list = (await admin.get(`/api/v1/users/${user.id}/factors`)).json<FactorList>();
    expect(list).toMatchObject({ items: [], recoveryCodesLeft: 0 });
    expect((await passwordLogin(app, email)).info.auth.stage).toBe('complete');
    const audit = await admin.get('/api/v1/audit/events', {
      query: { action: 'factor.reset', entityId: user.id },
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('resets an administrator’s factors only with a second person’s approval', async () => {
    const { email, user } = await createUser(admin, { roles: ['admin'] });
    const target = await passwordLogin(app, email);
    await enrol(target);
    const res = await admin.post(`/api/v1/users/${user.id}/factors/reset`);
    expect(res.statusCode, res.body).toBe(202);
    const { approval } = res.json();
    expect(approval).toMatchObject({ approvalType: 'mfa_reset', status: 'pending' });
    expect((await admin.get(`/api/v1/users/${user.id}/factors`)).json().items).toHaveLength(1);
    // A second request while one waits is refused.
    expect((await admin.post(`/api/v1/users/${user.id}/factors/reset`)).statusCode).toBe(409);

    const decide = (c: { post: Client['post'] }) =>
      c.post(`/api/v1/approvals/${approval.id}/decision`, { decision: 'approved' });
    const byRequester = await decide(admin);
    expect(byRequester.statusCode).toBe(403);
    expect(byRequester.json().code).toBe('approval_own_object');
    // Nor the administrator whose factors they are (the session is complete; they signed in before).
    const targetClient = {
      post: (url: string, body?: unknown) => target.request('POST', url, body),
    };
    const bySelf = await decide(targetClient as never);
    expect(bySelf.statusCode).toBe(403);
    expect((await decide(staff)).statusCode).toBe(403);

    const bySecond = await decide(secondAdmin);
    expect(bySecond.statusCode, bySecond.body).toBe(200);
    expect((await admin.get(`/api/v1/users/${user.id}/factors`)).json().items).toHaveLength(0);
    expect((await target.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    const audit = await admin.get('/api/v1/audit/events', { query: { entityId: user.id } });
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['factor.reset_requested', 'factor.reset']));
  });

  it('keeps another organization’s users out of reach (404)', async () => {
    const { admin: adminB } = await addOrganization(app, { name: 'Organization B' });
    const { user } = await createUser(admin, { roles: ['staff'] });
    expect((await adminB.get(`/api/v1/users/${user.id}/factors`)).statusCode).toBe(404);
    expect((await adminB.post(`/api/v1/users/${user.id}/factors/reset`)).statusCode).toBe(404);
    // B's policy is its own.
    await adminB.put(
      '/api/v1/admin/auth-policy',
      { mfaRequired: 'all', mfaRoles: [], stepUpMinutes: 5 },
      { headers: { 'if-match': '"1"' } },
    );
    expect((await admin.get('/api/v1/admin/auth-policy')).json().mfaRequired).toBe('off');
    expect((await adminB.get('/api/v1/admin/auth-policy')).json().mfaRequired).toBe('all');
  });
});
