import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ManagementReview } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const SETTINGS = '/api/v1/management-review-settings';

describeEachDatabase('management reviews: the review interval', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager
  let top: Client;
  let staff: Client;

  const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });
  /** A review whose minutes were approved on `heldOn` (the minutes routes are another part). */
  const approvedReview = async (heldOn: string) => {
    const res = await manager.post('/api/v1/management-reviews', {
      title: `Review of ${heldOn}`,
      plannedOn: heldOn,
      attendees: [{ userId: top.user.id, role: 'top_management' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<ManagementReview>().id;
    await app.database.db.execute(
      sql`update management_reviews set status = 'approved', held_on = ${heldOn},
        approved_at = now(), approved_by = ${top.user.id} where id = ${id}`,
    );
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
  });
  afterAll(() => app.close());

  it('starts at twelve months with nothing due until a review is approved', async () => {
    const first = await staff.get(SETTINGS);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"0"');
    expect(first.json()).toEqual({
      intervalMonths: 12,
      lastHeldOn: null,
      nextDueOn: null,
      version: 0,
    });
  });

  it('lets the ISMS manager set the interval under If-Match and records the change', async () => {
    await approvedReview('2025-05-20');
    // A cancelled or unapproved review does not count.
    await manager.post('/api/v1/management-reviews', {
      title: 'Planned later',
      plannedOn: '2025-12-01',
      attendees: [{ userId: top.user.id, role: 'top_management' }],
    });
    expect((await top.get(SETTINGS)).json()).toMatchObject({
      lastHeldOn: '2025-05-20',
      nextDueOn: '2026-05-20',
    });
    expect((await staff.put(SETTINGS, { intervalMonths: 6 }, ifMatch(0))).statusCode).toBe(403);
    expect((await top.put(SETTINGS, { intervalMonths: 6 }, ifMatch(0))).statusCode).toBe(403);
    for (const intervalMonths of [0, 13]) {
      expect((await manager.put(SETTINGS, { intervalMonths }, ifMatch(0))).statusCode).toBe(400);
    }
    expect((await manager.put(SETTINGS, { intervalMonths: 6 })).statusCode).toBe(428);
    const set = await manager.put(SETTINGS, { intervalMonths: 6 }, ifMatch(0));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.headers.etag).toBe('"1"');
    expect(set.json()).toEqual({
      intervalMonths: 6,
      lastHeldOn: '2025-05-20',
      nextDueOn: '2025-11-20',
      version: 1,
    });
    expect((await manager.put(SETTINGS, { intervalMonths: 3 }, ifMatch(0))).statusCode).toBe(412);
    const events = (await manager.get('/api/v1/audit/events?entityType=review_settings')).json();
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      action: 'review_settings.updated',
      entityId: manager.organization.id,
      before: { intervalMonths: 12 },
      after: { intervalMonths: 6 },
    });
  });

  it('counts the interval from the latest approved review, month ends clamped', async () => {
    await approvedReview('2025-08-31');
    expect((await top.get(SETTINGS)).json()).toEqual({
      intervalMonths: 6,
      lastHeldOn: '2025-08-31',
      nextDueOn: '2026-02-28',
      version: 1,
    });
    const again = await manager.put(SETTINGS, { intervalMonths: 12 }, ifMatch(1));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ nextDueOn: '2026-08-31', version: 2 });
  });
});
