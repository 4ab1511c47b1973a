import { afterAll, beforeAll, expect, it } from 'vitest';
import { tokenClient } from '../testing/identity.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import type { Incident } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import type { Client } from '../testing/identity.ts';
import { etag, ids, incidentPeople, move, report, triage } from './incidents.fixtures.ts';

describeEachDatabase('incidents', (ctx) => {
  let app: App;
  let admin: Client, manager: Client, staff: Client, colleague: Client;
  let auditor: Client, external: Client, top: Client, teamMember: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin, manager, staff, colleague, auditor, external, top, teamMember } =
      await incidentPeople(app));
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
    // Closed, its record and the event log (read more widely) name it by reference only.
    const closed = await move(teamMember, triaged.json<Incident>(), {
      to: 'closed',
      lessonsLearned: 'Limit exports of the customer list',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const done = closed.json<Incident>();
    const record = (await admin.get(`/api/v1/records/${done.record!.id}`)).json();
    expect(record.title).toBe(done.reference);
    expect(JSON.stringify(record)).not.toContain('customer');
    const events = (await admin.get('/api/v1/isms-events?category=incident&limit=200')).json();
    const titles = events.items.map((e: { title: string }) => e.title);
    expect(titles).toContain(done.reference);
    expect(titles.join()).not.toContain('colleague');
    // The audit log tells an auditor who did what to it, not what they wrote.
    const trail = async (as: Client) =>
      (await as.get(`/api/v1/audit/events?entityType=incident&entityId=${secret.id}`)).json()
        .items as {
        action: string;
        after: unknown;
      }[];
    const seenByAuditor = await trail(auditor);
    expect(seenByAuditor.map((e) => e.action)).toContain('incident.reported');
    expect(JSON.stringify(seenByAuditor)).not.toContain('colleague');
    expect(seenByAuditor.every((e) => JSON.stringify(e.after) === '{"confidential":true}')).toBe(
      true,
    );
    expect(JSON.stringify(await trail(top))).toContain('A colleague copies customer data');
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
    // Another person's confidential report with the same reference is neither shown nor counted.
    const hidden = await report(colleague, { externalRef: 'ALERT-43', confidential: true });
    const clash = await tool.post('/api/v1/incidents', { ...body, externalRef: 'ALERT-43' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('incident_external_ref_taken');
    expect(clash.body).not.toContain(hidden.id);
    const untouched = await colleague.get(`/api/v1/incidents/${hidden.id}`);
    expect(untouched.json()).toMatchObject({ repeatCount: 0, version: 1 });
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
});
