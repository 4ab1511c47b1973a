import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse as Response } from 'fastify';
import { SAML_DEFAULTS } from '@mamoru/contracts';
import * as ssoRepo from '@mamoru/db/repositories/sso';
import type { IdentityProviderRow } from '@mamoru/db/repositories/sso';
import { describeEachDatabase } from '@mamoru/db/testing';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  setupOrganization,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';
import {
  createTestSamlIdp,
  serveTestSamlIdp,
  type SamlResponseOptions,
  type SamlTestUser,
  type TestSamlIdp,
} from '../testing/saml-idp.ts';

describeEachDatabase('SAML sign-in', (ctx) => {
  let app: App;
  let admin: Client;
  let idp: TestSamlIdp;
  let provider: IdentityProviderRow;

  const addProvider = (
    organizationId: string,
    of: TestSamlIdp,
    values: Partial<IdentityProviderRow> = {},
  ) =>
    ssoRepo.insertProvider(app.database.db, {
      organizationId,
      kind: 'saml',
      name: 'Test IdP',
      settings: { ...SAML_DEFAULTS, ...of.settings({ clockSkewSeconds: 60 }) },
      jitProvisioning: true,
      defaultRoles: ['staff'],
      ...values,
    });

  /** GET …/start as a browser would; the AuthnRequest the IdP would receive. */
  async function start(p: { id: string }, of: TestSamlIdp = idp, returnTo?: string) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${p.id}/start`,
      ...(returnTo ? { query: { returnTo } } : {}),
    });
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toMatch(new RegExp(`^${of.entryPoint}\\?SAMLRequest=`));
    const request = of.readRequest(String(res.headers.location));
    expect(request.acsUrl).toBe(`http://localhost:80/api/v1/auth/sso/${p.id}/saml/acs`);
    return {
      inResponseTo: request.id,
      acsUrl: request.acsUrl!,
      audience: request.issuer,
    };
  }

  const post = (p: { id: string }, samlResponse: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/auth/sso/${p.id}/saml/acs`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: `SAMLResponse=${encodeURIComponent(samlResponse)}&RelayState=`,
    });

  const newUser = (): SamlTestUser => {
    const email = uniqueEmail('saml');
    return { subject: `nameid-${email}`, email, name: 'SAML User', groups: [] };
  };

  /** Starts a sign-in, lets the IdP answer with `options`, posts the answer. */
  async function signIn(
    options: Partial<SamlResponseOptions> = {},
    p: { id: string } = provider,
    of: TestSamlIdp = idp,
  ) {
    const request = await start(p, of);
    const body = of.response({ ...request, user: newUser(), ...options });
    return { res: await post(p, body), body, request };
  }

  const refusedWith = (res: Response, code: string) => {
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`/login?sso_error=${code}`);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  };

  const sessionOf = async (res: Response) => {
    const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    expect(token).toBeTruthy();
    const info = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(info.statusCode, info.body).toBe(200);
    return info.json<{ user: { email: string; roles: string[] }; organization: { id: string } }>();
  };

  const securityReasons = async (organizationId: string) => {
    const result = await app.database.db.execute(
      sql`select reason from security_events
          where organization_id = ${organizationId} and kind = 'sso_failed'`,
    );
    return (result as unknown as { rows: { reason: string }[] }).rows.map((r) => r.reason);
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    idp = await createTestSamlIdp();
    provider = await addProvider(admin.organization.id, idp);
  });
  afterAll(() => app.close());

  it('serves the SP metadata: entity ID, ACS URL, signed assertions wanted', async () => {
    const res = await app.inject(`/api/v1/auth/sso/${provider.id}/saml/metadata`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
    const root = `http://localhost:80/api/v1/auth/sso/${provider.id}/saml`;
    expect(res.body).toContain(`entityID="${root}/metadata"`);
    expect(res.body).toContain(`Location="${root}/acs"`);
    expect(res.body).toContain('WantAssertionsSigned="true"');
    const unknown = await app.inject(
      '/api/v1/auth/sso/00000000-0000-4000-8000-000000000000/saml/metadata',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('signs a user in with a signed assertion and returns to the page asked for', async () => {
    const request = await start(provider, idp, '/risks');
    const user = newUser();
    const res = await post(provider, idp.response({ ...request, user }));
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/risks');
    const info = await sessionOf(res);
    expect(info.user.email).toBe(user.email);
    expect(info.organization.id).toBe(admin.organization.id);
    // The next sign-in finds the linked identity, whatever the email says now.
    const again = await start(provider);
    const next = await post(
      provider,
      idp.response({ ...again, user: { ...user, email: uniqueEmail('renamed') } }),
    );
    expect(next.headers.location).toBe('/');
    expect((await sessionOf(next)).user.email).toBe(user.email);
  });

  it('accepts a signed response around a signed assertion, and links an existing user', async () => {
    const { email } = await createUser(admin, { roles: ['owner'] });
    const { res } = await signIn({
      sign: 'both',
      user: { subject: 'existing-user', email: email.toUpperCase() },
    });
    expect(res.headers.location).toBe('/');
    const info = await sessionOf(res);
    expect(info.user.email).toBe(email);
    expect(info.user.roles).toContain('owner');
  });

  it('refuses an unsigned assertion, also inside a signed response, and logs it', async () => {
    refusedWith((await signIn({ sign: 'none' })).res, 'saml_unsigned');
    refusedWith((await signIn({ sign: 'response' })).res, 'saml_unsigned');
    expect(await securityReasons(admin.organization.id)).toContain('saml_unsigned');
  });

  it('refuses a tampered assertion and one signed by another key', async () => {
    refusedWith((await signIn({ tamper: true })).res, 'saml_signature');
    const stranger = await createTestSamlIdp({ issuer: idp.issuer, entryPoint: idp.entryPoint });
    const request = await start(provider);
    const forged = stranger.response({ ...request, user: newUser() });
    refusedWith(await post(provider, forged), 'saml_signature');
  });

  it('refuses another audience, an expired assertion, another issuer', async () => {
    refusedWith((await signIn({ audience: 'https://other-sp.example.test' })).res, 'saml_audience');
    refusedWith((await signIn({ ageSeconds: 3600 })).res, 'saml_expired');
    refusedWith((await signIn({ issuer: 'https://other-idp.example.test' })).res, 'saml_issuer');
    refusedWith(
      (await signIn({ acsUrl: 'https://other-sp.example.test/acs' })).res,
      'saml_recipient',
    );
  });

  it('tolerates clock skew within the setting', async () => {
    // Issued 5m30s ago: expired 30 s ago, within the 60 s allowed.
    const { res } = await signIn({ ageSeconds: 330 });
    expect(res.headers.location).toBe('/');
  });

  it('refuses unsolicited responses and unknown request IDs', async () => {
    const request = await start(provider);
    refusedWith(
      await post(provider, idp.response({ ...request, inResponseTo: undefined, user: newUser() })),
      'saml_unsolicited',
    );
    refusedWith(
      await post(
        provider,
        idp.response({ ...request, inResponseTo: '_not-ours', user: newUser() }),
      ),
      'saml_unsolicited',
    );
  });

  it('refuses a replayed response and a replayed assertion ID', async () => {
    const { res, body } = await signIn();
    expect(res.headers.location).toBe('/');
    refusedWith(await post(provider, body), 'saml_unsolicited');
    // A new request answered with an assertion ID already accepted.
    const first = await start(provider);
    const ok = await post(
      provider,
      idp.response({ ...first, user: newUser(), assertionId: '_a1' }),
    );
    expect(ok.headers.location).toBe('/');
    const second = await start(provider);
    refusedWith(
      await post(provider, idp.response({ ...second, user: newUser(), assertionId: '_a1' })),
      'saml_replayed',
    );
  });

  it('passes on the IdP’s refusal, and refuses unknown users without JIT', async () => {
    refusedWith(
      (await signIn({ status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' })).res,
      'saml_idp_refused',
    );
    const strict = await addProvider(admin.organization.id, idp, { jitProvisioning: false });
    refusedWith((await signIn({}, strict)).res, 'sso_user_unknown');
  });

  it('refuses sign-in through a disabled provider', async () => {
    const disabled = await addProvider(admin.organization.id, idp);
    const request = await start(disabled);
    await ssoRepo.updateProvider(app.database.db, admin.organization.id, disabled.id, null, {
      enabled: false,
    });
    refusedWith(
      await post(disabled, idp.response({ ...request, user: newUser() })),
      'sso_provider_disabled',
    );
  });

  it('opens an MFA stage unless the IdP reports MFA and is trusted for it', async () => {
    const orgB = await addOrganization(app, { name: 'MFA organization' });
    const trusted = await addProvider(orgB.organization.id, idp, { trustIdpMfa: true });
    await app.database.db.execute(
      sql`insert into auth_policies (organization_id, mfa_required) values (${orgB.organization.id}, 'all')`,
    );
    const mfa = 'https://refeds.org/profile/mfa';
    expect((await signIn({ authnContext: mfa }, trusted)).res.headers.location).toBe('/');
    expect((await signIn({}, trusted)).res.headers.location).toBe('/login?mfa=1');
  });

  it('keeps organizations apart', async () => {
    const b = await addOrganization(app, { name: 'Organization B' });
    const idpB = await createTestSamlIdp({ issuer: 'https://idp-b.example.test/saml' });
    const providerB = await addProvider(b.organization.id, idpB);
    // A's request answered at B's ACS: B never sent it.
    const requestA = await start(provider);
    refusedWith(
      await post(providerB, idpB.response({ ...requestA, user: newUser() })),
      'saml_unsolicited',
    );
    // B's IdP vouching for a user of A signs no one in, in either organization.
    const { email } = await createUser(admin, { roles: ['staff'] });
    const { res } = await signIn({ user: { subject: 'a-user-at-b', email } }, providerB, idpB);
    refusedWith(res, 'sso_user_conflict');
    expect(await securityReasons(b.organization.id)).toContain('sso_user_conflict');
    expect(await securityReasons(admin.organization.id)).not.toContain('sso_user_conflict');
    // A's IdP signing for B's provider: not B's certificate.
    const requestB = await start(providerB, idpB);
    refusedWith(
      await post(providerB, idp.response({ ...requestB, issuer: idpB.issuer, user: newUser() })),
      'saml_signature',
    );
  });

  it('works with the served IdP the browser tests use', async () => {
    const served = await serveTestSamlIdp();
    try {
      const p = await addProvider(admin.organization.id, served.idp);
      const user = newUser();
      served.setNextLogin({ user });
      const started = await app.inject(`/api/v1/auth/sso/${p.id}/start`);
      const page = await (await fetch(String(started.headers.location))).text();
      expect(page).toContain(`action="http://localhost:80/api/v1/auth/sso/${p.id}/saml/acs"`);
      const res = await post(p, served.lastResponse()!);
      expect((await sessionOf(res)).user.email).toBe(user.email);
      refusedWith(await post(p, served.lastResponse()!), 'saml_unsolicited');
    } finally {
      await served.close();
    }
  });
});
