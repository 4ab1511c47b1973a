import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEvent, ScimGroup, ScimListResponse, ScimUser, User } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  createUserAndLogin,
  setupOrganization,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';
import { addScimProvider, scimUser, type ScimClient } from '../testing/scim.ts';

describeEachDatabase('SCIM groups', (ctx) => {
  let app: App;
  let admin: Client;
  let secondAdmin: Client;
  let idp: ScimClient;

  const newUser = async () => {
    const res = await idp.post('/Users', scimUser(uniqueEmail('member')));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ScimUser>();
  };
  const rolesOf = async (id: string) => (await admin.get(`/api/v1/users/${id}`)).json<User>();
  const newGroup = async (displayName: string, members: string[] = []) => {
    const res = await idp.post('/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName,
      externalId: `ext-${displayName}`,
      members: members.map((value) => ({ value })),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ScimGroup>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    secondAdmin = await createUserAndLogin(admin, { roles: ['admin', 'top_management'] });
    ({ client: idp } = await addScimProvider(app, admin.organization.id, {
      name: 'Okta',
      defaultRoles: ['staff'],
      groupRoles: [
        { group: 'ISMS Managers', roles: ['isms_manager', 'staff'] },
        { group: 'Auditors', roles: ['internal_auditor'] },
        { group: 'Admins', roles: ['admin'] },
      ],
    }));
  });
  afterAll(() => app.close());

  it('gives the mapped roles to members and takes them back when they leave', async () => {
    const ann = await newUser();
    const bob = await newUser();
    const group = await newGroup('ISMS Managers', [ann.id]);
    expect(group).toMatchObject({
      displayName: 'ISMS Managers',
      externalId: 'ext-ISMS Managers',
      members: [{ value: ann.id }],
      meta: { resourceType: 'Group', version: 'W/"1"' },
    });
    expect((await rolesOf(ann.id)).roles.sort()).toEqual(['isms_manager', 'staff']);
    // Entra ID: add and remove through path "members".
    const add = await idp.patch(`/Groups/${group.id}`, [
      { op: 'Add', path: 'members', value: [{ value: bob.id }] },
      { op: 'Remove', path: 'members', value: [{ value: ann.id }] },
    ]);
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().members.map((m: { value: string }) => m.value)).toEqual([bob.id]);
    expect((await rolesOf(bob.id)).roles).toContain('isms_manager');
    // Ann left: the manager role goes, staff stays (a default role of the provider).
    expect((await rolesOf(ann.id)).roles).toEqual(['staff']);
    // Okta: a filtered remove path.
    const okta = await idp.patch(`/Groups/${group.id}`, [
      { op: 'remove', path: `members[value eq "${bob.id}"]` },
    ]);
    expect(okta.json().members).toEqual([]);
    expect((await rolesOf(bob.id)).roles).toEqual(['staff']);
    const audit = (await admin.get(`/api/v1/audit/events?entityId=${group.id}`)).json<{
      items: AuditEvent[];
    }>().items;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['directory_group.created', 'directory_group.updated']),
    );
    expect(audit.every((e) => e.actorName === 'Okta')).toBe(true);
  });

  it('keeps a role another group still gives, and follows renames and deletion', async () => {
    const carol = await newUser();
    const auditors = await newGroup('Auditors', [carol.id]);
    const other = await newGroup('Tokyo team', [carol.id]);
    expect((await rolesOf(carol.id)).roles).toContain('internal_auditor');
    // Okta renames without a path; names map without regard to case.
    const renamed = await idp.patch(`/Groups/${other.id}`, [
      { op: 'replace', value: { id: other.id, displayName: 'AUDITORS' } },
    ]);
    expect(renamed.json().displayName).toBe('AUDITORS');
    const rename = await idp.put(`/Groups/${auditors.id}`, {
      displayName: 'Former auditors',
      members: [{ value: carol.id }],
    });
    expect(rename.statusCode, rename.body).toBe(200);
    // "AUDITORS" still gives the role.
    expect((await rolesOf(carol.id)).roles).toContain('internal_auditor');
    expect((await idp.delete(`/Groups/${other.id}`)).statusCode).toBe(204);
    expect((await idp.get(`/Groups/${other.id}`)).statusCode).toBe(404);
    expect((await rolesOf(carol.id)).roles).not.toContain('internal_auditor');
    const back = await idp.patch(`/Groups/${auditors.id}`, [
      { op: 'Replace', path: 'displayName', value: 'Auditors' },
    ]);
    expect(back.statusCode).toBe(200);
    expect((await rolesOf(carol.id)).roles).toContain('internal_auditor');
    expect((await idp.delete(`/Groups/${auditors.id}`)).statusCode).toBe(204);
    expect((await rolesOf(carol.id)).roles).toEqual(['staff']);
  });

  it('opens a role grant for administrator instead of granting it; a second admin approves', async () => {
    const dave = await newUser();
    await newGroup('Admins', [dave.id]);
    const user = await rolesOf(dave.id);
    expect(user.roles).not.toContain('admin');
    expect(user.pendingRoleGrant?.roles).toEqual(['admin']);
    const approvalId = user.pendingRoleGrant!.approvalId;
    const decided = await secondAdmin.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await rolesOf(dave.id)).roles).toContain('admin');
    // Leaving the group never takes a privileged role away (an administrator does that).
    const admins = (
      await idp.get(`/Groups?filter=${encodeURIComponent('displayName eq "Admins"')}`)
    ).json<ScimListResponse<ScimGroup>>().Resources[0]!;
    await idp.patch(`/Groups/${admins.id}`, [{ op: 'remove', path: 'members' }]);
    expect((await rolesOf(dave.id)).roles).toContain('admin');
  });

  it('lists groups by displayName, without members when asked, paged', async () => {
    const g = await newGroup(`Filter ${uniqueEmail('g')}`, [(await newUser()).id]);
    const q = encodeURIComponent(`displayName eq "${g.displayName.toUpperCase()}"`);
    const found = (await idp.get(`/Groups?filter=${q}&excludedAttributes=members`)).json<
      ScimListResponse<ScimGroup>
    >();
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0]).not.toHaveProperty('members');
    expect(found.Resources[0]!.id).toBe(g.id);
    const byExt = await idp.get(
      `/Groups?filter=${encodeURIComponent(`externalId eq "${g.externalId}"`)}`,
    );
    expect(byExt.json().Resources[0].members).toHaveLength(1);
    const single = await idp.get(`/Groups/${g.id}?excludedAttributes=members`);
    expect(single.json()).not.toHaveProperty('members');
    const page = (await idp.get('/Groups?startIndex=1&count=1')).json();
    expect(page.itemsPerPage).toBe(1);
    expect(page.totalResults).toBeGreaterThan(1);
    const bad = await idp.get(`/Groups?filter=${encodeURIComponent('members eq "x"')}`);
    expect(bad.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
  });

  it('refuses unknown members, duplicate names and stale versions', async () => {
    const g = await newGroup(`Strict ${uniqueEmail('g')}`);
    const unknown = await idp.patch(`/Groups/${g.id}`, [
      { op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] },
    ]);
    expect(unknown.json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
    const dup = await idp.post('/Groups', { displayName: g.displayName });
    expect(dup.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const stale = await idp.patch(
      `/Groups/${g.id}`,
      [{ op: 'replace', path: 'displayName', value: 'x' }],
      { 'if-match': 'W/"9"' },
    );
    expect(stale.statusCode).toBe(412);
    const ok = await idp.put(
      `/Groups/${g.id}`,
      { displayName: `${g.displayName} 2` },
      { 'if-match': g.meta.version },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('W/"2"');
    expect((await idp.delete(`/Groups/${g.id}`, { 'if-match': '"1"' })).statusCode).toBe(412);
  });
});
