import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IsmsResource, ResourcePlan, ResourceSummary } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { resources } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const thisYear = () => resources.fiscalYearOf(new Date().toISOString().slice(0, 10), 4);

describeEachDatabase('resources', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: keeps the register
  let top: Client;
  let owner: Client;
  let auditor: Client;
  let staff: Client;
  const fy = thisYear();

  const etag = (v: { version: number }) => ({ headers: { 'if-match': `"${v.version}"` } });
  const create = async (input: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/resources', {
      fiscalYear: fy,
      kind: 'people',
      activity: 'operate',
      title: 'ISMS secretariat time',
      planned: { hours: 480 },
      ownerUserId: admin.user.id,
      ...input,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<IsmsResource>();
  };
  const summary = async (year = fy) => {
    const res = await admin.get(`/api/v1/resource-summaries/${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ResourceSummary>();
  };
  const conformity = async (id: string) =>
    (await admin.get(`/api/v1/conformity/${id}`)).json<{ status: string }>().status;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('keeps the fiscal year start, April by default, with If-Match', async () => {
    const res = await admin.get('/api/v1/resource-settings');
    expect(res.json()).toMatchObject({
      fiscalYearStartMonth: 4,
      version: 0,
      currentFiscalYear: fy,
    });
    const saved = await admin.put(
      '/api/v1/resource-settings',
      { fiscalYearStartMonth: 4 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    const stale = await admin.put(
      '/api/v1/resource-settings',
      { fiscalYearStartMonth: 1 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(stale.statusCode).toBe(412);
    const byOwner = await owner.put(
      '/api/v1/resource-settings',
      { fiscalYearStartMonth: 1 },
      etag({ version: 1 }),
    );
    expect(byOwner.statusCode).toBe(403);
  });

  it('registers resources per year, lists them paged and filtered, refuses empty plans', async () => {
    await create();
    await create({
      kind: 'money',
      activity: 'monitor',
      title: 'Certification audit fee',
      planned: { amount: 900_000 },
    });
    await create({
      kind: 'tool',
      activity: 'improve',
      title: 'E-learning',
      planned: { amount: 300_000 },
    });
    await create({ fiscalYear: fy + 1, title: 'Next year secretariat' });
    const first = await admin.get('/api/v1/resources', {
      query: { fiscalYear: String(fy), limit: '2' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: IsmsResource[]; nextCursor: string }>();
    expect(page.items.map((r) => r.kind)).toEqual(['money', 'people']);
    const rest = await admin.get('/api/v1/resources', {
      query: { fiscalYear: String(fy), limit: '2', cursor: page.nextCursor },
    });
    expect(rest.json().items.map((r: IsmsResource) => r.title)).toEqual(['E-learning']);
    expect(rest.json().nextCursor).toBeNull();
    const tools = await admin.get('/api/v1/resources', {
      query: { fiscalYear: String(fy), kind: 'tool' },
    });
    expect(tools.json().items).toHaveLength(1);
    const none = await admin.post('/api/v1/resources', {
      fiscalYear: fy,
      kind: 'other',
      activity: 'establish',
      title: 'Nothing planned',
      planned: {},
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors).toEqual([expect.objectContaining({ field: 'planned' })]);
    const stranger = await admin.post('/api/v1/resources', {
      fiscalYear: fy,
      kind: 'other',
      activity: 'establish',
      title: 'x',
      planned: { hours: 1 },
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(422);
  });

  it('lets readers read and only the ISMS manager change; staff see nothing', async () => {
    for (const reader of [top, owner, auditor]) {
      expect(
        (await reader.get('/api/v1/resources', { query: { fiscalYear: String(fy) } })).statusCode,
      ).toBe(200);
      expect((await reader.get(`/api/v1/resource-summaries/${fy}`)).statusCode).toBe(200);
    }
    expect(
      (await staff.get('/api/v1/resources', { query: { fiscalYear: String(fy) } })).statusCode,
    ).toBe(403);
    const body = {
      fiscalYear: fy,
      kind: 'other',
      activity: 'establish',
      title: 'x',
      planned: { hours: 1 },
    };
    for (const writer of [top, owner, auditor, staff]) {
      expect((await writer.post('/api/v1/resources', body)).statusCode).toBe(403);
    }
  });

  it('sends the plan to top management, freezes it while waiting, reopens it on change', async () => {
    const before = await summary();
    expect(before.plan.status).toBe('draft');
    expect(before.total).toMatchObject({ items: 3, plannedAmount: 1_200_000, plannedHours: 480 });
    expect(before.activitiesWithoutPlan).toEqual(['establish']);
    expect(await conformity('5.1.e')).toBe('not_met');
    const stale = await admin.post(
      `/api/v1/resource-plans/${fy}/submit`,
      {},
      etag({ version: before.plan.version + 5 }),
    );
    expect(stale.statusCode).toBe(412);
    const sent = await admin.post(`/api/v1/resource-plans/${fy}/submit`, {}, etag(before.plan));
    expect(sent.statusCode, sent.body).toBe(200);
    const plan = sent.json<ResourcePlan>();
    expect(plan).toMatchObject({ status: 'submitted', approvalId: expect.any(String) });
    // Nothing planned may change while top management decides; usage may be recorded.
    const [people] = (
      await admin.get('/api/v1/resources', { query: { fiscalYear: String(fy), kind: 'people' } })
    ).json().items;
    const frozen = await admin.patch(
      `/api/v1/resources/${people.id}`,
      { planned: { hours: 500 } },
      etag(people),
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('resource_plan_submitted');
    const used = await admin.patch(
      `/api/v1/resources/${people.id}`,
      { used: { hours: 120 } },
      etag(people),
    );
    expect(used.statusCode, used.body).toBe(200);
    // The ISMS manager may not approve their own plan; top management does.
    const approved = await top.post(`/api/v1/approvals/${plan.approvalId}/decision`, {
      decision: 'approved',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = await summary();
    expect(after.plan).toMatchObject({
      status: 'approved',
      approvedBy: { id: top.user.id },
      approvedVersion: plan.version,
    });
    expect(after.total).toMatchObject({ usedHours: 120, usageRecorded: 1 });
    expect(await conformity('5.1.e')).toBe('met');
    // A planned figure changed after approval: back to draft, approval kept as history.
    const current = (await admin.get(`/api/v1/resources/${people.id}`)).json<IsmsResource>();
    const changed = await admin.patch(
      `/api/v1/resources/${people.id}`,
      { planned: { hours: 520 } },
      etag(current),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const reopened = await summary();
    expect(reopened.plan).toMatchObject({ status: 'draft', approvedVersion: plan.version });
    expect(reopened.plan.version).toBe(plan.version + 1);
    expect(await conformity('5.1.e')).toBe('partly_met');
    const stalePatch = await admin.patch(
      `/api/v1/resources/${people.id}`,
      { notes: 'x' },
      etag(current),
    );
    expect(stalePatch.statusCode).toBe(412);
  });

  it('rolls treatment actions due within the year into the summary', async () => {
    const due = `${fy}-12-01`;
    const action = await admin.post('/api/v1/treatment-plan', {
      title: 'Replace firewall',
      dueDate: due,
      budget: 1_500_000,
      resources: 'Network team',
    });
    expect(action.statusCode, action.body).toBe(201);
    await admin.post('/api/v1/treatment-plan', {
      title: 'Outside the year',
      dueDate: `${fy + 3}-12-01`,
      budget: 9,
    });
    const s = await summary();
    expect(s.treatment).toMatchObject({ actions: 1, budget: 1_500_000, funded: 1 });
    expect(s.treatment.items[0]).toMatchObject({ title: 'Replace firewall', dueDate: due });
  });

  it('deletes with If-Match and exports the year as XLSX and PDF', async () => {
    const r = await create({ title: 'To delete', activity: 'establish' });
    expect((await admin.delete(`/api/v1/resources/${r.id}`)).statusCode).toBe(428);
    expect((await admin.delete(`/api/v1/resources/${r.id}`, etag(r))).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/resources/${r.id}`)).statusCode).toBe(404);
    const xlsx = await auditor.get('/api/v1/resources/export', {
      query: { fiscalYear: String(fy), lang: 'ja' },
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await auditor.get('/api/v1/resources/export', {
      query: { fiscalYear: String(fy), format: 'pdf', lang: 'en' },
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});
