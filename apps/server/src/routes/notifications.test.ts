import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification, NotificationPreferences } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { notifications } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { requestTestApproval } from '../testing/approvals.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { insertIncident } from './incidents-respond.fixtures.ts';

describeEachDatabase('notifications', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager
  let requester: Client; // top management, asks for approval
  let approver: Client; // top management, decides
  let staff: Client;

  const mine = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/notifications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Notification[]; nextCursor: string | null }>();
  };
  const unread = async (c: Client) =>
    (await c.get('/api/v1/notifications/unread-count')).json<{ unread: number }>().unread;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    requester = await createUserAndLogin(admin, { roles: ['top_management'] });
    approver = await createUserAndLogin(admin, { roles: ['top_management'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  describe('approval requests', () => {
    it('notify each person who may decide, never the requester (segregation of duties)', async () => {
      const approval = await requestTestApproval(app, requester, { title: 'Access policy' });
      const [n] = (await mine(approver)).items.filter((i) => i.subject.id === approval.id);
      expect(n).toMatchObject({
        kind: 'approval_requested',
        subject: { type: 'approval', id: approval.id },
        title: 'Access policy',
        params: { approvalType: 'isms_policy', version: 1 },
        href: '/approvals',
        readAt: null,
        // No SMTP configured in this suite: the row waits in the outbox, never mailed.
        emailStatus: 'pending',
      });
      for (const other of [requester, staff, admin]) {
        const items = (await mine(other)).items;
        expect(items.some((i) => i.subject.id === approval.id)).toBe(false);
      }
    });

    it('notify the named assignee only', async () => {
      const approval = await requestTestApproval(app, admin, {
        approvalType: 'document',
        assigneeUserId: staff.user.id,
      });
      expect((await mine(staff)).items.map((i) => i.subject.id)).toContain(approval.id);
      const managers = (await mine(approver)).items.map((i) => i.subject.id);
      expect(managers).not.toContain(approval.id);
    });
  });

  describe('the notification centre', () => {
    it('counts, filters, pages and marks read one or all', async () => {
      const before = await unread(approver);
      await requestTestApproval(app, requester);
      await requestTestApproval(app, requester);
      expect(await unread(approver)).toBe(before + 2);

      const first = await approver.get('/api/v1/notifications?limit=1');
      const page = first.json<{ items: Notification[]; nextCursor: string }>();
      expect(page.items).toHaveLength(1);
      const second = await approver.get(`/api/v1/notifications?limit=1&cursor=${page.nextCursor}`);
      expect(second.json().items[0].id).not.toBe(page.items[0]!.id);

      const read = await approver.post(`/api/v1/notifications/${page.items[0]!.id}/read`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json<Notification>().readAt).not.toBeNull();
      expect(await unread(approver)).toBe(before + 1);
      const unreadOnly = await mine(approver, '?unread=true');
      expect(unreadOnly.items.every((i) => i.readAt === null)).toBe(true);
      expect(unreadOnly.items.map((i) => i.id)).not.toContain(page.items[0]!.id);

      const all = await approver.post('/api/v1/notifications/read-all');
      expect(all.json()).toEqual({ marked: before + 1 });
      expect(await unread(approver)).toBe(0);
    });

    it("never reads or marks someone else's notification", async () => {
      await requestTestApproval(app, requester);
      const [theirs] = (await mine(approver, '?unread=true')).items;
      const res = await admin.post(`/api/v1/notifications/${theirs!.id}/read`);
      expect(res.statusCode).toBe(404);
      expect((await mine(approver, '?unread=true')).items[0]!.readAt).toBeNull();
    });

    it('requires a signed-in caller', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
      expect(res.statusCode).toBe(401);
    });
  });

  describe('preferences', () => {
    it('lists every kind with its default and keeps a change, audited', async () => {
      const res = await staff.get('/api/v1/me/notification-preferences');
      const prefs = res.json<NotificationPreferences>();
      expect(prefs.emailEnabled).toBe(false);
      expect(prefs.digestFrequency).toBe('daily');
      expect(prefs.kinds).toContainEqual({ kind: 'approval_requested', email: 'immediate' });
      expect(prefs.kinds).toContainEqual({ kind: 'overdue', email: 'digest' });

      const put = await staff.put('/api/v1/me/notification-preferences', {
        kinds: [{ kind: 'approval_requested', email: 'off' }],
        digestFrequency: 'weekly',
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json<NotificationPreferences>()).toMatchObject({ digestFrequency: 'weekly' });
      const events = await admin.get(
        `/api/v1/audit/events?entityType=notification_preferences&entityId=${staff.user.id}`,
      );
      expect(events.json().items[0]).toMatchObject({
        action: 'notification_preferences.updated',
      });
    });

    it('creates notifications of a kind turned off as not needing email', async () => {
      const approval = await requestTestApproval(app, admin, {
        approvalType: 'document',
        assigneeUserId: staff.user.id,
      });
      const [n] = (await mine(staff)).items.filter((i) => i.subject.id === approval.id);
      expect(n!.emailStatus).toBe('not_needed');
    });

    it('refuses an unknown kind', async () => {
      const res = await staff.put('/api/v1/me/notification-preferences', {
        kinds: [{ kind: 'everything', email: 'off' }],
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('organization settings', () => {
    it('are kept by administrators and ISMS managers with If-Match, audited', async () => {
      const get = await admin.get('/api/v1/notification-settings');
      expect(get.statusCode, get.body).toBe(200);
      expect(get.json()).toMatchObject({
        emailEnabled: false,
        escalationDays: 7,
        mailDomains: [],
        version: 0,
      });
      const put = await admin.put(
        '/api/v1/notification-settings',
        {
          escalationDays: 3,
          mailDomains: ['Example.TEST', 'example.test'],
          externalRecipients: ['Auditor@Partner.example'],
        },
        { headers: { 'if-match': get.headers.etag as string } },
      );
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({
        escalationDays: 3,
        mailDomains: ['example.test'],
        externalRecipients: ['auditor@partner.example'],
        version: 1,
      });
      const stale = await admin.put(
        '/api/v1/notification-settings',
        { escalationDays: 4 },
        { headers: { 'if-match': '"0"' } },
      );
      expect(stale.statusCode).toBe(412);
      const events = await admin.get('/api/v1/audit/events?entityType=notification_settings');
      expect(events.json().items[0]).toMatchObject({ action: 'notification_settings.updated' });
    });

    it('names the field of an invalid domain', async () => {
      const res = await admin.put(
        '/api/v1/notification-settings',
        { mailDomains: ['not a domain'] },
        { headers: { 'if-match': '"1"' } },
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('mailDomains');
    });

    it('are refused to everyone else', async () => {
      for (const c of [staff, requester]) {
        expect((await c.get('/api/v1/notification-settings')).statusCode).toBe(403);
        const put = await c.put(
          '/api/v1/notification-settings',
          { escalationDays: 1 },
          { headers: { 'if-match': '"1"' } },
        );
        expect(put.statusCode).toBe(403);
      }
    });
  });

  it('rejects an unknown unsubscribe token', async () => {
    const url = `/api/v1/notifications/unsubscribe?token=${'x'.repeat(32)}`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(404);
  });

  it('reminds of passed incident notification deadlines once per clock and state', async () => {
    expect((await admin.post('/api/v1/incident-obligations/presets')).statusCode).toBe(200);
    // Discovered long ago: the personal data breach's clocks have passed, nothing was sent.
    const assigned = await insertIncident(admin, { assigneeId: staff.user.id });
    const unassigned = await insertIncident(admin, { title: 'Mail sent to the wrong customer' });
    const created = await notifications.notifyIncidentDeadlines(app.database.db);
    expect(created).toBeGreaterThan(0);
    const ofIncident = (items: Notification[], id: string) =>
      items.filter((i) => i.kind === 'incident_deadline' && i.subject.id === id);
    const staffs = ofIncident((await mine(staff)).items, assigned.id);
    expect(staffs.length).toBeGreaterThan(0);
    expect(staffs[0]).toMatchObject({
      title: 'Laptop with customer list lost',
      href: `/incidents/${assigned.id}`,
      params: { passed: 1, reference: `INC-${String(assigned.number).padStart(4, '0')}` },
    });
    // Without an assignee the ISMS managers hear of it; the assignee's clocks stay theirs.
    expect(ofIncident((await mine(admin)).items, unassigned.id).length).toBeGreaterThan(0);
    expect(ofIncident((await mine(admin)).items, assigned.id)).toEqual([]);
    expect(await notifications.notifyIncidentDeadlines(app.database.db)).toBe(0);
  });
});
