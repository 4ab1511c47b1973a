import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  createUser,
  setupOrganization,
  tokenClient,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';

describeEachDatabase('user and approval-policy rules', (ctx) => {
  let app: App;
  let admin: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    admin = (await setupOrganization(app)).admin;
  });
  afterAll(() => app.close());

  it('refuses an access expiry in the past', async () => {
    const res = await admin.post('/api/v1/users', {
      email: uniqueEmail('auditor'),
      displayName: 'External auditor',
      password: TEST_PASSWORD,
      roles: ['external_auditor'],
      accessExpiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'accessExpiresAt', code: 'access_expiry_past' }),
    ]);
  });

  it('answers two simultaneous creations with the same email with one 201 and one 422', async () => {
    const email = uniqueEmail('twin');
    const body = { email, displayName: 'Twin', password: TEST_PASSWORD, roles: ['staff'] };
    const statuses = (
      await Promise.all([admin.post('/api/v1/users', body), admin.post('/api/v1/users', body)])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(statuses).toEqual([201, 422]);
  });

  it('refuses an approver role that cannot decide approvals', async () => {
    const res = await admin.put('/api/v1/approval-policies/soa', {
      approverRole: 'staff',
      segregateAuthor: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'approverRole' });
    const ok = await admin.put('/api/v1/approval-policies/soa', {
      approverRole: 'isms_manager',
      segregateAuthor: true,
    });
    // A role that can decide is accepted as a change request for top management.
    expect(ok.statusCode).toBe(202);
  });

  it("answers a token's caller in the token owner's language", async () => {
    const { email } = await createUser(admin, { roles: ['isms_manager'], locale: 'ja' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      payload: { name: 'ci', permissions: ['isms:read'] },
    });
    expect(created.statusCode).toBe(201);
    const res = await tokenClient(app, created.json().token).get('/api/v1/users', {
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toBe('この操作を行う権限がありません。');
  });
});
