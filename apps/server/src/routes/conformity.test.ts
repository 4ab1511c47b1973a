import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createAsset, createLocation, createOrgUnit } from '../testing/isms.ts';
import { approveMethod } from './risks.fixtures.ts';

// Setting up a database can take long when other suites share the machine (a limit, not a measurement).
vi.setConfig({ hookTimeout: 240_000, testTimeout: 120_000 });

describeEachDatabase('the conformity view', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let topManagement: Client;
  let staff: Client;

  const report = async (client: Client = admin) => {
    const res = await client.get('/api/v1/conformity');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityReport>();
  };
  const statusOf = (r: ConformityReport, id: string) => r.items.find((i) => i.id === id)?.status;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    topManagement = await createUserAndLogin(admin, { roles: ['top_management'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('on an empty organization lists every item once and nothing is met', async () => {
    const r = await report();
    const ids = r.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('1.2');
    expect(ids).toEqual(expect.arrayContaining(['4.1', '4.2.1.a', '4.2.1.b.5', '4.3.3', '7.3.e']));
    expect(r.items.filter((i) => i.status === 'met')).toEqual([]);
    expect(r.summary.counts.met).toBe(0);
    expect(r.summary.readiness).toBe(0);
    expect(r.summary.total).toBe(r.items.length);
    // Nothing is met yet: every item, not yet evidenced ones included, is a gap.
    expect(r.summary.gaps).toBe(r.items.length);
    expect(r.summary.phases.map((p) => p.phase)).toEqual(['plan', 'do', 'check', 'act']);
    expect(statusOf(r, '4.2.1.a')).toBe('not_met');
    // Every item has a rule: none is left "not yet evidenced".
    expect(r.summary.counts.not_evidenced).toBe(0);
    const monitoring = r.items.find((i) => i.id === '4.2.3.a.3')!;
    expect(monitoring.status).toBe('not_met');
    expect(monitoring.guidance.text.en).toMatch(/management/i);
    expect(r.items.every((i) => i.guidance.path.startsWith('/'))).toBe(true);
    // The areas' due lines in order; the newer areas (resources, legal, controls,
    // attestations) add theirs after these.
    expect(r.due.slice(0, 10)).toEqual([
      { kind: 'approval', count: 0, overdue: 0, href: '/approvals' },
      { kind: 'review', count: 0, overdue: 0, href: '/documents' },
      { kind: 'treatment_action', count: 0, overdue: 0, href: '/treatment-plan' },
      // No approved review yet: the first one is due.
      { kind: 'management_review', count: 1, overdue: 0, href: '/management-review' },
      // The administrator is also the ISMS manager, who handles incidents.
      { kind: 'incident_notification', count: 0, overdue: 0, href: '/incidents?open=true' },
      { kind: 'incident_triage', count: 0, overdue: 0, href: '/incidents?status=reported' },
      { kind: 'objective_measurement', count: 0, overdue: 0, href: '/objectives?status=active' },
      { kind: 'objective', count: 0, overdue: 0, href: '/objectives?status=active' },
      { kind: 'training', count: 0, overdue: 0, href: '/training' },
      { kind: 'competence', count: 0, overdue: 0, href: '/people/gaps' },
    ]);
  });

  it('answers one item, 404 for an unknown one, 400 for a malformed id', async () => {
    const res = await admin.get('/api/v1/conformity/4.2.1.d.1');
    expect(res.statusCode).toBe(200);
    expect(res.json<ConformityItem>()).toMatchObject({
      id: '4.2.1.d.1',
      displayId: '第4 2.(1) d (ア)',
      status: 'not_met',
      phase: 'plan',
    });
    expect((await admin.get('/api/v1/conformity/9.9.9')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/conformity/4.2.1;drop')).statusCode).toBe(400);
  });

  it('refuses a user without isms:read', async () => {
    expect((await staff.get('/api/v1/conformity')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/conformity/4.2.1.a')).statusCode).toBe(403);
  });

  it('walks the Plan phase: scope, exclusions and assets turn met', async () => {
    const unit = await createOrgUnit(admin);
    const site = await createLocation(admin);
    const put = await admin.put(
      '/api/v1/scope',
      {
        businessActivities: 'Payroll service',
        orgUnitIds: [unit.id],
        locationIds: [site.id],
        assetCategories: ['information', 'software'],
        technology: 'Cloud, Kubernetes',
        boundaries: 'Corporate IT is out of scope.',
        interfaces: [],
        exclusions: [
          {
            id: '10.5.5',
            reason: 'No outsourced development.',
            riskAcceptedBy: topManagement.user.id,
          },
        ],
      },
      { headers: { 'if-none-match': '*' } },
    );
    expect(put.statusCode, put.body).toBe(200);
    let r = await report();
    expect(statusOf(r, '4.2.1.a')).toBe('partly_met');
    expect(statusOf(r, '1.2')).toBe('partly_met');

    const v1 = put.json<{ id: string; version: number }>();
    const ask = await admin.post(
      `/api/v1/scope/versions/${v1.id}/approval`,
      {},
      {
        headers: { 'if-match': `"${v1.version}"` },
      },
    );
    expect(ask.statusCode, ask.body).toBe(200);
    // The top manager now has one approval waiting.
    const waiting = await report(topManagement);
    expect(waiting.due[0]).toMatchObject({ kind: 'approval', count: 1, overdue: 0 });
    const inbox = await topManagement.get('/api/v1/approvals', { query: { mine: 'true' } });
    const approvalId = inbox.json<{ items: { id: string }[] }>().items[0]!.id;
    const decided = await topManagement.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);

    r = await report();
    const scopeItem = r.items.find((i) => i.id === '4.2.1.a')!;
    expect(scopeItem.status).toBe('met');
    expect(scopeItem.data).toMatchObject({ approvedVersion: 1, approvedByTopManagement: true });
    expect(statusOf(r, '1.2')).toBe('met');

    // An unclassified asset is a gap naming the filtered register…
    const levels = await admin.get('/api/v1/classifications');
    const levelId = levels.json<{ items: { id: string }[] }>().items[0]!.id;
    const asset = await createAsset(admin, { confidentiality: 2, integrity: 2, availability: 1 });
    r = await report();
    const assets = r.items.find((i) => i.id === '4.2.1.d.1')!;
    expect(assets.status).toBe('partly_met');
    expect(assets.explanation.en).toContain('1 asset is not classified');
    expect(assets.links.map((l) => l.href)).toContain('/assets?classificationId=none');
    // The link's filter lists exactly the unclassified assets.
    const listed = await admin.get('/api/v1/assets', { query: { classificationId: 'none' } });
    expect(listed.json<{ items: { id: string }[] }>().items.map((a) => a.id)).toEqual([asset.id]);
    // …that closes once it is classified.
    const fixed = await admin.patch(
      `/api/v1/assets/${asset.id}`,
      { classificationId: levelId },
      { headers: { 'if-match': `"${asset.version}"` } },
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    r = await report();
    expect(statusOf(r, '4.2.1.d.1')).toBe('met');
    // Nobody holds an ISMS role yet (app permissions no longer count as ISMS roles).
    expect(statusOf(r, '5.1.c')).toBe('not_met');
    expect(r.items.filter((i) => i.status === 'met').map((i) => i.id)).toEqual([
      '1.2',
      '4.2.1.a',
      '4.2.1.d.1',
    ]);
    expect(r.summary.readiness).toBeGreaterThan(0);
  });

  it('continues the walk with the risk method and risks generated for the asset', async () => {
    await approveMethod(admin, topManagement);
    let r = await report();
    expect(statusOf(r, '4.2.1.c')).toBe('met');
    expect(statusOf(r, '5.1.f')).toBe('met');
    expect(statusOf(r, '4.2.1.d.2')).toBe('not_met');

    const assets = await admin.get('/api/v1/assets');
    const ids = assets.json<{ items: { id: string }[] }>().items.map((a) => a.id);
    const generated = await admin.post('/api/v1/risks/generate', { assetIds: ids });
    expect(generated.statusCode, generated.body).toBe(200);
    r = await report();
    const threats = r.items.find((i) => i.id === '4.2.1.d.2')!;
    expect(threats.data).toMatchObject({ assetsWithoutRisk: 0 });
    expect(threats.status).toBe('met');
    expect(statusOf(r, '4.2.1.e.1')).toBe('met');
    // Nothing is treated or approved yet: the residual risks are not.
    expect(statusOf(r, '4.2.1.i')).not.toBe('met');
  });

  it('keeps organizations apart', async () => {
    const { admin: other } = await addOrganization(app);
    const r = await report(other);
    expect(statusOf(r, '4.2.1.a')).toBe('not_met');
    expect(statusOf(r, '4.2.1.d.1')).toBe('not_met');
  });
});
