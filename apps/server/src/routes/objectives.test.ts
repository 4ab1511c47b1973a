import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Objective, ObjectiveMeasurement } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  createUserAndLogin,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('objectives', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let top: Client;
  let owner: Client;
  let otherOwner: Client;
  let staff: Client;
  let auditor: Client;
  let objective: Objective;

  const etag = (o: { version: number }) => ({ 'if-match': `"${o.version}"` });
  const body = (over: Record<string, unknown> = {}) => ({
    title: 'Training completion',
    metric: 'Share of staff who completed the yearly training',
    measureUnit: '%',
    direction: 'higher_is_better',
    baseline: 60,
    target: 100,
    startDate: day(-180),
    dueDate: day(180),
    plan: 'E-learning in April, reminders monthly',
    frequency: 'monthly',
    ...over,
  });
  const measure = (as: Client, o: Objective, value: number, measuredOn = day(-1)) =>
    as.post(`/api/v1/objectives/${o.id}/measurements`, { measuredOn, value });

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    otherOwner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
  });
  afterAll(() => app.close());

  it('sets an objective with owner, metric, target, due date and plan, numbered OBJ-nnn', async () => {
    const res = await top.post('/api/v1/objectives', {
      ...body(),
      ownerId: owner.user.id,
      controlIds: ['6.2.1'],
    });
    expect(res.statusCode, res.body).toBe(201);
    objective = res.json();
    expect(objective).toMatchObject({
      code: 'OBJ-001',
      owner: { id: owner.user.id },
      status: 'active',
      latest: null,
      controlIds: ['6.2.1'],
    });
    // No measurement for 180 days while one is due monthly: at risk.
    expect(objective.progress).toBe('at_risk');
    expect(objective.reasons).toEqual(['measurement_overdue']);
    const second = await admin.post('/api/v1/objectives', body({ title: 'Fewer incidents' }));
    expect(second.json().code).toBe('OBJ-002');
  });

  it('refuses a due date before the start and unknown references, naming the fields', async () => {
    const res = await admin.post(
      '/api/v1/objectives',
      body({ startDate: '2026-05-01', dueDate: '2026-04-01' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'dueDate' });
    const refs = await admin.post(
      '/api/v1/objectives',
      body({ ownerId: crypto.randomUUID(), controlIds: ['99.9.9'] }),
    );
    expect(refs.statusCode).toBe(422);
    expect(refs.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'ownerId',
      'controlIds.0',
    ]);
  });

  it('updates with If-Match and answers 412 on a stale version', async () => {
    const res = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { target: 95, plan: 'E-learning and a make-up session' },
      { headers: etag(objective) },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ target: 95, version: objective.version + 1 });
    const stale = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { target: 90 },
      { headers: etag(objective) },
    );
    expect(stale.statusCode).toBe(412);
    objective = res.json();
  });

  it('records measurements; the latest value decides on track or at risk', async () => {
    const behind = await measure(owner, objective, 65, day(-2));
    expect(behind.statusCode, behind.body).toBe(201);
    expect(behind.json<ObjectiveMeasurement>()).toMatchObject({ source: 'manual', value: 65 });
    let read = (await admin.get(`/api/v1/objectives/${objective.id}`)).json<Objective>();
    expect(read).toMatchObject({ progress: 'at_risk', reasons: ['behind_plan'] });
    expect(read.latest).toEqual({ measuredOn: day(-2), value: 65 });
    await measure(owner, objective, 80, day(-1));
    read = (await admin.get(`/api/v1/objectives/${objective.id}`)).json<Objective>();
    expect(read).toMatchObject({ progress: 'on_track', percent: 57 });
    const future = await measure(owner, objective, 80, day(5));
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('measuredOn');
  });

  it('lists measurements newest first, paged', async () => {
    const first = await auditor.get(`/api/v1/objectives/${objective.id}/measurements?limit=1`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((m: ObjectiveMeasurement) => m.value)).toEqual([80]);
    const next = await auditor.get(
      `/api/v1/objectives/${objective.id}/measurements?limit=1&cursor=${first.json().nextCursor}`,
    );
    expect(next.json().items.map((m: ObjectiveMeasurement) => m.value)).toEqual([65]);
    expect(next.json().nextCursor).toBeNull();
  });

  it('removes a measurement only with a reason, and keeps it in the audit trail', async () => {
    const m = (await measure(admin, objective, 999)).json<ObjectiveMeasurement>();
    const url = `/api/v1/objectives/${objective.id}/measurements/${m.id}/removal`;
    expect((await admin.post(url, { reason: '' })).statusCode).toBe(400);
    const res = await admin.post(url, { reason: 'Typo: 99.9 was meant' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await admin.post(url, { reason: 'again' })).statusCode).toBe(404);
    const values = (await admin.get(`/api/v1/objectives/${objective.id}/measurements`))
      .json()
      .items.map((i: ObjectiveMeasurement) => i.value);
    expect(values).not.toContain(999);
    const audit = await admin.get(
      `/api/v1/audit/events?entityType=objective_measurement&entityId=${m.id}`,
    );
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['objective_measurement.recorded', 'objective_measurement.removed']);
  });

  it('imports a CSV file whole, or nothing with per-row errors', async () => {
    const url = `/api/v1/objectives/${objective.id}/measurements/import`;
    const bad = await owner.post(url, { csv: '測定日,測定値\n2026-01-31,70\n2026-02-30,x\n' });
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ imported: 0, rows: 0 });
    expect(bad.json().errors).toHaveLength(2);
    expect(bad.json().errors[0]).toMatchObject({ row: 3, column: 'measuredOn' });
    expect(bad.json().errors[0].message).not.toBe('csv_date_invalid');
    const csv = `measured_on,value,note\n${day(-40)},70,March\n${day(-10)},75,April\n`;
    const dry = await owner.post(url, { csv, dryRun: true });
    expect(dry.json()).toMatchObject({ rows: 2, imported: 0, dryRun: true, errors: [] });
    const res = await owner.post(url, { csv });
    expect(res.json()).toMatchObject({ rows: 2, imported: 2 });
    const items = (await admin.get(`/api/v1/objectives/${objective.id}/measurements`)).json().items;
    expect(items.filter((m: ObjectiveMeasurement) => m.source === 'csv')).toHaveLength(2);
  });

  it('takes values from a monitoring tool by code with an objectives:measure token', async () => {
    const created = await admin.post('/api/v1/tokens', {
      name: 'monitoring',
      permissions: ['objectives:measure'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const tool = tokenClient(app, created.json().token);
    const res = await tool.post('/api/v1/objective-measurements', {
      objectiveCode: 'OBJ-001',
      measuredOn: day(0),
      value: 82,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'api', objectiveId: objective.id });
    const unknown = await tool.post('/api/v1/objective-measurements', {
      objectiveCode: 'OBJ-999',
      measuredOn: day(0),
      value: 1,
    });
    expect(unknown.statusCode).toBe(404);
    // The token carries nothing else: it cannot read the register.
    expect((await tool.get('/api/v1/objectives')).statusCode).toBe(403);
  });

  it('lets owners measure only their own objectives; staff see nothing; auditors only read', async () => {
    const other = (await admin.get('/api/v1/objectives?q=Fewer')).json().items[0] as Objective;
    expect((await measure(owner, other, 1)).statusCode).toBe(403);
    expect((await measure(otherOwner, objective, 1)).statusCode).toBe(403);
    expect((await owner.post('/api/v1/objectives', body())).statusCode).toBe(403);
    expect(
      (
        await owner.patch(
          `/api/v1/objectives/${objective.id}`,
          { target: 1 },
          { headers: etag(objective) },
        )
      ).statusCode,
    ).toBe(403);
    expect((await staff.get('/api/v1/objectives')).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/objectives')).statusCode).toBe(200);
    expect((await measure(auditor, objective, 1)).statusCode).toBe(403);
  });

  it('filters the list by status, owner and q, and refuses measurements once withdrawn', async () => {
    const mine = await admin.get(`/api/v1/objectives?ownerId=${owner.user.id}`);
    expect(mine.json().items.map((o: Objective) => o.code)).toEqual(['OBJ-001']);
    const current = (await admin.get(`/api/v1/objectives/${objective.id}`)).json<Objective>();
    const withdrawn = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { status: 'withdrawn' },
      { headers: etag(current) },
    );
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', progress: 'withdrawn' });
    expect((await admin.get('/api/v1/objectives?status=withdrawn')).json().items).toHaveLength(1);
    expect((await admin.get('/api/v1/objectives?status=active')).json().items).toHaveLength(1);
    expect((await measure(admin, objective, 1)).statusCode).toBe(409);
  });

  it('exports the register and its measurements as XLSX in ja and en, formulas neutralized', async () => {
    const formula = await top.post('/api/v1/objectives', {
      ...body({ title: '=HYPERLINK("http://evil.example","x")' }),
      ownerId: owner.user.id,
    });
    expect(formula.statusCode, formula.body).toBe(201);
    expect((await measure(admin, formula.json<Objective>(), 70)).statusCode).toBe(201);
    const sheets = async (client: Client, lang: string) => {
      const res = await client.get('/api/v1/objectives/export.xlsx', { query: { lang } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book.worksheets;
    };
    const [register, values] = await sheets(auditor, 'en');
    expect(register!.name).toBe('Objectives');
    expect(register!.getRow(1).getCell(1).value).toBe('No.');
    const codes = register!.getColumn(1).values.slice(2);
    expect(codes).toEqual(['OBJ-001', 'OBJ-002', 'OBJ-003'].slice(0, codes.length));
    const titles = register!.getColumn(2).values.map(String);
    expect(titles.some((t) => t.startsWith('=HYPERLINK'))).toBe(false);
    expect(titles.some((t) => t.includes('HYPERLINK'))).toBe(true);
    expect(values!.name).toBe('Measurements');
    expect(values!.rowCount).toBeGreaterThan(1);
    const [ja] = await sheets(admin, 'ja');
    expect(ja!.name).toBe('情報セキュリティ目標');
    expect(ja!.getRow(1).getCell(13).value).toBe('判断');
    expect((await staff.get('/api/v1/objectives/export.xlsx')).statusCode).toBe(403);
  });
});
