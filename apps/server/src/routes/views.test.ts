import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SavedView } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const definition = {
  filters: { category: 'software', q: 'payroll' },
  sort: 'value',
  direction: 'desc' as const,
  columns: ['code', 'name', 'owner', 'value'],
};

describeEachDatabase('saved views', (ctx) => {
  let app: App;
  let admin: Client;
  let owner: Client;
  let staff: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  const list = async (client: Client) => {
    const res = await client.get('/api/v1/saved-views?area=assets');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as SavedView[];
  };

  it('saves, renames, redefines and deletes a view, with If-Match and audit events', async () => {
    const created = await owner.post('/api/v1/saved-views', {
      area: 'assets',
      name: 'My software',
      definition,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const view = created.json<SavedView>();
    expect(view.definition).toEqual(definition);
    expect((await list(owner)).map((v) => v.name)).toEqual(['My software']);

    const url = `/api/v1/saved-views/${view.id}`;
    const renamed = await owner.patch(
      url,
      { name: 'Software by value', definition: { ...definition, columns: ['code'] } },
      { headers: { 'if-match': '"1"' } },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<SavedView>()).toMatchObject({
      name: 'Software by value',
      version: 2,
      definition: { columns: ['code'], filters: definition.filters },
    });

    const stale = await owner.patch(url, { name: 'Late' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await owner.patch(url, { name: 'No precondition' })).statusCode).toBe(428);

    expect((await owner.delete(url, { headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await owner.delete(url, { headers: { 'if-match': '"2"' } })).statusCode).toBe(204);
    expect(await list(owner)).toEqual([]);

    const events = (await admin.get(`/api/v1/audit/events?entityId=${view.id}&limit=50`)).json()
      .items as { action: string }[];
    expect(events.map((e) => e.action).sort()).toEqual([
      'saved_view.created',
      'saved_view.deleted',
      'saved_view.updated',
    ]);
  });

  it('refuses a second view of the same name and an invalid definition, naming the field', async () => {
    const body = { area: 'assets', name: 'Twice', definition };
    expect((await owner.post('/api/v1/saved-views', body)).statusCode).toBe(201);
    const again = await owner.post('/api/v1/saved-views', body);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'name', code: 'view_name_taken' });
    // The same name is fine for another user: views are per user.
    expect((await admin.post('/api/v1/saved-views', body)).statusCode).toBe(201);

    const bad = await owner.post('/api/v1/saved-views', {
      area: 'assets',
      name: 'Bad',
      definition: { ...definition, direction: 'sideways' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('direction');
    expect(
      (await owner.post('/api/v1/saved-views', { area: 'risks', name: 'x', definition }))
        .statusCode,
    ).toBe(400);
  });

  it("never shows or changes another user's view", async () => {
    const mine = (
      await admin.post('/api/v1/saved-views', { area: 'assets', name: 'Admin only', definition })
    ).json<SavedView>();
    expect((await list(owner)).some((v) => v.id === mine.id)).toBe(false);
    const url = `/api/v1/saved-views/${mine.id}`;
    const patch = await owner.patch(
      url,
      { name: 'Taken over' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(patch.statusCode).toBe(404);
    expect((await owner.delete(url, { headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    expect((await list(admin)).find((v) => v.id === mine.id)?.name).toBe('Admin only');
  });

  it('needs a sign-in, and the permission to read the list the view is of', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/saved-views?area=assets' });
    expect(anonymous.statusCode).toBe(401);
    // Staff do not read the asset register, so they keep no views of it.
    expect((await staff.get('/api/v1/saved-views?area=assets')).statusCode).toBe(403);
    const res = await staff.post('/api/v1/saved-views', {
      area: 'assets',
      name: 'Not mine to keep',
      definition,
    });
    expect(res.statusCode).toBe(403);
  });
});
