import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EvidenceRecord, RecordType } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { countBlobs } from '@mamoru/db/repositories/files';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { uniqueCode } from '../testing/isms.ts';

const today = () => new Date().toISOString().slice(0, 10);

describeEachDatabase('records', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: keeps the records
  let approver: Client; // a second ISMS manager: approves disposals
  let owner: Client;
  let staff: Client;
  let type: RecordType;

  const etag = (r: { version: number }) => ({ 'if-match': `"${r.version}"` });
  const createRecord = async (input: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/records', {
      typeId: type.id,
      title: 'Monthly access review',
      recordDate: today(),
      ...input,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<EvidenceRecord>();
  };
  const requestDisposal = (r: EvidenceRecord, body: Record<string, unknown> = {}) =>
    admin.post(
      `/api/v1/records/${r.id}/disposal`,
      { reason: 'Retention over', ...body },
      {
        headers: etag(r),
      },
    );

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    approver = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('creates a record type with retention, storage, protection and disposal method', async () => {
    const [level] = (await admin.get('/api/v1/classifications')).json().items;
    const res = await admin.post('/api/v1/record-types', {
      code: 'ACCESS-REVIEW',
      name: { ja: 'アクセス権レビュー記録', en: 'Access review record' },
      retention: { value: 3, unit: 'years' },
      storageLocation: 'Mamoru (database)',
      classificationId: level.id,
      disposalMethod: 'Delete from the database',
      evidences: 'access_review',
    });
    expect(res.statusCode, res.body).toBe(201);
    type = res.json();
    expect(type).toMatchObject({
      retention: { value: 3, unit: 'years' },
      classification: { id: level.id, code: level.code },
      disposalMethod: 'Delete from the database',
    });
    const again = await admin.post('/api/v1/record-types', {
      code: 'ACCESS-REVIEW',
      name: { ja: '重複', en: 'Duplicate' },
      retention: { value: 1, unit: 'years' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('record_type_code_taken');
  });

  it('lets only writers with reach all create types and records; staff cannot read', async () => {
    const body = {
      code: uniqueCode('RT'),
      name: { ja: '種別', en: 'Type' },
      retention: { value: 1, unit: 'years' },
    };
    expect((await owner.post('/api/v1/record-types', body)).statusCode).toBe(403);
    const rec = { typeId: type.id, title: 'x', recordDate: today() };
    expect((await owner.post('/api/v1/records', rec)).statusCode).toBe(403);
    expect((await staff.get('/api/v1/records')).statusCode).toBe(403);
    expect((await owner.get('/api/v1/records')).statusCode).toBe(200);
  });

  it('computes the retention end from the record date and the period', async () => {
    const r = await createRecord({ recordDate: '2024-02-29' });
    expect(r.retentionEnd).toBe('2027-02-28');
    expect(r.status).toBe('active');
    const res = await admin.patch(
      `/api/v1/records/${r.id}`,
      { recordDate: '2025-01-31' },
      { headers: etag(r) },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().retentionEnd).toBe('2028-01-31');
    const stale = await admin.patch(
      `/api/v1/records/${r.id}`,
      { title: 'x' },
      { headers: etag(r) },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('moves retention ends when the type changes its period', async () => {
    const t = (
      await admin.post('/api/v1/record-types', {
        code: uniqueCode('RT'),
        name: { ja: '教育記録', en: 'Training record' },
        retention: { value: 1, unit: 'years' },
      })
    ).json<RecordType>();
    const r = await createRecord({ typeId: t.id, recordDate: '2026-01-31' });
    expect(r.retentionEnd).toBe('2027-01-31');
    const res = await admin.patch(
      `/api/v1/record-types/${t.id}`,
      { retention: { value: 13, unit: 'months' } },
      { headers: etag(t) },
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = (await admin.get(`/api/v1/records/${r.id}`)).json<EvidenceRecord>();
    expect(after.retentionEnd).toBe('2027-02-28');
  });

  it('finds records by a Japanese word in the middle of the title or an entry', async () => {
    const r = await createRecord({
      title: 'サーバー室の入退室ログ月次確認',
      entries: { 確認者: '情報システム部 山田' },
      links: [{ type: 'asset', id: 'A-1', label: 'Server room' }],
    });
    const ids = async (query: string) =>
      (await admin.get(`/api/v1/records?${query}`))
        .json<{ items: EvidenceRecord[] }>()
        .items.map((i) => i.id);
    expect(await ids(`q=${encodeURIComponent('入退室')}`)).toEqual([r.id]);
    expect(await ids(`q=${encodeURIComponent('山田')}`)).toEqual([r.id]);
    expect(await ids(`q=${encodeURIComponent('ＳＥＲＶＥＲ ROOM')}`)).toEqual([r.id]);
    expect(await ids('linkType=asset&linkId=A-1')).toEqual([r.id]);
  });

  it('pages with a cursor and filters by type, hold and retention due', async () => {
    const first = await admin.get(
      `/api/v1/records?typeId=${type.id}&limit=1&sort=title&direction=asc`,
    );
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await admin.get(
        `/api/v1/records?typeId=${type.id}&limit=1&sort=title&direction=asc&cursor=${page1.nextCursor}`,
      )
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const due = (await admin.get('/api/v1/records?retentionDueBy=2027-12-31&limit=200')).json();
    expect(
      due.items.map((i: EvidenceRecord) => i.retentionEnd).every((d: string) => d <= '2027-12-31'),
    ).toBe(true);
    expect(due.items.length).toBeGreaterThan(0);
  });

  it('refuses disposal before the retention end, naming the date', async () => {
    const r = await createRecord();
    const res = await requestDisposal(r);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'record_retention_not_ended' });
    expect(res.json().title).toContain(r.retentionEnd);
  });

  it('refuses disposal under legal hold, even after retention; a hold needs a reason', async () => {
    const r = await createRecord({ recordDate: '2000-01-01' });
    const noReason = await admin.put(
      `/api/v1/records/${r.id}/legal-hold`,
      { active: true },
      {
        headers: etag(r),
      },
    );
    expect(noReason.statusCode).toBe(422);
    const held = await admin.put(
      `/api/v1/records/${r.id}/legal-hold`,
      { active: true, reason: 'Litigation 2026-17' },
      { headers: etag(r) },
    );
    expect(held.statusCode, held.body).toBe(200);
    const record = held.json<EvidenceRecord>();
    expect(record.legalHold).toEqual({ active: true, reason: 'Litigation 2026-17' });
    const onHold = (await admin.get('/api/v1/records?legalHold=true')).json();
    expect(onHold.items.map((i: EvidenceRecord) => i.id)).toEqual([r.id]);
    const res = await requestDisposal(record);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('record_legal_hold');
    expect(res.json().title).toContain('Litigation 2026-17');
  });

  it('disposes of a record on approval: files go, a disposal record stays', async () => {
    const r = await createRecord({ recordDate: '2001-04-01', entries: { result: 'ok' } });
    const file = await attachFile(admin, { type: 'record', id: r.id }, samples.pdf(), 'r.pdf');
    const blobs = await countBlobs(app.database.db, admin.organization.id);
    const res = await requestDisposal(r, { reason: 'Retention period over' });
    expect(res.statusCode, res.body).toBe(200);
    const pending = res.json<EvidenceRecord>();
    expect(pending.status).toBe('disposal_pending');
    // Nothing changes while it waits, and the requester cannot approve their own request.
    expect(
      (await admin.patch(`/api/v1/records/${r.id}`, { title: 'x' }, { headers: etag(pending) }))
        .statusCode,
    ).toBe(409);
    const own = await admin.post(`/api/v1/approvals/${pending.approvalId}/decision`, {
      decision: 'approved',
    });
    expect(own.statusCode).toBe(403);
    const decided = await approver.post(`/api/v1/approvals/${pending.approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const disposed = (await admin.get(`/api/v1/records/${r.id}`)).json<EvidenceRecord>();
    expect(disposed).toMatchObject({ status: 'disposed', entries: {}, title: r.title });
    const disposal = await admin.get(`/api/v1/records/${r.id}/disposal`);
    expect(disposal.statusCode, disposal.body).toBe(200);
    expect(disposal.json()).toMatchObject({
      recordId: r.id,
      method: 'Delete from the database',
      reason: 'Retention period over',
      requestedBy: { id: admin.user.id },
      approvedBy: { id: approver.user.id },
      approvalId: pending.approvalId,
      filesDeleted: 1,
    });
    expect((await admin.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
    expect(await countBlobs(app.database.db, admin.organization.id)).toBe(blobs - 1);
    const again = await requestDisposal(disposed);
    expect(again.json().code).toBe('record_disposed');
  });

  it('reopens the record when disposal is rejected', async () => {
    const r = await createRecord({ recordDate: '2001-04-01' });
    const pending = (await requestDisposal(r)).json<EvidenceRecord>();
    const res = await approver.post(`/api/v1/approvals/${pending.approvalId}/decision`, {
      decision: 'rejected',
    });
    expect(res.statusCode).toBe(200);
    const after = (await admin.get(`/api/v1/records/${r.id}`)).json<EvidenceRecord>();
    expect(after.status).toBe('active');
    expect((await admin.get(`/api/v1/records/${r.id}/disposal`)).statusCode).toBe(404);
  });
});
