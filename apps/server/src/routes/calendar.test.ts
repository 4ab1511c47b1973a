import { afterAll, beforeAll, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Calendar, CalendarFeed } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const range = (extra = '') => `/api/v1/calendar?from=${day(0)}&to=${day(120)}${extra}`;

describeEachDatabase('calendar', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client; // isms_manager: every area
  let staff: Client; // 'own' reach on controls, no legal register
  let auditor: Client; // external auditor: reads, writes nothing
  let obligationId: string;

  const items = async (client: Pick<Client, 'get'>, url = range()) => {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Calendar>().items;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'], locale: 'en' });
    staff = await createUserAndLogin(admin, {
      roles: ['staff'],
      displayName: 'Staff Sato',
      locale: 'ja',
    });
    auditor = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    const created = await manager.post('/api/v1/legal-obligations', {
      kind: 'law',
      title: 'Calendar law',
      ownerUserId: manager.user.id,
      nextReviewDate: day(10),
    });
    expect(created.statusCode, created.body).toBe(201);
    obligationId = created.json<{ id: string }>().id;
    const org = admin.organization.id;
    await app.database.db.insert(schema.controlChecks).values([
      {
        organizationId: org,
        controlId: '5.1.1',
        title: 'Staff check',
        frequency: 'yearly',
        nextDue: day(20),
        checkerUserId: staff.user.id,
      },
      {
        organizationId: org,
        controlId: '5.1.2',
        title: 'Manager check',
        frequency: 'yearly',
        nextDue: day(21),
        checkerUserId: manager.user.id,
      },
    ]);
  });
  afterAll(() => app.close());

  it('lists the due items of the range with their page and person, filtered', async () => {
    const all = await items(manager);
    const legal = all.find((i) => i.kind === 'legal_review');
    expect(legal).toMatchObject({
      area: 'legal',
      subjectId: obligationId,
      key: `legal_review:${obligationId}:${day(10)}`,
      dueOn: day(10),
      responsibleId: manager.user.id,
      href: `/legal/${obligationId}`,
    });
    expect(all.map((i) => i.title)).toEqual(
      expect.arrayContaining(['5.1.1 Staff check', '5.1.2 Manager check']),
    );
    const onlyLegal = await items(manager, range('&area=legal'));
    expect(onlyLegal.map((i) => i.kind)).toEqual(['legal_review']);
    const mine = await items(manager, range('&person=me'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.responsibleId === manager.user.id)).toBe(true);
    const staffs = await items(manager, range(`&person=${staff.user.id}&kind=control_check`));
    expect(staffs.map((i) => i.title)).toEqual(['5.1.1 Staff check']);
  });

  it('refuses reversed and over-long ranges with the field named', async () => {
    const long = await manager.get(`/api/v1/calendar?from=${day(0)}&to=${day(400)}`);
    expect(long.statusCode).toBe(422);
    expect(JSON.stringify(long.json())).toContain('calendar_range_too_long');
    const reversed = await manager.get(`/api/v1/calendar?from=${day(5)}&to=${day(1)}`);
    expect(reversed.statusCode).toBe(422);
    expect(JSON.stringify(reversed.json())).toContain('"to"');
    expect((await manager.get(`/api/v1/calendar?from=${day(0)}&to=${day(399)}`)).statusCode).toBe(
      200,
    );
  });

  it('shows each reader only the areas they may read, and own reach only their own', async () => {
    // A token that reads only the legal register sees only it.
    const made = await manager.post('/api/v1/tokens', {
      name: 'legal only',
      permissions: ['organization:read', 'legal:read'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const legalOnly = await items(tokenClient(app, made.json().token));
    expect(legalOnly.length).toBeGreaterThan(0);
    expect(new Set(legalOnly.map((i) => i.area))).toEqual(new Set(['legal']));
    // Staff check controls with 'own' reach and do not read the legal register.
    const staffItems = await items(staff);
    const titles = staffItems.map((i) => i.title);
    expect(titles).toContain('5.1.1 Staff check');
    expect(titles).not.toContain('5.1.2 Manager check');
    expect(staffItems.some((i) => i.kind === 'legal_review')).toBe(false);
    // The external auditor reads every area's dates, and has no feed.
    const auditorItems = await items(auditor);
    expect(auditorItems.map((i) => i.title)).toEqual(
      expect.arrayContaining(['5.1.1 Staff check', '5.1.2 Manager check']),
    );
    expect(auditorItems.some((i) => i.kind === 'legal_review')).toBe(true);
    const feed = await auditor.post('/api/v1/calendar/feed');
    expect(feed.statusCode).toBe(403);
    expect(feed.json().code).toBe('calendar_feed_not_for_role');
    // An API token is no person with a calendar app.
    expect(
      (await tokenClient(app, made.json().token).post('/api/v1/calendar/feed')).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: range() })).statusCode).toBe(401);
  });

  it('creates, rotates and revokes the feed; the .ics parses and follows the language', async () => {
    const fetchFeed = (path: string) => app.inject({ method: 'GET', url: path });
    expect((await manager.get('/api/v1/calendar/feed')).json<CalendarFeed>().active).toBe(false);
    const created = await manager.post('/api/v1/calendar/feed');
    expect(created.statusCode, created.body).toBe(200);
    const first = created.json<CalendarFeed>();
    expect(first.active).toBe(true);
    expect(first.path).toMatch(/^\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);
    const status = (await manager.get('/api/v1/calendar/feed')).json<CalendarFeed>();
    expect(status).toMatchObject({ active: true });
    expect(status.path).toBeUndefined();

    const res = await fetchFeed(first.path!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const vcalendar = new ICAL.Component(ICAL.parse(res.body));
    const events = vcalendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const legal = events.find((e) => e.uid.startsWith(`legal_review:${obligationId}:`));
    expect(legal).toBeDefined();
    expect(legal!.summary).toBe('Legal obligation review: LEG-001 Calendar law');
    expect(legal!.startDate.isDate).toBe(true);
    expect(legal!.startDate.toString()).toBe(day(10));
    expect(legal!.component.getFirstPropertyValue('url')).toMatch(
      new RegExp(`/legal/${obligationId}$`),
    );

    const rotated = (await manager.post('/api/v1/calendar/feed')).json<CalendarFeed>();
    expect(rotated.path).not.toBe(first.path);
    expect((await fetchFeed(first.path!)).statusCode).toBe(404);
    expect((await fetchFeed(rotated.path!)).statusCode).toBe(200);
    const revoked = await manager.delete('/api/v1/calendar/feed');
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<CalendarFeed>().active).toBe(false);
    expect((await fetchFeed(rotated.path!)).statusCode).toBe(404);
    expect(
      (await fetchFeed('/api/v1/calendar/feed/not-a-token-but-long-enough.ics')).statusCode,
    ).toBe(404);
    const audit = await admin.get('/api/v1/audit/events?entityType=calendar_feed&limit=50');
    expect(audit.statusCode, audit.body).toBe(200);
    const actions = audit.json<{ items: { action: string }[] }>().items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'calendar_feed.created',
        'calendar_feed.rotated',
        'calendar_feed.revoked',
      ]),
    );
    // The token itself is never in the trail.
    expect(audit.body).not.toContain(first.path!.split('/').pop()!.replace('.ics', ''));
  });

  it('titles the feed in the owner language (ja) and shows only what they may see', async () => {
    const created = (await staff.post('/api/v1/calendar/feed')).json<CalendarFeed>();
    const res = await app.inject({ method: 'GET', url: created.path! });
    expect(res.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(res.body))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toContain('管理策の点検: 5.1.1 Staff check');
    expect(summaries.some((s) => s.includes('Manager check'))).toBe(false);
    expect(summaries.some((s) => s.includes('Calendar law'))).toBe(false);
  });

  it('keeps each organization to its own items, in the calendar and in the feed', async () => {
    const other = await addOrganization(app, { name: 'Other calendar org' });
    const managerB = await createUserAndLogin(other.admin, { roles: ['isms_manager'] });
    const created = await managerB.post('/api/v1/legal-obligations', {
      kind: 'law',
      title: 'Law of the other org',
      nextReviewDate: day(12),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await items(managerB)).map((i) => i.title)).toContain('LEG-001 Law of the other org');
    const seenByA = await manager.get(range('&overdue=true'));
    expect(seenByA.body).not.toContain('Law of the other org');
    expect(seenByA.body).not.toContain(created.json<{ id: string }>().id);
    const feedA = (await manager.post('/api/v1/calendar/feed')).json<CalendarFeed>();
    const ics = await app.inject({ method: 'GET', url: feedA.path! });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toContain('Law of the other org');
    expect(ics.body).toContain('Calendar law');
  });
});
