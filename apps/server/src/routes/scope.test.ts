import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScopeVersion } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createLocation, createOrgUnit } from '../testing/isms.ts';

const content = (over: Record<string, unknown> = {}) => ({
  businessActivities: 'Cloud payroll service for customers in Japan',
  assetCategories: ['information', 'software', 'service'],
  technology: 'AWS Tokyo region, Kubernetes',
  boundaries: 'Corporate IT (email, laptops) is out of scope.',
  interfaces: [{ name: 'Payment provider', description: 'Card payments via API' }],
  ...over,
});

describeEachDatabase('the ISMS scope', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: edits the scope
  let topManagement: Client;
  let owner: Client;

  const putScope = (client: Client, body: unknown, headers: Record<string, string>) =>
    client.put('/api/v1/scope', body, { headers });
  const approve = async (approvalId: string) => {
    const res = await topManagement.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    topManagement = await createUserAndLogin(admin, { roles: ['top_management'] });
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
  });
  afterAll(() => app.close());

  it('has no scope before the first version', async () => {
    const res = await admin.get('/api/v1/scope');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ current: null, approved: null });
    expect(res.headers.etag).toBeUndefined();
  });

  it('refuses to exclude a clause of 第4–第7, naming it', async () => {
    const res = await putScope(
      admin,
      content({
        exclusions: [
          {
            namespace: 'requirement',
            id: '4.2.1',
            reason: 'We do not want to',
            riskAcceptedBy: topManagement.user.id,
          },
        ],
      }),
      { 'if-none-match': '*' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        field: 'exclusions.0.id',
        code: 'exclusion_clause_not_excludable',
        message:
          '4.2.1 is a requirement of clauses 第4–第7, which can never be excluded; only annex controls can.',
      },
    ]);
  });

  it('refuses an exclusion of an annex control without a reason or risk acceptance', async () => {
    const res = await putScope(admin, content({ exclusions: [{ id: '10.5.5', reason: '   ' }] }), {
      'if-none-match': '*',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['exclusions.0.reason', 'exclusion_reason_required'],
      ['exclusions.0.riskAcceptedBy', 'exclusion_acceptance_required'],
    ]);
  });

  let v1: ScopeVersion;

  it('creates version 1 as a draft with the five viewpoints and justified exclusions', async () => {
    const unit = await createOrgUnit(admin);
    const site = await createLocation(admin);
    const res = await putScope(
      admin,
      content({
        orgUnitIds: [unit.id],
        locationIds: [site.id],
        exclusions: [
          {
            id: '10.5.5',
            reason: 'Software development is not outsourced.',
            riskAcceptedBy: topManagement.user.id,
            riskAcceptedOn: '2026-04-01',
          },
        ],
      }),
      { 'if-none-match': '*' },
    );
    expect(res.statusCode, res.body).toBe(200);
    v1 = res.json();
    expect(v1).toMatchObject({
      number: 1,
      status: 'draft',
      orgUnitIds: [unit.id],
      locationIds: [site.id],
      assetCategories: ['information', 'software', 'service'],
      exclusions: [
        {
          controlId: '10.5.5',
          reason: 'Software development is not outsourced.',
          riskAcceptedBy: topManagement.user.id,
          riskAcceptedOn: '2026-04-01',
        },
      ],
    });
    expect(res.headers.etag).toBe(`"${v1.version}"`);
    const again = await putScope(admin, content(), { 'if-none-match': '*' });
    expect(again.statusCode).toBe(412);
    expect(again.json().code).toBe('scope_exists');
  });

  it('edits the draft in place; needs If-Match and refuses a stale edit', async () => {
    expect((await putScope(admin, content(), {})).statusCode).toBe(428);
    const first = await putScope(
      admin,
      {
        ...content(),
        exclusions: v1.exclusions.map((e) => ({
          id: e.controlId,
          reason: e.reason,
          riskAcceptedBy: e.riskAcceptedBy,
        })),
        technology: 'AWS',
      },
      {
        'if-match': `"${v1.version}"`,
      },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ number: 1, technology: 'AWS' });
    const stale = await putScope(admin, content({ technology: 'GCP' }), {
      'if-match': `"${v1.version}"`,
    });
    expect(stale.statusCode).toBe(412);
    const patch = await admin.patch(
      `/api/v1/scope/versions/${v1.id}`,
      { boundaries: 'Only the payroll service' },
      { headers: { 'if-match': first.headers.etag as string } },
    );
    expect(patch.statusCode, patch.body).toBe(200);
    v1 = patch.json();
    expect(v1).toMatchObject({ technology: 'AWS', boundaries: 'Only the payroll service' });
    expect(v1.exclusions.map((e) => e.controlId)).toEqual(['10.5.5']);
  });

  it('is approved by top management, which freezes the version', async () => {
    expect(
      (
        await owner.post(
          `/api/v1/scope/versions/${v1.id}/approval`,
          {},
          { headers: { 'if-match': `"${v1.version}"` } },
        )
      ).statusCode,
    ).toBe(403);
    const requested = await admin.post(
      `/api/v1/scope/versions/${v1.id}/approval`,
      {},
      { headers: { 'if-match': `"${v1.version}"` } },
    );
    expect(requested.statusCode, requested.body).toBe(200);
    const pending = requested.json<ScopeVersion>();
    expect(pending.status).toBe('pending');
    const blocked = await admin.patch(
      `/api/v1/scope/versions/${v1.id}`,
      { technology: 'changed while pending' },
      { headers: { 'if-match': `"${pending.version}"` } },
    );
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('scope_approval_pending');
    const approval = (await admin.get(`/api/v1/approvals/${pending.approvalId}`)).json();
    expect(approval).toMatchObject({
      approvalType: 'scope',
      entityType: 'scope',
      entityId: v1.id,
      entityVersion: 1,
      assigneeRole: 'top_management',
    });
    await approve(pending.approvalId!);
    v1 = (await admin.get(`/api/v1/scope/versions/${v1.id}`)).json();
    expect(v1).toMatchObject({ status: 'approved', approvedBy: topManagement.user.id });
  });

  it('refuses to edit the approved version; the next edit of the scope makes version 2', async () => {
    const frozen = await admin.patch(
      `/api/v1/scope/versions/${v1.id}`,
      { technology: 'Azure' },
      { headers: { 'if-match': `"${v1.version}"` } },
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({
      code: 'scope_version_frozen',
      title:
        'Scope version 1 is approved and can no longer change; edit the scope to start the next version.',
    });

    const current = await admin.get('/api/v1/scope');
    expect(current.json()).toMatchObject({ current: { id: v1.id }, approved: { id: v1.id } });
    const next = await putScope(admin, content({ technology: 'Azure' }), {
      'if-match': current.headers.etag as string,
    });
    expect(next.statusCode, next.body).toBe(200);
    const v2 = next.json<ScopeVersion>();
    expect(v2).toMatchObject({ number: 2, status: 'draft', technology: 'Azure', exclusions: [] });
    expect(v2.id).not.toBe(v1.id);
    // The old ETag names version 1 and no longer matches the scope.
    const stale = await putScope(admin, content(), { 'if-match': current.headers.etag as string });
    expect(stale.statusCode).toBe(412);
    // Version 1 is still the approved one in force, unchanged.
    expect((await admin.get('/api/v1/scope')).json()).toMatchObject({
      current: { id: v2.id, status: 'draft' },
      approved: { id: v1.id, status: 'approved', technology: 'AWS' },
    });

    const requested = await admin.post(`/api/v1/scope/versions/${v2.id}/approval`, undefined, {
      headers: { 'if-match': next.headers.etag as string },
    });
    expect(requested.statusCode, requested.body).toBe(200);
    await approve(requested.json().approvalId);
    const versions = (await admin.get('/api/v1/scope/versions')).json().items;
    expect(versions.map((v: ScopeVersion) => [v.number, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
  });

  it('reopens the draft when the approval is rejected', async () => {
    const current = await admin.get('/api/v1/scope');
    const v3 = await putScope(admin, content({ technology: 'On premises' }), {
      'if-match': current.headers.etag as string,
    });
    const requested = await admin.post(
      `/api/v1/scope/versions/${v3.json().id}/approval`,
      {},
      { headers: { 'if-match': v3.headers.etag as string } },
    );
    const rejected = await topManagement.post(
      `/api/v1/approvals/${requested.json().approvalId}/decision`,
      { decision: 'rejected', comment: 'Not yet' },
    );
    expect(rejected.statusCode).toBe(200);
    const after = (await admin.get('/api/v1/scope')).json();
    expect(after).toMatchObject({
      current: { number: 3, status: 'draft', approvalId: null },
      approved: { number: 2 },
    });
  });

  it('lets owners read the scope but not change it', async () => {
    expect((await owner.get('/api/v1/scope')).statusCode).toBe(200);
    const current = await admin.get('/api/v1/scope');
    const res = await putScope(owner, content(), { 'if-match': current.headers.etag as string });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden_reach_all');
  });

  it('records the scope’s life in the audit trail', async () => {
    const events = (await admin.get(`/api/v1/audit/events?entityType=scope&limit=100`)).json()
      .items as { action: string; entityId: string }[];
    const forV1 = events.filter((e) => e.entityId === v1.id).map((e) => e.action);
    expect(forV1.reverse()).toEqual([
      'scope.version_created',
      'scope.updated',
      'scope.updated',
      'scope.approval_requested',
      'scope.approved',
    ]);
  });
});
