import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApprovalSummary } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { approveMethod } from './risks.fixtures.ts';
import { createSoa } from './soa.fixtures.ts';

// The summaries of the risk method, the statement of applicability and record disposal
// (approval-summaries.test.ts has the rest).
describeEachDatabase('approval summaries of the method, the statement and disposal', (ctx) => {
  let app: App;
  let admin: Client;
  let top: Client;

  const summary = async (approvalId: string) => {
    const res = await top.get(`/api/v1/approvals/${approvalId}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ApprovalSummary>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
  });
  afterAll(() => app.close());

  it('shows the parts of a new risk method that differ from the method in force', async () => {
    await approveMethod(admin, top);
    const created = await admin.post('/api/v1/risk-methods', {
      name: 'Method 2',
      preset: 'additive',
    });
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await admin.post(
      `/api/v1/risk-methods/${created.json().id}/approval`,
      {},
      { headers: { 'if-match': `"${created.json().version}"` } },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const result = await summary(submitted.json().approvalId);
    expect(result).toMatchObject({ link: '/risks/method', changes: { baseline: { number: 1 } } });
    const changes = result.changes!.kind === 'fields' ? result.changes!.items : [];
    expect(changes).toContainEqual({
      label: { ja: '算定式', en: 'Formula' },
      before: { ja: '資産価値 × 脅威 × 脆弱性', en: 'Asset value × threat × vulnerability' },
      after: { ja: '資産価値 + 脅威 + 脆弱性', en: 'Asset value + threat + vulnerability' },
    });
  });

  it('lists the controls of the statement that changed since the approved version', async () => {
    const soa = await createSoa(admin);
    const url = (path: string) => `/api/v1/soa/${soa.id}${path}`;
    let etag = soa.current.version;
    const ifMatch = () => ({ headers: { 'if-match': `"${etag}"` } });
    const undecided = (await admin.get(url('/entries?filter=undecided'))).json().items;
    const bulk = await admin.post(
      url('/entries/bulk'),
      {
        controlIds: undecided.map((e: { controlId: string }) => e.controlId),
        change: {
          applicable: true,
          reasons: [{ type: 'business', note: 'Customer contracts' }],
          implementationStatus: 'implemented',
        },
      },
      ifMatch(),
    );
    expect(bulk.statusCode, bulk.body).toBe(200);
    etag = bulk.json().version.version;
    const first = await admin.post(url(`/versions/${soa.current.id}/approval`), {}, ifMatch());
    expect(first.statusCode, first.body).toBe(200);
    const initial = await summary(first.json().current.approvalId);
    // Nothing approved before: every control is new; the summary lists the first 100.
    expect(initial.changes).toMatchObject({ kind: 'entries', baseline: null });
    if (initial.changes?.kind !== 'entries') throw new Error('entries expected');
    expect(initial.changes.items).toHaveLength(100);
    expect(initial.changes.items.length + initial.changes.more).toBe(undecided.length);
    const decided = await top.post(
      `/api/v1/approvals/${first.json().current.approvalId}/decision`,
      { decision: 'approved' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    etag = (await admin.get(url(''))).json().current.version;

    const edit = await admin.patch(
      url('/entries/3.1.1'),
      { implementationStatus: 'partial' },
      ifMatch(),
    );
    expect(edit.statusCode, edit.body).toBe(200);
    etag = edit.json().version.version;
    const v2 = (await admin.get(url(''))).json().current;
    const second = await admin.post(url(`/versions/${v2.id}/approval`), {}, ifMatch());
    expect(second.statusCode, second.body).toBe(200);
    const result = await summary(second.json().current.approvalId);
    expect(result.link).toBe('/statement-of-applicability');
    expect(result.changes).toEqual({
      kind: 'entries',
      baseline: { number: 1 },
      items: [
        {
          controlId: '3.1.1',
          displayId: '3(1)①',
          kind: 'changed',
          fields: [
            {
              label: { ja: '実施状況', en: 'Implementation' },
              before: { ja: '実施済み', en: 'Implemented' },
              after: { ja: '一部実施', en: 'Partly implemented' },
            },
          ],
        },
      ],
      more: 0,
    });
  });

  it('names the record, its type, retention end and the reason of a disposal request', async () => {
    const type = await admin.post('/api/v1/record-types', {
      code: 'LOG',
      name: { ja: 'アクセスログ', en: 'Access logs' },
      retention: { value: 1, unit: 'years' },
    });
    expect(type.statusCode, type.body).toBe(201);
    const record = await admin.post('/api/v1/records', {
      typeId: type.json().id,
      title: 'Access log 2001',
      recordDate: '2001-01-01',
    });
    expect(record.statusCode, record.body).toBe(201);
    const requested = await admin.post(
      `/api/v1/records/${record.json().id}/disposal`,
      { reason: 'Retention over' },
      { headers: { 'if-match': `"${record.json().version}"` } },
    );
    expect(requested.statusCode, requested.body).toBe(200);
    const result = await summary(requested.json().approvalId);
    expect(result.link).toBe(`/records/${record.json().id}`);
    expect(result.facts).toEqual(
      expect.arrayContaining([
        {
          label: { ja: '記録の種類', en: 'Record type' },
          value: { ja: 'アクセスログ', en: 'Access logs' },
        },
        {
          label: { ja: '保管期限', en: 'Retention end' },
          value: { ja: '2002-01-01', en: '2002-01-01' },
        },
        {
          label: { ja: '廃棄の理由', en: 'Reason for disposal' },
          value: { ja: 'Retention over', en: 'Retention over' },
        },
      ]),
    );
  });
});
