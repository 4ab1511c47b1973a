import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flattenControls, shippedLibrary } from '@mamoru/catalog';
import type { SoaEntry } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { pdfText } from '../testing/pdf.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createSoa, treatRisk } from './soa.fixtures.ts';

const ORG_NAME = '株式会社まもる情報';

describeEachDatabase('the Statement of Applicability', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: works on the statement
  let topManagement: Client;
  let owner: Client;
  let staff: Client;
  let soaId: string;
  let etag: number;
  let v1: string;

  const url = (path = '') => `/api/v1/soa/${soaId}${path}`;
  const ifMatch = () => ({ headers: { 'if-match': `"${etag}"` } });
  const entries = async (query = '') => {
    const res = await admin.get(url(`/entries${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: SoaEntry[] }>().items;
  };
  const entry = async (controlId: string) =>
    (await entries()).find((e) => e.controlId === controlId)!;
  const patch = async (controlId: string, body: unknown, client = admin) => {
    const res = await client.patch(url(`/entries/${controlId}`), body, ifMatch());
    if (res.statusCode === 200) etag = res.json().version.version;
    return res;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app, { organizationName: ORG_NAME }));
    topManagement = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('needs a scope first', async () => {
    const res = await admin.post('/api/v1/soa', {});
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'scopeVersionId',
      code: 'soa_scope_required',
    });
  });

  it('starts with one entry per annex control, the scope exclusions proposed', async () => {
    const created = await createSoa(admin, {
      exclusions: [
        {
          id: '10.5.5',
          reason: 'No outsourced development',
          riskAcceptedBy: topManagement.user.id,
        },
      ],
    });
    soaId = created.id;
    etag = created.current.version;
    v1 = created.current.id;
    const items = await entries();
    expect(items).toHaveLength(134);
    expect(items[0]).toMatchObject({ controlId: '3.1.1', displayId: '3(1)①', applicable: null });
    expect(items[0]!.objectiveTitle?.ja).toBe('情報セキュリティポリシー');
    expect(items.find((e) => e.controlId === '10.5.5')).toMatchObject({
      applicable: false,
      proposed: true,
      exclusionReason: 'No outsourced development',
      riskAcceptedBy: topManagement.user.id,
    });
    const soa = (await admin.get(url())).json();
    expect(soa.current.counts).toMatchObject({ total: 134, undecided: 133, excluded: 1 });
    expect((await admin.post('/api/v1/soa', {})).statusCode).toBe(409);
  });

  it('proposes the controls of treated risks as applicable with the risks linked, keeping decisions', async () => {
    expect((await patch('3.1.2', { applicable: false, exclusionReason: 'Kept' })).statusCode).toBe(
      200,
    );
    const risk = await treatRisk(ctx.database.db, admin, ['3.1.1', '3.1.2', '6.1.1']);
    const other = await treatRisk(ctx.database.db, admin, ['6.1.1']);
    const res = await admin.post(url('/draft'), undefined, ifMatch());
    expect(res.statusCode, res.body).toBe(200);
    etag = res.json().version.version;
    expect(res.json().updated).toBe(2);
    expect(await entry('3.1.1')).toMatchObject({
      applicable: true,
      proposed: true,
      reasons: [{ type: 'risk', note: '', link: { type: 'risk', id: risk.id, label: risk.code } }],
    });
    expect((await entry('6.1.1')).reasons.map((r) => r.link?.label)).toEqual([
      risk.code,
      other.code,
    ]);
    expect(await entry('3.1.2')).toMatchObject({
      applicable: false,
      proposed: false,
      exclusionReason: 'Kept',
    });
    expect((await entries('?filter=undecided')).length).toBe(130);
  });

  it('refuses submission while controls are undecided or unreasoned, listing the blockers', async () => {
    expect((await patch('3.1.3', { applicable: true })).statusCode).toBe(200);
    const validation = (await admin.get(url('/validation'))).json();
    expect(validation.ok).toBe(false);
    expect(validation.blockers).toContainEqual({
      controlId: '3.1.3',
      displayId: '3(1)③',
      code: 'reason_missing',
    });
    expect(validation.blockers).toContainEqual({
      controlId: '3.1.2',
      displayId: '3(1)②',
      code: 'acceptance_missing',
    });
    const res = await admin.post(url(`/versions/${v1}/approval`), {}, ifMatch());
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('soa_blocked');
    const errors = res.json().errors as { field: string; code: string; message: string }[];
    expect(errors).toHaveLength(validation.blockers.length);
    expect(errors).toContainEqual({
      field: 'entries.3.1.3',
      code: 'soa_reason_missing',
      message: '3(1)③: give at least one reason for selecting the control.',
    });
    expect(errors.map((e) => e.code)).toContain('soa_undecided');
  });

  it('decides in bulk, with stale writes refused', async () => {
    const undecided = (await entries('?filter=undecided')).map((e) => e.controlId);
    const stale = await admin.post(
      url('/entries/bulk'),
      { controlIds: undecided, change: {} },
      { headers: { 'if-match': '"1"' } },
    );
    expect(stale.statusCode).toBe(412);
    const res = await admin.post(
      url('/entries/bulk'),
      {
        controlIds: [...undecided, '3.1.3'],
        change: {
          applicable: true,
          reasons: [{ type: 'business', note: 'Customer contracts' }],
          implementationStatus: 'implemented',
          links: [{ type: 'document', id: 'DOC-1', label: '情報セキュリティ基本方針' }],
        },
      },
      ifMatch(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(130);
    etag = res.json().version.version;
    expect((await patch('3.1.2', { riskAcceptedBy: topManagement.user.id })).statusCode).toBe(200);
    expect((await admin.get(url('/validation'))).json()).toEqual({ ok: true, blockers: [] });
  });

  it('only lets writers with full ISMS reach change it; staff cannot read it', async () => {
    expect((await patch('3.1.1', { notes: 'x' }, owner)).statusCode).toBe(403);
    expect((await patch('3.1.1', { notes: 'x' }, topManagement)).statusCode).toBe(403);
    expect((await owner.get(url('/entries'))).statusCode).toBe(200);
    expect((await staff.get(url())).statusCode).toBe(403);
    expect(
      (await patch('3.1.1', { ownerUserId: '00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(422);
  });

  it('submits, is approved by top management, and is frozen afterwards', async () => {
    const submitted = await admin.post(url(`/versions/${v1}/approval`), {}, ifMatch());
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().current.status).toBe('pending');
    etag = submitted.json().current.version;
    expect((await patch('3.1.1', { notes: 'during review' })).statusCode).toBe(409);
    const approval = submitted.json().current.approvalId;
    const decided = await topManagement.post(`/api/v1/approvals/${approval}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const soa = (await admin.get(url())).json();
    expect(soa.current).toMatchObject({
      id: v1,
      status: 'approved',
      approvedBy: topManagement.user.id,
    });
    etag = soa.current.version;
    const frozen = await admin.patch(
      url(`/entries/3.1.1?version=${v1}`),
      { notes: 'x' },
      ifMatch(),
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('soa_version_frozen');
  });

  it('starts the next draft on the next edit and shows the difference', async () => {
    const res = await patch('3.1.1', { implementationStatus: 'partial', notes: 'Review yearly' });
    expect(res.statusCode, res.body).toBe(200);
    const soa = (await admin.get(url())).json();
    expect(soa.current).toMatchObject({ number: 2, status: 'draft' });
    expect(soa.approved).toMatchObject({ id: v1, number: 1 });
    const old = (await admin.get(url(`/entries?version=${v1}`))).json().items[0];
    expect(old).toMatchObject({
      controlId: '3.1.1',
      notes: '',
      implementationStatus: 'not_started',
    });
    const versions = (await admin.get(url('/versions'))).json().items;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const diff = (await admin.get(url(`/diff?from=${v1}&to=${soa.current.id}`))).json();
    expect(diff.changes).toEqual([
      {
        controlId: '3.1.1',
        displayId: '3(1)①',
        kind: 'changed',
        fields: [
          { field: 'implementationStatus', before: 'not_started', after: 'partial' },
          { field: 'notes', before: '', after: 'Review yearly' },
        ],
      },
    ]);
  });

  it('exports XLSX with one row per control in ID order, the decision and reason', async () => {
    const res = await admin.get(url(`/export?format=xlsx&lang=ja&version=${v1}`));
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      '管理策番号',
      '管理目的',
      '管理策',
      '採否',
      '理由',
      '実施状況',
      '関連文書',
    ]);
    const lib = (await shippedLibrary('jipdec-isms-2.0'))!;
    const expected = flattenControls(lib).map((c) => c.control.displayId);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected);
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byId.get('3(1)①')!.slice(4, 6)).toEqual([
      '採用',
      expect.stringContaining('リスク対応: R-'),
    ]);
    expect(byId.get('3(1)②')!.slice(4, 6)).toEqual(['不採用', expect.stringContaining('Kept')]);
    expect(byId.get('3(1)③')![7]).toBe('情報セキュリティ基本方針');
    // The cover data of the PDF: organization, version, approver, date.
    const cover = workbook.getWorksheet('表紙')!;
    const facts = new Map(
      (cover.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2]]),
    );
    expect([...facts.keys()]).toEqual([
      '組織',
      '適用範囲',
      '版',
      '状態',
      '承認者',
      '承認日',
      '出力日',
    ]);
    expect(facts.get('版')).toBe('v1');
    expect(facts.get('出力日')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(facts.get('組織'))).not.toBe('');
    const en = await admin.get(url('/export?format=xlsx&lang=en'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(4).value).toBe('Applicable');
  });

  it('exports a PDF whose text holds the Japanese title of 3(1) and the organization', async () => {
    const res = await admin.get(url(`/export?format=pdf&lang=ja&version=${v1}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('適用宣言書');
    expect(text).toContain('情報セキュリティポリシー');
    expect(text).toContain(ORG_NAME);
    expect(text).toContain(topManagement.user.displayName);
  });

  it('is invisible to another organization', async () => {
    const b = (await addOrganization(app, { name: 'Other' })).admin;
    expect((await b.get(url())).statusCode).toBe(404);
    expect((await b.get(url('/export?format=xlsx'))).statusCode).toBe(404);
    expect((await b.get('/api/v1/soa')).json().items).toEqual([]);
  });
});
