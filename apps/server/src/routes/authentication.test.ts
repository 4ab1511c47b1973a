import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactorList, SessionInfo } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUser, setupOrganization, type Client } from '../testing/identity.ts';
import { passwordLogin, totpCode } from '../testing/mfa.ts';

describeEachDatabase('authentication: TOTP, recovery codes, MFA stage', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, {
      loginMaxFailures: 50,
      loginMaxFailuresPerAddress: 500,
    });
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  const newStaff = () => createUser(admin, { roles: ['staff'] });

  it('enrols an authenticator app, hands out recovery codes once, then asks for it at log-in', async () => {
    const { email } = await newStaff();
    const first = await passwordLogin(app, email);
    expect(first.info.auth).toMatchObject({
      stage: 'complete',
      method: 'password',
      mfaMethod: null,
    });

    const start = await first.request('POST', '/api/v1/me/factors/totp');
    expect(start.statusCode, start.body).toBe(200);
    const enrolment = start.json();
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Mamoru:.*secret=/);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await first.request('POST', '/api/v1/me/factors/totp/confirm', {
      flowId: enrolment.flowId,
      code: '000000' === totpCode(enrolment.secret) ? '111111' : '000000',
      label: 'Phone',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('mfa_code_invalid');
    // A wrong code leaves the enrolment open for another try.
    const again = enrolment;
    const confirm = await first.request('POST', '/api/v1/me/factors/totp/confirm', {
      flowId: again.flowId,
      code: totpCode(again.secret),
      label: 'Phone',
    });
    expect(confirm.statusCode, confirm.body).toBe(201);
    const added = confirm.json();
    expect(added.factor).toMatchObject({ kind: 'totp', label: 'Phone' });
    expect(added.recoveryCodes).toHaveLength(10);

    const list = (await first.request('GET', '/api/v1/me/factors')).json<FactorList>();
    expect(list).toMatchObject({ recoveryCodesLeft: 10, mfaRequired: false });
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(again.secret);

    // A second app brings no new recovery codes.
    const second = (await first.request('POST', '/api/v1/me/factors/totp')).json();
    const other = await first.request('POST', '/api/v1/me/factors/totp/confirm', {
      flowId: second.flowId,
      code: totpCode(second.secret),
      label: 'Tablet',
    });
    expect(other.json().recoveryCodes).toBeNull();

    const next = await passwordLogin(app, email);
    expect(next.info.auth.stage).toBe('mfa');
    expect(next.info.permissions).toEqual({});
    const code = totpCode(again.secret, 1);
    const verified = await next.request('POST', '/api/v1/auth/mfa/totp', { code });
    expect(verified.statusCode, verified.body).toBe(200);
    const info = verified.json<SessionInfo>();
    expect(info.auth).toMatchObject({ stage: 'complete', mfaMethod: 'totp' });
    expect(info.permissions).not.toEqual({});
    expect((await next.request('GET', '/api/v1/organization')).statusCode).toBe(200);

    // The same code is never accepted twice, not even by another session.
    const third = await passwordLogin(app, email);
    const replay = await third.request('POST', '/api/v1/auth/mfa/totp', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('mfa_code_invalid');
    // An older step is refused too once a later one was used.
    const older = await third.request('POST', '/api/v1/auth/mfa/totp', {
      code: totpCode(again.secret, -1),
    });
    expect(older.statusCode).toBe(401);
    const events = (
      await admin.get('/api/v1/audit/security-events', { query: { kind: 'mfa_failed' } })
    ).json();
    expect(events.items.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a session at the MFA stage out of everything but the MFA routes', async () => {
    const { email } = await newStaff();
    const enrolled = await passwordLogin(app, email);
    const { secret } = await enrolTotpRaw(enrolled);
    const pending = await passwordLogin(app, email);
    const assets = await pending.request('GET', '/api/v1/assets');
    expect(assets.statusCode).toBe(403);
    expect(assets.json().code).toBe('mfa_required');
    expect((await pending.request('POST', '/api/v1/tokens', { name: 'x' })).json().code).toBe(
      'mfa_required',
    );
    // A session that owes its factor cannot add another one (that would skip the factor).
    expect((await pending.request('POST', '/api/v1/me/factors/totp')).json().code).toBe(
      'mfa_required',
    );
    const session = await pending.request('GET', '/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().auth.stage).toBe('mfa');
    expect(secret).toBeTruthy();
    expect((await pending.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
  });

  it('accepts each recovery code once and completes the session with it', async () => {
    const { email } = await newStaff();
    const enrolled = await passwordLogin(app, email);
    const { recoveryCodes } = await enrolTotpRaw(enrolled);
    const code = recoveryCodes![0]!;
    const pending = await passwordLogin(app, email);
    const bad = await pending.request('POST', '/api/v1/auth/mfa/recovery', { code: 'AAAAA-AAAAA' });
    expect(bad.statusCode).toBe(401);
    // Typed in lower case without the dash: still the same code.
    const typed = code.toLowerCase().replace('-', '');
    const ok = await pending.request('POST', '/api/v1/auth/mfa/recovery', { code: typed });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().auth.mfaMethod).toBe('recovery');
    const later = await passwordLogin(app, email);
    expect((await later.request('POST', '/api/v1/auth/mfa/recovery', { code })).statusCode).toBe(
      401,
    );
    const list = (await pending.request('GET', '/api/v1/me/factors')).json<FactorList>();
    expect(list.recoveryCodesLeft).toBe(9);
  });

  it('sends a user the policy binds to enrol, and completes the session on enrolment', async () => {
    const { email } = await createUser(admin, { roles: ['isms_manager'] });
    const policy = await admin.get('/api/v1/admin/auth-policy');
    const put = await admin.put(
      '/api/v1/admin/auth-policy',
      { mfaRequired: 'roles', mfaRoles: ['isms_manager'], stepUpMinutes: 10 },
      { headers: { 'if-match': policy.headers.etag as string } },
    );
    expect(put.statusCode, put.body).toBe(200);
    try {
      const session = await passwordLogin(app, email);
      expect(session.info.auth.stage).toBe('mfa_enrol');
      const blocked = await session.request('GET', '/api/v1/assets');
      expect(blocked.json().code).toBe('mfa_enrolment_required');
      // Verifying is for sessions that have a factor to give.
      expect(
        (await session.request('POST', '/api/v1/auth/mfa/totp', { code: '123456' })).json().code,
      ).toBe('mfa_enrolment_required');
      const { recoveryCodes } = await enrolTotpRaw(session);
      expect(recoveryCodes).toHaveLength(10);
      const info = (await session.request('GET', '/api/v1/auth/session')).json<SessionInfo>();
      expect(info.auth).toMatchObject({ stage: 'complete', mfaMethod: 'totp' });
      expect((await session.request('GET', '/api/v1/assets')).statusCode).toBe(200);
      // The last factor stays while the policy requires one.
      const factors = (await session.request('GET', '/api/v1/me/factors')).json<FactorList>();
      expect(factors.mfaRequired).toBe(true);
      const removal = await session.request('DELETE', `/api/v1/me/factors/${factors.items[0]!.id}`);
      expect(removal.statusCode).toBe(409);
      expect(removal.json().code).toBe('mfa_last_factor');
    } finally {
      const now = await admin.get('/api/v1/admin/auth-policy');
      await admin.put(
        '/api/v1/admin/auth-policy',
        { mfaRequired: 'off', mfaRoles: [], stepUpMinutes: 10 },
        { headers: { 'if-match': now.headers.etag as string } },
      );
    }
  });

  it('removes a factor and regenerates recovery codes (old ones void), audited', async () => {
    const { email } = await newStaff();
    const session = await passwordLogin(app, email);
    const { recoveryCodes, factor } = await enrolTotpRaw(session);
    const regen = await session.request('POST', '/api/v1/me/recovery-codes');
    expect(regen.statusCode, regen.body).toBe(200);
    const codes = regen.json().codes as string[];
    expect(codes).toHaveLength(10);
    expect(codes).not.toContain(recoveryCodes![0]);
    const pending = await passwordLogin(app, email);
    const old = await pending.request('POST', '/api/v1/auth/mfa/recovery', {
      code: recoveryCodes![0],
    });
    expect(old.statusCode).toBe(401);
    const removed = await session.request('DELETE', `/api/v1/me/factors/${factor.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const after = (await session.request('GET', '/api/v1/me/factors')).json<FactorList>();
    expect(after).toMatchObject({ items: [], recoveryCodesLeft: 0 });
    expect((await passwordLogin(app, email)).info.auth.stage).toBe('complete');
    const audit = await admin.get('/api/v1/audit/events', { query: { entityType: 'user_factor' } });
    const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['factor.added', 'factor.removed']));
  });

  describe('another user', () => {
    it('cannot remove a factor that is not theirs (404)', async () => {
      const { email } = await newStaff();
      const owner = await passwordLogin(app, email);
      const { factor } = await enrolTotpRaw(owner);
      const { email: otherEmail } = await newStaff();
      const other = await passwordLogin(app, otherEmail);
      expect((await other.request('DELETE', `/api/v1/me/factors/${factor.id}`)).statusCode).toBe(
        404,
      );
    });
  });
});

/** enrolTotp over a raw session (the test Client type needs a complete log-in). */
async function enrolTotpRaw(session: Awaited<ReturnType<typeof passwordLogin>>) {
  const start = (await session.request('POST', '/api/v1/me/factors/totp')).json();
  const res = await session.request('POST', '/api/v1/me/factors/totp/confirm', {
    flowId: start.flowId,
    code: totpCode(start.secret),
    label: 'Phone',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...res.json(), secret: start.secret as string } as {
    secret: string;
    factor: { id: string };
    recoveryCodes: string[] | null;
  };
}
