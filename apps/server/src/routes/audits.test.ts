import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Audit, InternalAuditor, OrgUnit, User } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUser, login, setupOrganization, type Client } from '../testing/identity.ts';
import { createAsset, createOrgUnit } from '../testing/isms.ts';

describeEachDatabase('internal audits', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: plans audits
  let sales: OrgUnit;
  let it_: OrgUnit;
  let helpdesk: OrgUnit; // below IT
  const people = {} as Record<
    'xena' | 'yuki' | 'zoe' | 'writer' | 'auditee' | 'outsider' | 'external',
    { user: User; client: Client }
  >;
  const registered = {} as Record<'xena' | 'yuki' | 'zoe' | 'writer', InternalAuditor>;

  const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });
  const person = async (roles: Parameters<typeof createUser>[1]['roles'], unit?: OrgUnit) => {
    const created = await createUser(admin, { roles });
    let user = created.user;
    if (unit) {
      const res = await admin.patch(`/api/v1/users/${user.id}`, { orgUnitId: unit.id }, etag(user));
      expect(res.statusCode, res.body).toBe(200);
      user = res.json();
    }
    return { user, client: await login(app, created.email) };
  };
  const createAudit = async (input: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/audits', {
      title: 'IT department audit',
      plannedStart: '2026-06-01',
      plannedEnd: '2026-06-03',
      auditeeUnitIds: [helpdesk.id],
      requirementIds: ['4.2.1'],
      ...input,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Audit>();
  };
  const setTeam = (a: Audit, leadUserId: string | null, memberUserIds: string[] = []) =>
    admin.put(`/api/v1/audits/${a.id}/team`, { leadUserId, memberUserIds }, etag(a));

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    sales = await createOrgUnit(admin, { name: 'Sales' });
    it_ = await createOrgUnit(admin, { name: 'IT' });
    helpdesk = await createOrgUnit(admin, { name: 'Helpdesk', parentId: it_.id });
    people.xena = await person(['internal_auditor'], sales);
    people.yuki = await person(['internal_auditor']);
    people.zoe = await person(['internal_auditor']);
    people.writer = await person(['internal_auditor', 'isms_manager']);
    people.auditee = await person(['staff'], helpdesk);
    people.outsider = await person(['staff'], sales);
    people.external = await person(['external_auditor']);
    for (const name of ['xena', 'yuki', 'zoe', 'writer'] as const) {
      const res = await admin.post('/api/v1/internal-auditors', {
        userId: people[name].user.id,
        qualifications: 'ISO/IEC 27001 internal auditor course',
        evidence: [{ type: 'file', id: 'certificate-1', label: 'Certificate' }],
        // Zoe also works for IT, the unit above the helpdesk.
        unitIds: name === 'zoe' ? [it_.id] : [],
      });
      expect(res.statusCode, res.body).toBe(201);
      registered[name] = res.json();
    }
  });
  afterAll(() => app.close());

  it('keeps a register of auditors with qualifications, evidence and units', async () => {
    expect(registered.xena).toMatchObject({
      user: { id: people.xena.user.id },
      primaryUnit: { id: sales.id, name: 'Sales' },
      units: [],
      evidence: [{ type: 'file', id: 'certificate-1', label: 'Certificate' }],
      active: true,
    });
    expect(registered.zoe.units).toEqual([{ id: it_.id, name: 'IT' }]);
    const again = await admin.post('/api/v1/internal-auditors', { userId: people.xena.user.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('internal_auditor_exists');
    const bad = await admin.post('/api/v1/internal-auditors', {
      userId: people.auditee.user.id,
      unitIds: [crypto.randomUUID()],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'unitIds', code: 'reference_not_found' });
    const list = (await people.yuki.client.get('/api/v1/internal-auditors')).json();
    expect(list.items.map((a: InternalAuditor) => a.user.id)).toEqual(
      expect.arrayContaining([people.xena.user.id, people.zoe.user.id]),
    );
    const byAuditor = await people.yuki.client.post('/api/v1/internal-auditors', {
      userId: people.outsider.user.id,
    });
    expect(byAuditor.statusCode).toBe(403);
  });

  it('numbers audits IA-<fiscal year>-NN, the fiscal year starting in April', async () => {
    const first = await createAudit({ plannedStart: '2027-02-01', plannedEnd: '2027-02-02' });
    const second = await createAudit({ plannedStart: '2027-03-01', plannedEnd: '2027-03-02' });
    expect(first).toMatchObject({ fiscalYear: 2026, status: 'planned', team: [], notice: null });
    expect(first.code).toMatch(/^IA-2026-\d{2}$/);
    expect(Number(second.code.slice(-2))).toBe(Number(first.code.slice(-2)) + 1);
    expect(first.auditeeUnits).toEqual([{ id: helpdesk.id, name: 'Helpdesk' }]);
    const backwards = await admin.post('/api/v1/audits', {
      title: 'x',
      plannedStart: '2026-06-02',
      plannedEnd: '2026-06-01',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('assigns an independent team and refuses unregistered users', async () => {
    const audit = await createAudit();
    const res = await setTeam(audit, people.xena.user.id, [people.yuki.user.id]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Audit>()).toMatchObject({
      leadAuditor: { id: people.xena.user.id },
      team: expect.arrayContaining([
        { user: { id: people.xena.user.id, name: people.xena.user.displayName }, role: 'lead' },
        { user: { id: people.yuki.user.id, name: people.yuki.user.displayName }, role: 'member' },
      ]),
    });
    const stale = await setTeam(audit, people.yuki.user.id);
    expect(stale.statusCode).toBe(412);
    const outsider = await setTeam(res.json(), people.xena.user.id, [people.outsider.user.id]);
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().errors).toEqual([
      expect.objectContaining({ field: 'memberUserIds.0', code: 'auditor_not_registered' }),
    ]);
  });

  it('refuses a member of the auditee unit (through a unit above it), naming the conflict', async () => {
    const audit = await createAudit();
    const res = await setTeam(audit, people.xena.user.id, [people.zoe.user.id]);
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('independence_conflict');
    expect(problem.errors).toEqual([
      {
        field: 'memberUserIds.0',
        code: 'independence_unit_member',
        message: `${people.zoe.user.displayName} belongs to the auditee unit Helpdesk (${audit.code}).`,
      },
    ]);
    expect((await admin.get(`/api/v1/audits/${audit.id}`)).json().team).toEqual([]);
  });

  it('refuses the owner of an asset in scope, also when the scope changes later', async () => {
    const asset = await createAsset(admin, {
      name: 'Ticket system',
      owner: { type: 'user', id: people.yuki.user.id },
    });
    const audit = await createAudit({ scopeAssetIds: [asset.id] });
    expect(audit.scopeAssets).toEqual([{ id: asset.id, name: `${asset.code} Ticket system` }]);
    const refused = await setTeam(audit, people.yuki.user.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      field: 'leadUserId',
      code: 'independence_asset_owner',
    });
    const other = await createAudit();
    const teamed = (await setTeam(other, people.yuki.user.id)).json<Audit>();
    const widened = await admin.patch(
      `/api/v1/audits/${other.id}`,
      { scopeAssetIds: [asset.id] },
      etag(teamed),
    );
    expect(widened.statusCode).toBe(422);
    expect(widened.json().errors[0]).toMatchObject({
      field: 'scopeAssetIds',
      code: 'independence_asset_owner',
    });
    expect((await admin.get(`/api/v1/audits/${other.id}`)).json().scopeAssetIds).toEqual([]);
  });

  it('refuses the author of a document in scope', async () => {
    const doc = await people.writer.client.post('/api/v1/documents', {
      code: 'PROC-IT-1',
      title: 'Helpdesk procedure',
      type: 'procedure',
      ownerUserId: admin.user.id,
      body: 'Steps',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const audit = await createAudit({ scopeDocumentIds: [doc.json().id] });
    const res = await setTeam(audit, people.xena.user.id, [people.writer.user.id]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      field: 'memberUserIds.0',
      code: 'independence_document_author',
    });
  });

  it('refuses unit changes of an auditor that would conflict, and lists later conflicts', async () => {
    const audit = await createAudit();
    const teamed = (await setTeam(audit, people.xena.user.id)).json<Audit>();
    const moved = await admin.patch(
      `/api/v1/internal-auditors/${registered.xena.id}`,
      { unitIds: [it_.id] },
      etag(registered.xena),
    );
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors[0]).toMatchObject({
      field: 'unitIds',
      code: 'independence_unit_member',
    });
    // The primary unit in the user register is checked the same way.
    const xena = (await admin.get(`/api/v1/users/${people.xena.user.id}`)).json<User>();
    const joined = await admin.patch(
      `/api/v1/users/${xena.id}`,
      { orgUnitId: helpdesk.id },
      etag(xena),
    );
    expect(joined.statusCode).toBe(422);
    expect(joined.json().errors[0]).toMatchObject({
      field: 'orgUnitId',
      code: 'independence_unit_member',
    });
    // Made head of the unit above the auditee afterwards (the structure is not refused):
    // the conflict is shown.
    const unit = (await admin.get(`/api/v1/org-units/${it_.id}`)).json<
      OrgUnit & { version: number }
    >();
    const head = await admin.patch(
      `/api/v1/org-units/${it_.id}`,
      { managerUserId: xena.id },
      etag(unit),
    );
    expect(head.statusCode, head.body).toBe(200);
    const conflicts = await admin.get(`/api/v1/audits/${teamed.id}/conflicts`);
    expect(conflicts.statusCode).toBe(200);
    expect(conflicts.json().items).toEqual([
      expect.objectContaining({
        auditId: teamed.id,
        user: { id: xena.id, name: xena.displayName },
        kind: 'unit_head',
        objectId: helpdesk.id,
        objectLabel: 'Helpdesk',
      }),
    ]);
    const all = (await admin.get('/api/v1/audits/conflicts')).json().items;
    expect(all.filter((c: { auditId: string }) => c.auditId === teamed.id)).toHaveLength(1);
    // A form sends the whole plan: an unchanged scope is not checked again.
    const renamed = await admin.patch(
      `/api/v1/audits/${teamed.id}`,
      { title: 'Renamed audit', auditeeUnitIds: [helpdesk.id] },
      etag(teamed),
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const back = head.json<{ version: number }>();
    await admin.patch(`/api/v1/org-units/${it_.id}`, { managerUserId: null }, etag(back));
  });

  it('records the notice and moves through the lifecycle by its rules', async () => {
    const audit = await createAudit();
    const early = await admin.post(
      `/api/v1/audits/${audit.id}/status`,
      { status: 'in_progress' },
      etag(audit),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('audit_lead_required');
    let current = (await setTeam(audit, people.yuki.user.id)).json<Audit>();
    const noticed = await admin.post(`/api/v1/audits/${audit.id}/notice`, undefined, etag(current));
    expect(noticed.statusCode, noticed.body).toBe(200);
    current = noticed.json();
    expect(current.notice?.sentBy).toEqual({ id: admin.user.id, name: admin.user.displayName });
    const move = async (client: Client, status: string) => {
      const res = await client.post(`/api/v1/audits/${audit.id}/status`, { status }, etag(current));
      if (res.statusCode === 200) current = res.json();
      return res;
    };
    // An auditor not on the team sees the audit but does not conduct it.
    expect((await move(people.zoe.client, 'in_progress')).json().code).toBe(
      'forbidden_not_on_team',
    );
    expect((await move(people.yuki.client, 'in_progress')).statusCode).toBe(200);
    expect((await move(people.yuki.client, 'closed')).json().code).toBe('audit_status_transition');
    expect((await move(people.yuki.client, 'reported')).json().code).toBe(
      'audit_report_not_approved',
    );
    const db = app.database.db;
    await db.execute(sql`insert into audit_reports (audit_id, organization_id, status)
      select id, organization_id, 'approved' from audits where id = ${audit.id}`);
    expect((await move(people.yuki.client, 'reported')).statusCode).toBe(200);
    expect((await move(admin, 'follow_up')).statusCode).toBe(200);
    await db.execute(sql`insert into audit_findings (organization_id, audit_id, number, kind, description)
      select organization_id, id, 1, 'minor_nc', 'Access review missing' from audits where id = ${audit.id}`);
    const open = await move(admin, 'closed');
    expect(open.statusCode).toBe(422);
    expect(open.json().errors[0]).toMatchObject({
      field: 'status',
      code: 'audit_findings_unresolved',
    });
    await db.execute(
      sql`update audit_findings set status = 'transferred' where audit_id = ${audit.id}`,
    );
    expect((await move(admin, 'closed')).statusCode).toBe(200);
    expect(current.closedAt).not.toBeNull();
    const edit = await admin.patch(
      `/api/v1/audits/${audit.id}`,
      { title: 'Late edit' },
      etag(current),
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('audit_closed');
  });

  it('shows auditees their own audits only, and lets external auditors read without writing', async () => {
    const mine = await createAudit({ title: 'Helpdesk audit' });
    const other = await createAudit({ title: 'Sales audit', auditeeUnitIds: [sales.id] });
    const seen = async (c: Client) =>
      ((await c.get('/api/v1/audits?limit=200')).json().items as Audit[]).map((a) => a.id);
    expect(await seen(people.auditee.client)).toContain(mine.id);
    expect(await seen(people.auditee.client)).not.toContain(other.id);
    expect((await people.auditee.client.get(`/api/v1/audits/${other.id}`)).statusCode).toBe(404);
    expect((await people.auditee.client.get(`/api/v1/audits/${mine.id}`)).statusCode).toBe(200);
    expect(await seen(people.external.client)).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect((await people.external.client.post('/api/v1/audits', { title: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await people.auditee.client.post(
          `/api/v1/audits/${mine.id}/status`,
          { status: 'in_progress' },
          etag(mine),
        )
      ).statusCode,
    ).toBe(403);
    const filtered = (
      await admin.get(`/api/v1/audits?unitId=${sales.id}&q=Sales&limit=200`)
    ).json();
    expect(filtered.items.map((a: Audit) => a.id)).toEqual([other.id]);
  });
});
