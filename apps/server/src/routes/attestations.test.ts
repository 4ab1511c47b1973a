import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Attestation, ConformityReport } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// An item with no evidence in a new organization, so only an attestation can meet it.
const ITEM = '4.2.2.f';

describeEachDatabase('conformity attestations', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: records attestations
  let top: Client; // top management: decides them
  let secondManager: Client;
  let owner: Client;
  let auditor: Client;

  const etag = (a: { version: number }) => ({ 'if-match': `"${a.version}"` });
  const record = async (input: Record<string, unknown> = {}, by = manager) => {
    const res = await by.post('/api/v1/conformity/attestations', {
      itemId: ITEM,
      statement: 'Server room lock and visitor book checked on site; photos attached.',
      validFrom: day(-1),
      validUntil: day(200),
      ...input,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Attestation>();
  };
  const decide = (a: Attestation, decision: string, by = top) =>
    by.post(
      `/api/v1/conformity/attestations/${a.id}/decision`,
      { decision, note: 'Seen the photos' },
      { headers: etag(a) },
    );
  const itemOf = async (id = ITEM) => {
    const report = (await manager.get('/api/v1/conformity')).json<ConformityReport>();
    return { item: report.items.find((i) => i.id === id)!, report };
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    secondManager = await createUserAndLogin(manager, { roles: ['isms_manager'] });
    owner = await createUserAndLogin(manager, { roles: ['owner'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
  });
  afterAll(() => app.close());

  it('records a pending attestation with evidence files; the item is not met by it yet', async () => {
    const a = await record();
    expect(a).toMatchObject({
      itemId: ITEM,
      status: 'pending',
      inForce: false,
      requestedBy: { id: manager.user.id },
      decidedBy: null,
    });
    await attachFile(manager, { type: 'attestation', id: a.id }, samples.pdf(), 'photos.pdf');
    const files = await manager.get('/api/v1/files', {
      query: { ownerType: 'attestation', ownerId: a.id },
    });
    expect(files.json().items).toHaveLength(1);
    const { item } = await itemOf();
    expect(item.status).not.toBe('met');
    expect(item.basis).toBeNull();
  });

  it('refuses unknown items and an end before the start', async () => {
    const unknown = await manager.post('/api/v1/conformity/attestations', {
      itemId: '9.9.9',
      statement: 'x',
      validFrom: day(0),
      validUntil: day(1),
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'itemId' });
    const backwards = await manager.post('/api/v1/conformity/attestations', {
      itemId: ITEM,
      statement: 'x',
      validFrom: day(5),
      validUntil: day(1),
    });
    // Refused by the request schema, naming the field.
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json().errors)).toContain('validUntil');
  });

  it('never lets the requester decide, whatever their roles', async () => {
    const a = await record();
    const own = await decide(a, 'approved', manager);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('attestation_own_request');
    // Another ISMS manager may decide, and the decision is in the audit trail.
    const other = await decide(a, 'rejected', secondManager);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({
      status: 'rejected',
      decidedBy: { id: secondManager.user.id },
      decisionNote: 'Seen the photos',
    });
    const again = await decide(other.json<Attestation>(), 'approved');
    expect(again.statusCode).toBe(409);
    const trail = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'conformity_attestation', entityId: a.id },
    });
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'conformity_attestation.requested',
        'conformity_attestation.rejected',
      ]),
    );
  });

  it('makes the item met by attestation once approved, counted apart in the summary', async () => {
    const before = (await itemOf()).report.summary;
    const a = await record();
    const stale = await top.post(
      `/api/v1/conformity/attestations/${a.id}/decision`,
      { decision: 'approved' },
      { headers: { 'if-match': '"99"' } },
    );
    expect(stale.statusCode).toBe(412);
    const approved = await decide(a, 'approved');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', inForce: true, expired: false });
    const { item, report } = await itemOf();
    expect(item).toMatchObject({
      status: 'met',
      basis: 'attestation',
      attestation: { id: a.id, validUntil: day(200) },
    });
    expect(report.summary.metByAttestation).toBe(before.metByAttestation + 1);
    expect(report.summary.counts.met).toBe(before.counts.met + 1);
    // The readiness report names the basis of the item.
    const xlsx = await manager.get('/api/v1/conformity/export', {
      query: { format: 'xlsx', lang: 'en' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues() as unknown[][];
    const row = rows.find((r) => r?.[1] === '4.2.2 f')!;
    expect(row[3]).toBe('Met');
    expect(row[7]).toBe(`Attestation (valid until ${day(200)})`);
    // Evidence is frozen once decided.
    const late = await uploadFile(
      manager,
      { type: 'attestation', id: a.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(late.statusCode).toBe(409);
    // Items met by their own rule say so.
    expect(report.items.filter((i) => i.status === 'met' && i.basis === null)).toEqual([]);
    expect(report.items.filter((i) => i.status !== 'met' && i.basis !== null)).toEqual([]);

    const revoked = await manager.post(
      `/api/v1/conformity/attestations/${a.id}/revocation`,
      { note: 'Lock replaced; to check again' },
      { headers: etag(approved.json<Attestation>()) },
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    expect((await itemOf()).item.basis).toBeNull();
  });

  it('stops counting an attestation past its validity and shows the lapse as due', async () => {
    const item = '4.2.3.a.3';
    const old = await record({ itemId: item, validFrom: day(-400), validUntil: day(-10) });
    expect((await decide(old, 'approved')).statusCode).toBe(200);
    const got = await manager.get(`/api/v1/conformity/attestations/${old.id}`);
    expect(got.json()).toMatchObject({ status: 'approved', inForce: false, expired: true });
    const { item: evaluated, report } = await itemOf(item);
    expect(evaluated.basis).toBeNull();
    expect(evaluated.status).not.toBe('met');
    const due = report.due.find((d) => d.kind === 'attestation_expiry');
    expect(due).toMatchObject({ overdue: 1, href: '/conformity?tab=attestations' });
    // One ending within 30 days counts as due, not overdue.
    const ending = await record({ itemId: '5.1.e', validFrom: day(-30), validUntil: day(10) });
    expect((await decide(ending, 'approved')).statusCode).toBe(200);
    const after = (await itemOf()).report.due.find((d) => d.kind === 'attestation_expiry')!;
    expect(after).toMatchObject({ count: due!.count + 1, overdue: 1 });
  });

  it('lists with filters and pages; every reader may read, few may write', async () => {
    const page = await auditor.get('/api/v1/conformity/attestations', {
      query: { itemId: ITEM, limit: '2' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    const next = await auditor.get('/api/v1/conformity/attestations', {
      query: { itemId: ITEM, limit: '2', cursor: page.json().nextCursor },
    });
    const ids = [...page.json().items, ...next.json().items].map((a: Attestation) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const pending = await owner.get('/api/v1/conformity/attestations', {
      query: { status: 'pending' },
    });
    expect(pending.json().items.every((a: Attestation) => a.status === 'pending')).toBe(true);

    const a = await record();
    for (const client of [owner, auditor]) {
      const res = await client.post('/api/v1/conformity/attestations', {
        itemId: ITEM,
        statement: 'x',
        validFrom: day(0),
        validUntil: day(1),
      });
      expect(res.statusCode).toBe(403);
      expect((await decide(a, 'approved', client)).statusCode).toBe(403);
      const file = await uploadFile(
        client,
        { type: 'attestation', id: a.id },
        samples.pdf(),
        'y.pdf',
      );
      expect(file.statusCode).toBe(403);
    }
    // Top management decides but does not record attestations.
    const byTop = await top.post('/api/v1/conformity/attestations', {
      itemId: ITEM,
      statement: 'x',
      validFrom: day(0),
      validUntil: day(1),
    });
    expect(byTop.statusCode).toBe(403);
  });
});
