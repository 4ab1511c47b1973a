import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IdentityProvider } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import type { Config } from '../config.ts';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { ageSession } from '../testing/mfa.ts';

const PUBLIC_URL = 'https://isms.example.test';
const SECRET = 'very-secret-client-credential';
const BASE = '/api/v1/admin/identity-providers';

const oidc = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'oidc',
  name,
  settings: { issuer: 'https://login.example.test/tenant/v2.0', clientId: 'mamoru-client' },
  clientSecret: SECRET,
  ...extra,
});
const saml = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'saml',
  name,
  settings: {
    entryPoint: 'https://idp.example.test/sso',
    idpIssuer: 'https://idp.example.test/entity',
    idpCertificates: [`-----BEGIN CERTIFICATE-----\n${'A'.repeat(200)}\n-----END CERTIFICATE-----`],
  },
  ...extra,
});

/** Identity-provider settings: the admin API, its guards, and tenant isolation. */
describeEachDatabase('single sign-on: identity-provider settings', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client;
  let adminB: Client;
  let providerB: IdentityProvider;
  const domain = `corp-${Date.now().toString(36)}.example.test`;

  const create = async (body: Record<string, unknown>, as = admin) => {
    const res = await as.post(BASE, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<IdentityProvider>();
  };
  const discover = (email: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sso/discover', payload: { email } });

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { publicUrl: PUBLIC_URL } as Partial<Config>);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    ({ admin: adminB } = await addOrganization(app));
    providerB = await create(oidc('Provider of B', { emailDomains: [`b-${domain}`] }), adminB);
  });
  afterAll(() => app.close());

  it('creates an OIDC provider with defaults, URLs for the IdP, and never returns the secret', async () => {
    const created = await admin.post(BASE, oidc('Entra ID', { emailDomains: [domain] }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).not.toContain(SECRET);
    const p = created.json<IdentityProvider>();
    expect(p).toMatchObject({
      kind: 'oidc',
      enabled: true,
      jitProvisioning: false,
      defaultRoles: ['staff'],
      clientSecretSet: true,
      scimTokenSet: false,
      linkedUsers: 0,
      redirectUri: `${PUBLIC_URL}/api/v1/auth/sso/oidc/callback`,
      scimBaseUrl: `${PUBLIC_URL}/scim/v2`,
      settings: { scopes: 'openid email profile', emailClaim: 'email', groupsClaim: 'groups' },
    });
    for (const url of [BASE, `${BASE}/${p.id}`]) {
      const res = await admin.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
    }
    // Nor does the audit trail keep it.
    const audit = await admin.get(`/api/v1/audit/events?entityId=${p.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.body).toContain('identity_provider.created');
    expect(audit.body).not.toContain(SECRET);
    const stored = await app.database.db.execute(
      sql`select client_secret from identity_providers where id = ${p.id}`,
    );
    expect(JSON.stringify(stored)).toContain('"client_secret"');
  });

  it('creates a SAML provider with its ACS, metadata and entity ID', async () => {
    const p = await create(saml('HENNGE One'));
    expect(p).toMatchObject({
      kind: 'saml',
      clientSecretSet: false,
      acsUrl: `${PUBLIC_URL}/api/v1/auth/sso/${p.id}/saml/acs`,
      metadataUrl: `${PUBLIC_URL}/api/v1/auth/sso/${p.id}/saml/metadata`,
      settings: {
        spEntityId: `${PUBLIC_URL}/api/v1/auth/sso/${p.id}/saml/metadata`,
        clockSkewSeconds: 120,
        wantAuthnResponseSigned: false,
      },
    });
    const bad = await admin.post(BASE, saml('No certificate', { settings: { entryPoint: 'x' } }));
    expect(bad.statusCode).toBe(400);
  });

  it('updates with If-Match, merges settings, keeps or replaces the secret', async () => {
    const p = await create(oidc('To change'));
    const url = `${BASE}/${p.id}`;
    expect((await admin.put(url, { kind: 'oidc', name: 'x' })).statusCode).toBe(428);
    const stale = await admin.put(
      url,
      { kind: 'oidc', name: 'x' },
      { headers: { 'if-match': '"9"' } },
    );
    expect(stale.statusCode).toBe(412);
    const wrongKind = await admin.put(url, { kind: 'saml' }, { headers: { 'if-match': '"1"' } });
    expect(wrongKind.statusCode).toBe(422);
    const res = await admin.put(
      url,
      {
        kind: 'oidc',
        name: 'Changed',
        settings: { groupsClaim: 'roles' },
        groupRoles: [{ group: 'ISMS', roles: ['isms_manager'] }],
      },
      { headers: { 'if-match': '"1"' } },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      name: 'Changed',
      clientSecretSet: true,
      settings: { groupsClaim: 'roles', clientId: 'mamoru-client' },
    });
    const cleared = await admin.put(
      url,
      { kind: 'oidc', clientSecret: null },
      { headers: { 'if-match': '"2"' } },
    );
    expect(cleared.json().clientSecretSet).toBe(false);
    const auditor = await admin.put(
      url,
      { kind: 'oidc', defaultRoles: ['external_auditor'] },
      { headers: { 'if-match': '"3"' } },
    );
    expect(auditor.statusCode).toBe(422);
    expect(auditor.json().errors[0].code).toBe('sso_role_not_mappable');
  });

  it('issues a SCIM token once and deletes, or disables a provider in use', async () => {
    const p = await create(oidc('With SCIM'));
    const issued = await admin.post(`${BASE}/${p.id}/scim-token`);
    expect(issued.statusCode, issued.body).toBe(201);
    const { token, prefix } = issued.json<{ token: string; prefix: string }>();
    expect(token.startsWith(prefix)).toBe(true);
    const shown = await admin.get(`${BASE}/${p.id}`);
    expect(shown.json()).toMatchObject({ scimTokenSet: true, scimTokenPrefix: prefix });
    expect(shown.body).not.toContain(token);

    const spare = await create(oidc('Unused'));
    const removed = await admin.delete(`${BASE}/${spare.id}`, { headers: { 'if-match': '"1"' } });
    expect(removed.json()).toEqual({ outcome: 'deleted' });
    expect((await admin.get(`${BASE}/${spare.id}`)).statusCode).toBe(404);

    // A linked user keeps the provider: it is disabled (and its SCIM token void) instead.
    await app.database.db.execute(sql`insert into user_identities
      (organization_id, provider_id, user_id, subject)
      values (${admin.organization.id}, ${p.id}, ${manager.user.id}, 'subject-1')`);
    const version = (await admin.get(`${BASE}/${p.id}`)).json().version;
    const disabled = await admin.delete(`${BASE}/${p.id}`, {
      headers: { 'if-match': `"${version}"` },
    });
    expect(disabled.json()).toEqual({ outcome: 'disabled' });
    expect((await admin.get(`${BASE}/${p.id}`)).json()).toMatchObject({
      enabled: false,
      scimTokenSet: false,
      linkedUsers: 1,
    });
  });

  it('is for organization:manage only; writes need a recent re-authentication', async () => {
    expect((await manager.get(BASE)).statusCode).toBe(403);
    expect((await manager.post(BASE, oidc('Manager'))).statusCode).toBe(403);
    const fresh = await setupOrganizationlessAdmin();
    await ageSession(app, fresh.sessionToken, 60);
    const late = await fresh.post(BASE, oidc('Late'));
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('step_up_required');
    expect((await fresh.get(BASE)).statusCode).toBe(200);
    const p = (await admin.get(BASE)).json().items[0];
    for (const res of [
      await fresh.put(
        `${BASE}/${p.id}`,
        { kind: p.kind, name: 'x' },
        { headers: { 'if-match': `"${p.version}"` } },
      ),
      await fresh.delete(`${BASE}/${p.id}`, { headers: { 'if-match': `"${p.version}"` } }),
      await fresh.post(`${BASE}/${p.id}/scim-token`),
    ]) {
      expect(res.json().code).toBe('step_up_required');
    }
  });

  it('keeps organizations apart: other providers are not found, domains are not shared', async () => {
    const url = `${BASE}/${providerB.id}`;
    const headers = { 'if-match': `"${providerB.version}"` };
    expect((await admin.get(url)).statusCode).toBe(404);
    expect(
      (await admin.put(url, { kind: 'oidc', name: 'Taken over' }, { headers })).statusCode,
    ).toBe(404);
    expect((await admin.delete(url, { headers })).statusCode).toBe(404);
    expect((await admin.post(`${url}/scim-token`)).statusCode).toBe(404);
    expect((await admin.get(BASE)).body).not.toContain(providerB.id);
    // B's own administrator reaches it.
    expect((await adminB.get(url)).statusCode).toBe(200);
    const taken = await admin.post(
      BASE,
      oidc('Claims B’s domain', { emailDomains: [`b-${domain}`] }),
    );
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors[0].code).toBe('sso_domain_taken');
  });

  it('discovers providers by email domain, enabled ones of one organization only', async () => {
    const found = await discover(`someone@${domain.toUpperCase()}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().providers).toEqual([
      expect.objectContaining({ name: 'Entra ID', kind: 'oidc' }),
    ]);
    expect((await discover(`x@b-${domain}`)).json().providers).toEqual([
      { id: providerB.id, name: 'Provider of B', kind: 'oidc' },
    ]);
    expect((await discover('x@unknown.example.test')).json()).toEqual({ providers: [] });
    expect((await discover('not-an-email')).json()).toEqual({ providers: [] });
  });

  /** Another administrator of A, signed in now, for the step-up checks. */
  async function setupOrganizationlessAdmin() {
    return createUserAndLogin(admin, { roles: ['admin'] });
  }
});
