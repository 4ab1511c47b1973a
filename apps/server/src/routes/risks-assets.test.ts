import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RiskDto } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { upload } from '../testing/isms.ts';
import { approveMethod, assetsWithRisks } from './risks.fixtures.ts';

// An asset's C/I/A is an input of its risks: changing it, by hand or by a
// re-import, must re-derive those risks at once, not at the next method change.
describeEachDatabase('risks follow their asset', (ctx) => {
  let app: App;
  let admin: Client;
  let email: string;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin, email } = await setupOrganization(app));
    const top = await createUserAndLogin(admin, { roles: ['top_management'] });
    await approveMethod(admin, top);
  });
  afterAll(() => app.close());

  const risksOf = async (assetId: string) => {
    const res = await admin.get('/api/v1/risks', { query: { assetId, limit: '200' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: RiskDto[] }>().items;
  };

  it('re-derives the risks of an asset whose C/I/A is edited', async () => {
    const { assets } = await assetsWithRisks(admin, [{ category: 'information', cia: [1, 1, 1] }]);
    const asset = assets[0]!;
    const before = await risksOf(asset.id);
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before.map((r) => r.assetValue))).toEqual(new Set([1]));

    const patched = await admin.patch(
      `/api/v1/assets/${asset.id}`,
      { confidentiality: 3 },
      { headers: { 'if-match': `"${asset.version}"` } },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await risksOf(asset.id);
    expect(new Set(after.map((r) => r.assetValue))).toEqual(new Set([3]));
    for (const risk of after) {
      const old = before.find((r) => r.id === risk.id)!;
      expect(risk.value).toBe(old.value! * 3); // multiplicative: asset value × threat × vulnerability
    }
  });

  it('re-derives them when a re-import changes the values', async () => {
    const { assets } = await assetsWithRisks(admin, [{ category: 'information', cia: [1, 1, 1] }]);
    const asset = assets[0]!;
    const csv = `Code,Name,Category,Owner,Confidentiality,Integrity,Availability\r\n${asset.code},${asset.name},information,${email},1,2,1\r\n`;
    const imported = await upload(admin, '/api/v1/assets/import', csv);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().status, imported.body).toBe('succeeded');
    expect(new Set((await risksOf(asset.id)).map((r) => r.assetValue))).toEqual(new Set([2]));
  });
});
