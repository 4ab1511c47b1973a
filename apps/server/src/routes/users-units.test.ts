import { afterAll, beforeAll, expect, it } from 'vitest';
import type { User } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  TEST_PASSWORD,
  addOrganization,
  createUser,
  createUserAndLogin,
  uniqueEmail,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

describeEachDatabase("a user's organization unit", (ctx) => {
  let app: App;
  let admin: Client;
  let staff: Client;
  let otherAdmin: Client;

  const ifMatch = (user: User) => ({ headers: { 'if-match': `"${user.version}"` } });

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    ({ admin: otherAdmin } = await addOrganization(app));
  });
  afterAll(() => app.close());

  it('sets, lists, filters by and clears the unit, with an audit event', async () => {
    const unit = await createOrgUnit(admin, { name: 'Sales' });
    const { user } = await createUser(admin, { roles: ['staff'] });
    expect(user.orgUnitId).toBeNull();

    const set = await admin.patch(
      `/api/v1/users/${user.id}`,
      { orgUnitId: unit.id },
      ifMatch(user),
    );
    expect(set.statusCode, set.body).toBe(200);
    const updated = set.json<User>();
    expect(updated).toMatchObject({ orgUnitId: unit.id, version: user.version + 1 });
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().orgUnitId).toBe(unit.id);

    const members = (await admin.get(`/api/v1/users?orgUnitId=${unit.id}`)).json().items;
    expect(members.map((u: User) => u.id)).toEqual([user.id]);

    const history = await admin.get(`/api/v1/audit/events?entityType=user&entityId=${user.id}`);
    expect(history.statusCode, history.body).toBe(200);
    const changed = history
      .json()
      .items.find((e: { action: string }) => e.action === 'user.updated');
    expect(changed.before).toMatchObject({ orgUnitId: null });
    expect(changed.after).toMatchObject({ orgUnitId: unit.id });

    // The version read before the change is stale now.
    const stale = await admin.patch(`/api/v1/users/${user.id}`, { orgUnitId: null }, ifMatch(user));
    expect(stale.statusCode).toBe(412);
    const cleared = await admin.patch(
      `/api/v1/users/${user.id}`,
      { orgUnitId: null },
      ifMatch(updated),
    );
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().orgUnitId).toBeNull();
    expect((await admin.get(`/api/v1/users?orgUnitId=${unit.id}`)).json().items).toEqual([]);
  });

  it('creates a user in a unit', async () => {
    const unit = await createOrgUnit(admin, { name: 'Legal' });
    const res = await admin.post('/api/v1/users', {
      email: uniqueEmail('legal'),
      displayName: 'Legal counsel',
      password: TEST_PASSWORD,
      roles: ['staff'],
      orgUnitId: unit.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().orgUnitId).toBe(unit.id);
  });

  it('refuses a unit of another organization, naming the field, and changes nothing', async () => {
    const foreign = await createOrgUnit(otherAdmin, { name: 'Foreign unit' });
    const { user } = await createUser(admin, { roles: ['staff'] });
    const res = await admin.patch(
      `/api/v1/users/${user.id}`,
      { orgUnitId: foreign.id },
      ifMatch(user),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'orgUnitId', code: 'reference_not_found' }),
    ]);
    expect((await admin.get(`/api/v1/users/${user.id}`)).json()).toMatchObject({
      orgUnitId: null,
      version: user.version,
    });
    const created = await admin.post('/api/v1/users', {
      email: uniqueEmail('foreign'),
      displayName: 'Foreign member',
      password: TEST_PASSWORD,
      roles: ['staff'],
      orgUnitId: foreign.id,
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().errors[0]).toMatchObject({ field: 'orgUnitId' });
  });

  it('refuses a unit that is not a uuid, naming the field', async () => {
    const { user } = await createUser(admin, { roles: ['staff'] });
    const res = await admin.patch(
      `/api/v1/users/${user.id}`,
      { orgUnitId: 'sales' },
      ifMatch(user),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.orgUnitId' })]);
  });

  it('refuses staff (403)', async () => {
    const unit = await createOrgUnit(admin, { name: 'Support' });
    const res = await staff.patch(
      `/api/v1/users/${staff.user.id}`,
      { orgUnitId: unit.id },
      ifMatch(staff.user),
    );
    expect(res.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/users/${staff.user.id}`)).json().orgUnitId).toBeNull();
  });
});
