import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  CommitteeMeeting,
  CommitteeMember,
  IsmsRole,
  OrgChart,
  PeopleSettings,
} from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const etag = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });
const fields = (res: { json: () => { errors: { field: string; code: string }[] } }) =>
  res.json().errors.map((e) => `${e.field}:${e.code}`);

describeEachDatabase('ISMS committee, organization chart and people settings', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let top: Client;
  let staff: Client;
  let otherStaff: Client;
  let auditor: Client; // internal auditor: reads everything in the area

  const meeting = async (body: Record<string, unknown>) => {
    const res = await manager.post('/api/v1/committee/meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CommitteeMeeting>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    otherStaff = await createUserAndLogin(manager, { roles: ['staff'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
  });
  afterAll(() => app.close());

  it('adds members, refuses a second open membership, records leaving and rejoining', async () => {
    const chair = await manager.post('/api/v1/committee/members', {
      userId: top.user.id,
      position: 'chair',
    });
    expect(chair.statusCode, chair.body).toBe(201);
    expect(chair.json()).toMatchObject({ position: 'chair', joinedOn: today(), leftOn: null });
    const member = (
      await manager.post('/api/v1/committee/members', {
        userId: staff.user.id,
        joinedOn: daysAgo(100),
      })
    ).json<CommitteeMember>();
    const twice = await manager.post('/api/v1/committee/members', { userId: staff.user.id });
    expect(fields(twice)).toEqual(['userId:committee_member_duplicate']);
    const stranger = await manager.post('/api/v1/committee/members', {
      userId: crypto.randomUUID(),
    });
    expect(fields(stranger)).toEqual(['userId:reference_not_found']);
    const bad = await manager.post('/api/v1/committee/members', {
      userId: staff.user.id,
      position: 'king',
    });
    expect(bad.statusCode).toBe(400);

    const url = `/api/v1/committee/members/${member.id}`;
    expect((await manager.patch(url, { leftOn: today() })).statusCode).toBe(428);
    const early = await manager.patch(url, { leftOn: daysAgo(200) }, etag(member));
    expect(fields(early)).toEqual(['leftOn:committee_left_before_joined']);
    const left = await manager.patch(url, { leftOn: daysAgo(1) }, etag(member));
    expect(left.statusCode, left.body).toBe(200);
    expect((await manager.patch(url, { position: 'secretary' }, etag(member))).statusCode).toBe(
      412,
    );
    // Rejoining makes a new membership; the old one stays as history.
    const rejoined = await manager.post('/api/v1/committee/members', {
      userId: staff.user.id,
      position: 'secretary',
    });
    expect(rejoined.statusCode, rejoined.body).toBe(201);
    const reopen = await manager.patch(url, { leftOn: null }, etag(left.json()));
    expect(fields(reopen)).toEqual(['userId:committee_member_duplicate']);

    const list = (await auditor.get('/api/v1/committee/members')).json().items as CommitteeMember[];
    expect(list.map((m) => [m.user.id, m.position, m.leftOn])).toEqual([
      [top.user.id, 'chair', null],
      [staff.user.id, 'secretary', null],
      [staff.user.id, 'member', daysAgo(1)],
    ]);
    for (const writer of [staff, top, auditor]) {
      const res = await writer.post('/api/v1/committee/members', { userId: writer.user.id });
      expect(res.statusCode).toBe(403);
    }
  });

  it('numbers meetings, checks dates and attendees, pages them newest first', async () => {
    const held = await meeting({
      title: '第1回 ISMS委員会',
      heldOn: '2025-04-10',
      status: 'held',
      agenda: 'リスク評価の結果',
      minutes: '対応計画を承認した',
      attendeeUserIds: [top.user.id, staff.user.id, staff.user.id],
    });
    expect(held).toMatchObject({ number: 1, code: 'CM-0001', fileCount: 0, version: 1 });
    expect(held.attendees.map((a) => a.id).sort()).toEqual([top.user.id, staff.user.id].sort());
    const planned = await meeting({ title: '第2回 ISMS委員会', heldOn: '2099-01-15' });
    expect(planned).toMatchObject({ code: 'CM-0002', status: 'planned', attendees: [] });

    const future = await manager.post('/api/v1/committee/meetings', {
      title: 'x',
      heldOn: '2099-01-01',
      status: 'held',
    });
    expect(fields(future)).toEqual(['heldOn:committee_meeting_held_future']);
    const unknown = await manager.post('/api/v1/committee/meetings', {
      title: 'x',
      heldOn: today(),
      attendeeUserIds: [crypto.randomUUID()],
    });
    expect(fields(unknown)).toEqual(['attendeeUserIds:reference_not_found']);

    const url = `/api/v1/committee/meetings/${planned.id}`;
    expect((await manager.patch(url, { status: 'held' })).statusCode).toBe(428);
    const tooEarly = await manager.patch(url, { status: 'held' }, etag(planned));
    expect(fields(tooEarly)).toEqual(['heldOn:committee_meeting_held_future']);
    const done = await manager.patch(
      url,
      { status: 'held', heldOn: today(), attendeeUserIds: [otherStaff.user.id] },
      etag(planned),
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'held', heldOn: today(), version: 2 });
    expect((await manager.patch(url, { title: 'y' }, etag(planned))).statusCode).toBe(412);

    const first = await auditor.get('/api/v1/committee/meetings?limit=1');
    expect(first.json().items.map((m: CommitteeMeeting) => m.code)).toEqual(['CM-0002']);
    const second = await auditor.get('/api/v1/committee/meetings', {
      query: { limit: '1', cursor: first.json().nextCursor },
    });
    expect(second.json().items.map((m: CommitteeMeeting) => m.code)).toEqual(['CM-0001']);
    expect(second.json().nextCursor).toBeNull();
    const year = await auditor.get('/api/v1/committee/meetings?year=2025');
    expect(year.json().items.map((m: CommitteeMeeting) => m.code)).toEqual(['CM-0001']);
    const events = await manager.get('/api/v1/audit/events', {
      query: { entityType: 'committee_meeting', entityId: planned.id },
    });
    expect(
      events
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['committee_meeting.created', 'committee_meeting.updated']);
  });

  it('shows a reader of their own only the meetings they attended, files included', async () => {
    const attended = await meeting({
      title: 'Attended by staff',
      heldOn: daysAgo(3),
      status: 'held',
      attendeeUserIds: [staff.user.id],
    });
    const notAttended = await meeting({ title: 'Without staff', heldOn: daysAgo(2) });
    const file = await attachFile(
      manager,
      { type: 'committee_meeting', id: attended.id },
      samples.pdf(),
      '議事録.pdf',
    );
    expect(file.owner).toEqual({ type: 'committee_meeting', id: attended.id });
    const shown = (await staff.get(`/api/v1/committee/meetings/${attended.id}`)).json();
    expect(shown.fileCount).toBe(1);
    const mine = (await staff.get('/api/v1/committee/meetings?limit=200')).json().items;
    expect(mine.map((m: CommitteeMeeting) => m.title)).toEqual(
      expect.arrayContaining(['Attended by staff']),
    );
    expect(mine.map((m: CommitteeMeeting) => m.title)).not.toContain('Without staff');
    expect(
      mine.every((m: CommitteeMeeting) => m.attendees.some((a) => a.id === staff.user.id)),
    ).toBe(true);
    expect((await staff.get(`/api/v1/committee/meetings/${notAttended.id}`)).statusCode).toBe(404);
    const files = (c: Client, id: string) =>
      c.get(`/api/v1/files?ownerType=committee_meeting&ownerId=${id}`);
    expect((await files(staff, attended.id)).json().items).toHaveLength(1);
    expect((await files(otherStaff, attended.id)).statusCode).toBe(404);
    expect((await files(auditor, attended.id)).statusCode).toBe(200);
    const upload = await uploadFile(
      staff,
      { type: 'committee_meeting', id: attended.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(upload.statusCode).toBe(403);
  });

  it('draws the organization chart: units with heads, role holders by unit and across it, the committee', async () => {
    const unit = await createOrgUnit(manager, { code: 'SALES', managerUserId: top.user.id });
    const put = await manager.patch(
      `/api/v1/users/${otherStaff.user.id}`,
      { orgUnitId: unit.id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(put.statusCode, put.body).toBe(200);
    const roles = (await manager.get('/api/v1/isms-roles')).json().items as IsmsRole[];
    const promoter = roles.find((r) => r.code === 'PROMOTER')!;
    const ciso = roles.find((r) => r.code === 'CISO')!;
    const perUnit = await manager.post(`/api/v1/isms-roles/${promoter.id}/assignments`, {
      userId: staff.user.id,
      orgUnitId: unit.id,
    });
    expect(perUnit.statusCode, perUnit.body).toBe(201);
    const orgWide = await manager.post(`/api/v1/isms-roles/${ciso.id}/assignments`, {
      userId: otherStaff.user.id,
    });
    expect(orgWide.statusCode, orgWide.body).toBe(201);

    const chart = (await staff.get('/api/v1/org-chart')).json<OrgChart>();
    const sales = chart.units.find((u) => u.id === unit.id)!;
    expect(sales).toMatchObject({
      code: 'SALES',
      head: { id: top.user.id },
      memberCount: 1,
    });
    expect(sales.roles.map((r) => [r.code, r.user.id]).sort()).toEqual(
      [
        ['CISO', otherStaff.user.id],
        ['PROMOTER', staff.user.id],
      ].sort(),
    );
    expect(chart.organizationRoles.map((r) => [r.code, r.kind, r.user.id])).toEqual([
      ['CISO', 'holder', otherStaff.user.id],
    ]);
    expect(chart.committee.map((m) => m.user.id)).toEqual([top.user.id, staff.user.id]);
  });

  it('keeps people settings: defaults until the first save, If-Match "0", the document checked', async () => {
    const initial = await staff.get('/api/v1/people-settings');
    expect(initial.json<PeopleSettings>()).toEqual({
      disciplinaryDocument: null,
      expiryWarningDays: 90,
      version: 0,
    });
    expect(initial.headers.etag).toBe('"0"');
    expect(
      (await manager.put('/api/v1/people-settings', { expiryWarningDays: 60 })).statusCode,
    ).toBe(428);
    const unknown = await manager.put(
      '/api/v1/people-settings',
      { disciplinaryDocumentId: crypto.randomUUID() },
      { headers: { 'if-match': '"0"' } },
    );
    expect(fields(unknown)).toEqual(['disciplinaryDocumentId:reference_not_found']);
    const saved = await manager.put(
      '/api/v1/people-settings',
      { expiryWarningDays: 60 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ expiryWarningDays: 60, version: 1 });
    const stale = await manager.put(
      '/api/v1/people-settings',
      { expiryWarningDays: 30 },
      { headers: { 'if-match': '"0"' } },
    );
    expect(stale.statusCode).toBe(412);
    const range = await manager.put(
      '/api/v1/people-settings',
      { expiryWarningDays: 400 },
      { headers: { 'if-match': '"1"' } },
    );
    expect(range.statusCode).toBe(400);
    const doc = await manager.post('/api/v1/documents', {
      code: 'RULE-DISC',
      title: '懲戒規程',
      type: 'standard',
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const linked = await manager.put(
      '/api/v1/people-settings',
      { disciplinaryDocumentId: doc.json().id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(linked.json()).toMatchObject({
      disciplinaryDocument: { id: doc.json().id, code: 'RULE-DISC', title: '懲戒規程' },
      expiryWarningDays: 60,
      version: 2,
    });
    for (const writer of [staff, top, auditor]) {
      const res = await writer.put(
        '/api/v1/people-settings',
        { expiryWarningDays: 10 },
        { headers: { 'if-match': '"2"' } },
      );
      expect(res.statusCode).toBe(403);
    }
  });
});
