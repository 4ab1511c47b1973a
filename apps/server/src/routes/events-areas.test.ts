import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IsmsEvent, ResourcePlan, ResourceSummary } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { resources } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

/**
 * The milestones of the legal register, the resource plan and the reviews of
 * change reach the ISMS event log (4.2.3.f), each with a title that says what.
 */
describeEachDatabase('ISMS event log: legal, resources and change reviews', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let top: Client;
  const etag = (v: { version: number }) => ({ headers: { 'if-match': `"${v.version}"` } });
  const today = () => new Date().toISOString().slice(0, 10);

  /** The automatic entries of an entity, oldest first. */
  const entriesOf = async (entityId: string) => {
    const res = await admin.get('/api/v1/isms-events', {
      query: { source: 'auto', limit: '200' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: IsmsEvent[] }>()
      .items.filter((e) => e.entity?.id === entityId)
      .reverse();
  };
  const summary = async (fy: number) =>
    (await admin.get(`/api/v1/resource-summaries/${fy}`)).json<ResourceSummary>();

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
  });
  afterAll(() => app.close());

  it('logs an obligation added, changed and reviewed, titled by its code and name', async () => {
    const created = await admin.post('/api/v1/legal-obligations', {
      kind: 'law',
      title: 'Act on the Protection of Personal Information',
      reviewIntervalMonths: 12,
    });
    expect(created.statusCode, created.body).toBe(201);
    const obligation = created.json<{ id: string; code: string; version: number }>();
    const changed = await admin.patch(
      `/api/v1/legal-obligations/${obligation.id}`,
      { summary: 'Amended: breach reports to the commission within days' },
      etag(obligation),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const reviewed = await admin.post(
      `/api/v1/legal-obligations/${obligation.id}/reviews`,
      { reviewedOn: today(), outcome: 'unchanged' },
      etag(changed.json()),
    );
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    const entries = await entriesOf(obligation.id);
    const title = `${obligation.code} Act on the Protection of Personal Information`;
    expect(entries.map((e) => [e.action, e.category, e.title])).toEqual([
      ['legal_obligation.created', 'legal', title],
      ['legal_obligation.updated', 'legal', title],
      ['legal_obligation.reviewed', 'legal', title],
    ]);
    expect(entries[0]!.recordedBy?.id).toBe(admin.user.id);
  });

  it('logs the resource plan approved and reopened by a change, with its fiscal year', async () => {
    const fy = resources.fiscalYearOf(today(), 4);
    const made = await admin.post('/api/v1/resources', {
      fiscalYear: fy,
      kind: 'money',
      activity: 'operate',
      title: 'Vulnerability scanning service',
      planned: { amount: 600_000 },
    });
    expect(made.statusCode, made.body).toBe(201);
    const before = await summary(fy);
    const sent = await admin.post(`/api/v1/resource-plans/${fy}/submit`, {}, etag(before.plan));
    expect(sent.statusCode, sent.body).toBe(200);
    const plan = sent.json<ResourcePlan>();
    const decided = await top.post(`/api/v1/approvals/${plan.approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const resource = (await admin.get(`/api/v1/resources/${made.json().id}`)).json();
    const changed = await admin.patch(
      `/api/v1/resources/${resource.id}`,
      { planned: { amount: 700_000 } },
      etag(resource),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const planId = (await summary(fy)).plan.id!;
    const entries = await entriesOf(planId);
    expect(entries.map((e) => [e.action, e.category, e.title])).toEqual([
      ['resource_plan.approved', 'resources', `FY${fy}`],
      ['resource_plan.reopened', 'resources', `FY${fy}`],
    ]);
    // Sending for approval and editing a resource are steps, not milestones.
    expect(await entriesOf(resource.id)).toEqual([]);
    const filtered = await admin.get('/api/v1/isms-events', { query: { category: 'resources' } });
    expect(filtered.json().items).toHaveLength(2);
  });

  it('titles a review of change by its day and the first line of what changed', async () => {
    const res = await admin.post('/api/v1/risk-change-reviews', {
      reviewedOn: '2026-04-01',
      kind: 'organization',
      outcome: 'no_change',
    });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json<{ id: string; version: number }>();
    const edited = await admin.patch(
      `/api/v1/risk-change-reviews/${review.id}`,
      { description: 'Sales moved to the new office\nNo new systems came with it' },
      { headers: { 'if-match': `"${review.version}"` } },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const entries = await entriesOf(review.id);
    expect(entries.map((e) => [e.action, e.title])).toEqual([
      ['risk_change_review.recorded', '2026-04-01'],
      ['risk_change_review.updated', '2026-04-01 Sales moved to the new office'],
    ]);
  });
});
