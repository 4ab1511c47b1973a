import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { InterestedParty, PartyFeedback } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createPartiesOfB } from './reviews-parties.isolation.ts';

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });

describeEachDatabase('interested parties and feedback', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let top: Client;
  let staff: Client;
  let otherStaff: Client;
  let auditor: Client; // external auditor: reads everything, writes nothing
  let customer: InterestedParty;
  let regulator: InterestedParty;

  const createParty = async (body: Record<string, unknown>) => {
    const res = await manager.post('/api/v1/interested-parties', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<InterestedParty>();
  };
  const record = async (as: Client, body: Record<string, unknown>) => {
    const res = await as.post('/api/v1/interested-party-feedback', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PartyFeedback>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    otherStaff = await createUserAndLogin(manager, { roles: ['staff'] });
    auditor = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    customer = await createParty({
      name: '株式会社サンプル商事',
      kind: 'customer',
      expectations: '預けた個人情報の適切な管理',
    });
    regulator = await createParty({ name: 'Data protection authority', kind: 'regulator' });
    // Another organization's party and feedback: the exact lists and counts below show
    // that none of it reaches A (the XLSX export included).
    const { admin: adminB } = await addOrganization(app, { name: 'Organization B' });
    await createPartiesOfB(adminB);
  });
  afterAll(() => app.close());

  it('registers parties, refuses a duplicate name (422 name) and edits under If-Match', async () => {
    expect(customer).toMatchObject({
      kind: 'customer',
      active: true,
      feedbackCount: 0,
      openFeedbackCount: 0,
      lastFeedbackOn: null,
      version: 1,
    });
    const again = await manager.post('/api/v1/interested-parties', {
      name: '株式会社サンプル商事',
      kind: 'supplier',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'interested_party_name_taken' }),
    ]);
    const bad = await manager.post('/api/v1/interested-parties', { name: '', kind: 'alien' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.kind', 'body.name']);

    // A NUL byte cannot be stored in PostgreSQL text: refused as input, never a 5xx.
    const nul = await manager.post('/api/v1/interested-parties', {
      name: 'a\u0000b',
      kind: 'other',
    });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);

    const url = `/api/v1/interested-parties/${regulator.id}`;
    const missing = await manager.patch(url, { contact: 'x' });
    expect(missing.statusCode).toBe(428);
    const edited = await manager.patch(url, { contact: 'privacy@example.org' }, etag(regulator));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    const stale = await manager.patch(url, { contact: 'old' }, etag(regulator));
    expect(stale.statusCode).toBe(412);
    const renamed = await manager.patch(
      url,
      { name: customer.name },
      { headers: { 'if-match': '"2"' } },
    );
    expect(renamed.statusCode).toBe(422);
    regulator = edited.json();

    const events = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'interested_party', entityId: regulator.id },
    });
    expect(
      events
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['interested_party.created', 'interested_party.updated']);
  });

  it('records feedback from everyone who takes part; the manager responds', async () => {
    const fromStaff = await record(staff, {
      partyId: customer.id,
      receivedOn: daysAgo(20),
      channel: 'complaint',
      content: '委託先からのメール誤送信について説明を求められた',
      sentiment: 'negative',
    });
    expect(fromStaff).toMatchObject({
      party: { id: customer.id, name: customer.name, kind: 'customer' },
      respondedOn: null,
      response: '',
      recordedBy: { id: staff.user.id },
    });
    const future = await staff.post('/api/v1/interested-party-feedback', {
      partyId: customer.id,
      receivedOn: '2999-01-01',
      content: 'x',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0]).toMatchObject({
      field: 'receivedOn',
      code: 'feedback_date_future',
    });
    const unknown = await staff.post('/api/v1/interested-party-feedback', {
      partyId: crypto.randomUUID(),
      receivedOn: today(),
      content: 'x',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('partyId');

    // Staff cannot answer; the manager can, not before the feedback arrived.
    const url = `/api/v1/interested-party-feedback/${fromStaff.id}/response`;
    expect((await staff.post(url, { response: 'x' }, etag(fromStaff))).statusCode).toBe(403);
    const early = await manager.post(
      url,
      { response: '再発防止策を説明', respondedOn: daysAgo(30) },
      etag(fromStaff),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({
      field: 'respondedOn',
      code: 'feedback_response_before_receipt',
    });
    const answered = await manager.post(url, { response: '再発防止策を説明した' }, etag(fromStaff));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      respondedOn: today(),
      response: '再発防止策を説明した',
    });

    // Once answered, the recorder may no longer rewrite what was said; the manager may.
    const patchUrl = `/api/v1/interested-party-feedback/${fromStaff.id}`;
    const late = await staff.patch(patchUrl, { content: 'changed' }, etag(answered.json()));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('feedback_answered');
    const fixed = await manager.patch(patchUrl, { sentiment: 'neutral' }, etag(answered.json()));
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().sentiment).toBe('neutral');

    const party = (await manager.get(`/api/v1/interested-parties/${customer.id}`)).json();
    expect(party).toMatchObject({
      feedbackCount: 1,
      openFeedbackCount: 0,
      lastFeedbackOn: daysAgo(20),
    });
  });

  it('shows one who only records feedback the entries they recorded, and 404 for others', async () => {
    const mine = await record(otherStaff, {
      partyId: regulator.id,
      receivedOn: daysAgo(3),
      content: 'Asked for our breach notification procedure',
    });
    const byTop = await record(top, {
      partyId: customer.id,
      receivedOn: daysAgo(1),
      channel: 'meeting',
      content: '監査結果の共有に感謝された',
      sentiment: 'positive',
    });
    const list = (c: Client, query: Record<string, string> = {}) =>
      c.get('/api/v1/interested-party-feedback', { query });
    const ids = async (c: Client, query: Record<string, string> = {}) => {
      const res = await list(c, query);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((f: PartyFeedback) => f.id);
    };
    expect(await ids(otherStaff)).toEqual([mine.id]);
    expect((await otherStaff.get(`/api/v1/interested-party-feedback/${byTop.id}`)).statusCode).toBe(
      404,
    );
    // Editing one's own entry while unanswered is allowed; another's is not.
    const own = await otherStaff.patch(
      `/api/v1/interested-party-feedback/${mine.id}`,
      { channel: 'email' },
      etag(mine),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(
      (await otherStaff.patch(`/api/v1/interested-party-feedback/${byTop.id}`, {}, etag(byTop)))
        .statusCode,
    ).toBe(404);

    // Whoever reads every review sees all of it, newest first, and filters it.
    const all = await ids(auditor);
    expect(all.slice(0, 2)).toEqual([byTop.id, mine.id]);
    expect(all).toHaveLength(3);
    expect(await ids(manager, { open: 'true' })).toEqual([byTop.id, mine.id]);
    expect(await ids(manager, { open: 'false' })).toHaveLength(1);
    expect(await ids(manager, { partyId: regulator.id })).toEqual([mine.id]);
    expect(await ids(manager, { from: daysAgo(2), to: today() })).toEqual([byTop.id]);
    const first = await list(manager, { limit: '2' });
    const rest = await list(manager, { limit: '2', cursor: first.json().nextCursor });
    expect([...first.json().items, ...rest.json().items].map((f: PartyFeedback) => f.id)).toEqual(
      all,
    );
    expect(rest.json().nextCursor).toBeNull();
  });

  it('lets only the ISMS manager manage parties; the external auditor reads', async () => {
    const body = { name: 'Shareholders', kind: 'shareholder' };
    for (const c of [top, staff, auditor]) {
      expect((await c.post('/api/v1/interested-parties', body)).statusCode).toBe(403);
    }
    for (const c of [top, staff, auditor]) {
      const res = await c.get('/api/v1/interested-parties');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((p: InterestedParty) => p.name)).toEqual([
        'Data protection authority',
        '株式会社サンプル商事',
      ]);
    }
    expect(
      (
        await auditor.post('/api/v1/interested-party-feedback', {
          partyId: customer.id,
          receivedOn: today(),
          content: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('takes no new feedback for a retired party', async () => {
    const party = await createParty({ name: 'Former supplier', kind: 'supplier' });
    const retired = await manager.patch(
      `/api/v1/interested-parties/${party.id}`,
      { active: false },
      etag(party),
    );
    expect(retired.statusCode).toBe(200);
    const res = await staff.post('/api/v1/interested-party-feedback', {
      partyId: party.id,
      receivedOn: today(),
      content: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'partyId',
      code: 'interested_party_inactive',
    });
    const active = await manager.get('/api/v1/interested-parties', { query: { active: 'true' } });
    expect(active.json().items.map((p: InterestedParty) => p.id)).not.toContain(party.id);
  });

  it('exports the register with its feedback as XLSX in Japanese and English', async () => {
    const load = async (c: Client, lang: string) => {
      const res = await c.get('/api/v1/interested-parties/export', { query: { lang } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    };
    const ja = await load(manager, 'ja');
    expect(ja.worksheets.map((s) => s.name)).toEqual(['利害関係者', 'フィードバック']);
    const parties = ja.worksheets[0]!;
    expect(parties.getRow(1).getCell(1).value).toBe('名称');
    const sample = [2, 3, 4]
      .map((r) => parties.getRow(r))
      .find((r) => r.getCell(1).value === customer.name)!;
    expect(sample.getCell(2).value).toBe('顧客');
    expect(sample.getCell(6).value).toBe(2);
    const feedback = ja.worksheets[1]!;
    expect(feedback.rowCount).toBe(4);
    expect(feedback.getRow(2).getCell(4).value).toBe('好意的');

    const en = await load(manager, 'en');
    expect(en.worksheets[1]!.getRow(1).getCell(2).value).toBe('Interested party');
    expect(en.worksheets[1]!.getRow(2).getCell(3).value).toBe('Meeting');
    // One who only records feedback exports just their own entries.
    const own = await load(otherStaff, 'en');
    expect(own.worksheets[1]!.rowCount).toBe(2);
    expect(own.worksheets[1]!.getRow(2).getCell(5).value).toBe(
      'Asked for our breach notification procedure',
    );
  });
});
