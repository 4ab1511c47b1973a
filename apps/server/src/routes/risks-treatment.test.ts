import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RiskDto, TreatmentActionDto } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { pdfText } from '../testing/pdf.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { approveMethod, assetsWithRisks, ifMatch, riskOf } from './risks.fixtures.ts';

const decide = async (client: Client, approvalId: string, decision = 'approved') => {
  const res = await client.post(`/api/v1/approvals/${approvalId}/decision`, { decision });
  expect(res.statusCode, res.body).toBe(200);
};

describeEachDatabase('risk treatment, residual acceptance, plan and reports', (ctx) => {
  let app: App;
  let admin: Client;
  let top: Client;
  let owner: Client;
  let risks: RiskDto[];
  const above = () => risks.filter((r) => r.evaluation === 'treat');
  // Above the acceptable level and not at the lowest likelihood, so its plan moves it.
  const target = () => above().find((r) => r.likelihood > 1)!;
  const other = () => above().find((r) => r.id !== target().id)!;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: '守テスト株式会社' }));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    await approveMethod(admin, top);
    await assetsWithRisks(admin, [
      { category: 'information', cia: [3, 3, 3], owner: owner.user.id },
      { category: 'service', cia: [2, 1, 2] },
    ]);
    risks = (await admin.get('/api/v1/risks', { query: { limit: '200' } })).json().items;
  });
  afterAll(() => app.close());

  it('treats a risk with two controls, each justified, and plans its residual risk', async () => {
    const risk = await riskOf(admin, target().id);
    const unknown = await admin.put(
      `/api/v1/risks/${risk.id}/treatment`,
      {
        option: 'apply_controls',
        rationale: 'Reduce',
        selectedControls: [{ controlId: '99.9.9', justification: 'x' }],
      },
      ifMatch(risk.version),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'selectedControls.0.controlId',
      code: 'risk_control_unknown',
    });
    const res = await admin.put(
      `/api/v1/risks/${risk.id}/treatment`,
      {
        option: 'apply_controls',
        rationale: 'Reduce likelihood with physical protection',
        selectedControls: [
          { controlId: '7.1.3', justification: 'Protects the room against fire' },
          { controlId: '7.2.1', justification: 'Equipment sited away from hazards' },
        ],
        residualLikelihood: 1,
        residualVulnerabilityLevel: 1,
      },
      ifMatch(risk.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    const treated = res.json();
    expect(treated.controls.filter((c: { role: string }) => c.role === 'selected')).toHaveLength(2);
    expect(treated.residual.value).toBe(treated.assetValue * 1 * 1);
    expect(treated.residual.evaluation).toBe('accept');
    expect(treated.status).toBe('in_treatment');
    expect(res.headers.etag).toBe(`"${treated.version}"`);
    const bySelected = await admin.get('/api/v1/risks', { query: { controlId: '7.1.3' } });
    expect(bySelected.json().items.map((r: RiskDto) => r.id)).toEqual([risk.id]);
  });

  it('sends residual risks to top management, whose approval accepts each of them', async () => {
    const before = (
      await admin.get('/api/v1/risks/heatmap', { query: { residual: 'true' } })
    ).json();
    const sent = await admin.post('/api/v1/risks/residual-acceptances', { note: 'Q3 review' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().riskCount).toBe(1);
    const pending = await riskOf(admin, target().id);
    expect(pending.residualAcceptance.status).toBe('pending');
    // The author may not approve their own request (segregation of duties).
    const own = await admin.post(`/api/v1/approvals/${sent.json().approvalId}/decision`, {
      decision: 'approved',
    });
    expect(own.statusCode).toBe(403);
    await decide(top, sent.json().approvalId);
    const accepted = await riskOf(admin, target().id);
    expect(accepted.residualAcceptance).toMatchObject({
      status: 'accepted',
      acceptedBy: top.user.id,
    });
    expect(accepted.status).toBe('accepted');
    const list = (await admin.get('/api/v1/risks/residual-acceptances')).json().items;
    expect(list[0]).toMatchObject({
      status: 'accepted',
      authorizeOperation: true,
      decidedBy: top.user.id,
    });
    const after = (
      await admin.get('/api/v1/risks/heatmap', { query: { residual: 'true' } })
    ).json();
    expect(after.total).toBe(before.total);
    expect(after.cells).toEqual(before.cells); // the plan, not the sign-off, moves risks
    const current = (await admin.get('/api/v1/risks/heatmap')).json();
    expect(current.cells).not.toEqual(after.cells);
  });

  it('retains a risk above the acceptable level only with approved retention', async () => {
    const risk = await riskOf(admin, other().id);
    const retained = await admin.put(
      `/api/v1/risks/${risk.id}/treatment`,
      { option: 'retain', rationale: 'Cost exceeds the benefit' },
      ifMatch(risk.version),
    );
    expect(retained.statusCode, retained.body).toBe(200);
    const refused = await admin.patch(
      `/api/v1/risks/${risk.id}`,
      { status: 'accepted' },
      ifMatch(retained.json().version),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('risk_retention_not_approved');
    const asked = await admin.post(
      `/api/v1/risks/${risk.id}/retention`,
      {},
      ifMatch(retained.json().version),
    );
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().retention.status).toBe('pending');
    await decide(top, asked.json().retention.approvalId);
    const approved = await riskOf(admin, risk.id);
    expect(approved.retention.status).toBe('approved');
    const ok = await admin.patch(
      `/api/v1/risks/${risk.id}`,
      { status: 'accepted' },
      ifMatch(approved.version),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('accepted');
  });

  it('keeps a treatment plan with owners, links and overdue actions', async () => {
    const body = {
      title: 'Install fire suppression',
      ownerUserId: owner.user.id,
      priority: 'high',
      dueDate: '2020-01-31',
      resources: 'Facilities team',
      budget: 1_200_000,
      riskIds: [target().id],
      controlIds: ['7.1.3'],
    };
    expect((await owner.post('/api/v1/treatment-plan', body)).statusCode).toBe(403);
    const created = await admin.post('/api/v1/treatment-plan', body);
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json<TreatmentActionDto>();
    expect(action).toMatchObject({ code: 'A-0001', overdue: true, controlIds: ['7.1.3'] });
    await admin.post('/api/v1/treatment-plan', { title: 'Later', dueDate: '2999-01-01' });
    const overdue = await admin.get('/api/v1/treatment-plan', { query: { overdue: 'true' } });
    expect(overdue.json().items.map((a: TreatmentActionDto) => a.id)).toEqual([action.id]);
    // A conformity gap names an action by its code: `q` finds it by code or title.
    const byQ = async (q: string) =>
      (await admin.get('/api/v1/treatment-plan', { query: { q } }))
        .json()
        .items.map((a: TreatmentActionDto) => a.title);
    expect(await byQ('a-0001')).toEqual(['Install fire suppression']);
    expect(await byQ('later')).toEqual(['Later']);
    expect(await byQ('100%')).toEqual([]);
    const done = await owner.patch(
      `/api/v1/treatment-plan/${action.id}`,
      { status: 'done' },
      ifMatch(action.version),
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ overdue: false, progress: 100, status: 'done' });
    const badLink = await admin.post('/api/v1/treatment-plan', {
      title: 'x',
      riskIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badLink.statusCode).toBe(422);
    expect(badLink.json().errors[0].field).toBe('riskIds.0');
  });

  it('lists exactly the actions missing an owner, a due date or resources', async () => {
    const made = [
      { title: 'No owner', dueDate: '2999-02-01', resources: 'IT' },
      { title: 'No due date', ownerUserId: owner.user.id, budget: 1000 },
      { title: 'Nothing stated', ownerUserId: owner.user.id, dueDate: '2999-03-01' },
      { title: 'Budget only', ownerUserId: owner.user.id, dueDate: '2999-03-01', budget: 0 },
    ];
    const created: TreatmentActionDto[] = [];
    for (const body of made) {
      const res = await admin.post('/api/v1/treatment-plan', body);
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json());
    }
    // A finished action lacking an owner is listed, but not among the open ones.
    const [closed] = created;
    const done = { status: 'cancelled' };
    expect(
      (await admin.patch(`/api/v1/treatment-plan/${closed!.id}`, done, ifMatch(closed!.version)))
        .statusCode,
    ).toBe(200);
    const ids = async (query: Record<string, string>) =>
      (await admin.get('/api/v1/treatment-plan', { query: { limit: '200', ...query } }))
        .json()
        .items.map((a: TreatmentActionDto) => a.id)
        .sort();
    const all: TreatmentActionDto[] = (
      await admin.get('/api/v1/treatment-plan', { query: { limit: '200' } })
    ).json().items;
    const lacking = {
      owner: (a: TreatmentActionDto) => a.owner === null,
      dueDate: (a: TreatmentActionDto) => a.dueDate === null,
      resources: (a: TreatmentActionDto) => a.resources.trim() === '' && a.budget === null,
    };
    for (const [missing, lacks] of Object.entries(lacking)) {
      const expected = all.filter(lacks).map((a) => a.id);
      expect(expected.length, missing).toBeGreaterThan(0);
      expect(expected.length, missing).toBeLessThan(all.length);
      expect(await ids({ missing }), missing).toEqual(expected.sort());
      const open = all.filter((a) => lacks(a) && ['planned', 'in_progress'].includes(a.status));
      expect(await ids({ missing, open: 'true' })).toEqual(open.map((a) => a.id).sort());
    }
    expect(all.find((a) => a.title === 'Nothing stated')).toBeDefined();
    const bad = await admin.get('/api/v1/treatment-plan', { query: { missing: 'budget' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.missing');
  });

  it('records dated runs and shows what changed between two', async () => {
    const first = await admin.post('/api/v1/risk-assessments', {
      title: 'Initial assessment',
      reasons: ['initial'],
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().riskCount).toBe(risks.length);
    const changed = await riskOf(admin, risks[0]!.id);
    const edit = await admin.patch(
      `/api/v1/risks/${changed.id}`,
      { likelihood: changed.likelihood === 3 ? 1 : 3 },
      ifMatch(changed.version),
    );
    expect(edit.statusCode, edit.body).toBe(200);
    const second = await admin.post('/api/v1/risk-assessments', {
      title: 'After the move to the cloud',
      reasons: ['technology', 'external_events'],
      reasonText: 'Data centre moved',
    });
    expect(second.json()).toMatchObject({ number: 2, previousId: first.json().id });
    const diff = await admin.get('/api/v1/risk-assessments/diff', {
      query: { from: first.json().id, to: second.json().id },
    });
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json().counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const [item] = diff.json().items;
    expect(item).toMatchObject({ riskId: changed.id, change: 'changed' });
    expect(item.before.likelihood).toBe(changed.likelihood);
    expect(item.after.likelihood).toBe(edit.json().likelihood);
  });

  it('exports the risk assessment report and the treatment plan as XLSX and PDF', async () => {
    const xlsx = await admin.get('/api/v1/risks/export', { query: { format: 'xlsx', lang: 'ja' } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('リスクID');
    expect(sheet.rowCount).toBe(risks.length + 1);
    const plan = await admin.get('/api/v1/treatment-plan/export', {
      query: { format: 'xlsx', lang: 'en' },
    });
    const planBook = new ExcelJS.Workbook();
    await planBook.xlsx.load(plan.rawPayload as unknown as ArrayBuffer);
    expect(planBook.worksheets[0]!.getRow(2).getCell(2).value).toBe('Install fire suppression');
    for (const [url, title] of [
      ['/api/v1/risks/export', 'リスクアセスメント報告書'],
      ['/api/v1/treatment-plan/export', 'リスク対応計画'],
    ] as const) {
      const pdf = await admin.get(url, { query: { format: 'pdf', lang: 'ja' } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain(title);
      expect(text).toContain('守テスト株式会社');
      if (url === '/api/v1/risks/export') {
        // The columns the XLSX has and the PDF used to drop: residual acceptance and status.
        expect(text).toContain('承認済み');
        expect(text).toContain('未対応');
      }
    }
  });
});
