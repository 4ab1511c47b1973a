import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, migrate, queryRows, type Database, type Executor } from '@mamoru/db';
import { describeEachDatabase, fillDataDirFromTemplate } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { runMamoru } from '../testing/cli.ts';
import {
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

interface Event {
  seq: number;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

/** Every event of the caller's organization, oldest first, following the cursor. */
async function allEvents(client: Client, filter = ''): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=500${filter ? `&${filter}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await client.get(`/api/v1/audit/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Event[]; nextCursor: string | null }>();
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events.reverse();
}

/**
 * Changes the audit table as someone with database access could: the
 * append-only trigger is disabled only inside this transaction.
 */
async function tamper(db: Executor, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

const editAfter = (organizationId: string, seq: number, after: unknown) =>
  sql`update audit_events set after = ${JSON.stringify(after)}::jsonb
      where organization_id = ${organizationId} and seq = ${seq}`;
const deleteEvent = (organizationId: string, seq: number) =>
  sql`delete from audit_events where organization_id = ${organizationId} and seq = ${seq}`;

/** The database's own error behind drizzle's "Failed query" wrapper. */
async function databaseError(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  throw new Error('the statement succeeded');
}

describeEachDatabase('audit trail', (ctx) => {
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    // The request id comes from X-Request-Id only through a trusted proxy (here: inject's address).
    app = await buildTestApp(ctx.database, { trustProxy: ['127.0.0.1'] });
    ({ admin } = await setupOrganization(app, { displayName: 'Alice Admin' }));
  });
  afterAll(() => app.close());

  it('records who changed what, the before/after diff and the request id', async () => {
    const { user } = await createUser(admin, { roles: ['staff'], displayName: 'Sam Staff' });
    const res = await admin.patch(
      `/api/v1/users/${user.id}`,
      { displayName: 'Samantha Staff', roles: ['staff', 'owner'] },
      { headers: { 'if-match': `"${user.version}"`, 'x-request-id': 'req-audit-0001' } },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-audit-0001');

    const events = await allEvents(admin, `entityId=${user.id}`);
    expect(events.map((e) => e.action)).toEqual(['user.created', 'user.updated']);
    const updated = events[1]!;
    expect(updated).toMatchObject({
      actorId: admin.user.id,
      actorName: 'Alice Admin',
      action: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      requestId: 'req-audit-0001',
    });
    // Only what changed, never secrets.
    expect(updated.before).toEqual({ displayName: 'Sam Staff', roles: ['staff'], version: 1 });
    expect(updated.after).toEqual({
      displayName: 'Samantha Staff',
      roles: ['staff', 'owner'],
      version: 2,
    });
    expect(JSON.stringify(events)).not.toMatch(/passwordHash|argon2/);
    expect(events[0]!.after).toMatchObject({ email: user.email, roles: ['staff'] });

    const org = await admin.get('/api/v1/organization');
    const renamed = await admin.patch(
      '/api/v1/organization',
      { name: 'Renamed Org' },
      { headers: { 'if-match': String(org.headers.etag), 'x-request-id': 'req-audit-0002' } },
    );
    expect(renamed.statusCode).toBe(200);
    const [orgEvent] = (await allEvents(admin, 'action=organization.updated')).slice(-1);
    expect(orgEvent).toMatchObject({
      entityType: 'organization',
      entityId: admin.organization.id,
      requestId: 'req-audit-0002',
      before: expect.objectContaining({ name: 'Organization A', version: 1 }),
      after: expect.objectContaining({ name: 'Renamed Org', version: 2 }),
    });
  });

  it('records nothing for a refused change', async () => {
    const before = await allEvents(admin);
    const stale = await admin.patch(
      '/api/v1/organization',
      { name: 'Stale' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(stale.statusCode).toBe(412);
    const staff = await createUserAndLogin(admin, { roles: ['staff'] });
    const count = (await allEvents(admin)).length;
    expect((await staff.patch('/api/v1/organization', { name: 'x' })).statusCode).toBe(403);
    expect((await allEvents(admin)).length).toBe(count);
    // user.created and the staff member's session.login came in between, nothing else.
    expect(count - before.length).toBe(2);
  });

  it('verifies: an unbroken chain of consecutive events', async () => {
    const events = await allEvents(admin);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: events.length });
  });

  it('exports CSV: a header and one row per event', async () => {
    // Signing in makes the name an actorName cell of the session.login event.
    await createUserAndLogin(admin, { roles: ['staff'], displayName: '=HYPERLINK("http://evil")' });
    const events = await allEvents(admin);
    const res = await admin.get('/api/v1/audit/events.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('audit-events.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'seq,occurredAt,actorName,actorId,action,entityType,entityId,before,after,requestId,hash',
    );
    expect(lines).toHaveLength(events.length + 1);
    // Newest first, like the list; every row carries its hash.
    expect(lines[1]!.startsWith(`${events.length},`)).toBe(true);
    for (const event of events) expect(res.body).toContain(event.hash);
    // A value a spreadsheet would run as a formula is neutralized.
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(res.body).toContain(`'=HYPERLINK`);
  });

  it('keeps one unbroken chain under 20 concurrent changes by several users', async () => {
    const people = await Promise.all(
      [1, 2, 3, 4].map(() => createUserAndLogin(admin, { roles: ['staff'] })),
    );
    const before = await allEvents(admin);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        people[i % people.length]!.patch('/api/v1/me', {
          displayName: `Parallel ${i}`,
          locale: i % 2 ? 'ja' : 'en',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const after = await allEvents(admin);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
    const added = after.slice(before.length);
    expect(added).toHaveLength(20);
    expect(added.every((e) => e.action === 'user.profile_updated')).toBe(true);
    expect(new Set(added.map((e) => e.requestId)).size).toBe(20);
    expect((await admin.get('/api/v1/audit/verify')).json()).toEqual({
      ok: true,
      checked: after.length,
    });
  });

  it('refuses to change or delete an event while the append-only trigger is on', async () => {
    const db = ctx.database.db;
    const orgId = admin.organization.id;
    expect(await databaseError(db.execute(editAfter(orgId, 1, { x: 1 })))).toMatch(
      /UPDATE on audit_events is not allowed/,
    );
    expect(await databaseError(db.execute(deleteEvent(orgId, 1)))).toMatch(
      /DELETE on audit_events is not allowed/,
    );
  });

  // Last: these break the chain on purpose.
  it('detects an edited event (hash_mismatch at its seq) and a deleted last event (head_mismatch)', async () => {
    const db = ctx.database.db;
    const orgId = admin.organization.id;
    const events = await allEvents(admin);
    const target = events.find((e) => e.action === 'user.updated')!;
    await tamper(db, editAfter(orgId, target.seq, { displayName: 'Mallory' }));
    const broken = await admin.get('/api/v1/audit/verify');
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toEqual({
      ok: false,
      checked: target.seq - 1,
      broken: { seq: target.seq, reason: 'hash_mismatch' },
    });

    // Put the original back: the chain verifies again (jsonb key order does not matter).
    await tamper(db, editAfter(orgId, target.seq, target.after));
    expect((await admin.get('/api/v1/audit/verify')).json()).toEqual({
      ok: true,
      checked: events.length,
    });

    const last = events.length;
    await tamper(db, deleteEvent(orgId, last));
    expect((await admin.get('/api/v1/audit/verify')).json()).toEqual({
      ok: false,
      checked: last - 1,
      broken: { seq: last, reason: 'head_mismatch' },
    });
  });
});

/**
 * The same checks through the `mamoru audit verify` command. The CLI needs a
 * database it can open itself: on PostgreSQL a fresh test database (its URL),
 * otherwise a PGlite data folder, which only one holder may open at a time, so
 * the test closes it before each CLI run.
 */
describeEachDatabase('mamoru audit verify', (ctx) => {
  let database: Database;
  let env: Record<string, string>;
  let dataDir: string | undefined;

  const reopen = async () => {
    if (dataDir) database = await openDatabase({ dataDir });
  };
  const release = async () => {
    if (dataDir) await database.close();
  };

  beforeAll(async () => {
    if (ctx.kind === 'postgres') {
      // The suite's own fresh test database (openTestDatabase's, with its URL).
      database = ctx.database;
      env = { DATABASE_URL: (database as Database & { url?: string }).url!, MAMORU_DATA_DIR: '' };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'mamoru-audit-'));
      // The run's migrated template, as the PostgreSQL side gets: migrating PGlite
      // afresh cost seconds and is not what this suite tests. migrate() then finds
      // nothing to do (or migrates, in a file run without the template).
      await fillDataDirFromTemplate(dataDir);
      database = await openDatabase({ dataDir });
      await migrate(database.db);
      env = { DATABASE_URL: '', MAMORU_DATA_DIR: dataDir };
    }
    const app = await buildTestApp(database);
    const { admin } = await setupOrganization(app);
    const org = await admin.get('/api/v1/organization');
    await admin.patch(
      '/api/v1/organization',
      { name: 'Before tampering' },
      { headers: { 'if-match': String(org.headers.etag) } },
    );
    await app.close();
    await release();
  });
  afterAll(() => {
    // The PostgreSQL database is describeEachDatabase's to drop.
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const organizationId = async () => {
    const rows = await queryRows<{ id: string }>(database.db, sql`select id from organizations`);
    return rows[0]!.id;
  };

  it('exits 0 and reports each organization ok', async () => {
    const result = await runMamoru(['audit', 'verify'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // organization.created, user.created, isms_role.defaults_loaded, session.login,
    // organization.updated
    expect(result.stdout).toMatch(/^Before tampering \([0-9a-f-]{36}\): ok \(5 events\)$/m);
  });

  // Four CLI runs one after another (each opens the database): the timeout is a
  // limit for a loaded machine, not a speed expectation.
  it('exits 1 naming the edited event, then the deleted last one', async () => {
    await reopen();
    const orgId = await organizationId();
    const [original] = await queryRows<{ after: unknown }>(
      database.db,
      sql`select after from audit_events where organization_id = ${orgId} and seq = 2`,
    );
    await tamper(database.db, editAfter(orgId, 2, { displayName: 'Mallory' }));
    await release();

    const text = await runMamoru(['audit', 'verify'], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`(${orgId}): BROKEN at event #2: hash_mismatch`);
    expect(text.stderr).toMatch(/does not verify/);
    const json = await runMamoru(['audit', 'verify', '--organization', orgId, '--json'], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      organizations: [
        expect.objectContaining({
          id: orgId,
          ok: false,
          events: 1,
          broken: { seq: 2, reason: 'hash_mismatch' },
        }),
      ],
    });

    // Restore the event, then cut the last one off the end.
    await reopen();
    await tamper(database.db, editAfter(orgId, 2, original!.after));
    await tamper(database.db, deleteEvent(orgId, 5));
    await release();
    const head = await runMamoru(['audit', 'verify'], env);
    expect(head.code).toBe(1);
    expect(head.stdout).toContain(`(${orgId}): BROKEN at event #5: head_mismatch`);
  }, 120_000);
});
