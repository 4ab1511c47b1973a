import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type {
  ConformityReport,
  LegalObligation,
  LegalObligationDetail,
  ReviewInputPack,
} from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { insertPlannedReview } from './reviews-inputs.isolation.ts';

type Page = { items: LegalObligation[]; nextCursor: string | null };
const BASE = '/api/v1/legal-obligations';
const today = () => new Date().toISOString().slice(0, 10);
const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

describeEachDatabase('legal register', (ctx) => {
  let app: App;
  let admin: Client; // administrator + ISMS manager: keeps the register
  let owner: Client; // legal:manage at 'own' reach
  let staff: Client; // no legal:read
  let auditor: Client; // external auditor: reads only
  let other: Client; // the administrator of another organization

  const create = async (as: Client, input: Record<string, unknown>) => {
    const res = await as.post(BASE, { kind: 'law', title: 'Act', ...input });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<LegalObligation>();
  };
  const list = async (as: Client, query: Record<string, string> = {}) => {
    const res = await as.get(BASE, { query });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    other = (await addOrganization(app, { name: 'Other org' })).admin;
  });
  afterAll(() => app.close());

  it('adds obligations with numbered codes and a review date from the interval', async () => {
    const appi = await create(admin, {
      title: '個人情報の保護に関する法律',
      authority: '個人情報保護委員会',
      reference: '第23条〜第26条',
      summary: '安全管理措置と漏えい時の報告',
      ownerUserId: owner.user.id,
      reviewIntervalMonths: 6,
      controlIds: ['12.1.1', '12.1.4', '12.1.1'],
    });
    expect(appi.code).toMatch(/^LEG-\d{3}$/);
    expect(appi.owner).toEqual({ id: owner.user.id, name: expect.any(String) });
    expect(appi.controlIds).toEqual(['12.1.1', '12.1.4']);
    expect(appi.nextReviewDate > today()).toBe(true);
    expect(appi.reviewState).toBe('scheduled');
    const next = await create(admin, { kind: 'contract', title: 'NDA' });
    expect(Number(next.code.slice(4))).toBe(Number(appi.code.slice(4)) + 1);
  });

  it('filters the register in SQL and pages it by review date', async () => {
    const overdue = await create(admin, { title: 'Overdue act', nextReviewDate: '2020-01-01' });
    const soon = await create(admin, { title: 'Soon act', nextReviewDate: today() });
    expect(overdue.reviewState).toBe('overdue');
    expect(soon.reviewState).toBe('due_soon');
    const ids = (q: Record<string, string>) => list(admin, q).then((p) => p.items.map((o) => o.id));
    expect(await ids({ due: 'overdue' })).toContain(overdue.id);
    expect(await ids({ due: 'overdue' })).not.toContain(soon.id);
    expect(await ids({ due: 'soon' })).toEqual(expect.arrayContaining([soon.id]));
    expect(await ids({ due: 'soon' })).not.toContain(overdue.id);
    expect(await ids({ kind: 'contract' })).not.toContain(overdue.id);
    expect(await ids({ q: 'overdue ACT' })).toEqual([overdue.id]);
    expect((await list(admin, { controlId: '12.1.4' })).items.map((o) => o.title)).toContain(
      '個人情報の保護に関する法律',
    );
    expect((await list(admin, { ownerId: owner.user.id })).items).toHaveLength(1);
    const first = await list(admin, { limit: '2' });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.id).toBe(overdue.id);
    const rest = await list(admin, { limit: '200', cursor: first.nextCursor! });
    expect(rest.items.map((o) => o.id)).not.toContain(first.items[0]!.id);
    expect(first.items.length + rest.items.length).toBe(
      (await list(admin, { limit: '200' })).items.length,
    );
  });

  it('refuses unknown controls, other organizations’ documents and users, naming the field', async () => {
    const res = await admin.post(BASE, {
      kind: 'law',
      title: 'Bad refs',
      controlIds: ['99.9.9'],
      ownerUserId: other.user.id,
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['controlIds.0', 'ownerUserId']));
    const doc = await other.post('/api/v1/documents', {
      code: 'OTHER-DOC',
      title: 'Theirs',
      type: 'procedure',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const cross = await admin.post(BASE, { kind: 'law', title: 'x', documentIds: [doc.json().id] });
    expect(cross.statusCode).toBe(422);
    expect(cross.json().errors[0].field).toBe('documentIds.0');
    expect((await admin.post(BASE, { kind: 'treaty', title: 'x' })).statusCode).toBe(400);
  });

  it('changes an obligation under If-Match, dating a change of substance only', async () => {
    const o = await create(admin, { title: 'Unfair Competition Prevention Act' });
    expect((await admin.patch(`${BASE}/${o.id}`, { summary: 'x' })).statusCode).toBe(428);
    const moved = await admin.patch(`${BASE}/${o.id}`, { reviewIntervalMonths: 24 }, ifMatch(1));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().contentChangedAt).toBeNull();
    const stale = await admin.patch(`${BASE}/${o.id}`, { summary: 'x' }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    const changed = await admin.patch(`${BASE}/${o.id}`, { summary: 'Trade secrets' }, ifMatch(2));
    expect(changed.statusCode).toBe(200);
    expect(changed.json().contentChangedAt).not.toBeNull();
    const detail = await admin.get(`${BASE}/${o.id}`);
    expect(detail.headers.etag).toBe('"3"');
    const trail = (await admin.get('/api/v1/audit/events?limit=20')).json();
    expect(JSON.stringify(trail)).toContain('legal_obligation.updated');
  });

  it('records a review that moves the next review date, and one that retires', async () => {
    const o = await create(admin, { title: 'Electronic books act', reviewIntervalMonths: 12 });
    const reviewedOn = today();
    const res = await admin.post(
      `${BASE}/${o.id}/reviews`,
      { reviewedOn, outcome: 'changed', note: 'Amended' },
      ifMatch(1),
    );
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json<LegalObligation>();
    const year = Number(reviewedOn.slice(0, 4)) + 1;
    expect(after.nextReviewDate.slice(0, 4)).toBe(String(year));
    expect(after.contentChangedAt).not.toBeNull();
    const detail = (await admin.get(`${BASE}/${o.id}`)).json<LegalObligationDetail>();
    expect(detail.reviews).toEqual([
      expect.objectContaining({ outcome: 'changed', note: 'Amended', reviewedOn }),
    ]);
    expect(detail.reviews[0]!.reviewer?.id).toBe(admin.user.id);
    const future = await admin.post(
      `${BASE}/${o.id}/reviews`,
      { reviewedOn: '2999-01-01', outcome: 'unchanged' },
      ifMatch(2),
    );
    expect(future.statusCode).toBe(422);
    const retired = await admin.post(
      `${BASE}/${o.id}/reviews`,
      { reviewedOn, outcome: 'retired' },
      ifMatch(2),
    );
    expect(retired.json()).toMatchObject({ status: 'retired', reviewState: 'retired' });
    const again = await admin.post(
      `${BASE}/${o.id}/reviews`,
      { reviewedOn, outcome: 'unchanged' },
      ifMatch(3),
    );
    expect(again.statusCode).toBe(409);
  });

  it('lets owners change and review only their own obligations; readers only read', async () => {
    const mine = await create(admin, { title: 'Owned', ownerUserId: owner.user.id });
    const notMine = await create(admin, { title: 'Not owned' });
    expect((await owner.post(BASE, { kind: 'law', title: 'By owner' })).json().code).toBe(
      'forbidden_reach_all',
    );
    expect(
      (await owner.patch(`${BASE}/${mine.id}`, { summary: 'ok' }, ifMatch(1))).statusCode,
    ).toBe(200);
    const handOver = await owner.patch(`${BASE}/${mine.id}`, { ownerUserId: null }, ifMatch(2));
    expect(handOver.statusCode).toBe(403);
    const review = { reviewedOn: today(), outcome: 'unchanged' };
    expect((await owner.post(`${BASE}/${mine.id}/reviews`, review, ifMatch(2))).statusCode).toBe(
      201,
    );
    const theirs = await owner.patch(`${BASE}/${notMine.id}`, { summary: 'no' }, ifMatch(1));
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().code).toBe('forbidden_not_owner');
    expect((await owner.post(`${BASE}/${notMine.id}/reviews`, review, ifMatch(1))).statusCode).toBe(
      403,
    );
    expect((await staff.get(BASE)).statusCode).toBe(403);
    expect((await staff.get(`${BASE}/${mine.id}`)).statusCode).toBe(403);
    expect((await auditor.get(`${BASE}/${mine.id}`)).statusCode).toBe(200);
    expect(
      (await auditor.patch(`${BASE}/${mine.id}`, { summary: 'x' }, ifMatch(3))).statusCode,
    ).toBe(403);
    expect((await auditor.post(BASE, { kind: 'law', title: 'x' })).statusCode).toBe(403);
  });

  it('keeps organizations apart', async () => {
    const o = await create(admin, { title: 'Ours only' });
    expect((await other.get(`${BASE}/${o.id}`)).statusCode).toBe(404);
    expect((await other.patch(`${BASE}/${o.id}`, { title: 'x' }, ifMatch(1))).statusCode).toBe(404);
    const review = { reviewedOn: today(), outcome: 'unchanged' };
    expect((await other.post(`${BASE}/${o.id}/reviews`, review, ifMatch(1))).statusCode).toBe(404);
    expect(JSON.stringify((await list(other, { limit: '200' })).items)).not.toContain('Ours only');
    const theirs = await other.get(`${BASE}/export`, { query: { lang: 'en' } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(theirs.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).not.toContain('Ours only');
  });

  it('exports the register as XLSX and PDF in Japanese and English', async () => {
    const o = await create(admin, {
      kind: 'regulation',
      title: 'Export control order',
      controlIds: ['12.1.1'],
      nextReviewDate: '2020-02-02',
    });
    for (const [lang, kind, state, control] of [
      ['ja', '政省令・規則', 'レビュー期限超過', null],
      ['en', 'Regulation', 'Review overdue', 'A.12.1.1'],
    ] as const) {
      const res = await admin.get(`${BASE}/export`, { query: { lang, q: 'Export control' } });
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.rowCount).toBe(2);
      const row = sheet.getRow(2);
      expect(row.getCell(1).value).toBe(o.code);
      expect(row.getCell(2).value).toBe(kind);
      expect(row.getCell(11).value).toBe(state);
      if (control) expect(row.getCell(12).value).toBe(control);
      else expect(String(row.getCell(12).value)).not.toBe('');
      const pdf = await admin.get(`${BASE}/export`, { query: { lang, format: 'pdf' } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('feeds the management review’s changes input (g) with obligations added, changed, retired', async () => {
    const added = await create(admin, { kind: 'contract', title: 'Customer NDA' });
    const review = await insertPlannedReview(app.database.db, admin.organization.id);
    const res = await admin.get(`/api/v1/management-reviews/${review.id}/inputs`);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json<ReviewInputPack>().sections.find((s) => s.section === 'g')!;
    const legal = g.items.filter((i) => i.kind === 'legal_obligation');
    expect(legal).toContainEqual(
      expect.objectContaining({
        id: added.id,
        ref: added.code,
        change: 'added',
        detail: 'Contract',
        href: `/legal/${added.id}`,
        date: today(),
      }),
    );
    expect(g.figures.legalAdded).toBe(legal.filter((i) => i.change === 'added').length);
    expect(g.figures.legalRetired).toBe(legal.filter((i) => i.change === 'retired').length);
    expect(g.figures.legalRetired).toBeGreaterThan(0);
    // The event log's entries for the register are not listed a second time.
    const logged = g.items.filter((i) => i.kind === 'isms_event');
    expect(logged.filter((i) => String(i.change).startsWith('legal_obligation.'))).toEqual([]);
  });

  describe('conformity', () => {
    it('judges 5.2.1.c from the register and shows reviews due', async () => {
      const res = await admin.get('/api/v1/conformity');
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json<ConformityReport>();
      const item = report.items.find((i) => i.id === '5.2.1.c')!;
      // Overdue reviews and obligations without owner or answer were made above.
      expect(item.status).toBe('partly_met');
      expect(
        item.links.some((l) => l.href === '/legal?due=overdue' || l.href.startsWith('/legal/')),
      ).toBe(true);
      // 4.2.1.b.2: without a policy its gap shows, and the obligations past review beside it.
      const b2 = report.items.find((i) => i.id === '4.2.1.b.2')!;
      expect(b2.status).toBe('not_met');
      const late = (
        await admin.get('/api/v1/legal-obligations', { query: { due: 'overdue', limit: '200' } })
      )
        .json<{ items: { id: string; code: string }[] }>()
        .items.sort((a, b) => a.code.localeCompare(b.code));
      expect(late.length).toBeGreaterThan(0);
      expect(b2.links.filter((l) => l.kind === 'gap').map((l) => l.href)).toEqual([
        '/documents',
        ...late.slice(0, 5).map((o) => `/legal/${o.id}`),
        ...(late.length > 5 ? ['/legal?due=overdue'] : []),
      ]);
      const due = report.due.find((d) => d.kind === 'legal_review')!;
      expect(due.overdue).toBeGreaterThan(0);
      const fresh = (await other.get('/api/v1/conformity')).json<ConformityReport>();
      expect(fresh.items.find((i) => i.id === '5.2.1.c')!.status).toBe('not_met');
      const ownerDue = (await owner.get('/api/v1/conformity')).json<ConformityReport>();
      expect(ownerDue.due.find((d) => d.kind === 'legal_review')!.overdue).toBe(0);
      const auditorDue = (await auditor.get('/api/v1/conformity')).json<ConformityReport>();
      expect(auditorDue.due.find((d) => d.kind === 'legal_review')).toBeUndefined();
    });
  });
});
