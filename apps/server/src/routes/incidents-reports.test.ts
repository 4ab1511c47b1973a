import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  REVIEW_INPUT_FIGURES,
  type ConformityReport,
  type IncidentStatistics,
} from '@mamoru/contracts';
import { eq } from 'drizzle-orm';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { incidentInputs } from '@mamoru/db/repositories/reviews-inputs-incidents';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';
import { insertIncidentOfB, insertKnownIncidents } from './incidents-reports.fixtures.ts';

const PERIOD = { from: '2026-01', to: '2026-06' };

describeEachDatabase('incident statistics, register export, due lines, review input', (ctx) => {
  let app: App;
  let manager: Client;
  let auditor: Client;
  let staff: Client;
  let top: Client;
  let unitIds: [string, string];

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    ({ unitIds } = await insertKnownIncidents(app.database.db, manager.organization.id, {
      reporterId: manager.user.id,
      staffId: staff.user.id,
    }));
    // Organization B's incident, in the same months: A's exact numbers prove none of it leaks.
    const { admin: adminB } = await addOrganization(app, { name: 'Organization B' });
    await insertIncidentOfB(app.database.db, adminB.organization.id);
  });
  afterAll(() => app.close());

  const stats = async (client: Client, query: Record<string, string> = PERIOD) => {
    const res = await client.get('/api/v1/incident-statistics', { query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IncidentStatistics>();
  };

  it('counts by month in Tokyo time, by type and unit, with costs and median times', async () => {
    const s = await stats(manager);
    expect(s.months.map((m) => [m.month, m.total, m.costTotal])).toEqual([
      ['2026-01', 1, 6000],
      ['2026-02', 0, 0],
      // #2 was discovered on 31 March in UTC, 1 April in Tokyo.
      ['2026-03', 0, 0],
      ['2026-04', 3, 100500],
      ['2026-05', 0, 0],
      ['2026-06', 0, 0],
    ]);
    expect(s.months[3]!.byType).toEqual({
      incident: 1,
      suspected: 0,
      weakness: 1,
      malfunction: 1,
      near_miss: 0,
    });
    expect(s.byUnit.map((u) => [u.unit?.id ?? null, u.total])).toEqual([
      [unitIds[0], 2],
      [unitIds[1], 1],
      [null, 1],
    ]);
    expect(s.totals).toEqual({
      reported: 4,
      open: 3,
      closed: 1,
      personalData: 1,
      costResponse: 1500,
      costRecovery: 2000,
      costLoss: 103000,
      // Report to triage: 2 h, 48 h and 10 h.
      medianHoursToTriage: 10,
      medianHoursToRecover: 24,
      triagedWithinTarget: 2,
      triaged: 3,
      overdueClocks: 1,
    });
    const unit = await stats(manager, { ...PERIOD, unitId: unitIds[0] });
    expect(unit.totals.reported).toBe(2);
    expect(unit.byUnit).toEqual([
      { unit: { id: unitIds[0], name: { ja: 'Sales', en: 'Sales' } }, total: 2 },
    ]);
  });

  it('leaves confidential incidents out of an auditor’s counts; top management sees them', async () => {
    const s = await stats(auditor);
    expect(s.months[3]).toMatchObject({ total: 2, costTotal: 500 });
    expect(s.byUnit.map((u) => u.total)).toEqual([2, 1]);
    expect(s.totals).toMatchObject({
      reported: 3,
      open: 2,
      costLoss: 3000,
      triaged: 2,
      medianHoursToTriage: 25,
      triagedWithinTarget: 1,
    });
    expect((await stats(top)).totals.reported).toBe(4);
    // Staff read their own reports only: the one printer report.
    const own = await stats(staff);
    expect(own.totals).toMatchObject({ reported: 1, open: 1, costLoss: 0 });
  });

  it('defaults to the last twelve months and refuses a bad period', async () => {
    const s = await stats(manager, {});
    expect(s.months).toHaveLength(12);
    expect(s.to).toBe(s.months[11]!.month);
    const reversed = await manager.get('/api/v1/incident-statistics', {
      query: { from: '2026-06', to: '2026-01' },
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().errors[0]).toMatchObject({
      field: 'to',
      code: 'period_end_before_start',
    });
    const month13 = await manager.get('/api/v1/incident-statistics', {
      query: { from: '2026-13' },
    });
    expect(month13.statusCode).toBe(422);
    expect(month13.json().errors[0].code).toBe('incident_month_invalid');
  });

  it('refuses a token without incidents:read', async () => {
    const created = await manager.post('/api/v1/tokens', {
      name: 'isms only',
      permissions: ['isms:read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = tokenClient(app, created.json().token);
    expect((await token.get('/api/v1/incident-statistics')).statusCode).toBe(403);
    expect((await token.get('/api/v1/incidents/export')).statusCode).toBe(403);
  });

  const workbook = async (client: Client, query: Record<string, string>) => {
    const res = await client.get('/api/v1/incidents/export', {
      query: { format: 'xlsx', ...query },
    });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book.worksheets[0]!;
  };

  it('exports the register as XLSX in Japanese and English, filtered and without what one may not see', async () => {
    const ja = await workbook(manager, { lang: 'ja' });
    expect(ja.rowCount).toBe(6);
    expect(ja.getRow(1).getCell(1).value).toBe('番号');
    const first = ja.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value]).toEqual([
      'INC-0001',
      'インシデント',
      '顧客名簿の誤送信',
    ]);
    expect(first.getCell(4).value).toBe('終結');
    // Discovered 03:00 UTC = 12:00 in Tokyo.
    expect(first.getCell(14).value).toBe('2026-01-10 12:00');
    expect(first.getCell(27).value).toBe(1);
    const en = await workbook(auditor, { lang: 'en' });
    expect(en.rowCount).toBe(5);
    expect(en.getRow(1).getCell(2).value).toBe('Type');
    const titles = [2, 3, 4, 5].map((r) => en.getRow(r).getCell(3).value);
    expect(titles).not.toContain('Confidential: an employee copied files');
    const printer = await workbook(manager, { lang: 'en', q: 'printer' });
    expect(printer.getRow(2).getCell(1).value).toBe('INC-0003');
    expect(printer.rowCount).toBe(2);
    const weak = await workbook(manager, { lang: 'en', type: 'weakness' });
    expect(weak.rowCount).toBe(2);
    expect(weak.getRow(2).getCell(2).value).toBe('Weakness');
    const open = await workbook(manager, { lang: 'en', open: 'true', confidential: 'false' });
    expect(open.rowCount).toBe(3);
    expect((await workbook(staff, { lang: 'en' })).rowCount).toBe(2);
  });

  it('exports the register as a PDF', async () => {
    const pdf = await manager.get('/api/v1/incidents/export', {
      query: { format: 'pdf', lang: 'ja' },
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('puts overdue clocks and waiting reports on the dashboard of those who handle incidents', async () => {
    const due = async (client: Client) => {
      const res = await client.get('/api/v1/conformity');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<ConformityReport>().due.filter((d) => d.kind.startsWith('incident_'));
    };
    expect(await due(manager)).toEqual([
      { kind: 'incident_notification', count: 1, overdue: 1, href: '/incidents?open=true' },
      { kind: 'incident_triage', count: 1, overdue: 1, href: '/incidents?status=reported' },
    ]);
    // Everyone else handles only what is assigned to them: the auditor nothing, an owner the printer.
    const zero = { count: 0, overdue: 0 };
    expect(await due(auditor)).toMatchObject([zero, zero]);
    const owner = await createUserAndLogin(manager, { roles: ['owner'] });
    expect(await due(owner)).toMatchObject([zero, zero]);
    await app.database.db
      .update(schema.incidents)
      .set({ assigneeId: owner.user.id })
      .where(eq(schema.incidents.number, 3));
    expect(await due(owner)).toMatchObject([zero, { count: 1, overdue: 1 }]);
  });

  it('compiles the management review’s incident input', async () => {
    const section = await incidentInputs(app.database.db, {
      org: manager.organization.id,
      start: '2026-01-01',
      asOf: '2026-06-30',
      reviewId: randomUUID(),
    });
    expect(section.omitted).toBe(0);
    expect(Object.keys(section.figures)).toEqual([...REVIEW_INPUT_FIGURES.incidents]);
    // Confidential incidents (#4) are left out of the pack, which auditors read too.
    expect(section.figures).toEqual({
      incidentsReported: 3,
      typeIncident: 1,
      typeSuspected: 0,
      typeWeakness: 1,
      typeMalfunction: 1,
      typeNearMiss: 0,
      severityCritical: 0,
      severityHigh: 1,
      severityMedium: 0,
      severityLow: 1,
      incidentsPersonalData: 1,
      incidentsClosed: 1,
      incidentsOpen: 2,
      clocksOverdue: 1,
    });
    // The closed one with its lessons first, then the open ones; the confidential one named nowhere.
    expect(section.items.map((i) => [i.ref, i.status, i.detail])).toEqual([
      ['INC-0001', 'closed', 'Check the address list before sending.'],
      ['INC-0002', 'triaged', null],
      ['INC-0003', 'reported', null],
    ]);
  });
});
