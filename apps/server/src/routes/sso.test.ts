import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IdentityProvider, SessionInfo, User } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import type { Config } from '../config.ts';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  addOrganization,
  createUser,
  setupOrganization,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';
import { signInThroughIdp, startOidcIdp, type OidcIdp } from '../testing/oidc-idp.ts';

const PUBLIC_URL = 'http://mamoru.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/sso/oidc/callback`;
const SECRET = 'client-secret-of-the-test-idp';

/** OIDC sign-in end to end against an in-process OpenID provider (testing/oidc-idp.ts). */
describeEachDatabase('single sign-on: OIDC sign-in', (ctx) => {
  let app: App;
  let idp: OidcIdp;
  let admin: Client;
  let provider: IdentityProvider;
  const domain = `sso-${Date.now().toString(36)}.example.test`;
  const at = (label: string) => `${uniqueEmail(label).split('@')[0]}@${domain}`;

  const session = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
  const change = async (body: Record<string, unknown>) => {
    const current = (await admin.get(`/api/v1/admin/identity-providers/${provider.id}`)).json();
    const res = await admin.put(
      `/api/v1/admin/identity-providers/${provider.id}`,
      { kind: 'oidc', ...body },
      { headers: { 'if-match': `"${current.version}"` } },
    );
    expect(res.statusCode, res.body).toBe(200);
    provider = res.json();
  };
  const securityReasons = async () => {
    const res = await admin.get('/api/v1/audit/security-events?limit=500');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { kind: string; reason: string }[] }>().items;
  };

  beforeAll(async () => {
    idp = await startOidcIdp({
      clients: [{ clientId: 'mamoru', clientSecret: SECRET, redirectUris: [CALLBACK] }],
    });
    app = await buildTestApp(ctx.database, { publicUrl: PUBLIC_URL } as Partial<Config>);
    ({ admin } = await setupOrganization(app));
    const res = await admin.post('/api/v1/admin/identity-providers', {
      kind: 'oidc',
      name: 'Test IdP',
      emailDomains: [domain],
      groupRoles: [
        { group: 'ISMS-Managers', roles: ['isms_manager'] },
        { group: 'Admins', roles: ['admin'] },
      ],
      settings: { issuer: idp.issuer, clientId: 'mamoru' },
      clientSecret: SECRET,
    });
    expect(res.statusCode, res.body).toBe(201);
    provider = res.json();
  });
  afterAll(async () => {
    await app.close();
    await idp.close();
  });

  it('links an existing user by email and signs them in with a code flow (PKCE, state, nonce)', async () => {
    const { user, email } = await createUser(admin, { roles: ['staff'], email: at('linked') });
    idp.addAccount({ sub: 'linked-1', email, name: 'Linked', groups: ['ISMS-Managers'] });
    const start = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${provider.id}/start`,
    });
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const trip = await signInThroughIdp(app, idp, provider.id, 'linked-1', { returnTo: '/risks' });
    expect(trip.callback.statusCode, trip.callback.body).toBe(302);
    expect(trip.callback.headers.location).toBe('/risks');
    const info = (await session(trip.sessionCookie!)).json<SessionInfo>();
    expect(info.user.id).toBe(user.id);
    // The mapping adds what the groups give, and removes nothing.
    expect(info.user.roles.sort()).toEqual(['isms_manager', 'staff']);
    const after = (await admin.get(`/api/v1/admin/identity-providers/${provider.id}`)).json();
    expect(after.linkedUsers).toBe(1);

    // Linked by subject from now on, whatever the email says.
    idp.addAccount({ sub: 'linked-1', email: at('renamed'), groups: [] });
    const again = await signInThroughIdp(app, idp, provider.id, 'linked-1');
    expect(again.callback.headers.location).toBe('/');
    expect((await session(again.sessionCookie!)).json<SessionInfo>().user.id).toBe(user.id);
  });

  it('does not hold an SSO session to the password change an administrator asked for', async () => {
    const { user, email } = await createUser(admin, { roles: ['staff'], email: at('fresh') });
    // As an administrator-created account is before its first password log-in.
    await ctx.database.db.execute(
      sql`update users set must_change_password = true where id = ${user.id}`,
    );
    idp.addAccount({ sub: 'fresh-1', email, name: 'Fresh', groups: [] });
    const trip = await signInThroughIdp(app, idp, provider.id, 'fresh-1');
    const info = (await session(trip.sessionCookie!)).json<SessionInfo>();
    expect(info.user.passwordChangeRequired).toBe(false);
    const work = await app.inject({
      method: 'GET',
      url: '/api/v1/documents',
      headers: { cookie: trip.sessionCookie! },
    });
    expect(work.statusCode, work.body).toBe(200);
    // The password log-in itself still has to replace it.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.json<SessionInfo>().user.passwordChangeRequired).toBe(true);
  });

  it('refuses unknown users without JIT, and creates them with JIT', async () => {
    const email = at('new');
    idp.addAccount({ sub: 'new-1', email, name: 'New Person', groups: ['ISMS-Managers'] });
    const refused = await signInThroughIdp(app, idp, provider.id, 'new-1');
    expect(refused.callback.headers.location).toBe('/login?sso_error=sso_user_unknown');
    expect(refused.sessionCookie).toBeNull();
    expect(await securityReasons()).toContainEqual(
      expect.objectContaining({ kind: 'sso_failed', reason: 'sso_user_unknown' }),
    );

    await change({ jitProvisioning: true, defaultRoles: ['staff'] });
    const created = await signInThroughIdp(app, idp, provider.id, 'new-1');
    expect(created.callback.headers.location).toBe('/');
    const info = (await session(created.sessionCookie!)).json<SessionInfo>();
    expect(info.user).toMatchObject({ email, displayName: 'New Person' });
    expect(info.user.roles.sort()).toEqual(['isms_manager', 'staff']);
    // No password works for a user created at sign-in.
    const password = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(password.statusCode).toBe(401);
  });

  it('maps a privileged group to a role-grant request, never to the role itself', async () => {
    const email = at('boss');
    idp.addAccount({ sub: 'boss-1', email, groups: ['Admins'] });
    const trip = await signInThroughIdp(app, idp, provider.id, 'boss-1');
    expect(trip.callback.statusCode).toBe(302);
    const me = (await session(trip.sessionCookie!)).json<SessionInfo>();
    expect(me.user.roles).toEqual(['staff']);
    const user = (await admin.get(`/api/v1/users/${me.user.id}`)).json<User>();
    expect(user.pendingRoleGrant?.roles).toEqual(['admin']);
    // A second sign-in while the request waits opens no second one.
    await signInThroughIdp(app, idp, provider.id, 'boss-1');
    // The user cannot approve their own grant; another administrator can.
    const own = await app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${user.pendingRoleGrant!.approvalId}/decision`,
      headers: { cookie: trip.sessionCookie!, 'x-csrf-token': me.csrfToken },
      payload: { decision: 'approved' },
    });
    expect(own.statusCode).toBe(403);
    const decided = await admin.post(
      `/api/v1/approvals/${user.pendingRoleGrant!.approvalId}/decision`,
      { decision: 'approved' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const granted = (await admin.get(`/api/v1/users/${me.user.id}`)).json<User>();
    expect(granted.roles.sort()).toEqual(['admin', 'staff']);
  });

  it('refuses a wrong state, a replayed callback, a missing flow cookie and a nonce mismatch', async () => {
    const { email } = await createUser(admin, { roles: ['staff'], email: at('state') });
    idp.addAccount({ sub: 'state-1', email });
    const forged = await signInThroughIdp(app, idp, provider.id, 'state-1', {
      tamper: (url, cookie) => {
        url.searchParams.set('state', 'forged-state');
        return cookie;
      },
    });
    expect(forged.callback.headers.location).toBe('/login?sso_error=sso_state_invalid');

    const ok = await signInThroughIdp(app, idp, provider.id, 'state-1');
    expect(ok.callback.headers.location).toBe('/');
    const replay = await app.inject({
      method: 'GET',
      url: ok.callbackUrl.pathname + ok.callbackUrl.search,
      headers: { cookie: ok.flowCookie },
    });
    expect(replay.headers.location).toBe('/login?sso_error=sso_state_invalid');

    const cookieless = await signInThroughIdp(app, idp, provider.id, 'state-1', {
      tamper: () => '',
    });
    expect(cookieless.callback.headers.location).toBe('/login?sso_error=sso_state_invalid');

    // The nonce kept for the flow no longer matches the one in the ID token.
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${provider.id}/start` });
    await app.database.db.execute(
      sql`update auth_flows set data = jsonb_set(data, '{nonce}', '"not-the-nonce"') where kind = 'oidc'`,
    );
    const back = await idp.authorize(String(start.headers.location), 'state-1');
    const handle = start.cookies.find((c) => c.name === 'mamoru_sso')!.value;
    const mismatch = await app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { cookie: `mamoru_sso=${handle}` },
    });
    expect(mismatch.headers.location).toBe('/login?sso_error=sso_state_invalid');
    expect(mismatch.cookies.find((c) => c.name === 'mamoru_session' && c.value)).toBeUndefined();
  });

  it('refuses the email of another organization’s user and inactive users', async () => {
    const { admin: adminB } = await addOrganization(app, { name: 'Other org' });
    idp.addAccount({ sub: 'other-1', email: adminB.user.email });
    await change({ emailDomains: [] });
    const conflict = await signInThroughIdp(app, idp, provider.id, 'other-1');
    expect(conflict.callback.headers.location).toBe('/login?sso_error=sso_user_conflict');
    await change({ emailDomains: [domain] });

    const { user, email } = await createUser(admin, { roles: ['staff'], email: at('gone') });
    idp.addAccount({ sub: 'gone-1', email });
    const patched = await admin.patch(
      `/api/v1/users/${user.id}`,
      { active: false },
      { headers: { 'if-match': `"${user.version}"` } },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const inactive = await signInThroughIdp(app, idp, provider.id, 'gone-1');
    expect(inactive.callback.headers.location).toBe('/login?sso_error=sso_user_inactive');
  });

  it('turns password log-in off for linked users when the provider says so', async () => {
    const { email } = await createUser(admin, { roles: ['staff'], email: at('pw') });
    idp.addAccount({ sub: 'pw-1', email });
    const login = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
    expect((await login()).statusCode).toBe(200);
    await signInThroughIdp(app, idp, provider.id, 'pw-1');
    await change({ passwordLoginDisabled: true });
    const refused = await login();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('login_failed');
    expect(await securityReasons()).toContainEqual(
      expect.objectContaining({ kind: 'login_failed', reason: 'sso_only' }),
    );
    // Users not linked to the provider keep their passwords.
    const { email: other } = await createUser(admin, { roles: ['staff'] });
    const unlinked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: other, password: TEST_PASSWORD },
    });
    expect(unlinked.statusCode).toBe(200);
    await change({ passwordLoginDisabled: false });
  });

  it('lets the IdP’s MFA stand in for a second factor only when trusted', async () => {
    const { email } = await createUser(admin, { roles: ['staff'], email: at('mfa') });
    idp.addAccount({ sub: 'mfa-1', email, mfa: true });
    const policy = await admin.get('/api/v1/admin/auth-policy');
    const version = policy.headers.etag ?? '"1"';
    const strict = await admin.put(
      '/api/v1/admin/auth-policy',
      { mfaRequired: 'all', mfaRoles: [], stepUpMinutes: 10 },
      { headers: { 'if-match': String(version) } },
    );
    expect(strict.statusCode, strict.body).toBe(200);
    try {
      const untrusted = await signInThroughIdp(app, idp, provider.id, 'mfa-1', {
        returnTo: '/risks',
      });
      expect(untrusted.callback.headers.location).toBe('/login?mfa=1');
      await change({ trustIdpMfa: true });
      const trusted = await signInThroughIdp(app, idp, provider.id, 'mfa-1', {
        returnTo: '/risks',
      });
      expect(trusted.callback.headers.location).toBe('/risks');
    } finally {
      const now = await admin.get('/api/v1/admin/auth-policy');
      await admin.put(
        '/api/v1/admin/auth-policy',
        { mfaRequired: 'off', mfaRoles: [], stepUpMinutes: 10 },
        { headers: { 'if-match': String(now.headers.etag) } },
      );
      await change({ trustIdpMfa: false });
    }
  });

  it('sends a disabled or unknown provider back to the log-in page', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sso/00000000-0000-4000-8000-000000000000/start',
    });
    expect(unknown.headers.location).toBe('/login?sso_error=sso_provider_disabled');
    const bad = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${provider.id}/start?returnTo=//evil.example/x`,
    });
    // An off-site returnTo is dropped, not followed.
    expect(bad.statusCode).toBe(302);
    await change({ enabled: false });
    const disabled = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${provider.id}/start`,
    });
    expect(disabled.headers.location).toBe('/login?sso_error=sso_provider_disabled');
    await change({ enabled: true });
  });
});
