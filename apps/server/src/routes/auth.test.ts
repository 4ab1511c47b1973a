import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  addOrganization,
  createUser,
  createUserAndLogin,
  login,
  tokenClient,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const loginRequest = (app: App, email: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
  });

describeEachDatabase('authentication and sessions', (ctx) => {
  let app: App;
  let admin: Client;
  const adminEmail = uniqueEmail('first-admin');

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
  });
  afterAll(() => app.close());

  const db = () => ctx.database.db;

  describe('first-run set-up', () => {
    it('says set-up is needed on an empty database', async () => {
      const res = await app.inject('/api/v1/setup');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ needed: true });
    });

    it('creates the organization once, even when two set-ups race; the winner is signed in', async () => {
      const setup = (email: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: {
            organizationName: 'Mamoru Test Org',
            displayName: 'First Admin',
            email,
            password: TEST_PASSWORD,
            locale: 'en',
          },
        });
      const [a, b] = await Promise.all([setup(adminEmail), setup(uniqueEmail('rival'))]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses).toEqual([201, 409]);
      const won = a.statusCode === 201 ? a : b;
      const lost = a.statusCode === 201 ? b : a;
      expect(lost.json()).toMatchObject({
        code: 'setup_done',
        title: expect.stringMatching(/already set up/),
      });
      expect(won.json()).toMatchObject({
        user: { displayName: 'First Admin', roles: ['admin', 'isms_manager'] },
        organization: { name: 'Mamoru Test Org' },
        csrfToken: expect.any(String),
      });
      const cookie = won.cookies.find((c) => c.name === 'mamoru_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.value).toMatch(/^[\w-]{40,}$/);
      // Whoever won, sign in as the first administrator for the rest of the suite.
      const winnerEmail = won.json().user.email as string;
      admin = await login(app, winnerEmail);
    });

    it('refuses a second set-up (409) and reports set-up as done', async () => {
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          organizationName: 'Second',
          displayName: 'Second Admin',
          email: uniqueEmail('second'),
          password: TEST_PASSWORD,
        },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('setup_done');
      expect((await app.inject('/api/v1/setup')).json()).toEqual({ needed: false });
    });
  });

  describe('log-in throttling', () => {
    let throttled: App;
    const WINDOW = 2;
    const MAX = 3;
    beforeAll(async () => {
      // The growing delay is tested in the domain (throttle.test.ts), with a recorded clock.
      throttled = await buildTestApp(ctx.database, {
        loginWindowSeconds: WINDOW,
        loginMaxFailures: MAX,
        loginMaxDelaySeconds: 0,
      });
    });
    afterAll(() => throttled.close());

    it('answers 429 to the account and address pair after the configured failures, even to the right password, until the window passes', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof loginRequest>> | undefined;
      for (let i = 0; i < 10; i += 1) {
        last = await loginRequest(throttled, email, `Wrong-Password-${i}-xyz`);
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([...Array(MAX).fill(401), ...Array(10 - MAX).fill(429)]);
      const problem = last!.json();
      expect(problem.code).toBe('login_throttled');
      expect(problem.title).toMatch(
        /^Too many failed sign-in attempts\. Try again in [12] seconds\.$/,
      );

      expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);

      const right = await loginRequest(throttled, email, TEST_PASSWORD);
      expect(right.statusCode).toBe(429);

      // The owner, from another address, is not locked out by someone else's guesses.
      const owner = await loginRequest(throttled, email, TEST_PASSWORD, '203.0.113.7');
      expect(owner.statusCode).toBe(200);
      // Nor is another account from the guessing address.
      const { email: other } = await createUser(admin, { roles: ['staff'] });
      expect((await loginRequest(throttled, other, TEST_PASSWORD)).statusCode).toBe(200);

      await sleep(WINDOW * 1000 + 300);
      const after = await loginRequest(throttled, email, TEST_PASSWORD);
      expect(after.statusCode).toBe(200);
    });

    it('checks at most the configured number of passwords when guesses arrive in parallel', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          loginRequest(throttled, email, `Parallel-Guess-${i}-q`),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      await sleep(WINDOW * 1000 + 300);
    });

    it('tells a wrong password and an unknown account apart in no way', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const wrong = await loginRequest(app, email, 'Not-The-Password-42');
      const unknown = await loginRequest(app, uniqueEmail('nobody'), 'Not-The-Password-42');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toEqual({ ...wrong.json() });
    });
  });

  describe('sessions', () => {
    it('refuses an unsafe request without the CSRF token (403 csrf_failed)', async () => {
      const user = await createUserAndLogin(admin, { roles: ['staff'] });
      const missing = await user.patch('/api/v1/me', { displayName: 'No token' }, { csrf: false });
      expect(missing.statusCode).toBe(403);
      expect(missing.json()).toMatchObject({
        code: 'csrf_failed',
        title: expect.stringMatching(/CSRF/),
      });
      const wrong = await user.patch(
        '/api/v1/me',
        { displayName: 'Wrong token' },
        { csrf: false, headers: { 'x-csrf-token': 'forged' } },
      );
      expect(wrong.statusCode).toBe(403);
      const right = await user.patch('/api/v1/me', { displayName: 'With token' });
      expect(right.statusCode).toBe(200);
      expect(right.json().displayName).toBe('With token');
    });

    it('ends the session on log-out: the cookie no longer works', async () => {
      const user = await createUserAndLogin(admin, { roles: ['staff'] });
      expect((await user.get('/api/v1/auth/session')).statusCode).toBe(200);
      const out = await user.post('/api/v1/auth/logout');
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'mamoru_session');
      expect(cleared?.value).toBe('');
      const res = await user.get('/api/v1/auth/session');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    });

    it('logs out everywhere: every session of the user ends', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const laptop = await login(app, email);
      const phone = await login(app, email);
      const other = await createUserAndLogin(admin, { roles: ['staff'] });
      expect((await laptop.get('/api/v1/me/sessions')).json().items).toHaveLength(2);
      expect((await laptop.post('/api/v1/auth/logout', { everywhere: true })).statusCode).toBe(204);
      expect((await phone.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(401);
      // Someone else's session is not touched.
      expect((await other.get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('ends one chosen session of the caller', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const laptop = await login(app, email);
      const phone = await login(app, email);
      const list = (await laptop.get('/api/v1/me/sessions')).json().items as {
        id: string;
        current: boolean;
      }[];
      expect(list.filter((s) => s.current)).toEqual([
        expect.objectContaining({ id: sha256(laptop.sessionToken) }),
      ]);
      const res = await laptop.delete(`/api/v1/me/sessions/${sha256(phone.sessionToken)}`);
      expect(res.statusCode).toBe(204);
      expect((await phone.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await laptop.get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('expires an idle session (401) but keeps a recently used one', async () => {
      const idle = await createUserAndLogin(admin, { roles: ['staff'] });
      const busy = await createUserAndLogin(admin, { roles: ['staff'] });
      const idleMinutes = app.config.sessionIdleMinutes;
      await db().execute(
        sql`update sessions set last_seen_at = now() - make_interval(mins => ${idleMinutes + 1})
            where id = ${sha256(idle.sessionToken)}`,
      );
      await db().execute(
        sql`update sessions set last_seen_at = now() - make_interval(mins => ${idleMinutes - 2})
            where id = ${sha256(busy.sessionToken)}`,
      );
      expect((await idle.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await busy.get('/api/v1/auth/session')).statusCode).toBe(200);
    });

    it('expires a session at its absolute lifetime', async () => {
      const user = await createUserAndLogin(admin, { roles: ['staff'] });
      await db().execute(
        sql`update sessions set expires_at = now() - interval '1 second'
            where id = ${sha256(user.sessionToken)}`,
      );
      expect((await user.get('/api/v1/auth/session')).statusCode).toBe(401);
    });

    it('signs a deactivated user out at once and refuses their log-in', async () => {
      const { user, email } = await createUser(admin, { roles: ['staff'] });
      const session = await login(app, email);
      const res = await admin.patch(
        `/api/v1/users/${user.id}`,
        { active: false },
        { headers: { 'if-match': `"${user.version}"` } },
      );
      expect(res.statusCode).toBe(200);
      expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await loginRequest(app, email, TEST_PASSWORD)).statusCode).toBe(401);
    });

    it('changing the password ends the other sessions and replaces the password', async () => {
      const { email } = await createUser(admin, { roles: ['staff'] });
      const here = await login(app, email);
      const elsewhere = await login(app, email);
      const newPassword = 'Marble-Comet-Harbor-8842';
      const wrong = await here.post('/api/v1/me/password', {
        currentPassword: 'Not-My-Password-99',
        newPassword,
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().errors).toEqual([
        expect.objectContaining({ field: 'currentPassword', code: 'password_wrong' }),
      ]);
      const res = await here.post('/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(res.statusCode).toBe(204);
      expect((await elsewhere.get('/api/v1/auth/session')).statusCode).toBe(401);
      expect((await here.get('/api/v1/auth/session')).statusCode).toBe(200);
      expect((await loginRequest(app, email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await loginRequest(app, email, newPassword)).statusCode).toBe(200);
    });

    it('keeps at least one active administrator', async () => {
      const me = await admin.get(`/api/v1/users/${admin.user.id}`);
      const res = await admin.patch(
        `/api/v1/users/${admin.user.id}`,
        { roles: ['isms_manager'] },
        { headers: { 'if-match': String(me.headers.etag) } },
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('last_admin');
    });
  });

  describe('password rules', () => {
    const newUser = (password: string, extra: Record<string, unknown> = {}) =>
      admin.post('/api/v1/users', {
        email: uniqueEmail('pw'),
        displayName: 'Password Tester',
        password,
        roles: ['staff'],
        ...extra,
      });

    it('rejects a short password, naming the password field', async () => {
      // The length rule lives in the request schema (contracts), so a short
      // password is a 400 schema error on `body.password`, not the domain's 422.
      for (const password of ['Sh0rt-pw', 'Eleven-Ch4r', '🔐🗝️🔑🛡️🧱🚪']) {
        const short = await newUser(password);
        expect(short.statusCode, password).toBe(400);
        expect(short.json().errors).toEqual([
          expect.objectContaining({
            field: 'body.password',
            code: 'too_small',
            message: expect.stringMatching(/12/),
          }),
        ]);
      }
      // Twelve characters that are hard to guess are enough.
      expect((await newUser('Kx8vQ2rLm7sT')).statusCode).toBe(201);
    });

    it('rejects common passwords, also with repetition or digit tails (422 naming `password`)', async () => {
      for (const password of [
        '123456789012',
        'passwordpassword',
        'password1234',
        'Password1234!!',
        'qwertyuiop123',
        'abababababababab',
      ]) {
        const res = await newUser(password);
        expect(res.statusCode, password).toBe(422);
        expect(res.json().errors).toEqual([
          expect.objectContaining({
            field: 'password',
            code: 'password_weak',
            message: expect.stringMatching(/easy to guess/),
          }),
        ]);
      }
    });

    it('rejects a password containing the user’s, the organization’s or the product’s name', async () => {
      const personal = await newUser('xx-PasswordTester-2026', { displayName: 'PasswordTester' });
      expect(personal.statusCode).toBe(422);
      expect(personal.json().errors[0]).toMatchObject({
        field: 'password',
        code: 'password_personal',
      });
      const hoshizora = await addOrganization(app, { name: 'Hoshizora Logistics' });
      for (const password of ['Hoshizora-Velvet-Orbit-71', 'Mamoru-Velvet-Orbit-71']) {
        const res = await hoshizora.admin.post('/api/v1/users', {
          email: uniqueEmail('pw'),
          displayName: 'Password Tester',
          password,
          roles: ['staff'],
        });
        expect(res.statusCode, password).toBe(422);
        expect(res.json().errors[0]).toMatchObject({
          field: 'password',
          code: 'password_personal',
        });
      }
    });

    it('applies the same rules to a password change (naming `newPassword`)', async () => {
      const user = await createUserAndLogin(admin, { roles: ['staff'] });
      const res = await user.post('/api/v1/me/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'password1234',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: 'newPassword', code: 'password_weak' }),
      ]);
    });
  });

  describe('the user’s language', () => {
    it('words problems in the signed-in user’s language, whatever the browser asks for', async () => {
      const english = await createUserAndLogin(admin, { roles: ['staff'], locale: 'en' });
      const japanese = await createUserAndLogin(admin, { roles: ['staff'], locale: 'ja' });
      const headers = { 'accept-language': 'ja' };
      const en = await english.get('/api/v1/audit/events', { headers });
      expect(en.statusCode).toBe(403);
      expect(en.json().title).toBe('You do not have permission for this action.');
      const ja = await japanese.get('/api/v1/audit/events', {
        headers: { 'accept-language': 'en' },
      });
      expect(ja.statusCode).toBe(403);
      expect(ja.json().title).toBe('この操作を行う権限がありません。');

      // Switching the profile language switches the messages.
      expect((await english.patch('/api/v1/me', { locale: 'ja' })).statusCode).toBe(200);
      expect((await english.get('/api/v1/audit/events')).json().title).toBe(
        'この操作を行う権限がありません。',
      );
    });

    it('uses Accept-Language for anonymous callers', async () => {
      const res = await app.inject({
        url: '/api/v1/users',
        headers: { 'accept-language': 'ja-JP,ja;q=0.9' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().title).toBe('サインインしていません。');
    });
  });

  describe('API tokens', () => {
    it('act with a subset of the creator’s rights, are refused outside it, and stop when revoked', async () => {
      const created = await admin.post('/api/v1/tokens', {
        name: 'reporting script',
        permissions: ['isms:read', 'users:read'],
        expiresInDays: 30,
      });
      expect(created.statusCode).toBe(201);
      const { token: secret, id } = created.json();
      expect(secret).toMatch(/^mamoru_pat_/);
      const listed = (await admin.get('/api/v1/tokens')).json().items;
      expect(listed).toContainEqual(
        expect.objectContaining({ id, permissions: ['isms:read', 'users:read'], revokedAt: null }),
      );
      expect(JSON.stringify(listed)).not.toContain(secret);

      const bearer = tokenClient(app, secret);
      expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
      expect((await bearer.get('/api/v1/roles')).statusCode).toBe(200);
      // The admin may read the audit trail and manage users; the token may not.
      const audit = await bearer.get('/api/v1/audit/events');
      expect(audit.statusCode).toBe(403);
      expect(audit.json().code).toBe('forbidden');
      const write = await bearer.post('/api/v1/users', {
        email: uniqueEmail('by-token'),
        displayName: 'By token',
        password: TEST_PASSWORD,
        roles: ['staff'],
      });
      expect(write.statusCode).toBe(403);
      const org = await bearer.patch(
        '/api/v1/organization',
        { name: 'By token' },
        {
          headers: { 'if-match': '"1"' },
        },
      );
      expect(org.statusCode).toBe(403);

      const revoked = await admin.delete(`/api/v1/tokens/${id}`);
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revokedAt).toEqual(expect.any(String));
      const after = await bearer.get('/api/v1/users');
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('token_invalid');
    });

    it('write inside their subset without a CSRF token (no cookie involved)', async () => {
      const created = await admin.post('/api/v1/tokens', {
        name: 'org admin script',
        permissions: ['organization:read', 'organization:manage'],
      });
      const bearer = tokenClient(app, created.json().token);
      const current = await bearer.get('/api/v1/organization');
      const res = await bearer.patch(
        '/api/v1/organization',
        { name: 'Renamed by token' },
        {
          headers: { 'if-match': String(current.headers.etag) },
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe('Renamed by token');
    });

    it('cannot be created by a token, nor with rights the creator lacks', async () => {
      const created = await admin.post('/api/v1/tokens', {
        name: 'all I have',
        permissions: ['isms:read'],
      });
      const bearer = tokenClient(app, created.json().token);
      const res = await bearer.post('/api/v1/tokens', {
        name: 'child',
        permissions: ['isms:read'],
      });
      expect(res.statusCode).toBe(403);
      // Creating a token is a sensitive action: only a person at a browser steps up for it.
      expect(res.json().code).toBe('step_up_unavailable');

      const staff = await createUserAndLogin(admin, { roles: ['staff'] });
      const escalate = await staff.post('/api/v1/tokens', {
        name: 'escalate',
        permissions: ['users:manage'],
      });
      expect(escalate.statusCode).toBe(422);
      expect(escalate.json().errors[0]).toMatchObject({
        field: 'permissions',
        code: 'permission_not_held',
      });
      const unknown = await staff.post('/api/v1/tokens', { name: 'x', permissions: ['root'] });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0].code).toBe('permission_unknown');
    });

    it('refuses an unknown bearer token with 401', async () => {
      for (const secret of ['mamoru_pat_not-a-real-token', 'something-else']) {
        const res = await tokenClient(app, secret).get('/api/v1/roles');
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('token_invalid');
      }
    });
  });

  describe('HTTP hygiene', () => {
    it('sends security headers', async () => {
      const res = await app.inject('/api/v1/version');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });

    it('guards updates with ETag/If-Match: 428 without, 412 when stale, 200 with a new ETag', async () => {
      const read = await admin.get('/api/v1/organization');
      const etag = String(read.headers.etag);
      const version = read.json().version as number;
      expect(etag).toBe(`"${version}"`);

      const without = await admin.patch('/api/v1/organization', { name: 'No precondition' });
      expect(without.statusCode).toBe(428);
      expect(without.json().code).toBe('if_match_required');
      const stale = await admin.patch(
        '/api/v1/organization',
        { name: 'Stale' },
        {
          headers: { 'if-match': `"${version - 1}"` },
        },
      );
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('stale_version');

      const ok = await admin.patch(
        '/api/v1/organization',
        { name: 'Current' },
        {
          headers: { 'if-match': etag },
        },
      );
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe(`"${version + 1}"`);
      expect(ok.json()).toMatchObject({ name: 'Current', version: version + 1 });
      // The ETag just used is now stale.
      const replay = await admin.patch(
        '/api/v1/organization',
        { name: 'Replay' },
        {
          headers: { 'if-match': etag },
        },
      );
      expect(replay.statusCode).toBe(412);
    });

    it('lets exactly one of two concurrent updates with the same ETag win', async () => {
      const etag = String((await admin.get('/api/v1/organization')).headers.etag);
      const [a, b] = await Promise.all(
        ['First writer', 'Second writer'].map((name) =>
          admin.patch('/api/v1/organization', { name }, { headers: { 'if-match': etag } }),
        ),
      );
      expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 412]);
      const winner = a!.statusCode === 200 ? a! : b!;
      const now = await admin.get('/api/v1/organization');
      expect(now.json().name).toBe(winner.json().name);
    });
  });
});
