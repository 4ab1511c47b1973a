import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SoaMigration, SoaMigrationEntries, SoaMigrationEntry } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { approvedSoa } from './soa-migration.fixtures.ts';

/**
 * The migration assistant against the shipped catalogs: Ver.2.0 statement in
 * force → ISO/IEC 27001:2022 draft, reviewed entry by entry.
 */
describeEachDatabase('the migration to ISO/IEC 27001:2022', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let topManagement: Client;
  let owner: Client; // reads the ISMS, writes only what they own
  let staff: Client; // does not read the statement at all
  let otherAdmin: Client; // another organization
  let source: { id: string; versionId: string };
  let migration: SoaMigration;
  let etag: number;

  const url = (path = '') => `/api/v1/soa/${migration.targetSoaId}${path}`;
  const ifMatch = () => ({ headers: { 'if-match': `"${etag}"` } });
  const list = async (query = '') => {
    const res = await admin.get(url(`/migration${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SoaMigrationEntries>();
  };
  const item = async (controlId: string) =>
    (await list()).items.find((i) => i.entry.controlId === controlId)!;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: '株式会社まもる移行' }));
    topManagement = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    ({ admin: otherAdmin } = await addOrganization(app, { name: 'Other Org' }));
  });
  afterAll(() => app.close());

  it('has nothing to migrate from before a statement is approved', async () => {
    const status = await admin.get('/api/v1/soa-migration');
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({
      source: null,
      migration: null,
      targetLibraryId: 'iso-iec-27001-2022',
    });
    const res = await admin.post('/api/v1/soa-migration', {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'soa_migration_no_source' });
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('drafts the 2022 statement from the one in force, once', async () => {
    source = await approvedSoa(admin, topManagement, ['3.1.2']);
    expect((await staff.post('/api/v1/soa-migration', {})).statusCode).toBe(403);
    expect((await owner.post('/api/v1/soa-migration', {})).statusCode).toBe(403);
    const res = await admin.post('/api/v1/soa-migration', {});
    expect(res.statusCode, res.body).toBe(201);
    migration = res.json<SoaMigration>();
    expect(migration).toMatchObject({
      sourceSoaId: source.id,
      sourceVersionId: source.versionId,
      sourceVersionNumber: 1,
      targetLibraryId: 'iso-iec-27001-2022',
    });
    const { progress } = migration;
    expect(progress.total).toBe(93);
    expect(progress.confirmed + progress.pending).toBe(93);
    expect(progress.newControls).toBeGreaterThanOrEqual(11);
    expect(progress.pending).toBeGreaterThanOrEqual(progress.newControls);
    // Drafting again returns the same draft; no second statement appears.
    const again = await admin.post('/api/v1/soa-migration', {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(migration.id);
    const statements = (await admin.get('/api/v1/soa')).json().items as { libraryId: string }[];
    expect(statements.map((s) => s.libraryId).sort()).toEqual([
      'iso-iec-27001-2022',
      'jipdec-isms-2.0',
    ]);
    const status = (await owner.get('/api/v1/soa-migration')).json();
    expect(status.source).toMatchObject({ soaId: source.id, versionNumber: 1 });
    expect(status.migration.id).toBe(migration.id);
    etag = (await admin.get(url())).json().current.version;
  });

  it('pre-fills each control from its mapped Ver.2.0 decisions, with provenance', async () => {
    const { items, unmapped } = await list();
    expect(items).toHaveLength(93);
    // Threat intelligence and the other 2022 newcomers wait for a person, undecided.
    for (const id of [
      '5.7',
      '5.23',
      '5.30',
      '8.11',
      '8.16',
      '8.23',
      '8.28',
      '8.9',
      '8.10',
      '8.12',
      '7.4',
    ]) {
      const e = items.find((i) => i.entry.controlId === id)!;
      expect(e.reviewReasons, id).toContain('new_control');
      expect(e.review, id).toBe('pending');
    }
    // Every control with a selected source is selected with the source's reasons: the
    // fixture selected every Ver.2.0 control but 3.1.2.
    const withSources = items.filter((i) => i.sources.some((s) => s.applicable));
    expect(withSources.length).toBeGreaterThan(60);
    for (const e of withSources) {
      expect(e.entry.applicable, e.entry.controlId).toBe(true);
      expect(e.entry.reasons, e.entry.controlId).toContainEqual({
        type: 'policy',
        note: 'Information security policy',
        link: null,
      });
      expect(e.entry.implementationStatus, e.entry.controlId).toBe('implemented');
    }
    // 5.1 covers 3.1.1–3.1.3, whose decisions differ: selected, and flagged.
    const policies = items.find((i) => i.entry.controlId === '5.1')!;
    expect(policies.sources.map((s) => [s.controlId, s.relation, s.applicable])).toEqual([
      ['3.1.1', 'subset', true],
      ['3.1.2', 'subset', false],
      ['3.1.3', 'subset', true],
    ]);
    expect(policies.reviewReasons).toEqual(['partial_mapping', 'sources_disagree']);
    expect(policies.entry.applicable).toBe(true);
    const carried = items.filter((i) => i.review === 'confirmed');
    for (const e of carried) {
      expect(e.reviewReasons).toEqual([]);
      expect(e.sources.every((s) => s.relation === 'equal' && s.confidence === 'high')).toBe(true);
      expect(e.confirmedBy).toBeNull();
    }
    const partial = items.find((i) => i.sources.some((s) => s.relation !== 'equal'))!;
    expect(partial.reviewReasons).toContain('partial_mapping');
    expect(partial.entry.proposed).toBe(true);
    for (const u of unmapped) {
      expect(withSources.flatMap((i) => i.sources.map((s) => s.controlId))).not.toContain(
        u.controlId,
      );
    }
    const needsReview = await list('?filter=needs_review');
    expect(needsReview.items).toHaveLength(migration.progress.pending);
    expect((await list('?filter=new')).items.length).toBe(migration.progress.newControls);
    expect((await list('?filter=confirmed')).items.length).toBe(migration.progress.confirmed);
  });

  it('keeps its pre-filled decisions when drafted again from the risk work', async () => {
    const before = await item('5.1');
    const res = await admin.post(url('/draft'), undefined, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(0);
    etag = res.json().version.version;
    expect((await item('5.1')).entry).toMatchObject({
      applicable: before.entry.applicable,
      proposed: true,
      reasons: before.entry.reasons,
    });
  });

  it('cannot be submitted while entries await review', async () => {
    const validation = (await admin.get(url('/validation'))).json();
    expect(validation.ok).toBe(false);
    expect(validation.blockers).toContainEqual({
      controlId: '5.7',
      displayId: 'A.5.7',
      code: 'review_pending',
    });
    const latest = (await admin.get(url())).json();
    const res = await admin.post(url(`/versions/${latest.current.id}/approval`), {}, ifMatch());
    expect(res.statusCode).toBe(422);
    expect((res.json().errors as { code: string }[]).map((e) => e.code)).toContain(
      'soa_review_pending',
    );
  });

  it('lets a reviewer confirm an entry, editing it first, recorded in the audit trail', async () => {
    const path = url('/migration/entries/5.7/confirm');
    const change = {
      applicable: true,
      reasons: [{ type: 'risk', note: 'Threat feeds for our cloud services' }],
      implementationStatus: 'planned',
    };
    expect((await owner.post(path, change, ifMatch())).statusCode).toBe(403);
    expect((await staff.post(path, change, ifMatch())).statusCode).toBe(403);
    expect((await admin.post(path, change)).statusCode).toBe(428);
    const stale = { headers: { 'if-match': `"${etag + 100}"` } };
    expect((await admin.post(path, change, stale)).statusCode).toBe(412);
    const bad = await admin.post(path, { implementationStatus: 'done' }, ifMatch());
    expect(bad.statusCode).toBe(400);
    const res = await admin.post(path, change, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    const confirmed = res.json<{ item: SoaMigrationEntry; version: { version: number } }>();
    etag = confirmed.version.version;
    expect(confirmed.item).toMatchObject({
      review: 'confirmed',
      confirmedBy: admin.user.id,
      entry: {
        controlId: '5.7',
        applicable: true,
        proposed: false,
        implementationStatus: 'planned',
      },
    });
    expect(confirmed.item.confirmedAt).not.toBeNull();
    expect(await item('5.7')).toMatchObject({ review: 'confirmed', confirmedBy: admin.user.id });
    const after = await list();
    expect(after.migration.progress.confirmed).toBe(migration.progress.confirmed + 1);
    expect(after.migration.progress.pending).toBe(migration.progress.pending - 1);
    const events = await admin.get('/api/v1/audit/events?action=soa.migration_confirmed');
    expect(events.statusCode, events.body).toBe(200);
    expect(events.json().items[0]).toMatchObject({
      action: 'soa.migration_confirmed',
      actorId: admin.user.id,
      after: { controlId: '5.7', review: 'confirmed', confirmedBy: admin.user.id },
    });
    const drafted = await admin.get('/api/v1/audit/events?action=soa.migration_drafted');
    expect(drafted.json().items).toHaveLength(1);
  });

  it('keeps the Ver.2.0 statement in force as the evidence while the 2022 one is a draft', async () => {
    const status = (await admin.get('/api/v1/soa-migration')).json();
    expect(status.source.soaId).toBe(source.id);
    const register = await admin.get('/api/v1/controls');
    expect(register.statusCode, register.body).toBe(200);
    const ids = (register.json().items as { controlId: string }[]).map((c) => c.controlId);
    expect(ids).toContain('3.1.1');
    expect(ids).not.toContain('5.7');
  });

  it('exports both statements side by side as XLSX', async () => {
    const res = await admin.get(url('/migration/export?lang=ja'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [main, unmapped] = workbook.worksheets;
    expect(main!.rowCount).toBe(94);
    expect(main!.getRow(1).getCell(1).value).toBe('管理策番号');
    const row = main!.getRows(2, 93)!.find((r) => r.getCell(1).value === 'A.5.7')!;
    expect(row.getCell(3).value).toBe('採用');
    expect(String(row.getCell(6).value)).toContain('確認済み');
    const policy = main!.getRows(2, 93)!.find((r) => r.getCell(1).value === 'A.5.1')!;
    expect(policy.getCell(8).value).toBe('3(1)① (一部)\n3(1)② (一部)\n3(1)③ (一部)');
    expect(String(policy.getCell(9).value)).toContain('3(1)②: 不採用');
    const carried = main!.getRows(2, 93)!.filter((r) => r.getCell(6).value === '対応表から引継ぎ');
    expect(carried).toHaveLength(migration.progress.carriedOver);
    expect(unmapped!.rowCount).toBe(1 + (await list()).unmapped.length);
    const en = await admin.get(url('/migration/export?lang=en'));
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(english.worksheets[0]!.getRow(1).getCell(6).value).toBe('Review');
  });

  it('once reviewed and approved, becomes the statement the conformity checks judge', async () => {
    const pending = (await list('?filter=needs_review')).items;
    expect(pending.length).toBeGreaterThan(0);
    for (const p of pending) {
      const res = await admin.post(
        url(`/migration/entries/${p.entry.controlId}/confirm`),
        { applicable: true, reasons: [{ type: 'policy', note: 'Reviewed for 2022' }] },
        ifMatch(),
      );
      expect(res.statusCode, res.body).toBe(200);
      etag = res.json().version.version;
    }
    const done = await list();
    expect(done.migration.progress).toMatchObject({ pending: 0, confirmed: 93 });
    expect((await admin.get(url('/validation'))).json()).toEqual({ ok: true, blockers: [] });
    const draft = (await admin.get(url())).json();
    const submitted = await admin.post(
      url(`/versions/${draft.current.id}/approval`),
      {},
      ifMatch(),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approvalId = submitted.json().current.approvalId as string;
    const summary = await topManagement.get(`/api/v1/approvals/${approvalId}/summary`);
    expect(summary.json().link).toBe(`/statement-of-applicability?soa=${migration.targetSoaId}`);
    const decided = await topManagement.post(
      `/api/v1/approvals/${submitted.json().current.approvalId}/decision`,
      { decision: 'approved' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    // Judged against the 2022 library: complete, so no annex control counts as missing.
    const item = await admin.get('/api/v1/conformity/4.2.1.h');
    expect(item.statusCode, item.body).toBe(200);
    expect(JSON.stringify(item.json())).not.toContain('annex controls are missing');
    const register = await admin.get('/api/v1/controls?limit=200');
    const ids = (register.json().items as { controlId: string }[]).map((c) => c.controlId);
    expect(ids).toContain('5.7');
    expect(ids).not.toContain('3.1.1');
  });

  it('is invisible to another organization', async () => {
    expect((await otherAdmin.get(url('/migration'))).statusCode).toBe(404);
    expect((await otherAdmin.get(url('/migration/export'))).statusCode).toBe(404);
    const res = await otherAdmin.post(url('/migration/entries/5.1/confirm'), {}, ifMatch());
    expect(res.statusCode).toBe(404);
    const status = (await otherAdmin.get('/api/v1/soa-migration')).json();
    expect(status).toMatchObject({ source: null, migration: null });
  });
});
