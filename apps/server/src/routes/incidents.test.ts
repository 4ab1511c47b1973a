import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Incident, IncidentListItem } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import {
  createUser,
  createUserAndLogin,
  login,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

describeEachDatabase('incidents', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client; // isms_manager: the incident team by permission
  let staff: Client; // reports
  let colleague: Client; // another staff member
  let auditor: Client; // internal auditor
  let external: Client; // external auditor
  let top: Client; // top management
  let teamMember: Client; // staff, on the team through the settings' unit

  const etag = (i: { version: number }) => ({ headers: { 'if-match': `"${i.version}"` } });
  const report = async (as: Client, body: Record<string, unknown> = {}) => {
    const res = await as.post('/api/v1/incidents', {
      type: 'incident',
      title: 'Laptop lost on the train',
      description: 'Left on the Yamanote line',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ incident: Incident; merged: boolean }>().incident;
  };
  const triage = (as: Client, i: Incident, body: Record<string, unknown> = {}) =>
    as.post(
      `/api/v1/incidents/${i.id}/triage`,
      { severity: 'high', urgency: 'critical', ...body },
      etag(i),
    );
  const move = (as: Client, i: Incident, body: Record<string, unknown>) =>
    as.post(`/api/v1/incidents/${i.id}/transitions`, body, etag(i));
  const ids = (res: { json: () => { items: IncidentListItem[] } }) =>
    res.json().items.map((i) => i.id);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    colleague = await createUserAndLogin(admin, { roles: ['staff'] });
    auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'] });
    external = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    // The incident team is the security unit; its member holds only the staff role.
    const unit = await createOrgUnit(admin, { name: 'Security team' });
    const member = await createUser(admin, { roles: ['staff'] });
    const db = app.database.db;
    await db.execute(sql`update users set org_unit_id = ${unit.id} where id = ${member.user.id}`);
    await db.execute(sql`insert into incident_settings (organization_id, team_unit_id)
      values (${admin.organization.id}, ${unit.id})`);
    teamMember = await login(app, member.email, member.password);
  });
  afterAll(() => app.close());

  it('works an incident through in order: triage by the matrix, forward only, closed with lessons and a record', async () => {
    let incident = await report(staff);
    expect(incident).toMatchObject({
      status: 'reported',
      channel: 'web',
      reporter: { id: staff.user.id },
      reference: `INC-${String(incident.number).padStart(4, '0')}`,
      nextStatuses: [],
    });
    const early = await move(manager, incident, { to: 'contained' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('incident_not_triaged');
    expect((await triage(manager, { ...incident, version: 99 })).statusCode).toBe(412);
    const triaged = await triage(manager, incident, { assigneeId: manager.user.id });
    expect(triaged.statusCode, triaged.body).toBe(200);
    incident = triaged.json<Incident>();
    // Default matrix: severity high × urgency critical → 1.
    expect(incident).toMatchObject({ status: 'triaged', priority: 1, severity: 'high' });
    expect(incident.triagedBy?.id).toBe(manager.user.id);
    expect(incident.nextStatuses).toEqual(['contained', 'eradicated', 'recovered', 'closed']);
    expect((await triage(manager, incident)).json().code).toBe('incident_already_triaged');

    const eradicated = await move(manager, incident, { to: 'eradicated', note: 'Wiped remotely' });
    expect(eradicated.statusCode, eradicated.body).toBe(200);
    incident = eradicated.json<Incident>();
    expect(incident.eradicatedAt).not.toBeNull();
    const back = await move(manager, incident, { to: 'contained' });
    expect(back.statusCode).toBe(422);
    expect(back.json().code).toBe('incident_step_backwards');
    const bare = await move(manager, incident, { to: 'closed' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('incident_lessons_required');
    expect(bare.json().errors[0].field).toBe('lessonsLearned');

    const closed = await move(manager, incident, {
      to: 'closed',
      lessonsLearned: 'Encrypt every laptop disk',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    incident = closed.json<Incident>();
    expect(incident).toMatchObject({
      status: 'closed',
      closedBy: { id: manager.user.id },
      lessonsLearned: 'Encrypt every laptop disk',
      nextStatuses: [],
    });
    expect(incident.timeline.map((t) => t.toStatus)).toEqual(['triaged', 'eradicated', 'closed']);
    expect(incident.record?.reference).toContain(incident.reference);
    const record = await admin.get(`/api/v1/records/${incident.record!.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({
      links: [{ type: 'incident', id: incident.id }],
      type: { code: 'INCIDENT' },
    });
    // Closed: nothing changes any more.
    const after = await manager.patch(
      `/api/v1/incidents/${incident.id}`,
      { rootCause: 'x' },
      etag(incident),
    );
    expect(after.json().code).toBe('incident_closed');

    // A second closing reuses the record type made on the first.
    let second = await report(staff, { title: 'Phishing mail opened' });
    second = (await triage(manager, second)).json<Incident>();
    second = (await move(manager, second, { to: 'closed', lessonsLearned: 'Train again' })).json();
    expect(second.record).not.toBeNull();
    const types = await admin.get('/api/v1/record-types?limit=200');
    const incidentTypes = types.json().items.filter((t: { code: string }) => t.code === 'INCIDENT');
    expect(incidentTypes).toHaveLength(1);
    expect(incidentTypes[0].retention).toEqual({ value: 5, unit: 'years' });
  });

  it('shows confidential reports only to their reporter, the team and top management', async () => {
    const secret = await report(staff, {
      title: 'A colleague copies customer data',
      confidential: true,
    });
    const open = await report(staff, { title: 'Printer jam leaks pages' });
    const sees = async (as: Client) => (await as.get(`/api/v1/incidents/${secret.id}`)).statusCode;
    const listed = async (as: Client) => ids(await as.get('/api/v1/incidents?limit=200'));
    expect(await sees(staff)).toBe(200);
    expect(await listed(staff)).toContain(secret.id);
    expect(await sees(top)).toBe(200);
    expect(await listed(top)).toContain(secret.id);
    expect(await sees(teamMember)).toBe(200);
    expect(await listed(teamMember)).toContain(secret.id);
    expect(await sees(auditor)).toBe(404);
    expect(await listed(auditor)).not.toContain(secret.id);
    expect(await listed(auditor)).toContain(open.id);
    expect(await sees(colleague)).toBe(404);
    expect(await listed(colleague)).toEqual([]);
    // The unit's member handles it, though their role alone would not.
    const triaged = await triage(teamMember, secret);
    expect(triaged.statusCode, triaged.body).toBe(200);
    expect(triaged.json<Incident>().can.handle).toBe(true);
    expect((await staff.get(`/api/v1/incidents/${secret.id}`)).json().can.handle).toBe(false);
  });

  it('merges a monitoring tool’s repeated reports by external reference until the incident is closed', async () => {
    const created = await staff.post('/api/v1/tokens', {
      name: 'monitoring',
      permissions: ['incidents:report'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const tool = tokenClient(app, created.json().token);
    const body = { type: 'malfunction', title: 'Disk full on db01', externalRef: 'ALERT-42' };
    const first = await tool.post('/api/v1/incidents', body);
    expect(first.statusCode, first.body).toBe(201);
    const incident = first.json().incident as Incident;
    expect(incident).toMatchObject({ channel: 'api', repeatCount: 0, externalRef: 'ALERT-42' });
    const again = await tool.post('/api/v1/incidents', { ...body, description: 'Still full' });
    expect(again.statusCode, again.body).toBe(200);
    const merged = again.json();
    expect(merged.merged).toBe(true);
    expect(merged.incident).toMatchObject({ id: incident.id, repeatCount: 1 });
    expect(merged.incident.timeline).toEqual([
      expect.objectContaining({ kind: 'report', text: 'Disk full on db01\nStill full' }),
    ]);
    // The token reports only: it cannot read the list.
    expect((await tool.get('/api/v1/incidents')).statusCode).toBe(403);

    const handled = (await triage(manager, merged.incident)).json<Incident>();
    const closed = await move(manager, handled, { to: 'closed', lessonsLearned: 'Alert earlier' });
    expect(closed.statusCode, closed.body).toBe(200);
    const later = await tool.post('/api/v1/incidents', body);
    expect(later.statusCode).toBe(201);
    expect(later.json().incident.id).not.toBe(incident.id);
  });

  it('refuses reporting and triage to whoever may not', async () => {
    const refused = await external.post('/api/v1/incidents', { type: 'weakness', title: 'x' });
    expect(refused.statusCode).toBe(403);
    const own = await report(staff, { title: 'Door left open' });
    const others = await report(colleague, { title: 'Badge lost' });
    expect((await triage(external, own)).statusCode).toBe(403);
    expect((await triage(auditor, own)).statusCode).toBe(403);
    expect((await triage(staff, others)).statusCode).toBe(404);
    expect((await triage(staff, own)).statusCode).toBe(403);
    // The reporter corrects what they reported while it waits for triage, nothing more.
    const fixed = await staff.patch(
      `/api/v1/incidents/${own.id}`,
      { place: 'Back door' },
      etag(own),
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    const current = fixed.json<Incident>();
    expect(current.place).toBe('Back door');
    const severity = await staff.patch(
      `/api/v1/incidents/${own.id}`,
      { severity: 'low' },
      etag(current),
    );
    expect(severity.statusCode).toBe(403);
    const triaged = (await triage(manager, current)).json<Incident>();
    const late = await staff.patch(`/api/v1/incidents/${own.id}`, { place: 'x' }, etag(triaged));
    expect(late.statusCode).toBe(403);
    // A handler's new severity recomputes the priority (low × critical → 3).
    const rerank = await manager.patch(
      `/api/v1/incidents/${own.id}`,
      { severity: 'low' },
      etag(triaged),
    );
    expect(rerank.json()).toMatchObject({ severity: 'low', urgency: 'critical', priority: 3 });
    // Notes: the reporter on their own; actions only by handlers.
    const note = await staff.post(`/api/v1/incidents/${own.id}/timeline`, {
      kind: 'note',
      text: 'Seen twice',
    });
    expect(note.statusCode, note.body).toBe(201);
    const action = await staff.post(`/api/v1/incidents/${own.id}/timeline`, {
      kind: 'action',
      text: 'x',
    });
    expect(action.statusCode).toBe(403);
    const done = await manager.post(`/api/v1/incidents/${own.id}/timeline`, {
      kind: 'action',
      text: 'Lock fixed',
    });
    expect(done.json<Incident>().timeline.map((t) => t.kind)).toEqual(['status', 'note', 'action']);
    // Evidence: the reporter attaches to their own report; others do not reach it.
    const file = await attachFile(
      staff,
      { type: 'incident', id: own.id },
      samples.pdf(),
      'photo.pdf',
    );
    expect(file.owner).toEqual({ type: 'incident', id: own.id });
    const foreign = await uploadFile(
      colleague,
      { type: 'incident', id: own.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('lists in keyset pages with filters, the triage-overdue flag and overdue clocks', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const breach = await report(colleague, {
      type: 'incident',
      title: 'Customer list mailed to the wrong address',
      personalData: true,
      discoveredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    await db.execute(sql`update incidents set reported_at = now() - interval '30 hours'
      where id = ${breach.id}`);
    await db.execute(sql`insert into incident_obligations
      (organization_id, name, name_en, recipient, applies_to_types, requires_personal_data, deadline_days)
      values (${org}, '速報', 'Preliminary report', 'PPC', '{incident}', true, 1)`);
    const mine = await colleague.get('/api/v1/incidents?mine=reported');
    const item = mine.json().items.find((i: IncidentListItem) => i.id === breach.id);
    expect(item).toMatchObject({ triageOverdue: true, overdueClocks: 1, personalData: true });
    const detail = (await colleague.get(`/api/v1/incidents/${breach.id}`)).json<Incident>();
    expect(detail.clocks).toEqual([expect.objectContaining({ status: 'overdue', sentAt: null })]);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await manager.get(
        `/api/v1/incidents?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      all.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    const everything = ids(await manager.get('/api/v1/incidents?limit=200'));
    expect(all).toEqual(everything);
    expect(new Set(all).size).toBe(all.length);
    const byPriority: string[] = [];
    cursor = null;
    do {
      const res = await manager.get(
        `/api/v1/incidents?sort=priority&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      byPriority.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(byPriority.sort()).toEqual([...everything].sort());

    const closed = await manager.get('/api/v1/incidents?status=closed&limit=200');
    expect(closed.json().items.length).toBeGreaterThan(0);
    expect(closed.json().items.every((i: IncidentListItem) => i.status === 'closed')).toBe(true);
    const search = await manager.get(`/api/v1/incidents?q=${encodeURIComponent('wrong address')}`);
    expect(ids(search)).toEqual([breach.id]);
    const typed = await manager.get('/api/v1/incidents?type=malfunction&open=false');
    expect(typed.json().items.every((i: IncidentListItem) => i.type === 'malfunction')).toBe(true);
    expect((await manager.get('/api/v1/incidents?cursor=bogus')).statusCode).toBe(400);
  });
  it('lets an assignee without the team handle it, and shows what was raised from it', async () => {
    const incident = await report(colleague, { title: 'Shared folder open to everyone' });
    const wrongRef = await manager.post(
      `/api/v1/incidents/${incident.id}/triage`,
      { severity: 'medium', urgency: 'medium', assigneeId: '00000000-0000-4000-8000-000000000000' },
      etag(incident),
    );
    expect(wrongRef.statusCode).toBe(422);
    expect(wrongRef.json().errors[0]).toMatchObject({
      field: 'assigneeId',
      code: 'reference_not_found',
    });
    expect(
      (
        await manager.post(`/api/v1/incidents/${incident.id}/triage`, {
          severity: 'low',
          urgency: 'low',
        })
      ).statusCode,
    ).toBe(428);
    const triaged = (
      await triage(manager, incident, { assigneeId: staff.user.id })
    ).json<Incident>();
    // Staff handle what is assigned to them (and see it, though someone else reported it).
    const asAssignee = (await staff.get(`/api/v1/incidents/${incident.id}`)).json<Incident>();
    expect(asAssignee.can.handle).toBe(true);
    const contained = await move(staff, triaged, { to: 'contained', note: 'Sharing removed' });
    expect(contained.statusCode, contained.body).toBe(200);
    expect(ids(await staff.get('/api/v1/incidents?mine=assigned'))).toEqual([incident.id]);

    const raised = await manager.post('/api/v1/improvements', {
      source: 'incident_lesson',
      sourceLink: { type: 'incident', id: incident.id, label: incident.reference },
      title: 'Review folder sharing defaults',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const shown = (await manager.get(`/api/v1/incidents/${incident.id}`)).json<Incident>();
    expect(shown.raised).toEqual([
      expect.objectContaining({
        kind: 'improvement',
        id: raised.json().id,
        title: 'Review folder sharing defaults',
      }),
    ]);
    expect(shown.reference).toMatch(/^INC-\d{4}$/);

    const unknownUnit = await staff.post('/api/v1/incidents', {
      type: 'weakness',
      title: 'x',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownUnit.statusCode).toBe(422);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await manager.get(`/api/v1/incidents?from=2000-01-01&to=2000-12-31`);
    expect(dated.json().items).toEqual([]);
    expect(ids(await manager.get(`/api/v1/incidents?from=${today}&limit=200`))).toContain(
      incident.id,
    );

    // Closing is an ISMS event (4.2.3.f): the audit trail wrote it to the event log.
    const events = await app.database.db.execute(
      sql`select title from isms_events
        where organization_id = ${admin.organization.id} and action = 'incident.closed'`,
    );
    const titles = (events as unknown as { rows: { title: string }[] }).rows.map((r) => r.title);
    expect(titles).toContain('INC-0001 Laptop lost on the train');
  });
});
