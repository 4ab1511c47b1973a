import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SessionInfo } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import {
  SoftwareAuthenticator,
  passkeyOptions,
  registerPasskey,
  type Ceremony,
} from '../testing/webauthn.ts';

describeEachDatabase('authentication: WebAuthn', (ctx) => {
  let app: App;
  let admin: Client;

  const auditActions = async (organizationId: string, entityId: string) =>
    (
      await queryRows<{ action: string }>(
        ctx.database.db,
        sql`select action from audit_events
            where organization_id = ${organizationId} and entity_id = ${entityId} order by seq`,
      )
    ).map((r) => r.action);

  /** A staff member of organization A with one passkey, signed in again (stage 'mfa'). */
  const userWithPasskey = async () => {
    const { email } = await createUser(admin, { roles: ['staff'] });
    const first = await login(app, email);
    const { res, authenticator } = await registerPasskey(first);
    expect(res.statusCode, res.body).toBe(201);
    const client = await login(app, email);
    return { email, authenticator, client };
  };

  beforeAll(async () => {
    // The refusals below would otherwise meet the factor throttle (tested with TOTP).
    app = await buildTestApp(ctx.database, { loginMaxFailures: 50, loginMaxDelaySeconds: 0 });
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('registers a passkey: recovery codes with the first, the existing ones excluded', async () => {
    const { email } = await createUser(admin, { roles: ['staff'] });
    const client = await login(app, email);
    const first = await registerPasskey(client);
    expect(first.res.statusCode, first.res.body).toBe(201);
    expect(first.options).toMatchObject({
      rp: { id: 'localhost', name: 'Mamoru' },
      user: { name: email },
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const added = first.res.json<{ factor: { id: string }; recoveryCodes: string[] }>();
    expect(added.factor).toMatchObject({ kind: 'webauthn', label: 'Laptop', lastUsedAt: null });
    expect(added.recoveryCodes).toHaveLength(10);
    expect(await auditActions(client.organization.id, added.factor.id)).toEqual(['factor.added']);

    const second = await registerPasskey(client, new SoftwareAuthenticator(), 'Security key');
    expect(second.res.statusCode, second.res.body).toBe(201);
    expect(second.res.json().recoveryCodes).toBeNull();
    expect(second.options.excludeCredentials?.map((c) => c.id)).toEqual([first.authenticator.id]);

    // The same authenticator again: already registered.
    const again = await registerPasskey(client, first.authenticator);
    expect(again.res.statusCode).toBe(409);
    expect(again.res.json().code).toBe('webauthn_credential_exists');

    const list = (await client.get('/api/v1/me/factors')).json<{ items: { kind: string }[] }>();
    expect(list.items.map((f) => f.kind)).toEqual(['webauthn', 'webauthn']);
  });

  it('signs in with the passkey as second factor and stores the signature counter', async () => {
    const { authenticator, client } = await userWithPasskey();
    expect((await client.get('/api/v1/auth/session')).json<SessionInfo>().auth.stage).toBe('mfa');
    expect((await client.get('/api/v1/tokens')).json().code).toBe('mfa_required');

    const { flowId, options } = await passkeyOptions(client);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(options.rpId).toBe('localhost');
    const res = await client.post('/api/v1/auth/mfa/webauthn', {
      flowId,
      response: authenticator.authenticate(options),
    });
    expect(res.statusCode, res.body).toBe(200);
    const info = res.json<SessionInfo>();
    expect(info.auth).toMatchObject({ stage: 'complete', mfaMethod: 'webauthn' });
    expect(Object.keys(info.permissions).length).toBeGreaterThan(0);
    expect((await client.get('/api/v1/tokens')).statusCode).toBe(200);
    expect(await auditActions(client.organization.id, client.user.id)).toContain(
      'session.mfa_verified',
    );
    const [factor] = await queryRows<{ sign_count: number; last_used_at: Date | null }>(
      ctx.database.db,
      sql`select sign_count, last_used_at from user_factors where credential_id = ${authenticator.id}`,
    );
    expect(Number(factor!.sign_count)).toBe(authenticator.counter);
    expect(factor!.last_used_at).not.toBeNull();

    // The flow is spent: the same answer again is refused.
    const replay = await client.post('/api/v1/auth/mfa/webauthn', {
      flowId,
      response: authenticator.authenticate(options),
    });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('mfa_not_pending');
  });

  it('refuses a replayed flow, a wrong challenge, a wrong origin and a cloned counter', async () => {
    const { authenticator, client, email } = await userWithPasskey();
    const answer = async (ceremony: Ceremony, response: unknown) =>
      client.post('/api/v1/auth/mfa/webauthn', { flowId: ceremony.flowId, response });

    const wrongChallenge = await passkeyOptions(client);
    const res1 = await answer(
      wrongChallenge,
      authenticator.authenticate(wrongChallenge.options, { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }),
    );
    expect(res1.statusCode).toBe(401);
    expect(res1.json().code).toBe('webauthn_failed');
    // Used once, whatever the outcome: the right answer to the same flow is now too late.
    const res2 = await answer(wrongChallenge, authenticator.authenticate(wrongChallenge.options));
    expect(res2.json().code).toBe('webauthn_flow_invalid');

    const wrongOrigin = await passkeyOptions(client);
    const res3 = await answer(
      wrongOrigin,
      authenticator.authenticate(wrongOrigin.options, { origin: 'https://evil.example' }),
    );
    expect(res3.json().code).toBe('webauthn_failed');

    const unknownFlow = await answer(
      { ...wrongOrigin, flowId: 'no-such-flow' },
      authenticator.authenticate(wrongOrigin.options),
    );
    expect(unknownFlow.json().code).toBe('webauthn_flow_invalid');
    expect((await client.get('/api/v1/auth/session')).json<SessionInfo>().auth.stage).toBe('mfa');

    // Five minutes to answer: a lapsed flow is refused like an unknown one.
    const lapsed = await passkeyOptions(client);
    await ctx.database.db.execute(
      sql`update auth_flows set expires_at = now() - interval '1 second'
          where user_id = ${client.user.id} and kind = 'webauthn_login'`,
    );
    const late = await answer(lapsed, authenticator.authenticate(lapsed.options));
    expect(late.json().code).toBe('webauthn_flow_invalid');

    const good = await passkeyOptions(client);
    const ok = await answer(good, authenticator.authenticate(good.options));
    expect(ok.statusCode, ok.body).toBe(200);

    // A copy of the key that signs with a counter behind the stored one is a clone.
    const again = await login(app, email);
    const cloned = await passkeyOptions(again);
    authenticator.counter = 0; // authenticate() makes it 1, behind what was stored
    const res4 = await again.post('/api/v1/auth/mfa/webauthn', {
      flowId: cloned.flowId,
      response: authenticator.authenticate(cloned.options),
    });
    expect(res4.json().code).toBe('webauthn_failed');
  });

  it("refuses another user's credential and another user's flow", async () => {
    const alice = await userWithPasskey();
    const bob = await userWithPasskey();
    const ceremony = await passkeyOptions(alice.client);
    // Bob's authenticator signs Alice's challenge: not one of Alice's credentials.
    const res = await alice.client.post('/api/v1/auth/mfa/webauthn', {
      flowId: ceremony.flowId,
      response: bob.authenticator.authenticate(ceremony.options),
    });
    expect(res.json().code).toBe('webauthn_failed');
    // Bob answers a flow Alice began (the flow ID leaked): not his.
    const aliceFlow = await passkeyOptions(alice.client);
    const stolen = await bob.client.post('/api/v1/auth/mfa/webauthn', {
      flowId: aliceFlow.flowId,
      response: bob.authenticator.authenticate(aliceFlow.options),
    });
    expect(stolen.json().code).toBe('webauthn_flow_invalid');
    expect((await bob.client.get('/api/v1/auth/session')).json<SessionInfo>().auth.stage).toBe(
      'mfa',
    );
  });

  it('keeps an mfa session from adding a passkey, and tokens from using one', async () => {
    const { client } = await userWithPasskey();
    const res = await client.post('/api/v1/me/factors/webauthn/options');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('mfa_required');
    expect((await client.post('/api/v1/auth/step-up/webauthn/options')).statusCode).toBe(403);

    const created = await admin.post('/api/v1/tokens', {
      name: 'automation',
      permissions: ['isms:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json<{ token: string }>().token;
    for (const url of [
      '/api/v1/me/factors/webauthn/options',
      '/api/v1/auth/step-up/webauthn/options',
    ]) {
      const refused = await app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().code).toBe('webauthn_session_required');
    }
  });

  it('steps up with a passkey before a sensitive action', async () => {
    const { email } = await createUser(admin, { roles: ['staff'] });
    const client = await login(app, email);
    const { authenticator } = await registerPasskey(client);
    // The sign-in is an hour old: creating an API token asks for a step-up.
    await ctx.database.db.execute(
      sql`update sessions set authenticated_at = now() - interval '1 hour'
          where user_id = ${client.user.id}`,
    );
    const session = (await client.get('/api/v1/auth/session')).json<SessionInfo>();
    const token = {
      name: 'nightly export',
      permissions: Object.keys(session.permissions).slice(0, 1),
    };
    const stale = await client.post('/api/v1/tokens', token);
    expect(stale.json().code).toBe('step_up_required');

    const { flowId, options } = await passkeyOptions(client, 'step-up');
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    const res = await client.post('/api/v1/auth/step-up', {
      webauthn: { flowId, response: authenticator.authenticate(options) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await client.post('/api/v1/tokens', token)).statusCode).toBe(201);
    const replay = await client.post('/api/v1/auth/step-up', {
      webauthn: { flowId, response: authenticator.authenticate(options) },
    });
    expect(replay.json().code).toBe('webauthn_flow_invalid');
    expect(await auditActions(client.organization.id, client.user.id)).toContain('session.step_up');

    // Another user's passkey does not step this user up.
    const other = await registerPasskey(admin);
    expect(other.res.statusCode, other.res.body).toBe(201);
    const ceremony = await passkeyOptions(client, 'step-up');
    const foreign = await client.post('/api/v1/auth/step-up', {
      webauthn: {
        flowId: ceremony.flowId,
        response: other.authenticator.authenticate(ceremony.options),
      },
    });
    expect(foreign.json().code).toBe('webauthn_failed');
  });

  it('enrols a passkey as the first factor when the policy requires one', async () => {
    const { organization, admin: adminB } = await addOrganization(app, { name: 'Enrol Co' });
    const { email } = await createUser(adminB, { roles: ['staff'] });
    await ctx.database.db.execute(
      sql`insert into auth_policies (organization_id, mfa_required) values (${organization.id}, 'all')`,
    );
    const client = await login(app, email);
    expect((await client.get('/api/v1/auth/session')).json<SessionInfo>().auth.stage).toBe(
      'mfa_enrol',
    );
    // Before enrolment only the enrolment routes answer; no passkey to sign in with yet.
    expect((await client.get('/api/v1/tokens')).json().code).toBe('mfa_enrolment_required');
    expect((await client.post('/api/v1/auth/mfa/webauthn/options')).statusCode).toBe(403);
    const { res } = await registerPasskey(client);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().recoveryCodes).toHaveLength(10);
    const info = (await client.get('/api/v1/auth/session')).json<SessionInfo>();
    expect(info.auth).toMatchObject({ stage: 'complete', mfaMethod: 'webauthn' });
    expect((await client.get('/api/v1/tokens')).statusCode).toBe(200);
  });

  it('keeps organizations apart: a flow or credential of A is worthless in B', async () => {
    const alice = await userWithPasskey();
    const { admin: adminB } = await addOrganization(app, { name: 'Other Co' });
    const { email } = await createUser(adminB, { roles: ['staff'] });
    const first = await login(app, email);
    const carol = new SoftwareAuthenticator();
    expect((await registerPasskey(first, carol)).res.statusCode).toBe(201);
    const carolClient = await login(app, email);

    const aliceFlow = await passkeyOptions(alice.client);
    const crossFlow = await carolClient.post('/api/v1/auth/mfa/webauthn', {
      flowId: aliceFlow.flowId,
      response: carol.authenticate(aliceFlow.options),
    });
    expect(crossFlow.json().code).toBe('webauthn_flow_invalid');

    const carolFlow = await passkeyOptions(carolClient);
    expect(carolFlow.options.allowCredentials?.map((c) => c.id)).toEqual([carol.id]);
    const crossCredential = await carolClient.post('/api/v1/auth/mfa/webauthn', {
      flowId: carolFlow.flowId,
      response: alice.authenticator.authenticate(carolFlow.options),
    });
    expect(crossCredential.json().code).toBe('webauthn_failed');
    // A's credential cannot be registered in B either (credential IDs are unique everywhere).
    const adminBPasskey = await registerPasskey(adminB, alice.authenticator);
    expect(adminBPasskey.res.json().code).toBe('webauthn_credential_exists');
  });
});

describeEachDatabase('authentication: WebAuthn behind MAMORU_PUBLIC_URL', (ctx) => {
  let app: App;
  let admin: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { publicUrl: 'https://isms.example.test' });
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('uses the public host as rp ID and its origin, not the request host', async () => {
    const authenticator = new SoftwareAuthenticator({ origin: 'https://isms.example.test' });
    const { res, options } = await registerPasskey(admin, authenticator);
    expect(res.statusCode, res.body).toBe(201);
    expect(options.rp.id).toBe('isms.example.test');

    const local = new SoftwareAuthenticator({ origin: 'http://localhost' });
    const refused = await registerPasskey(admin, local);
    expect(refused.res.statusCode).toBe(401);
    expect(refused.res.json().code).toBe('webauthn_failed');
  });
});
