import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { IsmsEvent, ReviewInputPack } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createAsset, createLocation, createOrgUnit } from '../testing/isms.ts';
import { insertPlannedReview } from './reviews-inputs.isolation.ts';

type Page = { items: IsmsEvent[]; nextCursor: string | null };

describeEachDatabase('ISMS event log', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: keeps the log
  let owner: Client; // isms:write at 'own' reach only
  let staff: Client; // no isms:read
  let auditor: Client; // reads, does not write
  let other: Client; // the administrator of another organization

  const list = async (as: Client, query: Record<string, string> = {}) => {
    const res = await as.get('/api/v1/isms-events', { query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const record = async (input: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/isms-events', {
      occurredAt: '2026-03-10T10:00:00+09:00',
      category: 'legal',
      title: 'Amended personal information law in force',
      ...input,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<IsmsEvent>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    other = (await addOrganization(app, { name: 'Other org' })).admin;
  });
  afterAll(() => app.close());

  it('writes an automatic entry for a milestone of the audit trail, and none for other actions', async () => {
    const unit = await createOrgUnit(admin, { name: '情報システム部' });
    const asset = await createAsset(admin, { name: 'Laptop fleet' });
    const auto = (await list(admin, { source: 'auto', limit: '200' })).items;
    const forUnit = auto.filter((e) => e.entity?.id === unit.id);
    expect(forUnit).toEqual([
      expect.objectContaining({
        source: 'auto',
        category: 'organization',
        action: 'org_unit.created',
        entity: { type: 'org_unit', id: unit.id },
        title: '情報システム部',
        recordedBy: { id: admin.user.id, displayName: expect.any(String) },
      }),
    ]);
    // asset.created is in the audit trail but is not an ISMS event.
    const trail = (await admin.get('/api/v1/audit/events?limit=50')).body;
    expect(trail).toContain(asset.id);
    expect(auto.some((e) => e.entity?.id === asset.id)).toBe(false);
  });

  it('records, reads and edits entries made by hand, with their audit entries', async () => {
    const made = await record({
      description: 'The amendment adds reporting duties.',
      impact: 'The incident procedure needs a reporting step.',
    });
    expect(made).toMatchObject({
      source: 'manual',
      action: null,
      entity: null,
      category: 'legal',
      occurredAt: '2026-03-10T01:00:00.000Z',
      recordedBy: { id: admin.user.id },
    });
    const got = await auditor.get(`/api/v1/isms-events/${made.id}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual(made);

    const res = await admin.patch(`/api/v1/isms-events/${made.id}`, {
      title: 'Amended APPI in force',
      category: 'policy',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Amended APPI in force', category: 'policy' });
    const trail = (await admin.get('/api/v1/audit/events', { query: { entityId: made.id } }))
      .json<{ items: { action: string }[] }>()
      .items.map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['isms_event.recorded', 'isms_event.updated']));
    // Recording by hand is not itself a milestone: no automatic entry for it.
    const auto = (await list(admin, { source: 'auto', limit: '200' })).items;
    expect(auto.some((e) => e.entity?.id === made.id)).toBe(false);
  });

  it('refuses to edit automatic entries, future dates and unknown ids', async () => {
    const unit = await createOrgUnit(admin);
    const auto = (await list(admin, { source: 'auto', limit: '200' })).items.find(
      (e) => e.entity?.id === unit.id,
    )!;
    const res = await admin.patch(`/api/v1/isms-events/${auto.id}`, { title: 'Rewritten' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('isms_event_automatic');
    const future = await admin.post(
      '/api/v1/isms-events',
      { occurredAt: '2999-01-01T00:00:00Z', category: 'other', title: 'Later' },
      { headers: { 'accept-language': 'ja' } },
    );
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: 'occurredAt', code: 'isms_event_future' }),
    ]);
    const blank = await admin.post('/api/v1/isms-events', {
      occurredAt: '2026-01-01T00:00:00Z',
      category: 'other',
      title: ' ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'body.title' })]);
    const missing = await admin.get('/api/v1/isms-events/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('filters in SQL and pages by keyset', async () => {
    const tag = `flt-${Date.now()}`;
    const days = ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05'];
    for (const day of days) {
      await record({
        occurredAt: `${day}T12:00:00Z`,
        category: 'supplier',
        title: `${tag} ${day}`,
      });
    }
    await record({ occurredAt: '2025-06-03T12:00:00Z', category: 'technology', title: tag });
    const all = await list(admin, { q: tag });
    expect(all.items).toHaveLength(6);
    const suppliers = await list(admin, { q: tag, category: 'supplier' });
    expect(suppliers.items.map((e) => e.title)).toEqual(days.map((d) => `${tag} ${d}`).reverse());
    const window = await list(admin, { q: tag, from: '2025-06-02', to: '2025-06-03' });
    expect(window.items).toHaveLength(3);
    expect((await list(admin, { q: tag, source: 'auto' })).items).toEqual([]);
    // Pages of two, newest first, without gaps or repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(admin, { q: tag, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e) => e.id));
    const bad = await admin.get('/api/v1/isms-events', { query: { cursor: 'bm9wZQ' } });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the filtered log as XLSX in Japanese and English', async () => {
    const tag = `exp-${Date.now()}`;
    await record({ title: tag, category: 'supplier', impact: 'New data centre' });
    const ja = await admin.get('/api/v1/isms-events/export', {
      query: { format: 'xlsx', lang: 'ja', q: tag },
    });
    expect(ja.statusCode, ja.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ja.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(2).value).toBe('区分');
    expect(sheet.getRow(2).getCell(2).value).toBe('委託先・供給者');
    expect(sheet.getRow(2).getCell(3).value).toBe('手入力');
    expect(sheet.getRow(2).getCell(4).value).toBe(tag);
    // Automatic entries say what happened, in the language asked for.
    const unit = await createOrgUnit(admin, { name: `Unit ${tag}` });
    expect(unit.id).toBeTruthy();
    const en = await admin.get('/api/v1/isms-events/export', {
      query: { format: 'xlsx', lang: 'en', source: 'auto', category: 'organization' },
    });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    const titles = enBook.worksheets[0]!.getColumn(4).values;
    expect(titles).toContain(`Organization unit added: Unit ${tag}`);
    // Another organization's export holds none of it.
    const theirs = await other.get('/api/v1/isms-events/export', { query: { lang: 'en' } });
    expect(theirs.statusCode).toBe(200);
    const theirBook = new ExcelJS.Workbook();
    await theirBook.xlsx.load(theirs.rawPayload as unknown as ArrayBuffer);
    const cells = JSON.stringify(theirBook.worksheets[0]!.getSheetValues());
    expect(cells).not.toContain(tag);
  });

  it('feeds the management review’s changes input (g) with the period’s entries, both sources', async () => {
    const now = new Date(Date.now() - 60_000).toISOString();
    const manual = await record({ occurredAt: now, title: '本社移転', category: 'organization' });
    const old = await record({ occurredAt: '2001-01-01T00:00:00Z', title: 'Long ago' });
    const site = await createLocation(admin, { name: '大阪拠点' });
    const unit = await createOrgUnit(admin, { name: 'Listed as a unit already' });
    const review = await insertPlannedReview(app.database.db, admin.organization.id);
    // Worded in the preparer's language (the administrator's is English).
    const res = await admin.get(`/api/v1/management-reviews/${review.id}/inputs`);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json<ReviewInputPack>().sections.find((s) => s.section === 'g')!;
    const events = g.items.filter((i) => i.kind === 'isms_event');
    expect(events).toContainEqual(
      expect.objectContaining({
        id: manual.id,
        title: '本社移転',
        status: 'manual',
        detail: 'Organization',
        href: '/isms-events',
        date: now.slice(0, 10),
      }),
    );
    const auto = (await list(admin, { source: 'auto', limit: '200' })).items;
    const siteEntry = auto.find((e) => e.entity?.id === site.id)!;
    expect(events).toContainEqual(
      expect.objectContaining({
        id: siteEntry.id,
        status: 'auto',
        title: 'Location added: 大阪拠点',
      }),
    );
    // Outside the period; and a unit's entry, which g lists as the unit itself.
    const unitEntry = auto.find((e) => e.entity?.id === unit.id)!;
    expect(events.map((i) => i.id)).not.toContain(old.id);
    expect(events.map((i) => i.id)).not.toContain(unitEntry.id);
    expect(g.items).toContainEqual(expect.objectContaining({ kind: 'org_unit', id: unit.id }));
    expect(g.figures.ismsEvents).toBe(events.length);
  });

  it('refuses readers without isms:read and writers without reach over the organization', async () => {
    expect((await staff.get('/api/v1/isms-events')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/isms-events/export')).statusCode).toBe(403);
    const body = { occurredAt: '2026-01-05T00:00:00Z', category: 'other', title: 'Not mine' };
    const byOwner = await owner.post('/api/v1/isms-events', body);
    expect(byOwner.statusCode).toBe(403);
    expect(byOwner.json().code).toBe('forbidden_reach_all');
    expect((await auditor.post('/api/v1/isms-events', body)).statusCode).toBe(403);
    const made = await record({ title: 'Owned by the ISMS manager' });
    const edit = await owner.patch(`/api/v1/isms-events/${made.id}`, { title: 'Changed' });
    expect(edit.statusCode).toBe(403);
    expect((await list(auditor)).items.length).toBeGreaterThan(0);
  });
});
