import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createLocation, createOrgUnit, uniqueCode } from '../testing/isms.ts';

describeEachDatabase('organization units and locations', (ctx) => {
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

  describe('organization units', () => {
    it('creates a unit, reads it with an ETag and lists it', async () => {
      const unit = await createOrgUnit(admin, {
        name: '情報システム部',
        managerUserId: owner.user.id,
      });
      expect(unit).toMatchObject({
        name: '情報システム部',
        parentId: null,
        active: true,
        version: 1,
      });
      const res = await admin.get(`/api/v1/org-units/${unit.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      const list = await owner.get(`/api/v1/org-units?q=${encodeURIComponent('システム')}`);
      expect(list.json().items.map((u: { id: string }) => u.id)).toContain(unit.id);
    });

    it('builds a tree and refuses a cycle', async () => {
      const root = await createOrgUnit(admin, { name: 'Head office' });
      const child = await createOrgUnit(admin, { parentId: root.id, name: 'Operations' });
      const grandchild = await createOrgUnit(admin, { parentId: child.id, name: 'Service desk' });
      const children = await admin.get(`/api/v1/org-units?parentId=${root.id}`);
      expect(children.json().items.map((u: { id: string }) => u.id)).toEqual([child.id]);
      const cycle = await admin.patch(
        `/api/v1/org-units/${root.id}`,
        { parentId: grandchild.id },
        { headers: { 'if-match': '"1"' } },
      );
      expect(cycle.statusCode).toBe(422);
      expect(cycle.json().errors).toEqual([
        expect.objectContaining({ field: 'parentId', code: 'parent_cycle' }),
      ]);
      const self = await admin.patch(
        `/api/v1/org-units/${root.id}`,
        { parentId: root.id },
        { headers: { 'if-match': '"1"' } },
      );
      expect(self.json().errors[0].code).toBe('parent_cycle');
    });

    it('keeps codes unique per organization', async () => {
      const code = uniqueCode('DUP');
      await createOrgUnit(admin, { code });
      const again = await admin.post('/api/v1/org-units', { code, name: 'Again' });
      expect(again.statusCode).toBe(422);
      expect(again.json().errors).toEqual([
        expect.objectContaining({ field: 'code', code: 'code_taken' }),
      ]);
    });

    it('needs If-Match, and refuses the second of two edits made from the same version', async () => {
      const unit = await createOrgUnit(admin);
      const url = `/api/v1/org-units/${unit.id}`;
      const missing = await admin.patch(url, { name: 'No precondition' });
      expect(missing.statusCode).toBe(428);
      const first = await admin.patch(url, { name: 'First' }, { headers: { 'if-match': '"1"' } });
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      const second = await admin.patch(url, { name: 'Second' }, { headers: { 'if-match': '"1"' } });
      expect(second.statusCode).toBe(412);
      expect(second.json().code).toBe('stale_version');
      expect((await admin.get(url)).json().name).toBe('First');
    });

    it('lets owners read but not change the structure, and staff not even read it', async () => {
      const unit = await createOrgUnit(admin);
      expect((await owner.get(`/api/v1/org-units/${unit.id}`)).statusCode).toBe(200);
      const create = await owner.post('/api/v1/org-units', { code: uniqueCode('O'), name: 'Mine' });
      expect(create.statusCode).toBe(403);
      expect(create.json().code).toBe('forbidden_reach_all');
      const edit = await owner.patch(
        `/api/v1/org-units/${unit.id}`,
        { name: 'Mine' },
        { headers: { 'if-match': '"1"' } },
      );
      expect(edit.statusCode).toBe(403);
      expect((await staff.get('/api/v1/org-units')).statusCode).toBe(403);
    });

    it('pages through the list in code order', async () => {
      const prefix = uniqueCode('PAGE');
      for (let i = 0; i < 5; i += 1) await createOrgUnit(admin, { code: `${prefix}-${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await admin.get('/api/v1/org-units', {
          query: { q: prefix, limit: '2', ...(cursor ? { cursor } : {}) },
        });
        const page = res.json();
        seen.push(...page.items.map((u: { code: string }) => u.code));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));
      const bad = await admin.get('/api/v1/org-units?cursor=garbage');
      expect(bad.statusCode).toBe(400);
    });

    it('records changes in the audit trail', async () => {
      const unit = await createOrgUnit(admin);
      await admin.patch(
        `/api/v1/org-units/${unit.id}`,
        { active: false },
        { headers: { 'if-match': '"1"' } },
      );
      const events = (await admin.get(`/api/v1/audit/events?entityId=${unit.id}`)).json().items;
      expect(events.map((e: { action: string }) => e.action)).toEqual([
        'org_unit.updated',
        'org_unit.created',
      ]);
      expect(events[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    });
  });

  describe('locations', () => {
    it('creates sites, rooms and data centres as a tree, filtered by kind', async () => {
      const site = await createLocation(admin, { name: '本社', kind: 'site' });
      const dc = await createLocation(admin, { name: 'Tokyo DC', kind: 'data_centre' });
      const room = await createLocation(admin, {
        name: 'Server room',
        kind: 'room',
        parentId: site.id,
      });
      expect(room.parentId).toBe(site.id);
      const dcs = (await admin.get('/api/v1/locations?kind=data_centre')).json().items;
      expect(dcs.map((l: { id: string }) => l.id)).toEqual([dc.id]);
      const kind = await admin.post('/api/v1/locations', { code: 'X', name: 'X', kind: 'moon' });
      expect(kind.statusCode).toBe(400);
    });

    it('refuses a stale update and a parent of another organization or none', async () => {
      const site = await createLocation(admin);
      const url = `/api/v1/locations/${site.id}`;
      expect(
        (await admin.patch(url, { name: 'A' }, { headers: { 'if-match': '"1"' } })).statusCode,
      ).toBe(200);
      expect(
        (await admin.patch(url, { name: 'B' }, { headers: { 'if-match': '"1"' } })).statusCode,
      ).toBe(412);
      const orphan = await admin.patch(
        url,
        { parentId: '00000000-0000-4000-8000-000000000000' },
        { headers: { 'if-match': '"2"' } },
      );
      expect(orphan.statusCode).toBe(422);
      expect(orphan.json().errors[0]).toMatchObject({
        field: 'parentId',
        code: 'reference_not_found',
      });
    });
  });
});
