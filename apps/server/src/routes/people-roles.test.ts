import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IsmsRole, MyRole, RoleAssignment } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });
const fields = (res: { json: () => { errors: { field: string; code: string }[] } }) =>
  res.json().errors.map((e) => `${e.field}:${e.code}`);

describeEachDatabase('ISMS roles, assignments and acknowledgement', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager (set-up)
  let staff: Client;
  let head: Client; // owner who heads a unit: 'own' reach of people:manage
  let auditor: Client; // external auditor
  let unitId: string;
  let roles: IsmsRole[];

  const roleByCode = (code: string) => roles.find((r) => r.code === code)!;
  const assign = (roleId: string, body: Record<string, unknown>) =>
    manager.post(`/api/v1/isms-roles/${roleId}/assignments`, body);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    head = await createUserAndLogin(manager, { roles: ['owner'] });
    auditor = await createUserAndLogin(manager, { roles: ['external_auditor'] });
    unitId = (await createOrgUnit(manager, { code: 'IT', managerUserId: head.user.id })).id;
    roles = (await manager.get('/api/v1/isms-roles')).json().items;
  });
  afterAll(() => app.close());

  it('seeds the shipped roles in ja and en at set-up, and loads them only into an empty register', async () => {
    expect(roles.map((r) => r.code)).toEqual([
      'CISO',
      'ISMS_MGR',
      'SECRETARIAT',
      'PROMOTER',
      'AUDIT_LEAD',
      'ASSET_OWNER',
      'INCIDENT_LEAD',
    ]);
    for (const role of roles) {
      expect(role.name).not.toBe('');
      expect(role.nameEn).not.toBe('');
      expect(role.responsibilities).toMatch(/^- /);
      expect(role.responsibilitiesEn).toMatch(/^- /);
      expect(role).toMatchObject({ active: true, assignments: [], version: 1 });
    }
    expect(roleByCode('CISO')).toMatchObject({ name: '最高責任者', appRole: 'top_management' });
    expect(roleByCode('PROMOTER')).toMatchObject({ name: '推進委員', perUnit: true });
    expect(roleByCode('ISMS_MGR').requiresDeputy).toBe(true);

    const again = await manager.post('/api/v1/isms-roles/defaults');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('isms_roles_exist');

    // Another organization without roles loads them once.
    const { admin: other } = await addOrganization(app, { name: 'Other' });
    expect((await other.get('/api/v1/isms-roles')).json().items).toEqual([]);
    const loaded = await other.post('/api/v1/isms-roles/defaults');
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json().items).toHaveLength(7);
    expect((await other.post('/api/v1/isms-roles/defaults')).statusCode).toBe(409);
    const events = await other.get('/api/v1/audit/events', {
      query: { action: 'isms_role.defaults_loaded' },
    });
    expect(events.json().items).toHaveLength(1);
  });

  it('defines a role, refuses a taken code and an unknown app role, and edits under If-Match', async () => {
    const created = await manager.post('/api/v1/isms-roles', {
      code: 'PRIVACY',
      name: '個人情報保護管理者',
      nameEn: 'Privacy officer',
      responsibilities: '個人情報の取扱いを監督する',
      sortOrder: 80,
    });
    expect(created.statusCode, created.body).toBe(201);
    const role = created.json<IsmsRole>();
    expect(role).toMatchObject({ code: 'PRIVACY', perUnit: false, requirementCount: 0 });
    const taken = await manager.post('/api/v1/isms-roles', { code: 'privacy', name: 'x' });
    expect(taken.statusCode).toBe(422);
    expect(fields(taken)).toEqual(['code:isms_role_code_taken']);
    const appRole = await manager.post('/api/v1/isms-roles', {
      code: 'X1',
      name: 'x',
      appRole: 'wizard',
    });
    expect(fields(appRole)).toEqual(['appRole:isms_role_app_role_unknown']);
    const bad = await manager.post('/api/v1/isms-roles', { code: 'has space', name: '' });
    expect(bad.statusCode).toBe(400);

    const url = `/api/v1/isms-roles/${role.id}`;
    expect((await manager.patch(url, { nameEn: 'x' })).statusCode).toBe(428);
    const edited = await manager.patch(url, { requiresDeputy: true }, etag(role));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect((await manager.patch(url, { nameEn: 'y' }, etag(role))).statusCode).toBe(412);
    const rename = await manager.patch(url, { code: 'CISO' }, etag(edited.json()));
    expect(fields(rename)).toEqual(['code:isms_role_code_taken']);

    // Retired roles drop out of the default list.
    const retired = await manager.patch(url, { active: false }, etag(edited.json()));
    expect(retired.statusCode).toBe(200);
    const active = (await manager.get('/api/v1/isms-roles')).json().items as IsmsRole[];
    expect(active.map((r) => r.id)).not.toContain(role.id);
    const all = (await manager.get('/api/v1/isms-roles?active=all')).json().items as IsmsRole[];
    expect(all.map((r) => r.id)).toContain(role.id);
    const inactive = await assign(role.id, { userId: staff.user.id });
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().code).toBe('isms_role_inactive');
  });

  it('assigns holders and deputies, per unit where the role says so, with field errors', async () => {
    const promoter = roleByCode('PROMOTER');
    const noUnit = await assign(promoter.id, { userId: staff.user.id });
    expect(fields(noUnit)).toEqual(['orgUnitId:role_assignment_unit_required']);
    const ciso = roleByCode('CISO');
    const withUnit = await assign(ciso.id, { userId: staff.user.id, orgUnitId: unitId });
    expect(fields(withUnit)).toEqual(['orgUnitId:role_assignment_unit_not_per_unit']);
    const stranger = await assign(ciso.id, { userId: crypto.randomUUID() });
    expect(fields(stranger)).toEqual(['userId:reference_not_found']);
    const dates = await assign(ciso.id, {
      userId: manager.user.id,
      startsOn: daysAgo(1),
      endsOn: daysAgo(5),
    });
    expect(fields(dates)).toEqual(['endsOn:role_assignment_end_before_start']);

    const unitHolder = await assign(promoter.id, { userId: staff.user.id, orgUnitId: unitId });
    expect(unitHolder.statusCode, unitHolder.body).toBe(201);
    expect(unitHolder.json()).toMatchObject({
      kind: 'holder',
      unit: { id: unitId, code: 'IT' },
      current: true,
      acknowledgedAt: null,
      acknowledgementStale: false,
    });
    const twice = await assign(promoter.id, {
      userId: staff.user.id,
      orgUnitId: unitId,
      kind: 'deputy',
    });
    expect(fields(twice)).toEqual(['userId:role_assignment_duplicate']);

    const mgr = roleByCode('ISMS_MGR');
    const deputy = await assign(mgr.id, { userId: head.user.id, kind: 'deputy' });
    expect(deputy.statusCode).toBe(201);
    const holder = await assign(mgr.id, { userId: manager.user.id });
    expect(holder.statusCode).toBe(201);
    const shown = (await manager.get(`/api/v1/isms-roles/${mgr.id}`)).json<IsmsRole>();
    // Holders first.
    expect(shown.assignments.map((a) => [a.kind, a.user.id])).toEqual([
      ['holder', manager.user.id],
      ['deputy', head.user.id],
    ]);
    // Once a role has assignments, whether it is per unit stays.
    const perUnit = await manager.patch(
      `/api/v1/isms-roles/${mgr.id}`,
      { perUnit: true },
      etag(mgr),
    );
    expect(fields(perUnit)).toEqual(['perUnit:isms_role_per_unit_assigned']);
  });

  it('ends an assignment, keeping it out of the current holders; the person can be assigned again', async () => {
    const lead = roleByCode('AUDIT_LEAD');
    const first = (
      await assign(lead.id, { userId: staff.user.id, startsOn: daysAgo(30) })
    ).json<RoleAssignment>();
    const url = `/api/v1/isms-role-assignments/${first.id}`;
    expect((await manager.patch(url, { endsOn: daysAgo(1) })).statusCode).toBe(428);
    const early = await manager.patch(url, { endsOn: daysAgo(40) }, etag(first));
    expect(fields(early)).toEqual(['endsOn:role_assignment_end_before_start']);
    const ended = await manager.patch(url, { endsOn: daysAgo(1), note: '異動' }, etag(first));
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: daysAgo(1), current: false, note: '異動' });
    expect((await manager.patch(url, { note: 'x' }, etag(first))).statusCode).toBe(412);
    const role = (await manager.get(`/api/v1/isms-roles/${lead.id}`)).json<IsmsRole>();
    expect(role.assignments).toEqual([]);
    const back = await assign(lead.id, { userId: staff.user.id });
    expect(back.statusCode, back.body).toBe(201);
    const events = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'isms_role_assignment', entityId: first.id },
    });
    expect(
      events
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['isms_role_assignment.created', 'isms_role_assignment.updated']);
  });

  it('lets only the assignee acknowledge; a later edit of the role makes it stale', async () => {
    const secretariat = roleByCode('SECRETARIAT');
    const mine = (await assign(secretariat.id, { userId: staff.user.id })).json<RoleAssignment>();
    const my = (await staff.get('/api/v1/my-roles')).json().items as MyRole[];
    const entry = my.find((m) => m.assignment.id === mine.id)!;
    expect(entry.role).toMatchObject({ code: 'SECRETARIAT', name: 'ISMS事務局', version: 1 });
    expect(my.every((m) => m.assignment.user.id === staff.user.id)).toBe(true);

    const url = `/api/v1/isms-role-assignments/${mine.id}/acknowledge`;
    const byOther = await manager.post(url);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('role_acknowledge_not_assignee');
    const ack = await staff.post(url);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect(ack.json().acknowledgementStale).toBe(false);

    const role = (await manager.get(`/api/v1/isms-roles/${secretariat.id}`)).json<IsmsRole>();
    const edited = await manager.patch(
      `/api/v1/isms-roles/${secretariat.id}`,
      { responsibilitiesEn: `${role.responsibilitiesEn}\n- Keeps the committee’s calendar` },
      etag(role),
    );
    expect(edited.statusCode).toBe(200);
    const stale = ((await staff.get('/api/v1/my-roles')).json().items as MyRole[]).find(
      (m) => m.assignment.id === mine.id,
    )!;
    expect(stale.assignment.acknowledgementStale).toBe(true);
    expect(stale.role.version).toBe(2);
    const again = await staff.post(url);
    expect(again.json().acknowledgementStale).toBe(false);

    // An ended assignment is no longer acknowledged.
    const old = (
      await assign(roleByCode('INCIDENT_LEAD').id, {
        userId: staff.user.id,
        startsOn: daysAgo(20),
        endsOn: daysAgo(2),
      })
    ).json<RoleAssignment>();
    const late = await staff.post(`/api/v1/isms-role-assignments/${old.id}/acknowledge`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('role_assignment_not_current');

    const events = await manager.get('/api/v1/audit/events', {
      query: { action: 'isms_role_assignment.acknowledged', entityId: mine.id },
    });
    expect(events.json().items).toHaveLength(2);
  });

  it('keeps the register to the ISMS manager: others read it, unit heads and staff cannot shape it', async () => {
    for (const reader of [staff, head, auditor]) {
      expect((await reader.get('/api/v1/isms-roles')).statusCode).toBe(200);
    }
    const ciso = roleByCode('CISO');
    for (const writer of [staff, head]) {
      const create = await writer.post('/api/v1/isms-roles', { code: 'NOPE', name: 'x' });
      expect(create.statusCode).toBe(403);
      const defaults = await writer.post('/api/v1/isms-roles/defaults');
      expect(defaults.statusCode).toBe(403);
      expect(defaults.json().code).toBe('forbidden_reach_all');
      const assignment = await writer.post(`/api/v1/isms-roles/${ciso.id}/assignments`, {
        userId: writer.user.id,
      });
      expect(assignment.statusCode).toBe(403);
      const patch = await writer.patch(
        `/api/v1/isms-roles/${ciso.id}`,
        { nameEn: 'x' },
        etag(ciso),
      );
      expect(patch.statusCode).toBe(403);
    }
    expect((await auditor.post('/api/v1/isms-roles', { code: 'NOPE', name: 'x' })).statusCode).toBe(
      403,
    );
    // The external auditor has no roles of their own to acknowledge, and may still look.
    expect((await auditor.get('/api/v1/my-roles')).json().items).toEqual([]);
    // A deactivated user cannot be given a role.
    const gone = await createUser(manager, { roles: ['staff'] });
    const off = await manager.patch(
      `/api/v1/users/${gone.user.id}`,
      { active: false },
      etag(gone.user),
    );
    expect(off.statusCode, off.body).toBe(200);
    const refused = await assign(ciso.id, { userId: gone.user.id });
    expect(fields(refused)).toEqual(['userId:role_assignment_user_inactive']);
  });
});
