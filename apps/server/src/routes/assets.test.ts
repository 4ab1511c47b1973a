import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, ClassificationLevel } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createAsset, createLocation, createOrgUnit, uniqueCode } from '../testing/isms.ts';

const ids = (body: { items: { id: string }[] }) => body.items.map((a) => a.id);

describeEachDatabase('the asset inventory', (ctx) => {
  let app: App;
  let admin: Client;
  let owner: Client;
  let otherOwner: Client;
  let levels: ClassificationLevel[];

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    otherOwner = await createUserAndLogin(admin, { roles: ['owner'] });
    levels = (await admin.get('/api/v1/classifications')).json().items;
  });
  afterAll(() => app.close());

  describe('one asset', () => {
    it('is created with its references and its value derived from C/I/A', async () => {
      const unit = await createOrgUnit(admin);
      const site = await createLocation(admin);
      const asset = await createAsset(admin, {
        name: '顧客データベース',
        owner: { type: 'user', id: owner.user.id },
        custodian: { type: 'unit', id: unit.id },
        orgUnitId: unit.id,
        locationId: site.id,
        classificationId: levels[2]!.id,
        confidentiality: 3,
        integrity: 2,
        availability: 1,
        businessProcess: 'Sales',
        nextReviewDate: '2027-03-31',
        tags: ['crm', 'personal-data'],
      });
      expect(asset).toMatchObject({
        name: '顧客データベース',
        category: 'information',
        owner: {
          type: 'user',
          id: owner.user.id,
          name: owner.user.displayName,
          key: owner.user.email,
        },
        custodian: { type: 'unit', id: unit.id, name: unit.name, key: unit.code },
        orgUnit: { id: unit.id, code: unit.code },
        location: { id: site.id, code: site.code },
        classification: {
          id: levels[2]!.id,
          code: 'confidential',
          name: { ja: '秘', en: 'Confidential' },
        },
        value: 3,
        status: 'in_use',
        nextReviewDate: '2027-03-31',
        tags: ['crm', 'personal-data'],
        version: 1,
      });
      const res = await owner.get(`/api/v1/assets/${asset.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
    });

    it('validates C/I/A on the scale (1–3), references and unique codes', async () => {
      const bad = await admin.post('/api/v1/assets', {
        code: uniqueCode('A'),
        name: 'x',
        category: 'software',
        owner: { type: 'user', id: '00000000-0000-4000-8000-000000000000' },
        confidentiality: 4,
      });
      expect(bad.statusCode).toBe(422);
      expect(
        bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      ).toEqual([
        ['owner', 'reference_not_found'],
        ['confidentiality', 'cia_out_of_range'],
      ]);
      expect(bad.json().errors[1].message).toBe('Use a whole number from 1 to 3.');
      const { code } = await createAsset(admin);
      const dup = await admin.post('/api/v1/assets', {
        code,
        name: 'x',
        category: 'software',
        owner: { type: 'user', id: admin.user.id },
      });
      expect(dup.statusCode).toBe(422);
      expect(dup.json().errors[0].code).toBe('code_taken');
    });

    it('refuses references to another organization’s objects', async () => {
      const { admin: adminB } = await addOrganization(app, { name: 'Org B of assets' });
      const unitB = await createOrgUnit(adminB);
      const res = await admin.post('/api/v1/assets', {
        code: uniqueCode('A'),
        name: 'x',
        category: 'service',
        owner: { type: 'unit', id: unitB.id },
        orgUnitId: unitB.id,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'owner',
        'orgUnitId',
      ]);
    });

    it('needs If-Match to change, refuses the second of two concurrent edits, and re-derives the value', async () => {
      const asset = await createAsset(admin, { confidentiality: 1, integrity: 1, availability: 1 });
      const url = `/api/v1/assets/${asset.id}`;
      expect((await admin.patch(url, { name: 'No precondition' })).statusCode).toBe(428);
      const first = await admin.patch(url, { availability: 3 }, { headers: { 'if-match': '"1"' } });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ availability: 3, value: 3, version: 2 });
      const second = await admin.patch(url, { name: 'Lost' }, { headers: { 'if-match': '"1"' } });
      expect(second.statusCode).toBe(412);
      expect((await admin.get(url)).json().name).toBe(asset.name);
    });
  });

  describe('owners', () => {
    it('may edit only the assets they own', async () => {
      const mine = await createAsset(admin, { owner: { type: 'user', id: owner.user.id } });
      const theirs = await createAsset(admin, { owner: { type: 'user', id: otherOwner.user.id } });
      const edit = await owner.patch(
        `/api/v1/assets/${mine.id}`,
        { description: 'Checked by its owner' },
        { headers: { 'if-match': '"1"' } },
      );
      expect(edit.statusCode, edit.body).toBe(200);
      const other = await owner.patch(
        `/api/v1/assets/${theirs.id}`,
        { description: 'Not mine' },
        { headers: { 'if-match': '"1"' } },
      );
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('forbidden_not_owner');
      const deps = await owner.put(
        `/api/v1/assets/${theirs.id}/dependencies`,
        { items: [] },
        { headers: { 'if-match': '"1"' } },
      );
      expect(deps.statusCode).toBe(403);
    });

    it('may not create assets (that needs write access to the whole ISMS)', async () => {
      const res = await owner.post('/api/v1/assets', {
        code: uniqueCode('A'),
        name: 'Mine',
        category: 'physical',
        owner: { type: 'user', id: owner.user.id },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden_reach_all');
    });

    it('may bulk-change only their own assets', async () => {
      const mine = await createAsset(admin, { owner: { type: 'user', id: owner.user.id } });
      const theirs = await createAsset(admin, { owner: { type: 'user', id: otherOwner.user.id } });
      const refused = await owner.post('/api/v1/assets/bulk-update', {
        ids: [mine.id, theirs.id],
        classificationId: levels[1]!.id,
      });
      expect(refused.statusCode).toBe(403);
      expect((await admin.get(`/api/v1/assets/${mine.id}`)).json().classification).toBeNull();
      const done = await owner.post('/api/v1/assets/bulk-update', {
        ids: [mine.id],
        classificationId: levels[1]!.id,
      });
      expect(done.json()).toEqual({ updated: 1 });
    });
  });

  describe('the register', () => {
    const tag = uniqueCode('tag');
    let unitId: string;
    let created: Asset[];

    beforeAll(async () => {
      unitId = (await createOrgUnit(admin)).id;
      created = [];
      const rows = [
        {
          name: 'Alpha server',
          category: 'physical',
          confidentiality: 1,
          nextReviewDate: '2027-01-01',
        },
        { name: 'Bravo app', category: 'software', confidentiality: 3, status: 'retired' },
        {
          name: 'Charlie data',
          category: 'information',
          confidentiality: 2,
          nextReviewDate: '2026-06-01',
        },
        { name: 'Delta service', category: 'service', integrity: 3, orgUnitId: unitId },
        { name: 'Echo laptop', category: 'physical', availability: 2, orgUnitId: unitId },
      ];
      for (const [i, row] of rows.entries()) {
        created.push(
          await createAsset(admin, {
            code: `${tag}-${i}`,
            tags: [tag, i % 2 ? 'odd' : 'even'],
            owner: { type: 'user', id: i < 2 ? owner.user.id : admin.user.id },
            ...row,
          }),
        );
      }
    });

    const list = async (query: Record<string, string>) => {
      const res = await admin.get('/api/v1/assets', { query: { tag, ...query } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it('filters in SQL by text, category, owner, unit, status and tag', async () => {
      expect(ids(await list({ q: 'ALPHA' }))).toEqual([created[0]!.id]);
      expect(ids(await list({ q: `${tag}-3` }))).toEqual([created[3]!.id]);
      expect(ids(await list({ category: 'physical' }))).toEqual([created[0]!.id, created[4]!.id]);
      expect(ids(await list({ owner: owner.user.id }))).toEqual([created[0]!.id, created[1]!.id]);
      expect(ids(await list({ orgUnitId: unitId }))).toEqual([created[3]!.id, created[4]!.id]);
      expect(ids(await list({ status: 'retired' }))).toEqual([created[1]!.id]);
      expect(ids(await list({ reviewDueBy: '2026-12-31' }))).toEqual([created[2]!.id]);
      expect(
        (await admin.get('/api/v1/assets', { query: { tag: 'odd', q: tag } })).json().items,
      ).toHaveLength(2);
    });

    it('sorts by value, name, next review date and update time, and pages with a cursor', async () => {
      const byValue = await list({ sort: 'value', direction: 'desc' });
      expect(byValue.items.map((a: Asset) => a.value)).toEqual([3, 3, 2, 2, 1]);
      const byReview = await list({ sort: 'nextReviewDate' });
      expect(byReview.items.slice(0, 2).map((a: Asset) => a.nextReviewDate)).toEqual([
        '2026-06-01',
        '2027-01-01',
      ]);
      for (const sort of ['code', 'name', 'value', 'updatedAt', 'nextReviewDate']) {
        for (const direction of ['asc', 'desc']) {
          const all = ids(await list({ sort, direction }));
          const paged: string[] = [];
          let cursor: string | null = null;
          do {
            const page = await list({ sort, direction, limit: '2', ...(cursor ? { cursor } : {}) });
            paged.push(...ids(page));
            cursor = page.nextCursor;
          } while (cursor);
          expect(paged, `${sort} ${direction}`).toEqual(all);
          expect(new Set(paged).size).toBe(5);
        }
      }
    });

    it('changes the owner of a selection in one step, audited per asset', async () => {
      const selection = [created[2]!.id, created[3]!.id];
      const res = await admin.post('/api/v1/assets/bulk-update', {
        ids: selection,
        owner: { type: 'unit', id: unitId },
        classificationId: levels[3]!.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ updated: 2 });
      for (const id of selection) {
        const asset = (await admin.get(`/api/v1/assets/${id}`)).json();
        expect(asset).toMatchObject({
          owner: { type: 'unit', id: unitId },
          classification: { code: 'strictly_confidential' },
          version: 2,
        });
        const history = (await admin.get(`/api/v1/assets/${id}/history`)).json().items;
        expect(history[0]).toMatchObject({
          action: 'asset.updated',
          before: { ownerUserId: admin.user.id, ownerUnitId: null, classificationId: null },
          after: { ownerUserId: null, ownerUnitId: unitId, classificationId: levels[3]!.id },
        });
      }
      const missing = await admin.post('/api/v1/assets/bulk-update', {
        ids: [created[0]!.id, '00000000-0000-4000-8000-000000000000'],
        classificationId: null,
      });
      expect(missing.statusCode).toBe(404);
      const nothing = await admin.post('/api/v1/assets/bulk-update', { ids: [created[0]!.id] });
      expect(nothing.statusCode).toBe(422);
    });
  });

  describe('dependencies and history', () => {
    it('links assets with typed edges, never to themselves', async () => {
      const app1 = await createAsset(admin, { name: 'Payroll app', category: 'software' });
      const server = await createAsset(admin, { name: 'App server', category: 'physical' });
      const db = await createAsset(admin, { name: 'Payroll DB', category: 'software' });
      const url = `/api/v1/assets/${app1.id}/dependencies`;
      const set = await admin.put(
        url,
        {
          items: [
            { type: 'runs_on', assetId: server.id },
            { type: 'stores', assetId: db.id },
          ],
        },
        { headers: { 'if-match': '"1"' } },
      );
      expect(set.statusCode, set.body).toBe(200);
      expect(set.headers.etag).toBe('"2"');
      expect(set.json().outgoing).toEqual([
        { type: 'runs_on', asset: { id: server.id, code: server.code, name: 'App server' } },
        { type: 'stores', asset: { id: db.id, code: db.code, name: 'Payroll DB' } },
      ]);
      const incoming = (await admin.get(`/api/v1/assets/${server.id}/dependencies`)).json();
      expect(incoming).toEqual({
        outgoing: [],
        incoming: [
          { type: 'runs_on', asset: { id: app1.id, code: app1.code, name: 'Payroll app' } },
        ],
      });
      const self = await admin.put(
        url,
        { items: [{ type: 'depends_on', assetId: app1.id }] },
        { headers: { 'if-match': '"2"' } },
      );
      expect(self.statusCode).toBe(422);
      expect(self.json().errors[0]).toMatchObject({
        field: 'items.0.assetId',
        code: 'dependency_self',
      });
      const stale = await admin.put(url, { items: [] }, { headers: { 'if-match': '"1"' } });
      expect(stale.statusCode).toBe(412);
      const kind = await admin.put(
        url,
        { items: [{ type: 'likes', assetId: db.id }] },
        { headers: { 'if-match': '"2"' } },
      );
      expect(kind.statusCode).toBe(400);
    });

    it('shows the full history of an asset from the audit trail', async () => {
      const asset = await createAsset(admin, { name: 'v1' });
      const url = `/api/v1/assets/${asset.id}`;
      await admin.patch(url, { name: 'v2' }, { headers: { 'if-match': '"1"' } });
      await admin.patch(url, { status: 'retired' }, { headers: { 'if-match': '"2"' } });
      const history = await owner.get(`${url}/history`);
      expect(history.statusCode).toBe(200);
      const items = history.json().items;
      expect(items.map((e: { action: string }) => e.action)).toEqual([
        'asset.updated',
        'asset.updated',
        'asset.created',
      ]);
      expect(items[0]).toMatchObject({
        before: { status: 'in_use', version: 2 },
        after: { status: 'retired', version: 3 },
        actorId: admin.user.id,
      });
      expect(items[1]).toMatchObject({ before: { name: 'v1' }, after: { name: 'v2' } });
      expect(items[2].after).toMatchObject({ name: 'v1', code: asset.code });
    });
  });
});
