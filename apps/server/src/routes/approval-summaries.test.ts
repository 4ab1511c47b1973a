import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ApprovalSummary,
  DocumentDetail,
  DocumentVersion,
  ScopeVersion,
} from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { requestTestApproval } from '../testing/approvals.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';
import { approveMethod, assetsWithRisks } from './risks.fixtures.ts';

const scopeContent = (over: Record<string, unknown> = {}) => ({
  businessActivities: 'Cloud payroll service',
  assetCategories: ['information', 'service'],
  technology: 'AWS Tokyo region',
  boundaries: 'Corporate IT is out of scope.',
  ...over,
});

describeEachDatabase('approval summaries', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: writes and asks for approval
  let top: Client;
  let staff: Client;

  const summary = async (client: Client, approvalId: string) => {
    const res = await client.get(`/api/v1/approvals/${approvalId}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ApprovalSummary>();
  };
  const approve = async (approvalId: string) => {
    const res = await top.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const submitScope = async (version: ScopeVersion) => {
    const res = await admin.post(
      `/api/v1/scope/versions/${version.id}/approval`,
      {},
      { headers: { 'if-match': `"${version.version}"` } },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ScopeVersion>().approvalId!;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('shows a scope version field by field against the version approved before it', async () => {
    const first = await admin.put('/api/v1/scope', scopeContent(), {
      headers: { 'if-none-match': '*' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const v1Approval = await submitScope(first.json());
    const initial = await summary(top, v1Approval);
    expect(initial).toMatchObject({
      title: '', // the web words it (ISMS scope v1 / 適用範囲 第1版)
      detail: 'full',
      link: '/scope',
      requester: { id: admin.user.id, name: admin.user.displayName },
      changes: { kind: 'fields', baseline: null },
    });
    // Nothing approved before: every filled field is new, categories named in both languages.
    const categories = initial.changes!.kind === 'fields' ? initial.changes!.items : [];
    expect(categories.find((c) => c.label.en === 'Asset categories in the scope')).toEqual({
      label: { ja: '適用範囲に含む資産の種別', en: 'Asset categories in the scope' },
      before: { ja: '', en: '' },
      after: { ja: '情報、サービス', en: 'Information, Services' },
    });
    await approve(v1Approval);

    const current = await admin.get('/api/v1/scope');
    const next = await admin.put(
      '/api/v1/scope',
      scopeContent({ technology: 'Azure Japan East' }),
      {
        headers: { 'if-match': current.headers.etag as string },
      },
    );
    expect(next.statusCode, next.body).toBe(200);
    const v2 = await summary(top, await submitScope(next.json()));
    expect(v2.changes).toEqual({
      kind: 'fields',
      baseline: { number: 1 },
      items: [
        {
          label: {
            ja: '適用範囲に含むネットワーク、システム及び技術',
            en: 'Networks, systems and technology in the scope',
          },
          before: { ja: 'AWS Tokyo region', en: 'AWS Tokyo region' },
          after: { ja: 'Azure Japan East', en: 'Azure Japan East' },
        },
      ],
    });
  });

  it('diffs a document revision line by line against the revision approved before it', async () => {
    const created = await admin.post('/api/v1/documents', {
      code: 'PRC-001',
      title: 'Backup procedure',
      type: 'procedure',
      body: '# Backup\n\nDaily backups.\n',
      changeSummary: 'First issue',
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json<DocumentDetail>();
    const submit = async (v: DocumentVersion) => {
      const res = await admin.post(
        `/api/v1/documents/${doc.id}/versions/${v.id}/approval`,
        {},
        { headers: { 'if-match': `"${v.version}"` } },
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<DocumentVersion>().approvalId!;
    };
    const r1 = await submit(doc.working!);
    const first = await summary(top, r1);
    expect(first).toMatchObject({
      link: `/documents/${doc.id}`,
      changes: { kind: 'text', baseline: null, added: 3, removed: 0 },
    });
    expect(first.facts).toContainEqual({
      label: { ja: '変更の概要', en: 'Summary of changes' },
      value: { ja: 'First issue', en: 'First issue' },
    });
    const manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    expect(
      (await manager.post(`/api/v1/approvals/${r1}/decision`, { decision: 'approved' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.post(`/api/v1/documents/${doc.id}/versions/${doc.working!.id}/issue`, {}))
        .statusCode,
    ).toBe(200);
    const draft = await admin.post(`/api/v1/documents/${doc.id}/versions`, {});
    expect(draft.statusCode, draft.body).toBe(201);
    const edited = await admin.patch(
      `/api/v1/documents/${doc.id}/versions/${draft.json().id}`,
      { body: '# Backup\n\nHourly backups.\n', changeSummary: 'More often' },
      { headers: { 'if-match': draft.headers.etag as string } },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const second = await summary(manager, await submit(edited.json()));
    expect(second.changes).toMatchObject({
      kind: 'text',
      baseline: { number: 1 },
      added: 1,
      removed: 1,
      parts: [
        { op: 'equal', text: '# Backup\n\n' },
        { op: 'remove', text: 'Daily backups.\n' },
        { op: 'add', text: 'Hourly backups.\n' },
      ],
    });
  });

  it('lists the residual risks with their levels', async () => {
    await approveMethod(admin, top);
    await assetsWithRisks(admin, [{ category: 'information', cia: [3, 3, 3] }]);
    const sent = await admin.post('/api/v1/risks/residual-acceptances', {
      note: 'Year-end review',
      riskIds: (await admin.get('/api/v1/risks', { query: { limit: '3' } }))
        .json()
        .items.map((r: { id: string }) => r.id),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const result = await summary(top, sent.json().approvalId);
    expect(result.risks).toHaveLength(sent.json().riskCount);
    expect(result.moreRisks).toBe(0);
    for (const risk of result.risks!) {
      expect(risk.code).toMatch(/^R-/);
      expect(risk.level).toMatchObject({
        index: expect.any(Number),
        label: { ja: expect.any(String) },
      });
      expect(risk.title.ja).toContain(' · ');
    }
    expect(result.facts).toContainEqual({
      label: { ja: '説明', en: 'Note' },
      value: { ja: 'Year-end review', en: 'Year-end review' },
    });
  });

  it('shows the retained risk with its level and the rationale', async () => {
    const all = (await admin.get('/api/v1/risks', { query: { limit: '50' } })).json().items;
    const free = all.find(
      (r: { residualAcceptance: { status: string } }) => r.residualAcceptance.status === 'none',
    );
    const retained = await admin.put(
      `/api/v1/risks/${free.id}/treatment`,
      { option: 'retain', rationale: 'Cost exceeds the benefit' },
      { headers: { 'if-match': `"${free.version}"` } },
    );
    expect(retained.statusCode, retained.body).toBe(200);
    const asked = await admin.post(
      `/api/v1/risks/${free.id}/retention`,
      {},
      { headers: { 'if-match': `"${retained.json().version}"` } },
    );
    expect(asked.statusCode, asked.body).toBe(200);
    const result = await summary(top, asked.json().retention.approvalId);
    expect(result.link).toBe(`/risks?risk=${free.id}`);
    expect(result.risks).toEqual([
      expect.objectContaining({ id: free.id, code: free.code, treatmentOption: 'retain' }),
    ]);
    expect(result.risks![0]!.level).toEqual(free.level);
    expect(result.facts).toContainEqual({
      label: { ja: '理由', en: 'Rationale' },
      value: { ja: 'Cost exceeds the benefit', en: 'Cost exceeds the benefit' },
    });
  });

  it('falls back to title, link and requester for types without a summary', async () => {
    const approval = await requestTestApproval(app, admin, { title: 'Widget policy v3' });
    expect(await summary(top, approval.id)).toEqual({
      approvalId: approval.id,
      approvalType: 'isms_policy',
      entityType: 'test_widget',
      title: 'Widget policy v3',
      detail: 'basic',
      link: null,
      requester: { id: admin.user.id, name: admin.user.displayName },
      requestedAt: approval.requestedAt.toISOString(),
      facts: [],
      changes: null,
      risks: null,
      moreRisks: 0,
    });
  });

  it('reads the object only with the permission to read it', async () => {
    const scope = (await top.get('/api/v1/approvals?entityType=scope&limit=1')).json().items[0];
    // A token that reads approvals but not the ISMS sees the request, not the object.
    const made = await top.post('/api/v1/tokens', {
      name: 'approvals only',
      permissions: ['approvals:read'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const token = tokenClient(app, made.json().token);
    expect((await token.get(`/api/v1/approvals/${scope.id}`)).statusCode).toBe(200);
    const denied = await token.get(`/api/v1/approvals/${scope.id}/summary`);
    expect(denied.statusCode).toBe(403);
    // Staff read only requests they are part of: others do not exist for them.
    expect((await staff.get(`/api/v1/approvals/${scope.id}/summary`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/approvals/${scope.id}/summary`)).statusCode).toBe(200);
  });

  it('never shows another organization its summaries', async () => {
    const scope = (await top.get('/api/v1/approvals?entityType=scope&limit=1')).json().items[0];
    const other = await addOrganization(app, { name: 'Other organization' });
    const res = await other.admin.get(`/api/v1/approvals/${scope.id}/summary`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('ISMS scope');
  });
});
