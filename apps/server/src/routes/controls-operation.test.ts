import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ControlCheck, ControlDetail, ControlList } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import {
  applicableControls,
  createCheck,
  ifMatch,
  putOperation,
  recordResult,
} from './controls.fixtures.ts';

/**
 * Control operation and checks (4.2.2.c, 4.2.3.b): the register of applicable
 * controls, operation with If-Match, checks advancing their due date, results
 * with evidence, a nonconformity from a failed result, exports, permissions.
 */
describeEachDatabase('control operation and checks', (ctx) => {
  let app: App;
  let admin: Client; // administrator and ISMS manager
  let owner: Client;
  let staff: Client;
  let auditor: Client;
  let versionId: string;
  let soaId: string;
  let checkId: string;

  const list = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/controls${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ControlList>();
  };
  const detail = async (controlId: string, client = admin) => {
    const res = await client.get(`/api/v1/controls/${controlId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ControlDetail>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('is empty, naming no SoA, before the first statement', async () => {
    expect(await list(admin)).toEqual({ items: [], nextCursor: null, soa: null });
  });

  it('lists the applicable controls of the current SoA in catalog order, paged', async () => {
    ({ versionId, soaId } = await applicableControls(admin, ['3.1.1', '6.1.1', '9.2.3']));
    const page = await list(admin, '?limit=2');
    expect(page.soa).toMatchObject({ versionId, number: 1 });
    expect(page.items.map((c) => c.controlId)).toEqual(['3.1.1', '6.1.1']);
    expect(page.items[0]).toMatchObject({
      displayId: '3(1)①',
      status: null,
      owner: null,
      coverage: { procedures: 0, recordTypes: 0, reason: null, covered: false },
      nextCheckDue: null,
      lastResult: null,
      overdue: false,
      operationVersion: 0,
    });
    const next = await list(admin, `?limit=2&cursor=${page.nextCursor}`);
    expect(next.items.map((c) => c.controlId)).toEqual(['9.2.3']);
    expect(next.nextCursor).toBeNull();
    expect((await list(admin, '?q=3(1)')).items.map((c) => c.controlId)).toEqual(['3.1.1']);
  });

  it('keeps the operation apart from the SoA, with If-Match (0 creates)', async () => {
    const soaBefore = (await admin.get(`/api/v1/soa/${soaId}`)).headers.etag;
    const missing = await admin.put('/api/v1/controls/3.1.1/operation', {
      status: 'in_operation',
      ownerUserId: owner.user.id,
      notes: '',
      noProcedureReason: '',
    });
    expect(missing.statusCode).toBe(428);
    const created = await putOperation(admin, '3.1.1', { ownerUserId: owner.user.id });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ status: 'in_operation', owner: { id: owner.user.id } });
    expect((await putOperation(admin, '3.1.1', {}, 0)).statusCode).toBe(412);
    const updated = await putOperation(
      admin,
      '3.1.1',
      {
        ownerUserId: owner.user.id,
        status: 'partly',
        noProcedureReason: 'Checked on site by the facilities team',
      },
      1,
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().version).toBe(2);
    expect((await admin.get(`/api/v1/soa/${soaId}`)).headers.etag).toBe(soaBefore);
    const row = (await list(admin, '?status=partly')).items;
    expect(row.map((c) => c.controlId)).toEqual(['3.1.1']);
    expect(row[0]!.coverage).toMatchObject({
      covered: true,
      reason: 'Checked on site by the facilities team',
    });
    expect((await list(admin, '?status=unset')).items.map((c) => c.controlId)).toEqual([
      '6.1.1',
      '9.2.3',
    ]);
    expect((await list(admin, `?ownerId=${owner.user.id}`)).items).toHaveLength(1);
  });

  it('refuses controls the SoA does not mark applicable, and bad owners', async () => {
    const res = await putOperation(admin, '3.1.2', {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('control_not_applicable');
    expect((await admin.get('/api/v1/controls/unknown.9')).statusCode).toBe(404);
    const bad = await putOperation(admin, '6.1.1', {
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'ownerUserId',
      code: 'reference_not_found',
    });
  });

  it('plans checks and advances the next due date from the day performed', async () => {
    const check = await createCheck(admin, '3.1.1', { checkerUserId: staff.user.id });
    checkId = check.id;
    expect((await list(admin, '?due=overdue')).items.map((c) => c.controlId)).toEqual(['3.1.1']);
    const board = await admin.get('/api/v1/control-checks?due=overdue');
    expect(board.json().items.map((c: ControlCheck) => c.id)).toEqual([checkId]);
    expect(board.json().items[0]).toMatchObject({ controlDisplayId: '3(1)①', overdue: true });
    const res = await recordResult(staff, checkId, {
      performedOn: '2026-11-30',
      notes: 'All matched',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().check).toMatchObject({ nextDue: '2027-02-28', overdue: false, version: 2 });
    expect(res.json().result).toMatchObject({
      result: 'effective',
      checker: { id: staff.user.id },
      nonconformity: null,
    });
    // An older result entered late never moves the date backwards.
    const late = await recordResult(admin, checkId, {
      performedOn: '2026-06-01',
      result: 'not_effective',
    });
    expect(late.json().check.nextDue).toBe('2027-02-28');
    expect((await list(admin, '?due=overdue')).items).toHaveLength(0);
    const future = await recordResult(admin, checkId, { performedOn: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({ field: 'performedOn', code: 'date_in_future' });
  });

  it('changes a check with If-Match', async () => {
    const stale = await admin.patch(
      `/api/v1/control-checks/${checkId}`,
      { frequency: 'yearly' },
      ifMatch(1),
    );
    expect(stale.statusCode).toBe(412);
    const res = await admin.patch(
      `/api/v1/control-checks/${checkId}`,
      { frequency: 'yearly' },
      ifMatch(2),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ frequency: 'yearly', version: 3 });
  });

  it('raises a nonconformity from a failed result, once, linked both ways', async () => {
    const failed = (
      await recordResult(staff, checkId, { performedOn: '2026-12-01', result: 'not_effective' })
    ).json().result;
    const effective = (await detail('3.1.1')).recentResults.find((r) => r.result === 'effective')!;
    const refused = await admin.post(
      `/api/v1/control-check-results/${effective.id}/nonconformity`,
      {},
    );
    expect(refused.statusCode).toBe(409);
    const raised = await staff.post(`/api/v1/control-check-results/${failed.id}/nonconformity`, {
      severity: 'minor',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const { nonconformityId, code } = raised.json();
    expect(code).toMatch(/^NC-\d{4}$/);
    const again = await admin.post(`/api/v1/control-check-results/${failed.id}/nonconformity`, {});
    expect(again.json().code).toBe('control_check_result_already_raised');
    const nc = (await admin.get(`/api/v1/nonconformities/${nonconformityId}`)).json();
    expect(nc).toMatchObject({
      source: 'control_check',
      controlIds: ['3.1.1'],
      sourceLink: { type: 'control_check_result', id: failed.id },
    });
    const page = await detail('3.1.1');
    expect(page.recentResults.find((r) => r.id === failed.id)?.nonconformity).toEqual({
      id: nonconformityId,
      code,
    });
  });

  it('keeps evidence files of a result for the checker, readable by readers', async () => {
    const result = (await detail('3.1.1')).recentResults[0]!;
    const file = await attachFile(
      staff,
      { type: 'control_check_result', id: result.id },
      samples.pdf(),
      'review.pdf',
    );
    const files = await auditor.get(
      `/api/v1/files?ownerType=control_check_result&ownerId=${result.id}`,
    );
    expect(files.statusCode, files.body).toBe(200);
    expect(files.json().items.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect((await detail('3.1.1')).recentResults[0]!.fileCount).toBe(1);
    const other = await createUserAndLogin(admin, { roles: ['staff'] });
    const denied = await uploadFile(
      other,
      { type: 'control_check_result', id: result.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(denied.statusCode).toBe(404);
  });

  it('shows procedures and record types evidencing the control on its page and in coverage', async () => {
    const type = await admin.post('/api/v1/record-types', {
      code: 'ACCESS-REVIEW',
      name: { ja: 'アクセス権レビュー記録', en: 'Access review record' },
      retention: { value: 3, unit: 'years' },
      controlIds: ['6.1.1'],
    });
    expect(type.statusCode, type.body).toBe(201);
    expect(type.json().controlIds).toEqual(['6.1.1']);
    const record = await admin.post('/api/v1/records', {
      typeId: type.json().id,
      title: 'Review November',
      recordDate: '2026-11-30',
    });
    expect(record.statusCode, record.body).toBe(201);
    const page = await detail('6.1.1');
    expect(page.coverage).toMatchObject({ recordTypes: 1, covered: true });
    expect(page.recordTypes[0]).toMatchObject({
      code: 'ACCESS-REVIEW',
      latestRecords: [{ title: 'Review November', recordDate: '2026-11-30' }],
    });
    expect(page.soaEntry).toMatchObject({ applicable: true, versionNumber: 1 });
    expect(page.risks.count).toBe(0);
  });

  it('lets staff see and record only their own checks', async () => {
    expect((await list(staff)).items.map((c) => c.controlId)).toEqual(['3.1.1']);
    expect((await staff.get('/api/v1/controls/6.1.1')).statusCode).toBe(404);
    const mine = await staff.get('/api/v1/control-checks?checkerId=me');
    expect(mine.json().items.map((c: ControlCheck) => c.id)).toEqual([checkId]);
    const other = await createCheck(admin, '6.1.1', { checkerUserId: admin.user.id });
    expect((await recordResult(staff, other.id)).statusCode).toBe(404);
    expect((await staff.post('/api/v1/controls/3.1.1/checks', {})).statusCode).toBe(403);
    expect((await putOperation(staff, '3.1.1', {}, 2)).statusCode).toBe(403);
  });

  it('lets an owner keep the operation of controls they own, only', async () => {
    const own = await putOperation(
      owner,
      '3.1.1',
      {
        ownerUserId: owner.user.id,
        status: 'in_operation',
      },
      2,
    );
    expect(own.statusCode, own.body).toBe(200);
    const handOver = await putOperation(owner, '3.1.1', { ownerUserId: admin.user.id }, 3);
    expect(handOver.statusCode).toBe(403);
    expect((await putOperation(owner, '6.1.1', { ownerUserId: owner.user.id })).statusCode).toBe(
      403,
    );
    expect((await list(owner)).items).toHaveLength(3);
  });

  it('refuses every write to the external auditor, who reads the register', async () => {
    expect((await list(auditor)).items).toHaveLength(3);
    expect((await putOperation(auditor, '6.1.1', {})).statusCode).toBe(403);
    expect((await auditor.post('/api/v1/controls/6.1.1/checks', {})).statusCode).toBe(403);
    expect((await recordResult(auditor, checkId)).statusCode).toBe(403);
  });

  it('exports the register with its checks as XLSX and PDF in both languages', async () => {
    for (const lang of ['ja', 'en']) {
      const xlsx = await admin.get(`/api/v1/controls/export.xlsx?lang=${lang}`);
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const pdf = await admin.get(`/api/v1/controls/export.pdf?lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});
