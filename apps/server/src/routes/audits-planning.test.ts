import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditPlanning, AuditsDashboard, CoverageItem } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as risksRepo from '@mamoru/db/repositories/risks';
import { pinRiskValues } from '@mamoru/db/testing/risk-values';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createAsset, createOrgUnit } from '../testing/isms.ts';
import {
  insertAudit,
  insertFinding,
  insertLines,
  setUserUnit,
} from './audits-programmes.fixtures.ts';
import { treatRisk } from './soa.fixtures.ts';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describeEachDatabase('risk-based audit planning and the audits dashboard', (ctx) => {
  let app: App;
  let manager: Client;
  let staff: Client; // 'own' reach: member of the sales unit
  let programmeId: string;
  let units: { dev: string; sales: string; idle: string };
  let plannedSalesAudit: string;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    const db = app.database.db;
    const org = manager.organization.id;
    units = {
      dev: (await createOrgUnit(manager, { name: 'Development' })).id,
      sales: (await createOrgUnit(manager, { name: 'Sales' })).id,
      idle: (await createOrgUnit(manager, { name: 'Facilities' })).id,
    };
    await setUserUnit(db, staff.user.id, units.sales);
    const created = await manager.post('/api/v1/audit-programmes', {
      fiscalYear: 2026,
      periodStart: day(-200),
      periodEnd: day(160),
      criteriaRequirementIds: ['4.2.3.d', '6.4.a', '6.4.b'],
      criteriaControlIds: ['5.1.1', '8.5.1'],
      scopeUnitIds: [units.dev, units.sales, units.idle],
    });
    expect(created.statusCode, created.body).toBe(201);
    programmeId = created.json().id;

    // Development was audited 100 days ago (closed), with one finding overdue and one verified.
    const closed = await insertAudit(db, org, {
      status: 'closed',
      plannedStart: day(-102),
      plannedEnd: day(-100),
      auditeeUnitIds: [units.dev],
      requirementIds: ['4.2.3.d'],
      controlIds: ['5.1.1'],
    });
    await insertLines(db, org, closed.id, [
      { kind: 'requirement', refId: '4.2.3.d', result: 'minor_nc', on: day(-101) },
      { kind: 'control', refId: '5.1.1', result: 'conform', on: day(-100) },
      // An unanswered line never counts as audited.
      { kind: 'control', refId: '8.5.1', result: null, on: day(-100) },
    ]);
    await insertFinding(db, org, closed.id, {
      number: 1,
      kind: 'minor_nc',
      requirementId: '4.2.3.d',
      unitId: units.dev,
      dueDate: day(-10),
    });
    await insertFinding(db, org, closed.id, {
      number: 2,
      kind: 'observation',
      controlId: '5.1.1',
      dueDate: day(-20),
      status: 'verified',
    });
    // An in-progress audit's answers are not final: 6.4.b stays unaudited.
    const running = await insertAudit(db, org, {
      status: 'in_progress',
      plannedStart: day(-400),
      plannedEnd: day(-399),
      auditeeUnitIds: [units.idle],
    });
    await insertLines(db, org, running.id, [
      { kind: 'requirement', refId: '6.4.b', result: 'conform', on: day(-399) },
    ]);
    // Sales is planned in 30 days for 6.4 (its items a and b); the staff member sees it as theirs.
    plannedSalesAudit = (
      await insertAudit(db, org, {
        plannedStart: day(30),
        plannedEnd: day(31),
        programmeId,
        auditeeUnitIds: [units.sales],
        requirementIds: ['6.4.a'],
      })
    ).id;
    // A planned audit staff is not part of, of a unit not theirs.
    await insertAudit(db, org, {
      plannedStart: day(40),
      plannedEnd: day(41),
      auditeeUnitIds: [units.dev],
      controlIds: ['5.1.1'],
      teamUserIds: [manager.user.id],
    });
    // Development's assets carry a level-3 risk treated by 8.5.1.
    const risk = await treatRisk(db, manager, ['8.5.1']);
    const asset = await createAsset(manager, { orgUnitId: units.dev });
    await risksRepo.updateRisk(db, org, risk.id, null, { assetId: asset.id });
    await pinRiskValues(db, risk.id, { level: 3 });
  });
  afterAll(() => app.close());

  const planning = async () => {
    const res = await manager.get(`/api/v1/audit-programmes/${programmeId}/planning`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPlanning>();
  };

  it('shows per unit when it was last audited, what is planned, open findings and its highest risk level', async () => {
    const { units: rows } = await planning();
    const byId = new Map(rows.map((u) => [u.unitId, u]));
    expect(byId.get(units.dev)).toMatchObject({
      lastAuditedOn: day(-100),
      plannedOn: day(40),
      openFindings: 1,
      highestRiskLevel: 3,
    });
    expect(byId.get(units.sales)).toMatchObject({
      lastAuditedOn: null,
      plannedOn: day(30),
      openFindings: 0,
      highestRiskLevel: null,
    });
    expect(byId.get(units.idle)).toMatchObject({ lastAuditedOn: null, plannedOn: null });
    expect(rows).toHaveLength(3);
  });

  it('warns for each criterion that would go unaudited in the cycle', async () => {
    const { items, summary } = await planning();
    const status = Object.fromEntries(
      items.map((i: CoverageItem) => [`${i.kind}:${i.id}`, [i.status, i.openFindings]]),
    );
    expect(status).toEqual({
      'requirement:4.2.3.d': ['audited', 1],
      'requirement:6.4.a': ['planned', 0],
      'requirement:6.4.b': ['unaudited', 0],
      'control:5.1.1': ['audited', 0],
      'control:8.5.1': ['unaudited', 0],
    });
    expect(items.find((i) => i.id === '8.5.1')!.highestRiskLevel).toBe(3);
    expect(summary).toEqual({
      requirements: { total: 3, audited: 1, planned: 1, unaudited: 1 },
      controls: { total: 2, audited: 1, planned: 0, unaudited: 1 },
    });
  });

  it('gives the dashboard: next audits, overdue follow-ups and the coverage of the cycle', async () => {
    const res = await manager.get('/api/v1/audit-programmes/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json<AuditsDashboard>();
    expect(board.programme).toMatchObject({ id: programmeId, number: 1, status: 'draft' });
    expect(board.nextAudits.map((a) => a.plannedStart)).toEqual([day(30), day(40)]);
    expect(board.overdueFollowUps).toEqual([
      expect.objectContaining({ number: 1, kind: 'minor_nc', dueDate: day(-10) }),
    ]);
    expect(board.overdueCount).toBe(1);
    expect(board.coverage.requirements).toEqual({
      total: 3,
      audited: 1,
      planned: 1,
      unaudited: 1,
    });
  });

  it("narrows the dashboard's lists to the user's own audits with 'own' reach", async () => {
    const res = await staff.get('/api/v1/audit-programmes/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json<AuditsDashboard>();
    expect(board.nextAudits.map((a) => a.id)).toEqual([plannedSalesAudit]);
    expect(board.overdueFollowUps).toEqual([]);
    expect(board.overdueCount).toBe(0);
  });

  it('answers 404 for the planning of an unknown programme', async () => {
    const res = await manager.get(
      '/api/v1/audit-programmes/00000000-0000-4000-8000-000000000000/planning',
    );
    expect(res.statusCode).toBe(404);
  });
});
