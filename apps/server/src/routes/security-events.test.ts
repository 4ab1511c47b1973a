import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import type { SecurityEvent } from '@mamoru/contracts';
import { buildTestApp, type App, type LogLine } from '../testing/app.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  setupOrganization,
  uniqueEmail,
  type Client,
} from '../testing/identity.ts';

async function securityEvents(client: Client, query = ''): Promise<SecurityEvent[]> {
  const res = await client.get(`/api/v1/audit/security-events${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: SecurityEvent[] }>().items;
}

const failLogin = (app: App, email: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'not-the-password-at-all' },
  });

describeEachDatabase('security events', (ctx) => {
  let app: App;
  let admin: Client;
  let staff: Client;
  let other: Client;
  const logs: LogLine[] = [];
  const securityLines = () => logs.filter((l) => l.event === 'security');

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { loginMaxFailures: 2 }, { logs });
    ({ admin } = await setupOrganization(app));
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    ({ admin: other } = await addOrganization(app));
  });
  afterAll(() => app.close());

  it('records a failed log-in for a known account in its organization and in the log', async () => {
    const { user, email } = await createUser(admin, { roles: ['owner'] });
    const res = await failLogin(app, email);
    expect(res.statusCode).toBe(401);
    const [event] = await securityEvents(admin, 'kind=login_failed');
    expect(event).toMatchObject({
      kind: 'login_failed',
      userId: user.id,
      userName: user.displayName,
      account: email,
      method: 'POST',
      route: '/api/v1/auth/login',
      status: 401,
      reason: 'login_failed',
    });
    expect(securityLines().at(-1)).toMatchObject({
      event: 'security',
      kind: 'login_failed',
      account: email,
      userId: user.id,
      organizationId: admin.organization.id,
      level: 40,
    });
  });

  it('logs a failed log-in for an unknown account without storing it in any organization', async () => {
    const email = uniqueEmail('nobody');
    expect((await failLogin(app, email)).statusCode).toBe(401);
    expect(securityLines().at(-1)).toMatchObject({
      kind: 'login_failed',
      account: email,
      organizationId: null,
      userId: null,
    });
    for (const client of [admin, other]) {
      const events = await securityEvents(client, 'kind=login_failed');
      expect(events.map((e) => e.account)).not.toContain(email);
    }
  });

  it('records a throttled log-in (429) once the failures exceed the limit', async () => {
    const { email } = await createUser(admin, { roles: ['owner'] });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await failLogin(app, email)).statusCode);
    expect(statuses).toContain(429);
    const events = await securityEvents(admin, 'kind=login_throttled');
    expect(events[0]).toMatchObject({ account: email, status: 429 });
  });

  it('records a forbidden request with the user and the reason', async () => {
    expect((await staff.get('/api/v1/audit/events')).statusCode).toBe(403);
    const [event] = await securityEvents(admin, 'kind=forbidden');
    expect(event).toMatchObject({
      userId: staff.user.id,
      route: '/api/v1/audit/events',
      method: 'GET',
      status: 403,
      reason: 'forbidden',
    });
  });

  it('records a write without its CSRF token as csrf_failed', async () => {
    const res = await staff.post('/api/v1/tokens', { name: 'x' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    const [event] = await securityEvents(admin, 'kind=csrf_failed');
    expect(event).toMatchObject({ userId: staff.user.id, reason: 'csrf_failed', status: 403 });
  });

  it('logs an anonymous 401 with its reason and address', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    expect(securityLines().at(-1)).toMatchObject({
      kind: 'unauthenticated',
      reason: 'unauthenticated',
      route: '/api/v1/users',
      address: '127.0.0.1',
      userId: null,
    });
  });

  it('filters by kind and user, newest first, and pages with a cursor', async () => {
    await staff.get('/api/v1/audit/events');
    await staff.get('/api/v1/users');
    const mine = await securityEvents(admin, `userId=${staff.user.id}`);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((e) => e.userId === staff.user.id)).toBe(true);
    const times = mine.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const first = await admin.get(`/api/v1/audit/security-events?userId=${staff.user.id}&limit=1`);
    const { nextCursor } = first.json<{ nextCursor: string }>();
    const second = await securityEvents(
      admin,
      `userId=${staff.user.id}&limit=1&cursor=${nextCursor}`,
    );
    expect(second[0]?.id).toBe(mine[1]?.id);
    const bad = await admin.get('/api/v1/audit/security-events?cursor=WyJ4IiwieSJd');
    expect(bad.statusCode).toBe(400);
    const unknownKind = await admin.get('/api/v1/audit/security-events?kind=nope');
    expect(unknownKind.statusCode).toBe(400);
  });

  it('needs audit:read and shows an organization only its own events', async () => {
    expect((await staff.get('/api/v1/audit/security-events')).statusCode).toBe(403);
    const theirs = await securityEvents(other);
    const ours = new Set((await securityEvents(admin, 'limit=500')).map((e) => e.id));
    expect(theirs.filter((e) => ours.has(e.id))).toEqual([]);
    expect(theirs.every((e) => e.userId !== staff.user.id)).toBe(true);
  });

  it('keeps security events append-only in the database', async () => {
    const db = ctx.database.db;
    // Row triggers need a row: this refusal writes one.
    expect((await staff.get('/api/v1/audit/events')).statusCode).toBe(403);
    for (const statement of [
      sql`update security_events set reason = 'edited'`,
      sql`delete from security_events`,
    ]) {
      const error = await db.execute(statement).then(
        () => null,
        (e: unknown) => e as { cause?: { message?: string }; message?: string },
      );
      expect(error?.cause?.message ?? error?.message).toMatch(/append-only/);
    }
  });
});
