import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditFinding, Checklist } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { insertAudit, setAuditStatus, setUserUnit } from './audits-checklists.fixtures.ts';

describeEachDatabase('audit findings: editing and closing', (ctx) => {
  let app: App;
  let lead: Client;
  let auditee: Client;
  let unitId: string;
  let outsideUnitId: string;
  let auditId: string;
  let finding: AuditFinding;

  const url = (path = '') => `/api/v1/audits/${auditId}${path}`;
  const ifMatch = (v: number) => ({ headers: { 'if-match': `"${v}"` } });

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    const { admin } = await setupOrganization(app, { organizationName: '監査テスト株式会社' });
    lead = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    auditee = await createUserAndLogin(admin, { roles: ['staff'] });
    unitId = (await createOrgUnit(admin, { name: '人事部' })).id;
    const second = (await createOrgUnit(admin, { name: '経理部' })).id;
    outsideUnitId = (await createOrgUnit(admin, { name: '営業部' })).id;
    await setUserUnit(app.database.db, auditee.user.id, unitId);
    auditId = (
      await insertAudit(app.database.db, admin.organization.id, {
        status: 'in_progress',
        auditeeUnitIds: [unitId, second],
        requirementIds: ['5.2.2'],
        leadAuditorId: lead.user.id,
      })
    ).id;
    const generated = await lead.post(url('/checklist/generate'));
    const [line] = generated.json<{ checklist: Checklist }>().checklist.items;
    // Two auditee units: the finding names none until the team picks one.
    const res = await lead.put(
      url(`/checklist/lines/${line!.id}/result`),
      { result: 'minor_nc', notes: '力量の評価記録がない', finding: { dueDate: '2026-06-30' } },
      ifMatch(line!.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    finding = (await lead.get(url('/findings'))).json().items[0];
    expect(finding).toMatchObject({ unit: null, dueDate: '2026-06-30' });
  });
  afterAll(() => app.close());

  it('lets the team name the unit and due date of an open finding', async () => {
    const foreign = await lead.patch(
      url(`/findings/${finding.id}`),
      { unitId: outsideUnitId },
      ifMatch(finding.version),
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({
      field: 'unitId',
      code: 'audit_finding_unit_not_auditee',
    });
    const res = await lead.patch(
      url(`/findings/${finding.id}`),
      { unitId, dueDate: '2026-07-31' },
      ifMatch(finding.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      unit: { id: unitId, name: '人事部' },
      dueDate: '2026-07-31',
    });
    expect(res.headers.etag).toBe(`"${finding.version + 1}"`);
    const stale = await lead.patch(url(`/findings/${finding.id}`), { dueDate: null }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
    expect((await auditee.patch(url(`/findings/${finding.id}`), {}, ifMatch(2))).statusCode).toBe(
      403,
    );
    finding = res.json();
  });

  it('refuses follow-up once the audit is closed', async () => {
    await setAuditStatus(app.database.db, auditId, 'closed');
    const res = await auditee.post(
      url(`/findings/${finding.id}/correction`),
      { correction: '評価記録の様式を作成した' },
      ifMatch(finding.version),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('audit_findings_closed');
    const lines = (await lead.get(url('/checklist'))).json<Checklist>().items;
    const frozen = await lead.patch(
      url(`/checklist/lines/${lines[0]!.id}`),
      { promptJa: '変更' },
      ifMatch(lines[0]!.version),
    );
    expect(frozen.json().code).toBe('audit_checklist_closed');
  });
});
