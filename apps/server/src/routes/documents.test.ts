import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentVersion } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const policyBody = [
  '# 情報セキュリティ基本方針',
  '',
  '当社は、お客様からお預かりした顧客情報を適切に保護するため、この方針を定める。',
  'We protect customer information entrusted to us.',
].join('\n');

const policyFields = {
  objectivesFramework: 'Objectives are set yearly by the ISMS committee.',
  obligationsConsidered: 'Personal information protection law; customer contracts.',
  riskCriteriaReference: 'Risk method v1 (acceptance level 6).',
};

describeEachDatabase('documents', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: writes documents
  let topManagement: Client;
  let manager: Client; // ISMS manager: approves ordinary documents
  let staff1: Client;
  let staff2: Client;
  let ownerRole: Client; // named in the distribution by user
  let outsider: Client; // an owner who is not on the distribution
  let auditor: Client;
  let policy: DocumentDetail;
  let v1: DocumentVersion;
  let v2: DocumentVersion;

  const approve = async (approver: Client, approvalId: string | null) => {
    const res = await approver.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const submit = async (doc: string, v: DocumentVersion) => {
    const res = await admin.post(
      `/api/v1/documents/${doc}/versions/${v.id}/approval`,
      {},
      { headers: { 'if-match': `"${v.version}"` } },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DocumentVersion>();
  };
  const issue = (client: Client, doc: string, v: string) =>
    client.post(`/api/v1/documents/${doc}/versions/${v}/issue`, {});
  const detail = async (client: Client, id: string) => {
    const res = await client.get(`/api/v1/documents/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DocumentDetail>();
  };
  const names = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort();

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    topManagement = await createUserAndLogin(admin, { roles: ['top_management'] });
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    staff1 = await createUserAndLogin(admin, { roles: ['staff'] });
    staff2 = await createUserAndLogin(admin, { roles: ['staff'] });
    ownerRole = await createUserAndLogin(admin, { roles: ['owner'] });
    outsider = await createUserAndLogin(admin, { roles: ['owner'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('creates the ISMS policy with its first draft', async () => {
    const res = await admin.post('/api/v1/documents', {
      code: 'POL-001',
      title: 'Information security policy',
      type: 'policy',
      ismsPolicy: true,
      ownerUserId: admin.user.id,
      reviewIntervalMonths: 12,
      distribution: { roles: ['staff'], userIds: [ownerRole.user.id] },
      tags: ['isms'],
      controlIds: ['5.1.1'],
      requirementIds: ['4.2.1'],
      body: policyBody,
      changeSummary: 'First issue',
      policyFields,
    });
    expect(res.statusCode, res.body).toBe(201);
    policy = res.json();
    expect(policy.status).toBe('draft');
    expect(policy.current).toBeNull();
    expect(policy.working).toMatchObject({ revision: 1, status: 'draft', policyFields });
    v1 = policy.working!;
    expect(res.headers.etag).toBe(`"${policy.version}"`);
  });

  it('refuses unknown references and a non-policy ISMS policy, field by field', async () => {
    const res = await admin.post('/api/v1/documents', {
      code: 'BAD-1',
      title: 'Bad',
      type: 'procedure',
      ismsPolicy: true,
      controlIds: ['99.99.99'],
      requirementIds: ['4.2.1', '9.9'],
      externalOrigin: true,
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['controlIds.0', 'externalSource', 'ismsPolicy', 'requirementIds.1'].sort());
    // The message names the field and the value, not "something in your organization".
    const byField = new Map(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField.get('controlIds.0')).toBe(
      'Annex control "99.99.99" is not in the annex of the certification criteria.',
    );
    expect(byField.get('requirementIds.1')).toBe(
      'Requirement item "9.9" is not in the certification criteria.',
    );
    const taken = await admin.post('/api/v1/documents', {
      code: 'POL-001',
      title: 'x',
      type: 'policy',
    });
    expect(taken.json().errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'code_taken' }),
    ]);
  });

  it('refuses to issue a version without approval', async () => {
    const draft = await issue(admin, policy.id, v1.id);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('document_not_approved');
    v1 = await submit(policy.id, v1);
    expect(v1.status).toBe('in_review');
    const pending = await issue(admin, policy.id, v1.id);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('document_not_approved');
    // The draft in review is frozen.
    const edit = await admin.patch(
      `/api/v1/documents/${policy.id}/versions/${v1.id}`,
      { body: 'changed' },
      { headers: { 'if-match': `"${v1.version}"` } },
    );
    expect(edit.statusCode).toBe(409);
  });

  it('sends the ISMS policy to top management, then issues it', async () => {
    const approval = (await admin.get(`/api/v1/approvals/${v1.approvalId}`)).json();
    expect(approval).toMatchObject({ approvalType: 'isms_policy', assigneeRole: 'top_management' });
    const byManager = await manager.post(`/api/v1/approvals/${v1.approvalId}/decision`, {
      decision: 'approved',
    });
    expect(byManager.statusCode).toBe(403);
    await approve(topManagement, v1.approvalId);
    const approved = await detail(admin, policy.id);
    expect(approved.working?.status).toBe('approved');
    expect(approved.status).toBe('draft');
    const res = await issue(admin, policy.id, v1.id);
    expect(res.statusCode, res.body).toBe(200);
    const issued = await detail(admin, policy.id);
    expect(issued).toMatchObject({ status: 'issued', currentRevision: 1, working: null });
    expect(issued.current).toMatchObject({ id: v1.id, status: 'issued', body: policyBody });
    expect(issued.nextReviewDate).not.toBeNull();
  });

  it('puts the issued policy on the reading list of exactly its recipients', async () => {
    for (const reader of [staff1, staff2, ownerRole]) {
      const list = (await reader.get('/api/v1/documents/to-read')).json().items;
      expect(list).toEqual([expect.objectContaining({ documentId: policy.id, revision: 1 })]);
    }
    expect((await outsider.get('/api/v1/documents/to-read')).json().items).toEqual([]);
    expect((await admin.get('/api/v1/documents/to-read')).json().items).toEqual([]);
  });

  it('lets staff read only what was distributed to them, and only issued versions', async () => {
    const seen = await detail(staff1, policy.id);
    expect(seen.current?.id).toBe(v1.id);
    expect(seen.myAcknowledgement).toMatchObject({ acknowledgedAt: null });
    const versions = (await staff1.get(`/api/v1/documents/${policy.id}/versions`)).json().items;
    expect(versions.map((v: DocumentVersion) => v.status)).toEqual(['issued']);
    const list = (await staff1.get('/api/v1/documents')).json().items;
    expect(list.map((d: { id: string }) => d.id)).toEqual([policy.id]);
    expect(
      (await staff1.post('/api/v1/documents', { code: 'X', title: 'X', type: 'policy' }))
        .statusCode,
    ).toBe(403);
    const report = await staff1.get(`/api/v1/documents/${policy.id}/acknowledgements`);
    expect(report.statusCode).toBe(404);
  });

  it('reports exactly the recipients who have not acknowledged', async () => {
    const ack = await staff1.post(`/api/v1/documents/${policy.id}/acknowledgement`, {});
    expect(ack.statusCode, ack.body).toBe(204);
    // Acknowledging twice changes nothing.
    expect(
      (await staff1.post(`/api/v1/documents/${policy.id}/acknowledgement`, {})).statusCode,
    ).toBe(204);
    const notRecipient = await admin.post(`/api/v1/documents/${policy.id}/acknowledgement`, {});
    expect(notRecipient.statusCode).toBe(409);
    expect(notRecipient.json().code).toBe('document_not_distributed_to_you');
    const report = (await admin.get(`/api/v1/documents/${policy.id}/acknowledgements`)).json();
    expect(report.revision).toBe(1);
    expect(names(report.acknowledged)).toEqual([staff1.user.id]);
    expect(names(report.pending)).toEqual([staff2.user.id, ownerRole.user.id].sort());
    expect((await staff1.get('/api/v1/documents/to-read')).json().items).toEqual([]);
    expect((await detail(staff1, policy.id)).myAcknowledgement?.acknowledgedAt).not.toBeNull();
  });

  it('finds a Japanese word in the middle of a body sentence, and English words', async () => {
    const search = async (client: Client, q: string) =>
      (await client.get(`/api/v1/documents?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((d: { code: string }) => d.code);
    expect(await search(admin, '顧客情報')).toEqual(['POL-001']);
    expect(await search(admin, 'お預かり')).toEqual(['POL-001']);
    expect(await search(admin, 'customer entrusted')).toEqual(['POL-001']);
    expect(await search(admin, '災害復旧')).toEqual([]);
    expect(await search(staff1, '顧客情報')).toEqual(['POL-001']);
    expect(await search(outsider, '災害復旧')).toEqual([]);
  });

  it('issuing v2 supersedes v1, which stays readable and is never offered as current', async () => {
    const started = await admin.post(`/api/v1/documents/${policy.id}/versions`, {});
    expect(started.statusCode, started.body).toBe(201);
    v2 = started.json();
    expect(v2).toMatchObject({ revision: 2, status: 'draft', body: policyBody });
    const again = await admin.post(`/api/v1/documents/${policy.id}/versions`, {});
    expect(again.json().code).toBe('document_draft_exists');
    const stale = await admin.patch(
      `/api/v1/documents/${policy.id}/versions/${v2.id}`,
      { body: 'x' },
      { headers: { 'if-match': `"${v2.version + 5}"` } },
    );
    expect(stale.statusCode).toBe(412);
    const edited = await admin.patch(
      `/api/v1/documents/${policy.id}/versions/${v2.id}`,
      { body: `${policyBody}\n委託先の管理を追加する。`, changeSummary: 'Suppliers' },
      { headers: { 'if-match': `"${v2.version}"` } },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    v2 = await submit(policy.id, edited.json());
    // While v2 is pending, v1 is still the one in force.
    expect((await detail(staff2, policy.id)).current?.id).toBe(v1.id);
    await approve(topManagement, v2.approvalId);
    expect((await issue(admin, policy.id, v2.id)).statusCode).toBe(200);

    const doc = await detail(admin, policy.id);
    expect(doc).toMatchObject({ currentRevision: 2, working: null });
    expect(doc.current?.id).toBe(v2.id);
    const old = (await staff1.get(`/api/v1/documents/${policy.id}/versions/${v1.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', body: policyBody });
    expect(old.supersededAt).not.toBeNull();
    const list = (await admin.get('/api/v1/documents?q=pol-001')).json().items;
    expect(list).toEqual([expect.objectContaining({ currentRevision: 2, status: 'issued' })]);
    const toRead = (await staff1.get('/api/v1/documents/to-read')).json().items;
    expect(toRead).toEqual([expect.objectContaining({ versionId: v2.id, revision: 2 })]);
    // The report is about v2 now: nobody has acknowledged it yet.
    const report = (await admin.get(`/api/v1/documents/${policy.id}/acknowledgements`)).json();
    expect(report).toMatchObject({ versionId: v2.id, acknowledged: [] });
    expect(names(report.pending)).toEqual(
      [staff1.user.id, staff2.user.id, ownerRole.user.id].sort(),
    );
    const versions = (await staff1.get(`/api/v1/documents/${policy.id}/versions`)).json().items;
    expect(versions.map((v: DocumentVersion) => [v.revision, v.status])).toEqual([
      [2, 'issued'],
      [1, 'superseded'],
    ]);
  });

  it('shows the diff between two versions', async () => {
    const res = await staff1.get(`/api/v1/documents/${policy.id}/diff?from=${v1.id}&to=${v2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ added: 1, removed: 0 });
    expect(
      d.parts
        .filter((p: { op: string }) => p.op === 'add')
        .map((p: { text: string }) => p.text)
        .join(''),
    ).toContain('委託先の管理を追加する。');
  });

  it('records reviews: no change moves the date, a new draft starts the next revision', async () => {
    const res = await admin.post(`/api/v1/documents/${policy.id}/reviews`, {
      outcome: 'no_change',
      note: 'Still fits',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().nextReviewDate).toBe((await detail(admin, policy.id)).nextReviewDate);
    const due = await admin.get('/api/v1/documents?reviewDueBy=2999-12-31&sort=nextReviewDate');
    expect(due.json().items.map((d: { id: string }) => d.id)).toContain(policy.id);
    const none = await admin.get('/api/v1/documents?reviewDueBy=2000-01-01');
    expect(none.json().items).toEqual([]);
    const draft = await admin.post(`/api/v1/documents/${policy.id}/reviews`, {
      outcome: 'new_draft',
    });
    expect(draft.statusCode).toBe(201);
    expect((await detail(admin, policy.id)).working).toMatchObject({
      revision: 3,
      status: 'draft',
    });
    const reviews = (await admin.get(`/api/v1/documents/${policy.id}/reviews`)).json().items;
    expect(reviews.map((r: { outcome: string }) => r.outcome)).toEqual(['new_draft', 'no_change']);
  });

  describe('an ordinary procedure', () => {
    it('is approved by the ISMS manager, edited by its owner only, and withdrawn as obsolete', async () => {
      const created = await admin.post('/api/v1/documents', {
        code: 'PRO-001',
        title: 'Backup procedure',
        type: 'procedure',
        ownerUserId: ownerRole.user.id,
        distribution: { userIds: [staff2.user.id] },
        body: 'Back up nightly.',
      });
      expect(created.statusCode, created.body).toBe(201);
      const doc = created.json<DocumentDetail>();
      // Owners change only what they own.
      const own = await ownerRole.patch(
        `/api/v1/documents/${doc.id}`,
        { title: 'Backup and restore procedure' },
        { headers: { 'if-match': `"${doc.version}"` } },
      );
      expect(own.statusCode, own.body).toBe(200);
      const other = await outsider.patch(
        `/api/v1/documents/${doc.id}`,
        { title: 'Hijacked' },
        { headers: { 'if-match': `"${own.json().version}"` } },
      );
      expect(other.statusCode).toBe(403);
      const v = await submit(doc.id, doc.working!);
      const approval = (await admin.get(`/api/v1/approvals/${v.approvalId}`)).json();
      expect(approval).toMatchObject({ approvalType: 'document', assigneeRole: 'isms_manager' });
      await approve(manager, v.approvalId);
      expect((await issue(ownerRole, doc.id, v.id)).statusCode).toBe(200);
      expect((await staff2.get('/api/v1/documents/to-read')).json().items).toHaveLength(2);

      // Someone added to the distribution of the issued version gets it to read at once.
      const before = await detail(admin, doc.id);
      const widened = await admin.patch(
        `/api/v1/documents/${doc.id}`,
        { distribution: { userIds: [staff2.user.id, staff1.user.id] } },
        { headers: { 'if-match': `"${before.version}"` } },
      );
      expect(widened.statusCode, widened.body).toBe(200);
      const staff1List = (await staff1.get('/api/v1/documents/to-read')).json().items;
      expect(staff1List.map((t: { code: string }) => t.code)).toContain('PRO-001');

      const current = await detail(admin, doc.id);
      const withdrawn = await admin.post(
        `/api/v1/documents/${doc.id}/withdrawal`,
        { reason: 'Replaced by the cloud backup service' },
        { headers: { 'if-match': `"${current.version}"` } },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(204);
      const after = await detail(admin, doc.id);
      expect(after.status).toBe('obsolete');
      expect(after.current).toMatchObject({
        status: 'obsolete',
        withdrawalReason: 'Replaced by the cloud backup service',
      });
      const toRead = (await staff2.get('/api/v1/documents/to-read')).json().items;
      expect(toRead.map((t: { code: string }) => t.code)).toEqual(['POL-001']);
    });
  });

  it('lets the external auditor read but never write or acknowledge', async () => {
    expect((await auditor.get(`/api/v1/documents/${policy.id}`)).statusCode).toBe(200);
    expect(
      (await auditor.post(`/api/v1/documents/${policy.id}/acknowledgement`, {})).statusCode,
    ).toBe(403);
    expect((await auditor.post(`/api/v1/documents/${policy.id}/versions`, {})).statusCode).toBe(
      403,
    );
  });

  it('pages the register with a cursor and filters by type', async () => {
    const first = (await admin.get('/api/v1/documents?limit=1&sort=code')).json();
    expect(first.items.map((d: { code: string }) => d.code)).toEqual(['POL-001']);
    const second = (
      await admin.get(`/api/v1/documents?limit=1&sort=code&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((d: { code: string }) => d.code)).toEqual(['PRO-001']);
    expect(second.nextCursor).toBeNull();
    const procedures = (await admin.get('/api/v1/documents?type=procedure')).json().items;
    expect(procedures.map((d: { code: string }) => d.code)).toEqual(['PRO-001']);
  });
});
