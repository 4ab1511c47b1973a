import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PreventiveProposal, RiskDto } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { approveMethod, assetsWithRisks, ifMatch, riskOf } from './risks.fixtures.ts';

/** The multiplicative preset has three bands: the top one is high, the middle medium. */
const priorityOf = (level: number) => (level >= 3 ? 'high' : level * 2 > 3 ? 'medium' : 'low');

describeEachDatabase('preventive proposals from reassessment runs', (ctx) => {
  let app: App;
  let manager: Client;
  let staff: Client;
  let proposals: PreventiveProposal[];
  let target: RiskDto;
  let newRisks: RiskDto[];

  const listAll = async () =>
    (await manager.get('/api/v1/preventive-proposals', { query: { limit: '200' } })).json<{
      items: PreventiveProposal[];
    }>().items;
  const run = async (title: string) => {
    const res = await manager.post('/api/v1/risk-assessments', { title, reasons: ['initial'] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>();
  };
  const setLevels = async (id: string, likelihood: number, vulnerabilityLevel: number) => {
    const risk = await riskOf(manager, id);
    const res = await manager.patch(
      `/api/v1/risks/${id}`,
      { likelihood, vulnerabilityLevel },
      ifMatch(risk.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RiskDto>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    const top = await createUserAndLogin(manager, { roles: ['top_management'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    await approveMethod(manager, top);
    await assetsWithRisks(manager, [{ category: 'information', cia: [2, 2, 2] }]);
    const before = (await manager.get('/api/v1/risks', { query: { limit: '200' } })).json<{
      items: RiskDto[];
    }>().items;
    // Asset value 2 × 1 × 1: the lowest band.
    target = await setLevels(before[0]!.id, 1, 1);
    expect(target.level?.index).toBe(1);
    await run('Initial assessment');
    expect(await listAll()).toEqual([]);

    // Raised two bands (2 × 3 × 3 = 18), and a new asset's risks, none treated yet.
    target = await setLevels(target.id, 3, 3);
    expect(target.level?.index).toBe(3);
    await assetsWithRisks(manager, [{ category: 'information', cia: [3, 3, 3] }]);
    const after = (await manager.get('/api/v1/risks', { query: { limit: '200' } })).json<{
      items: RiskDto[];
    }>().items;
    const known = new Set(before.map((r) => r.id));
    newRisks = after.filter((r) => !known.has(r.id));
    await run('After the new system');
    proposals = await listAll();
  });
  afterAll(() => app.close());

  it('proposes preventive action for a risk raised by the level jump, with a high priority', () => {
    const jump = proposals.filter((p) => p.reason === 'level_jump');
    expect(jump).toHaveLength(1);
    expect(jump[0]).toMatchObject({
      risk: { id: target.id, code: target.code },
      previousLevel: 1,
      newLevel: 3,
      priority: 'high',
      status: 'proposed',
    });
  });

  it('proposes it for each new risk above the acceptable level without treatment, only those', () => {
    const untreated = proposals.filter((p) => p.reason === 'untreated_above_acceptable');
    const expected = newRisks.filter((r) => r.evaluation === 'treat').map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(untreated.map((p) => p.risk.id).sort()).toEqual(expected.sort());
    for (const p of untreated) {
      expect(p.previousLevel).toBeNull();
      expect(p.priority).toBe(priorityOf(p.newLevel));
    }
    expect(proposals).toHaveLength(expected.length + 1);
  });

  it('keeps one open proposal per risk when the next run finds the same', async () => {
    await setLevels(target.id, 1, 1);
    await run('Back down');
    await setLevels(target.id, 3, 3);
    await run('Up again');
    expect((await listAll()).filter((p) => p.risk.id === target.id)).toHaveLength(1);
  });

  it('accepts a proposal: a potential nonconformity is raised with the risk and priority', async () => {
    const proposal = proposals.find((p) => p.reason === 'level_jump')!;
    const byStaff = await staff.post(
      `/api/v1/preventive-proposals/${proposal.id}/decision`,
      { decision: 'accepted', reason: 'x' },
      ifMatch(proposal.version),
    );
    expect(byStaff.statusCode).toBe(403);
    const res = await manager.post(
      `/api/v1/preventive-proposals/${proposal.id}/decision`,
      { decision: 'accepted', reason: 'New system doubles exposure', ownerId: manager.user.id },
      ifMatch(proposal.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    const accepted = res.json<PreventiveProposal>();
    expect(accepted).toMatchObject({
      status: 'accepted',
      decidedBy: { id: manager.user.id },
      nonconformity: { code: expect.stringMatching(/^NC-\d{4}$/) },
    });
    const [nc] = await app.database.db
      .select()
      .from(schema.nonconformities)
      .where(eq(schema.nonconformities.id, accepted.nonconformity!.id));
    expect(nc).toMatchObject({
      kind: 'potential',
      source: 'risk_change',
      riskId: target.id,
      priority: 'high',
      ownerId: manager.user.id,
      status: 'reported',
    });
    const again = await manager.post(
      `/api/v1/preventive-proposals/${proposal.id}/decision`,
      { decision: 'dismissed', reason: 'Changed my mind' },
      ifMatch(accepted.version),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('proposal_already_decided');
  });

  it('dismisses a proposal only with a reason', async () => {
    const proposal = proposals.find((p) => p.reason === 'untreated_above_acceptable')!;
    const bare = await manager.post(
      `/api/v1/preventive-proposals/${proposal.id}/decision`,
      { decision: 'dismissed' },
      ifMatch(proposal.version),
    );
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors[0]).toMatchObject({
      field: 'reason',
      code: 'decision_reason_required',
    });
    const res = await manager.post(
      `/api/v1/preventive-proposals/${proposal.id}/decision`,
      { decision: 'dismissed', reason: 'Covered by the backup project' },
      ifMatch(proposal.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed', nonconformity: null });
    const open = await manager.get('/api/v1/preventive-proposals', {
      query: { status: 'proposed', limit: '200' },
    });
    const ids = open.json().items.map((p: PreventiveProposal) => p.id);
    expect(ids).not.toContain(proposal.id);
    const trail = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'preventive_proposal', entityId: proposal.id },
    });
    expect(
      trail
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['preventive_proposal.dismissed', 'preventive_proposal.proposed']);
  });

  it('shows staff only the proposals on risks they own', async () => {
    const res = await staff.get('/api/v1/preventive-proposals');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    const one = await staff.get(`/api/v1/preventive-proposals/${proposals[0]!.id}`);
    expect(one.statusCode).toBe(403);
  });
});
