import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RiskChangeReview } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

describeEachDatabase('risk change reviews', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: records the reviews
  let owner: Client; // isms:write with 'own' reach only
  let staff: Client;
  let auditor: Client; // external auditor: reads
  const url = '/api/v1/risk-change-reviews';
  const etag = (r: { version: number }) => ({ 'if-match': `"${r.version}"` });

  const record = async (body: Record<string, unknown>) => {
    const res = await admin.post(url, { reviewedOn: '2026-04-01', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RiskChangeReview>();
  };
  const assessment = async (client: Client, title: string) => {
    const res = await client.post('/api/v1/risk-assessments', {
      title,
      reasons: ['technology'],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; number: number }>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('records "no change" as the decision, decided by the caller', async () => {
    const row = await record({ kind: 'organization', outcome: 'no_change' });
    expect(row).toMatchObject({
      kind: 'organization',
      outcome: 'no_change',
      assessmentId: null,
      decidedBy: admin.user.id,
      version: 1,
    });
    expect(row.decidedByName).toBeTruthy();
    const audit = await admin.get(`/api/v1/audit?entityType=risk_change_review&limit=5`);
    if (audit.statusCode === 200) {
      expect(audit.body).toContain('risk_change_review.recorded');
    }
  });

  it('links a change to the reassessment made for it', async () => {
    const run = await assessment(admin, 'New cloud platform');
    const row = await record({
      kind: 'technology',
      outcome: 'changed',
      description: 'Moved the file server to a cloud service',
      assessmentId: run.id,
    });
    expect(row.assessmentId).toBe(run.id);
    expect(row.assessmentNumber).toBe(run.number);
  });

  it('refuses a change that does not say what changed', async () => {
    const res = await admin.post(url, {
      reviewedOn: '2026-04-01',
      kind: 'threats',
      outcome: 'changed',
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.body).toContain('description');
  });

  it('refuses a reassessment of another organization', async () => {
    const other = await addOrganization(app, { name: 'Org B of change reviews' });
    const run = await assessment(other.admin, 'Run of B');
    const res = await admin.post(url, {
      reviewedOn: '2026-04-01',
      kind: 'business',
      outcome: 'changed',
      description: 'New product line',
      assessmentId: run.id,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors?.[0]?.field ?? res.body).toContain('assessmentId');
    const list = await other.admin.get(`${url}?limit=200`);
    expect(list.json().items).toEqual([]);
  });

  it('lists newest first, filtered by kind and outcome, a page at a time', async () => {
    await record({ reviewedOn: '2026-05-01', kind: 'external', outcome: 'no_change' });
    await record({ reviewedOn: '2026-06-01', kind: 'external', outcome: 'no_change' });
    const first = await admin.get(`${url}?kind=external&limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: RiskChangeReview[]; nextCursor: string | null }>();
    expect(page.items.map((r) => r.reviewedOn)).toEqual(['2026-06-01']);
    const second = await admin.get(
      `${url}?kind=external&limit=1&cursor=${encodeURIComponent(page.nextCursor!)}`,
    );
    expect(second.json().items.map((r: RiskChangeReview) => r.reviewedOn)).toEqual(['2026-05-01']);
    const changed = await admin.get(`${url}?outcome=changed`);
    expect(changed.json().items.every((r: RiskChangeReview) => r.outcome === 'changed')).toBe(true);
    expect((await admin.get(`${url}?cursor=bogus`)).statusCode).toBe(400);
  });

  it('updates with If-Match and answers 412 on a stale version', async () => {
    const row = await record({ kind: 'threats', outcome: 'no_change' });
    const noHeader = await admin.patch(`${url}/${row.id}`, { description: 'x' });
    expect(noHeader.statusCode).toBe(428);
    const run = await assessment(admin, 'Ransomware wave');
    const res = await admin.patch(
      `${url}/${row.id}`,
      {
        outcome: 'changed',
        description: 'Ransomware campaigns aimed at suppliers',
        assessmentId: run.id,
      },
      { headers: etag(row) },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'changed', assessmentId: run.id, version: 2 });
    const stale = await admin.patch(
      `${url}/${row.id}`,
      { description: 'y' },
      { headers: etag(row) },
    );
    expect(stale.statusCode).toBe(412);
    const emptied = await admin.patch(
      `${url}/${row.id}`,
      { description: '' },
      { headers: { 'if-match': '"2"' } },
    );
    expect(emptied.statusCode).toBe(422);
  });

  it('lets readers read and only organization-wide writers record', async () => {
    const row = await record({ kind: 'business', outcome: 'no_change' });
    // Staff hold no isms:read: the register of risks and its reviews is not theirs.
    expect((await staff.get(url)).statusCode).toBe(403);
    for (const reader of [auditor, owner]) {
      expect((await reader.get(url)).statusCode).toBe(200);
      expect((await reader.get(`${url}/${row.id}`)).statusCode).toBe(200);
    }
    const body = { reviewedOn: '2026-04-01', kind: 'business', outcome: 'no_change' };
    for (const writer of [staff, auditor, owner]) {
      expect((await writer.post(url, body)).statusCode).toBe(403);
      expect(
        (await writer.patch(`${url}/${row.id}`, { description: 'z' }, { headers: etag(row) }))
          .statusCode,
      ).toBe(403);
    }
    const missing = await admin.get(`${url}/00000000-0000-4000-8000-000000000000`);
    expect(missing.statusCode).toBe(404);
  });
});
