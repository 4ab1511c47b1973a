import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditProgramme } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { approveSoaWith } from './audits-programmes.fixtures.ts';
import { createSoa } from './soa.fixtures.ts';

const now = new Date();
/** The fiscal year (April–March) holding today. */
const currentYear = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;

describeEachDatabase('the internal audit programme', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: plans the programme
  let top: Client;
  let auditor: Client;
  let staff: Client;
  let external: Client;
  let programme: AuditProgramme;

  const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });
  const decide = async (approvalId: string, decision = 'approved') => {
    const res = await top.post(`/api/v1/approvals/${approvalId}/decision`, { decision });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    external = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    await createSoa(manager);
    await approveSoaWith(app.database.db, manager.organization.id, ['5.1.1', '8.5.1']);
  });
  afterAll(() => app.close());

  it('measures the dashboard against the default criteria before any programme exists', async () => {
    const res = await auditor.get('/api/v1/audit-programmes/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.programme).toBeNull();
    expect(board.nextAudits).toEqual([]);
    // Nothing audited yet: every item and applicable control is a gap.
    expect(board.coverage.controls).toEqual({ total: 2, audited: 0, planned: 0, unaudited: 2 });
    expect(board.coverage.requirements.total).toBeGreaterThan(50);
    expect(board.coverage.requirements.unaudited).toBe(board.coverage.requirements.total);
  });

  it('starts a fiscal year with the default criteria: all requirement items and the applicable controls in force', async () => {
    const res = await manager.post('/api/v1/audit-programmes', {
      fiscalYear: currentYear,
      title: 'Internal audit programme',
      objectives: 'Confirm the ISMS conforms and works',
    });
    expect(res.statusCode, res.body).toBe(201);
    programme = res.json();
    expect(res.headers.etag).toBe(`"${programme.version}"`);
    expect(programme).toMatchObject({
      number: 1,
      status: 'draft',
      periodStart: `${currentYear}-04-01`,
      periodEnd: `${currentYear + 1}-03-31`,
      cycleMonths: 12,
      criteriaControlIds: ['5.1.1', '8.5.1'],
    });
    const items = programme.criteriaRequirementIds;
    expect(items).toEqual(expect.arrayContaining(['4.2.3.d', '6.4.a', '6.4.d', '7.3.e']));
    // Items are leaves: 4.2.1 groups its items and is no criterion of its own.
    expect(items).not.toContain('4.2.1');
    expect(items.every((id) => /^[4-7]\./.test(id))).toBe(true);
    expect(new Set(items).size).toBe(items.length);
  });

  it('keeps one programme per fiscal year', async () => {
    const res = await manager.post('/api/v1/audit-programmes', { fiscalYear: currentYear });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('audit_programme_exists');
  });

  it('refuses unknown criteria and references and a reversed period, naming each field', async () => {
    const res = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      {
        criteriaRequirementIds: ['6.4.a', '9.9.9'],
        criteriaControlIds: ['99.1.1'],
        scopeUnitIds: ['00000000-0000-4000-8000-000000000000'],
        periodStart: '2027-01-01',
        periodEnd: '2026-12-31',
      },
      ifMatch(programme.version),
    );
    expect(res.statusCode, res.body).toBe(422);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'periodEnd',
        'criteriaRequirementIds.1',
        'criteriaControlIds.0',
        'scopeUnitIds.0',
      ]),
    );
    expect(fields).not.toContain('criteriaRequirementIds.0');
  });

  it('edits the draft in place with If-Match and refuses a stale ETag', async () => {
    const unit = await createOrgUnit(manager, { name: 'Development' });
    const stale = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      { frequency: 'Twice a year' },
      ifMatch(programme.version + 5),
    );
    expect(stale.statusCode).toBe(412);
    const res = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      { frequency: 'Twice a year', scopeUnitIds: [unit.id] },
      ifMatch(programme.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: programme.id,
      number: 1,
      frequency: 'Twice a year',
      scopeUnitIds: [unit.id],
      version: programme.version + 1,
    });
    programme = res.json();
  });

  it('is approved by top management, frozen, and the next edit opens version 2 that supersedes it', async () => {
    const asked = await manager.post(
      `/api/v1/audit-programmes/${programme.id}/approval`,
      {},
      ifMatch(programme.version),
    );
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('pending');
    const approvalId = asked.json().approvalId;
    const blocked = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      { methods: 'Interviews' },
      ifMatch(asked.json().version),
    );
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('audit_programme_approval_pending');

    const approval = (await top.get(`/api/v1/approvals/${approvalId}`)).json();
    expect(approval).toMatchObject({
      approvalType: 'audit_programme',
      assigneeRole: 'top_management',
    });
    await decide(approvalId);
    const approved = (await manager.get(`/api/v1/audit-programmes/${programme.id}`)).json();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: top.user.id });

    const next = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      { methods: 'Interviews and sampling of records' },
      ifMatch(approved.version),
    );
    expect(next.statusCode, next.body).toBe(200);
    const v2 = next.json<AuditProgramme>();
    expect(v2).toMatchObject({ number: 2, status: 'draft', frequency: 'Twice a year' });
    expect(v2.id).not.toBe(programme.id);
    // The approved version did not change.
    const still = (await manager.get(`/api/v1/audit-programmes/${programme.id}`)).json();
    expect(still).toMatchObject({ status: 'approved', methods: '' });
    const frozen = await manager.patch(
      `/api/v1/audit-programmes/${programme.id}`,
      { methods: 'x' },
      ifMatch(still.version),
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('audit_programme_version_frozen');

    const asked2 = await manager.post(
      `/api/v1/audit-programmes/${v2.id}/approval`,
      null,
      ifMatch(v2.version),
    );
    expect(asked2.statusCode, asked2.body).toBe(200);
    const summary = await top.get(`/api/v1/approvals/${asked2.json().approvalId}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toMatchObject({ link: '/internal-audits/programme', detail: 'full' });
    const changed = summary.json().changes.items.map((c: { label: { en: string } }) => c.label.en);
    expect(changed).toEqual(['Methods']);
    await decide(asked2.json().approvalId);
    const list = await manager.get(`/api/v1/audit-programmes?fiscalYear=${currentYear}`);
    expect(list.json().items.map((p: AuditProgramme) => [p.number, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    programme = (await manager.get(`/api/v1/audit-programmes/${v2.id}`)).json();
  });

  it('reopens the draft when top management rejects it', async () => {
    const created = await manager.post('/api/v1/audit-programmes', { fiscalYear: currentYear + 1 });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<AuditProgramme>();
    const asked = await manager.post(
      `/api/v1/audit-programmes/${draft.id}/approval`,
      {},
      ifMatch(draft.version),
    );
    await decide(asked.json().approvalId, 'rejected');
    const reopened = (await manager.get(`/api/v1/audit-programmes/${draft.id}`)).json();
    expect(reopened).toMatchObject({ status: 'draft', approvalId: null });
  });

  it('records every step in the audit trail', async () => {
    const res = await manager.get(
      `/api/v1/audit/events?entityType=audit_programme&entityId=${programme.id}&limit=50`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'audit_programme.version_created',
        'audit_programme.approval_requested',
        'audit_programme.approved',
      ]),
    );
  });

  it('lets every audits reader read, and only audits:manage plan', async () => {
    for (const reader of [auditor, staff, external, top]) {
      const res = await reader.get(`/api/v1/audit-programmes/${programme.id}`);
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const writer of [auditor, staff, external, top]) {
      const create = await writer.post('/api/v1/audit-programmes', { fiscalYear: 2040 });
      expect(create.statusCode).toBe(403);
      const edit = await writer.patch(
        `/api/v1/audit-programmes/${programme.id}`,
        { methods: 'x' },
        ifMatch(programme.version),
      );
      expect(edit.statusCode).toBe(403);
      const ask = await writer.post(
        `/api/v1/audit-programmes/${programme.id}/approval`,
        {},
        ifMatch(programme.version),
      );
      expect(ask.statusCode).toBe(403);
    }
  });
});
