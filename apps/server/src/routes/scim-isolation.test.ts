import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScimGroup, ScimListResponse, ScimUser } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';
import { addScimProvider, scimUser, type ScimClient } from '../testing/scim.ts';

/**
 * Tenant isolation of SCIM: a token names one provider of one organization,
 * and nothing of another organization can be read, matched or changed with it.
 */
describeEachDatabase('SCIM tenant isolation', (ctx) => {
  let app: App;
  let idpA: ScimClient;
  let idpB: ScimClient;
  let adminB: Client;
  let personB: Client;
  let userB: ScimUser;
  let groupB: ScimGroup;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    const { admin: adminA } = await setupOrganization(app);
    ({ admin: adminB } = await addOrganization(app));
    ({ client: idpA } = await addScimProvider(app, adminA.organization.id, {
      groupRoles: [{ group: 'Managers', roles: ['isms_manager'] }],
    }));
    ({ client: idpB } = await addScimProvider(app, adminB.organization.id, {
      groupRoles: [{ group: 'Managers', roles: ['isms_manager'] }],
    }));
    personB = await createUserAndLogin(adminB, { roles: ['staff'] });
    const created = await idpB.post('/Users', scimUser(uniqueEmail('b'), { externalId: 'b-1' }));
    expect(created.statusCode, created.body).toBe(201);
    userB = created.json();
    const group = await idpB.post('/Groups', { displayName: 'Managers', members: [] });
    expect(group.statusCode, group.body).toBe(201);
    groupB = group.json();
  });
  afterAll(() => app.close());

  it('lists and finds only its own organization', async () => {
    const users = (await idpA.get('/Users?count=200')).json<ScimListResponse<ScimUser>>();
    const ids = users.Resources.map((u) => u.id);
    expect(ids).not.toContain(userB.id);
    expect(ids).not.toContain(personB.user.id);
    expect(ids).not.toContain(adminB.user.id);
    for (const filter of [
      `userName eq "${userB.userName}"`,
      `userName eq "${personB.user.email}"`,
      'externalId eq "b-1"',
      `id eq "${userB.id}"`,
    ]) {
      const res = await idpA.get(`/Users?filter=${encodeURIComponent(filter)}`);
      expect(res.json().totalResults, filter).toBe(0);
    }
    const groups = (await idpA.get('/Groups')).json<ScimListResponse<ScimGroup>>();
    expect(groups.Resources.map((g) => g.id)).not.toContain(groupB.id);
    const byName = await idpA.get(
      `/Groups?filter=${encodeURIComponent('displayName eq "Managers"')}`,
    );
    expect(byName.json().totalResults).toBe(0);
  });

  it('cannot read, change or deactivate users and groups of another organization', async () => {
    const probes = [
      () => idpA.get(`/Users/${userB.id}`),
      () => idpA.put(`/Users/${userB.id}`, scimUser(userB.userName, { displayName: 'Hijacked' })),
      () =>
        idpA.patch(`/Users/${personB.user.id}`, [{ op: 'replace', path: 'active', value: false }]),
      () => idpA.delete(`/Users/${personB.user.id}`),
      () => idpA.get(`/Groups/${groupB.id}`),
      () => idpA.put(`/Groups/${groupB.id}`, { displayName: 'Hijacked' }),
      () => idpA.patch(`/Groups/${groupB.id}`, [{ op: 'add', path: 'members', value: [] }]),
      () => idpA.delete(`/Groups/${groupB.id}`),
    ];
    for (const probe of probes) {
      const res = await probe();
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await personB.get('/api/v1/auth/session')).statusCode).toBe(200);
    const stillB = await idpB.get(`/Users/${userB.id}`);
    expect(stillB.json()).toMatchObject({ displayName: userB.displayName, active: true });
    expect((await idpB.get(`/Groups/${groupB.id}`)).json().displayName).toBe('Managers');
  });

  it('cannot put a user of another organization into its groups (no roles leak)', async () => {
    const res = await idpA.post('/Groups', {
      displayName: 'Managers',
      members: [{ value: personB.user.id }],
    });
    expect(res.json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
    const roles = (await adminB.get(`/api/v1/users/${personB.user.id}`)).json().roles;
    expect(roles).toEqual(['staff']);
  });

  it("cannot create a user with another organization's address", async () => {
    const res = await idpA.post('/Users', scimUser(personB.user.email));
    expect(res.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });
});
