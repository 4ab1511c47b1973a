import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Incident, IncidentListItem } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import type { Client } from '../testing/identity.ts';
import { etag, ids, incidentPeople, move, report, triage } from './incidents.fixtures.ts';

describeEachDatabase('incidents list', (ctx) => {
  let app: App;
  let admin: Client, manager: Client, staff: Client, colleague: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin, manager, staff, colleague } = await incidentPeople(app));
    // A closed incident (INC-0001) beside the open ones below.
    const first = await report(staff);
    const triaged = (await triage(manager, first)).json<Incident>();
    const closed = await move(manager, triaged, { to: 'closed', lessonsLearned: 'Encrypt disks' });
    expect(closed.statusCode, closed.body).toBe(200);
  });
  afterAll(() => app.close());

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
    // A cursor of the right shape with a value that is no instant: the client's error, not ours.
    const forged = Buffer.from(JSON.stringify(['2026-02-30 10:00:00+00', 1])).toString('base64url');
    const bad = await manager.get(`/api/v1/incidents?cursor=${forged}`);
    expect(bad.json()).toMatchObject({ status: 400, code: 'invalid_cursor' });
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
    // The organization's own matrix decides (here by severity alone; the shipped one gives 3).
    const matrix = JSON.stringify([
      [4, 4, 4, 4],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 1, 1, 1],
    ]);
    await app.database.db
      .execute(sql`update incident_settings set priority_matrix = ${matrix}::jsonb
      where organization_id = ${admin.organization.id}`);
    const triaged = (
      await triage(manager, incident, {
        severity: 'low',
        urgency: 'critical',
        assigneeId: staff.user.id,
      })
    ).json<Incident>();
    expect(triaged.priority).toBe(4);
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
