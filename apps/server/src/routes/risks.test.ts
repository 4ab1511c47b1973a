import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RiskDto, RiskMethodDto, ThreatDto } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { riskMethodRules } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { approveMethod, assetsWithRisks, ifMatch, riskOf } from './risks.fixtures.ts';

describeEachDatabase('risk method and register', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let top: Client;
  let owner: Client;
  let staff: Client;
  let auditor: Client;
  let method: RiskMethodDto;
  let risks: RiskDto[];

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('previews the full matrix of a definition with its problems', async () => {
    const draft = await admin.post('/api/v1/risk-methods', { name: 'Draft', preset: 'additive' });
    expect(draft.statusCode, draft.body).toBe(201);
    const preview = await admin.get(`/api/v1/risk-methods/${draft.json().id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().cells).toHaveLength(5);
    expect(preview.json().cells[4].map((c: { value: number }) => c.value)).toEqual([
      4, 5, 6, 5, 6, 7, 6, 7, 8,
    ]);
    const bad = { ...draft.json().definition, acceptableLevel: 99 };
    const checked = await admin.post('/api/v1/risk-methods/preview', bad);
    expect(checked.json().problems).toEqual([
      { field: 'acceptableLevel', code: 'acceptable_out_of_range' },
    ]);
    const refused = await admin.patch(
      `/api/v1/risk-methods/${draft.json().id}`,
      { definition: bad },
      ifMatch(draft.json().version),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('definition.acceptableLevel');
  });

  it('seeds the starter threats and vulnerabilities on first use', async () => {
    const threats = await admin.get('/api/v1/threats', { query: { limit: '200' } });
    expect(threats.statusCode).toBe(200);
    expect(threats.json().items).toHaveLength(44);
    const fire = threats.json().items.find((t: ThreatDto) => t.code === 'T01');
    expect(fire.name.ja).toBe('火災');
    expect(fire.source).toBe('starter');
    const vulns = await admin.get('/api/v1/vulnerabilities', { query: { threat: 'T11' } });
    expect(vulns.json().items.map((v: { code: string }) => v.code)).toContain('V01');
    const own = await admin.post('/api/v1/threats', {
      code: 'X01',
      group: 'unauthorized_actions',
      name: { ja: '内部不正', en: 'Insider misuse' },
      affects: ['confidentiality'],
      assetCategories: ['information'],
      defaultLikelihood: 2,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().source).toBe('custom');
    expect(
      (await owner.post('/api/v1/threats', { ...own.json<ThreatDto>(), code: 'X02' })).statusCode,
    ).toBe(403);
  });

  it('generates risks of asset category × applicable threat in one operation', async () => {
    method = await approveMethod(admin, top);
    expect(method.status).toBe('approved');
    const { assets, job } = await assetsWithRisks(admin, [
      { category: 'information', cia: [3, 2, 1], owner: owner.user.id },
      { category: 'software', cia: [1, 1, 1] },
    ]);
    const list = await admin.get('/api/v1/risks', { query: { limit: '200' } });
    risks = list.json().items;
    expect(risks.length).toBe(job.result.created);
    // 29 + 1 own threats apply to information, 11 to software (starter catalog).
    expect(risks.filter((r) => r.asset.id === assets[0]!.id)).toHaveLength(30);
    expect(risks.filter((r) => r.asset.id === assets[1]!.id)).toHaveLength(11);
    for (const r of risks) {
      expect(r.code).toMatch(/^R-\d{6}$/);
      // Levels 1–3 on scales whose values are 1–3.
      expect(r.value).toBe(r.assetValue! * r.likelihood * r.vulnerabilityLevel);
      expect(r.evaluation).toBe(r.value! <= 4 ? 'accept' : 'treat');
    }
    expect(risks.find((r) => r.asset.id === assets[0]!.id)!.assetValue).toBe(3);
    expect(risks.find((r) => r.asset.id === assets[0]!.id)!.owner?.id).toBe(owner.user.id);
    // Generating again adds nothing.
    const again = await admin.post('/api/v1/risks/generate', { assetIds: [assets[0]!.id] });
    expect(again.json().result.created).toBe(0);
    // Progress counts assets (the generation runs a chunk of assets at a time).
    expect(again.json()).toMatchObject({ processed: 1, total: 1, status: 'succeeded' });
  });

  it('changing a scale value recomputes every risk in one approval', async () => {
    // The threat scale becomes 1/4/9 instead of 1/2/3: every value and band follows.
    const next = {
      ...method.definition,
      threatScale: method.definition.threatScale.map((l, i) => ({ ...l, value: (i + 1) ** 2 })),
    };
    const rules = { ...next } as Parameters<typeof riskMethodRules.riskValue>[0];
    await approveMethod(admin, top, { name: 'Method v2', definition: next });
    const after = (await admin.get('/api/v1/risks', { query: { limit: '200' } })).json().items;
    expect(after).toHaveLength(risks.length);
    let changed = 0;
    for (const r of after as RiskDto[]) {
      const value = riskMethodRules.riskValue(rules, {
        assetValue: r.assetValue!,
        threat: next.threatScale[r.likelihood - 1]!.value,
        vulnerability: next.vulnerabilityScale[r.vulnerabilityLevel - 1]!.value,
      });
      expect(r.value).toBe(value);
      const band = riskMethodRules.riskBand(rules, value);
      expect(r.level?.label).toEqual(band.label);
      expect(r.evaluation).toBe(riskMethodRules.evaluate(rules, value));
      if (r.value !== risks.find((o) => o.id === r.id)!.value) changed += 1;
    }
    expect(changed).toBe(after.filter((r: RiskDto) => r.likelihood >= 2).length);
    expect(changed).toBeGreaterThan(0);
    const old = await admin.get(`/api/v1/risk-methods/${method.id}`);
    expect(old.json().status).toBe('superseded');
    method = (await admin.get('/api/v1/risk-methods/current')).json();
    expect(method.name).toBe('Method v2');
  });

  it('filters the register and counts the heat map in one GROUP BY', async () => {
    const map = await admin.get('/api/v1/risks/heatmap');
    expect(map.statusCode, map.body).toBe(200);
    const body = map.json();
    expect(body.total).toBe(risks.length);
    expect(body.likelihood.map((l: { value: number }) => l.value)).toEqual([1, 2, 3]);
    const cell = body.cells[0];
    const filtered = await admin.get('/api/v1/risks', {
      query: { likelihood: String(cell.likelihood), impact: String(cell.impact), limit: '200' },
    });
    expect(filtered.json().items).toHaveLength(cell.count);
    const page1 = await admin.get('/api/v1/risks', { query: { limit: '5', sort: 'value' } });
    const page2 = await admin.get('/api/v1/risks', {
      query: { limit: '5', sort: 'value', cursor: page1.json().nextCursor },
    });
    const ids = [...page1.json().items, ...page2.json().items].map((r: RiskDto) => r.id);
    expect(new Set(ids).size).toBe(10);
    const mine = await admin.get('/api/v1/risks', {
      query: { ownerUserId: owner.user.id, limit: '200' },
    });
    expect(mine.json().items).toHaveLength(30);
  });

  it('owners edit their own risks only; staff see none; the external auditor only reads', async () => {
    const own = risks.find((r) => r.owner?.id === owner.user.id)!;
    const other = risks.find((r) => r.owner?.id !== owner.user.id)!;
    const current = await riskOf(owner, own.id);
    const ok = await owner.patch(
      `/api/v1/risks/${own.id}`,
      { notes: 'checked' },
      ifMatch(current.version),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().notes).toBe('checked');
    const stale = await owner.patch(
      `/api/v1/risks/${own.id}`,
      { notes: 'x' },
      ifMatch(current.version),
    );
    expect(stale.statusCode).toBe(412);
    const theirs = await riskOf(admin, other.id);
    const refused = await owner.patch(
      `/api/v1/risks/${other.id}`,
      { notes: 'x' },
      ifMatch(theirs.version),
    );
    expect(refused.statusCode).toBe(403);
    expect((await staff.get('/api/v1/risks')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/risks/heatmap')).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/risks')).statusCode).toBe(200);
    const denied = await auditor.patch(`/api/v1/risks/${own.id}`, { notes: 'x' }, ifMatch(1));
    expect(denied.statusCode).toBe(403);
    expect((await auditor.post('/api/v1/risks/generate', {})).statusCode).toBe(403);
  });

  it('refuses to mark a risk above the acceptable level accepted without treatment', async () => {
    const high = risks.find((r) => r.owner?.id === owner.user.id)!;
    const current = await riskOf(admin, high.id);
    expect(current.evaluation).toBe('treat');
    const res = await admin.patch(
      `/api/v1/risks/${high.id}`,
      { status: 'accepted' },
      ifMatch(current.version),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'status',
      code: 'risk_above_acceptable_untreated',
    });
  });

  it('leaves closed risks out with open=true, as the conformity view counts them', async () => {
    const target = risks.find((r) => r.owner?.id !== owner.user.id)!;
    const current = await riskOf(admin, target.id);
    const closed = await admin.patch(
      `/api/v1/risks/${target.id}`,
      { status: 'closed' },
      ifMatch(current.version),
    );
    expect(closed.statusCode, closed.body).toBe(200);
    const ids = async (query: Record<string, string>) => {
      const res = await admin.get('/api/v1/risks', { query: { ...query, limit: '200' } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((r: RiskDto) => r.id) as string[];
    };
    const all = await ids({});
    const open = await ids({ open: 'true' });
    expect(all).toContain(target.id);
    expect(open).not.toContain(target.id);
    expect(open).toHaveLength(all.length - 1);
    // With another filter: the risk matches it, and only open=true leaves it out.
    const evaluation = current.evaluation!;
    expect(await ids({ evaluation })).toContain(target.id);
    expect(await ids({ evaluation, open: 'true' })).not.toContain(target.id);
    expect(await ids({ open: 'false' })).toEqual(all);
    const bad = await admin.get('/api/v1/risks', { query: { open: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('open');
  });
});
