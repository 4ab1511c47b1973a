import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEvent, ScimListResponse, ScimUser, SecurityEvent } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  uniqueEmail,
  TEST_PASSWORD,
  type Client,
} from '../testing/identity.ts';
import { addScimProvider, scimClient, scimUser, type ScimClient } from '../testing/scim.ts';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describeEachDatabase('SCIM users', (ctx) => {
  let app: App;
  let admin: Client;
  let idp: ScimClient;
  let token: string;

  const create = async (email = uniqueEmail('scim'), extra: Record<string, unknown> = {}) => {
    const res = await idp.post('/Users', scimUser(email, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ScimUser>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    ({ client: idp, token } = await addScimProvider(app, admin.organization.id, {
      name: 'Contoso Entra ID',
    }));
  });
  afterAll(() => app.close());

  it('refuses a missing, wrong or disabled token with a SCIM 401, logged for the organization', async () => {
    const none = await app.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.json()).toMatchObject({ schemas: [ERROR], status: '401' });
    // Every SCIM route sits behind the token (one hook over the whole /scim/v2 scope).
    const id = '00000000-0000-4000-8000-000000000000';
    const routes = [
      ...['ServiceProviderConfig', 'ResourceTypes', 'ResourceTypes/User', 'Schemas'].map(
        (p) => ['GET', p] as const,
      ),
      ...(['Users', 'Groups'] as const).flatMap((r) => [
        ['GET', r] as const,
        ['POST', r] as const,
        ['GET', `${r}/${id}`] as const,
        ['PUT', `${r}/${id}`] as const,
        ['PATCH', `${r}/${id}`] as const,
        ['DELETE', `${r}/${id}`] as const,
      ]),
    ];
    for (const [method, path] of routes) {
      const res = await app.inject({
        method,
        url: `/scim/v2/${path}`,
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${method} ${path}`).toBe(401);
    }
    // A token with the provider's prefix but the wrong secret: the organization sees the attempt.
    const wrong = await scimClient(app, `${token.slice(0, 20)}xxxxxxxx`).get('/Users');
    expect(wrong.statusCode).toBe(401);
    const session = await admin.get('/api/v1/users');
    expect(session.statusCode).toBe(200);
    // An API session cookie or API token is no SCIM credential either.
    const cookie = await app.inject({
      method: 'GET',
      url: '/scim/v2/Users',
      headers: { cookie: admin.cookie },
    });
    expect(cookie.statusCode).toBe(401);
    const disabled = await addScimProvider(app, admin.organization.id, { enabled: false });
    const off = await disabled.client.get('/Users');
    expect(off.statusCode).toBe(401);
    expect(off.json().detail).toBe(wrong.json().detail);
    const events = (await admin.get('/api/v1/audit/security-events?kind=unauthenticated')).json<{
      items: SecurityEvent[];
    }>().items;
    const reasons = events.filter((e) => e.route.startsWith('/scim/v2')).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['scim_token_invalid', 'scim_provider_disabled']),
    );
  });

  it('takes the token issued in the provider settings, and not the one it replaced', async () => {
    const providers = '/api/v1/admin/identity-providers';
    const created = await admin.post(providers, {
      kind: 'oidc',
      name: 'Issued through the API',
      settings: { issuer: 'https://login.example.test/t/v2.0', clientId: 'mamoru' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const issue = async () => {
      const res = await admin.post(`${providers}/${created.json().id}/scim-token`);
      expect(res.statusCode, res.body).toBe(201);
      return scimClient(app, res.json<{ token: string }>().token);
    };
    const first = await issue();
    expect((await first.get('/ServiceProviderConfig')).statusCode).toBe(200);
    const second = await issue();
    expect((await second.get('/Users?count=1')).statusCode).toBe(200);
    expect((await first.get('/ServiceProviderConfig')).statusCode).toBe(401);
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await idp.get('/ServiceProviderConfig');
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      etag: { supported: true },
      bulk: { supported: false },
    });
    const types = await idp.get('/ResourceTypes');
    expect(types.json().Resources.map((t: { id: string }) => t.id)).toEqual(['User', 'Group']);
    expect((await idp.get('/ResourceTypes/User')).json().endpoint).toBe('/Users');
    const schemas = await idp.get('/Schemas');
    expect(schemas.json().totalResults).toBe(2);
    const one = await idp.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group');
    expect(one.statusCode).toBe(200);
    expect((await idp.get('/Schemas/nope')).statusCode).toBe(404);
    const unknown = await idp.get('/Nothing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().schemas).toEqual([ERROR]);
  });

  it('creates a user who signs in only through the IdP, audited as the provider', async () => {
    const email = uniqueEmail('ann');
    const res = await idp.post('/Users', scimUser(email, { externalId: 'ann-0001' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    const user = res.json<ScimUser>();
    expect(res.headers.location).toBe(`http://localhost:80/scim/v2/Users/${user.id}`);
    expect(res.headers.etag).toBe(user.meta.version);
    expect(user).toMatchObject({
      userName: email,
      externalId: 'ann-0001',
      displayName: `SCIM ${email.split('@')[0]}`,
      active: true,
      emails: [{ value: email, primary: true }],
      meta: { resourceType: 'User', version: 'W/"1"' },
    });
    const inApp = (await admin.get(`/api/v1/users/${user.id}`)).json();
    expect(inApp).toMatchObject({ email, roles: ['staff'], active: true });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const audit = (await admin.get(`/api/v1/audit/events?entityId=${user.id}`)).json<{
      items: AuditEvent[];
    }>().items;
    expect(audit.map((e) => [e.action, e.actorName])).toContainEqual([
      'scim.user_provisioned',
      'Contoso Entra ID',
    ]);
    expect((await idp.get(`/Users/${user.id}`)).json<ScimUser>().id).toBe(user.id);
  });

  it('answers an address already in use, in this or another organization, with 409 uniqueness', async () => {
    const mine = await create();
    const again = await idp.post('/Users', scimUser(mine.userName));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ schemas: [ERROR], status: '409', scimType: 'uniqueness' });
    const { admin: adminB } = await addOrganization(app, { name: 'Other org' });
    const theirs = await idp.post('/Users', scimUser(adminB.user.email.toUpperCase()));
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().detail).toBe(again.json().detail);
    const bad = await idp.post('/Users', { userName: 'not an email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().scimType).toBe('invalidValue');
    const malformed = await idp.request('POST', '/Users', undefined, {
      'content-type': 'application/scim+json',
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('filters by userName, externalId and emails.value, and pages in SQL', async () => {
    const a = await create(uniqueEmail('filter'), { externalId: 'ext-filter-a' });
    const byName = await idp.get(
      `/Users?filter=${encodeURIComponent(`userName eq "${a.userName.toUpperCase()}"`)}`,
    );
    expect(byName.json<ScimListResponse<ScimUser>>()).toMatchObject({
      totalResults: 1,
      itemsPerPage: 1,
      startIndex: 1,
      Resources: [{ id: a.id }],
    });
    const byExt = await idp.get(
      `/Users?filter=${encodeURIComponent('externalId eq "ext-filter-a"')}`,
    );
    expect(byExt.json().Resources.map((u: ScimUser) => u.id)).toEqual([a.id]);
    const byMail = await idp.get(
      `/Users?filter=${encodeURIComponent(`emails.value eq "${a.userName}" and active eq true`)}`,
    );
    expect(byMail.json().totalResults).toBe(1);
    const none = await idp.get(
      `/Users?filter=${encodeURIComponent('userName eq "nobody@example.test"')}`,
    );
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [] });
    const bad = await idp.get(`/Users?filter=${encodeURIComponent('userName co "a"')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().scimType).toBe('invalidFilter');
    const unsupported = await idp.get(`/Users?filter=${encodeURIComponent('title eq "x"')}`);
    expect(unsupported.json().scimType).toBe('invalidFilter');

    for (let i = 0; i < 3; i += 1) await create();
    const all = (await idp.get('/Users')).json<ScimListResponse<ScimUser>>();
    expect(all.totalResults).toBeGreaterThanOrEqual(5);
    const page = (await idp.get('/Users?startIndex=2&count=2')).json<ScimListResponse<ScimUser>>();
    expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: 2, itemsPerPage: 2 });
    expect(page.Resources.map((u) => u.id)).toEqual(all.Resources.slice(1, 3).map((u) => u.id));
    const countOnly = (await idp.get('/Users?count=0')).json();
    expect(countOnly).toMatchObject({ totalResults: all.totalResults, itemsPerPage: 0 });
    const past = (await idp.get(`/Users?startIndex=${all.totalResults + 5}`)).json();
    expect(past).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });

  it('replaces with PUT and patches in Entra ID and Okta shapes', async () => {
    const u = await create();
    const put = await idp.put(`/Users/${u.id}`, scimUser(u.userName, { displayName: 'Put Name' }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ displayName: 'Put Name', meta: { version: 'W/"2"' } });
    const newEmail = uniqueEmail('renamed');
    const entra = await idp.patch(`/Users/${u.id}`, [
      { op: 'Replace', path: 'displayName', value: 'Entra Name' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: newEmail },
      { op: 'Add', path: 'preferredLanguage', value: 'ja-JP' },
      {
        op: 'Add',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
        value: 'IT',
      },
    ]);
    expect(entra.statusCode, entra.body).toBe(200);
    expect(entra.json()).toMatchObject({
      displayName: 'Entra Name',
      userName: newEmail,
      preferredLanguage: 'ja',
    });
    const okta = await idp.patch(`/Users/${u.id}`, [
      { op: 'replace', value: { displayName: 'Okta Name', externalId: 'okta-1' } },
    ]);
    expect(okta.json()).toMatchObject({ displayName: 'Okta Name', externalId: 'okta-1' });
    // Nothing changed: the version stays.
    const same = await idp.patch(`/Users/${u.id}`, [
      { op: 'replace', path: 'displayName', value: 'Okta Name' },
    ]);
    expect(same.json().meta.version).toBe(okta.json().meta.version);
    const badPath = await idp.patch(`/Users/${u.id}`, [{ op: 'remove' }]);
    expect(badPath.json()).toMatchObject({ status: '400', scimType: 'invalidPath' });
    expect((await idp.get('/Users/not-a-uuid')).statusCode).toBe(404);
    expect((await idp.get('/Users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('deactivates at once: the sessions of the user end with the same request', async () => {
    const person = await createUserAndLogin(admin, { roles: ['staff'] });
    expect((await person.get('/api/v1/auth/session')).statusCode).toBe(200);
    const res = await idp.patch(`/Users/${person.user.id}`, [
      { op: 'Replace', path: 'active', value: 'False' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await person.get('/api/v1/auth/session')).statusCode).toBe(401);
    const audit = (await admin.get(`/api/v1/audit/events?entityId=${person.user.id}`)).json<{
      items: AuditEvent[];
    }>().items;
    expect(audit.map((e) => e.action)).toContain('scim.user_deactivated');
    // Okta's shape reactivates; DELETE deactivates again.
    const back = await idp.patch(`/Users/${person.user.id}`, [
      { op: 'replace', value: { active: true } },
    ]);
    expect(back.json().active).toBe(true);
    const again = await createUserAndLogin(admin, { roles: ['staff'] });
    const del = await idp.delete(`/Users/${again.user.id}`);
    expect(del.statusCode).toBe(204);
    expect((await again.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await idp.get(`/Users/${again.user.id}`)).json().active).toBe(false);
  });

  it('keeps the last active administrator', async () => {
    const res = await idp.patch(`/Users/${admin.user.id}`, [
      { op: 'replace', path: 'active', value: false },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json().scimType).toBe('mutability');
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('honours If-Match: a stale version is refused with 412', async () => {
    const u = await create();
    const stale = await idp.patch(
      `/Users/${u.id}`,
      [{ op: 'replace', path: 'displayName', value: 'X' }],
      {
        'if-match': 'W/"7"',
      },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ schemas: [ERROR], status: '412' });
    const fresh = await idp.patch(
      `/Users/${u.id}`,
      [{ op: 'replace', path: 'displayName', value: 'X' }],
      {
        'if-match': u.meta.version,
      },
    );
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).toBe('W/"2"');
    const put = await idp.put(`/Users/${u.id}`, scimUser(u.userName), { 'if-match': '"1"' });
    expect(put.statusCode).toBe(412);
    expect((await idp.delete(`/Users/${u.id}`, { 'if-match': '"1"' })).statusCode).toBe(412);
  });
});
