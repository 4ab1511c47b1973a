import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { setupOrganization, type Client } from '../testing/identity.ts';
import {
  applicableControls,
  createCheck,
  putOperation,
  recordResult,
} from './controls.fixtures.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The controls area's conformity facts read from both databases: each piece
 * of evidence taken away turns the right item (4.2.2.c, 4.2.2.e, 5.2.1.b,
 * 5.2.1.d), and the dashboard counts checks due.
 */
describeEachDatabase('conformity of control operation', (ctx) => {
  let app: App;
  let admin: Client;

  const item = async (id: string) => {
    const res = await admin.get(`/api/v1/conformity/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConformityItem>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
  });
  afterAll(() => app.close());

  it('is not met before a SoA', async () => {
    expect((await item('4.2.2.c')).status).toBe('not_met');
    expect((await item('5.2.1.d')).links.map((l) => l.href)).toEqual([
      '/statement-of-applicability',
    ]);
  });

  it('meets every item once the two applicable controls are operated, covered and effective', async () => {
    await applicableControls(admin, ['3.1.1', '6.1.1']);
    expect((await item('4.2.2.c')).data).toMatchObject({ applicable: 2, withoutOperation: 2 });
    for (const id of ['3.1.1', '6.1.1']) {
      const op = await putOperation(admin, id, {
        ownerUserId: admin.user.id,
        noProcedureReason: 'Checked on site',
      });
      expect(op.statusCode, op.body).toBe(200);
      const check = await createCheck(admin, id, { nextDue: today(), frequency: 'monthly' });
      expect((await recordResult(admin, check.id, { performedOn: today() })).statusCode).toBe(201);
    }
    for (const id of ['4.2.2.c', '4.2.2.e', '5.2.1.b', '5.2.1.d']) {
      expect(await item(id), id).toMatchObject({ status: 'met' });
    }
  });

  it('turns 5.2.1.d and back when a failed result gets its nonconformity', async () => {
    const check = (await admin.get('/api/v1/control-checks?controlId=6.1.1')).json().items[0];
    const failed = await recordResult(admin, check.id, {
      performedOn: today(),
      result: 'not_effective',
    });
    const d = await item('5.2.1.d');
    expect(d.status).toBe('partly_met');
    expect(d.data).toMatchObject({ lastNotEffective: 1, failedWithoutNonconformity: 1 });
    expect(d.links.map((l) => l.href)).toContain('/controls/6.1.1');
    await admin.post(`/api/v1/control-check-results/${failed.json().result.id}/nonconformity`, {});
    expect((await item('5.2.1.d')).data).toMatchObject({ failedWithoutNonconformity: 0 });
    expect((await item('4.2.2.c')).status).toBe('met');
  });

  it('turns 4.2.2.e and 5.2.1.b when a control loses its only evidence', async () => {
    const op = (await admin.get('/api/v1/controls/3.1.1')).json().operation;
    await putOperation(
      admin,
      '3.1.1',
      { ownerUserId: admin.user.id, noProcedureReason: '' },
      op.version,
    );
    for (const id of ['4.2.2.e', '5.2.1.b']) {
      const e = await item(id);
      expect(e.status, id).toBe('partly_met');
      expect(e.links.map((l) => l.href)).toEqual(['/controls/3.1.1']);
    }
  });

  it('counts checks due on the dashboard', async () => {
    const report = (await admin.get('/api/v1/conformity')).json<ConformityReport>();
    expect(report.due.find((d) => d.kind === 'control_check')).toMatchObject({
      count: 0,
      overdue: 0,
    });
    await createCheck(admin, '3.1.1', { nextDue: '2026-01-01' });
    const again = (await admin.get('/api/v1/conformity')).json<ConformityReport>();
    expect(again.due.find((d) => d.kind === 'control_check')).toMatchObject({
      count: 1,
      overdue: 1,
    });
  });
});
