import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RiskDto } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { approveMethod, assetsWithRisks, ifMatch, riskOf } from './risks.fixtures.ts';

type Selection = { count: number; tag: string; notOwned: number; pending: number; max: number };

const select = async (client: Client, filter: Record<string, string>) => {
  const res = await client.get('/api/v1/risks/selection', { query: filter });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Selection>();
};

const treatment = {
  option: 'apply_controls',
  rationale: 'Physical protection of the information assets',
  controlIds: ['7.1.3', '7.2.1'],
  justification: 'Protects the rooms and equipment holding the information',
  residualLikelihood: 1,
};

describeEachDatabase('bulk treatment of a filtered set of risks', (ctx) => {
  let app: App;
  let admin: Client;
  let top: Client;
  let owner: Client;
  // The risks of information assets above the acceptable level.
  const filter = { assetCategory: 'information', evaluation: 'treat' };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: '守テスト株式会社' }));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    await approveMethod(admin, top);
    await assetsWithRisks(admin, [
      { category: 'information', cia: [3, 3, 3], owner: owner.user.id },
      { category: 'information', cia: [3, 2, 3] },
      { category: 'service', cia: [3, 3, 3] },
    ]);
  });
  afterAll(() => app.close());

  it('selects by asset category and evaluation, and refuses an invalid treatment by field', async () => {
    const all = (await admin.get('/api/v1/risks', { query: { ...filter, limit: '200' } })).json<{
      items: RiskDto[];
    }>().items;
    const selection = await select(admin, filter);
    expect(selection.count).toBe(all.length);
    expect(selection.count).toBeGreaterThan(1);
    expect(all.every((r) => r.evaluation === 'treat' && r.asset.category === 'information')).toBe(
      true,
    );
    expect(selection).toMatchObject({ notOwned: 0, pending: 0, max: 1000 });

    const res = await admin.post('/api/v1/risks/bulk-treatment', {
      filter,
      expected: selection,
      option: 'apply_controls',
      rationale: '',
      controlIds: ['7.1.3', '99.9.9'],
      justification: ' ',
    });
    expect(res.statusCode, res.body).toBe(422);
    const fields = res.json<{ errors: { field: string; code: string }[] }>().errors;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'rationale', code: 'field_required' }),
        expect.objectContaining({ field: 'justification', code: 'field_required' }),
        expect.objectContaining({ field: 'controlIds.1', code: 'risk_control_unknown' }),
      ]),
    );
  });

  it('lets an owner treat only the risks they own', async () => {
    const mixed = await select(owner, filter);
    expect(mixed.notOwned).toBeGreaterThan(0);
    const refused = await owner.post('/api/v1/risks/bulk-treatment', {
      filter,
      expected: mixed,
      ...treatment,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('forbidden_not_owner');

    const own = { ...filter, ownerUserId: owner.user.id };
    const mine = await select(owner, own);
    expect(mine).toMatchObject({ notOwned: 0 });
    expect(mine.count).toBeGreaterThan(0);
    const done = await owner.post('/api/v1/risks/bulk-treatment', {
      filter: own,
      expected: mine,
      ...treatment,
      option: 'retain',
      controlIds: [],
      rationale: 'Within the budget of the owner',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().updated).toBe(mine.count);
  });

  it('refuses a selection that changed after it was shown (412)', async () => {
    const seen = await select(admin, filter);
    const one = (await admin.get('/api/v1/risks', { query: { ...filter, limit: '1' } })).json<{
      items: RiskDto[];
    }>().items[0]!;
    const detail = await riskOf(admin, one.id);
    const changed = await admin.patch(
      `/api/v1/risks/${one.id}`,
      { notes: 'changed meanwhile' },
      ifMatch(detail.version),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await admin.post('/api/v1/risks/bulk-treatment', {
      filter,
      expected: seen,
      ...treatment,
    });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json().code).toBe('risk_selection_changed');
    expect((await riskOf(admin, one.id)).treatmentOption).not.toBe('apply_controls');
  });

  it('treats the whole set in one request, audited per risk, then plans and sends it for approval', async () => {
    const seen = await select(admin, filter);
    const res = await admin.post('/api/v1/risks/bulk-treatment', {
      filter,
      expected: seen,
      ...treatment,
      ownerUserId: owner.user.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<{
      updated: number;
      riskIds: string[];
      proposals: { controlId: string; displayId: string; titleJa: string; riskIds: string[] }[];
    }>();
    expect(result.updated).toBe(seen.count);
    for (const id of result.riskIds) {
      const risk = await riskOf(admin, id);
      expect(risk.treatmentOption).toBe('apply_controls');
      expect(risk.owner?.id).toBe(owner.user.id);
      expect(risk.residual.likelihood).toBe(1);
      expect(
        risk.controls
          .filter((c) => c.role === 'selected')
          .map((c) => [c.controlId, c.justification]),
      ).toEqual([
        ['7.1.3', treatment.justification],
        ['7.2.1', treatment.justification],
      ]);
    }
    const events = await admin.get('/api/v1/audit/events', {
      query: { action: 'risk.treatment_set', limit: '500' },
    });
    const audited = events.json<{ items: { entityId: string }[] }>().items.map((e) => e.entityId);
    expect(result.riskIds.every((id) => audited.includes(id))).toBe(true);

    // One proposed action per control, for every risk of the set.
    expect(result.proposals.map((p) => p.controlId)).toEqual(['7.1.3', '7.2.1']);
    expect(result.proposals[0]!.titleJa).not.toBe('');
    expect(result.proposals[0]!.riskIds.sort()).toEqual([...result.riskIds].sort());
    const created = await admin.post('/api/v1/treatment-plan/from-treatment', {
      riskIds: result.riskIds,
      controlIds: ['7.1.3'],
      ownerUserId: owner.user.id,
      dueDate: '2027-03-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const [action] = created.json<{ items: { riskIds: string[]; controlIds: string[] }[] }>().items;
    expect(action!.controlIds).toEqual(['7.1.3']);
    expect(action!.riskIds).toHaveLength(result.riskIds.length);
    const again = await admin.post('/api/v1/treatment-plan/proposals', {
      riskIds: result.riskIds,
    });
    expect(again.json().items.map((p: { controlId: string }) => p.controlId)).toEqual(['7.2.1']);
    const twice = await admin.post('/api/v1/treatment-plan/from-treatment', {
      riskIds: result.riskIds,
      controlIds: ['7.1.3'],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0]).toMatchObject({
      field: 'controlIds.0',
      code: 'action_proposal_unknown',
    });
    // An owner may not create plan actions (reach 'all').
    const byOwner = await owner.post('/api/v1/treatment-plan/from-treatment', {
      riskIds: result.riskIds,
      controlIds: ['7.2.1'],
    });
    expect(byOwner.statusCode).toBe(403);

    // The batch goes to top management as one request; meanwhile it cannot change.
    const sent = await admin.post('/api/v1/risks/residual-acceptances', {
      riskIds: result.riskIds,
      note: 'Information assets',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().riskCount).toBe(result.riskIds.length);
    const locked = await admin.post('/api/v1/risks/bulk-treatment', {
      filter,
      expected: await select(admin, filter),
      ...treatment,
    });
    expect(locked.statusCode, locked.body).toBe(409);
  });

  it('refuses an empty selection, and never reaches another organization', async () => {
    const orgB = await addOrganization(app, { name: 'Org B' });
    const [assetB] = (
      await assetsWithRisks(orgB.admin, [{ category: 'information', cia: [3, 3, 3] }])
    ).assets;
    const risksB = (
      await orgB.admin.get('/api/v1/risks', { query: { assetId: assetB!.id, limit: '200' } })
    ).json<{ items: RiskDto[] }>().items;
    expect(risksB.length).toBeGreaterThan(0);
    const treatedB = await orgB.admin.put(
      `/api/v1/risks/${risksB[0]!.id}/treatment`,
      {
        option: 'apply_controls',
        rationale: 'B',
        selectedControls: [{ controlId: '7.1.3', justification: 'B' }],
      },
      ifMatch(risksB[0]!.version),
    );
    expect(treatedB.statusCode, treatedB.body).toBe(200);
    const ownProposals = await orgB.admin.post('/api/v1/treatment-plan/proposals', {
      riskIds: [risksB[0]!.id],
    });
    expect(ownProposals.json().items).toHaveLength(1);
    const probe = { assetId: assetB!.id };
    const seen = await select(admin, probe);
    expect(seen.count).toBe(0);
    const res = await admin.post('/api/v1/risks/bulk-treatment', {
      filter: probe,
      expected: seen,
      ...treatment,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'filter', code: 'risk_bulk_empty' });
    const proposals = await admin.post('/api/v1/treatment-plan/proposals', {
      riskIds: risksB.map((r) => r.id),
    });
    expect(proposals.json().items).toEqual([]);
  });
});
