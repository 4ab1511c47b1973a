import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ManagementReview } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { reviews } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

const BASE = '/api/v1/management-reviews';
const nextYear = new Date().getUTCFullYear() + 1;

describeEachDatabase('management reviews: planning, attendees, settings', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: plans reviews
  let top: Client;
  let managerJa: Client; // an ISMS manager who reads Japanese
  let auditor: Client;
  let staff: Client;
  let external: Client;

  const ifMatch = (r: { version: number }) => ({ headers: { 'if-match': `"${r.version}"` } });
  const attendees = () => [
    { userId: top.user.id, role: 'top_management' },
    { userId: manager.user.id, role: 'isms_manager' },
    { name: 'External adviser', role: 'other' },
  ];
  const plan = async (body: Record<string, unknown> = {}, as: Client = manager) => {
    const res = await as.post(BASE, {
      title: 'Annual management review',
      plannedOn: `${nextYear}-06-15`,
      location: 'Board room',
      attendees: attendees(),
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ManagementReview>();
  };
  /** What the minutes workflow does later (other routes): approve and distribute, directly. */
  const approveAndDistribute = async (id: string, heldOn: string, distributed = true) => {
    await app.database.db.execute(
      sql`update management_reviews set status = 'approved', held_on = ${heldOn},
        approved_at = now(), approved_by = ${top.user.id},
        distributed_at = ${distributed ? sql`now()` : null} where id = ${id}`,
    );
  };
  const fieldErrors = (res: { json: () => { errors: { field: string; code: string }[] } }) =>
    res.json().errors.map((e) => `${e.field}:${e.code}`);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    managerJa = await createUserAndLogin(manager, { roles: ['isms_manager'], locale: 'ja' });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    external = await createUserAndLogin(manager, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('plans a review with its attendees and the default agenda in the planner’s language', async () => {
    const res = await manager.post(BASE, {
      title: 'Annual management review',
      plannedOn: `${nextYear}-06-15`,
      location: 'Board room',
      attendees: attendees(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json<ManagementReview>();
    expect(res.headers.etag).toBe(`"${review.version}"`);
    expect(review).toMatchObject({
      code: `MR-${String(review.number).padStart(4, '0')}`,
      status: 'planned',
      location: 'Board room',
      overdue: false,
      decisionCount: 0,
      heldOn: null,
      approvedBy: null,
    });
    expect(review.attendees.map((a) => [a.user?.id ?? null, a.name, a.role, a.attended])).toEqual([
      [top.user.id, top.user.displayName, 'top_management', null],
      [manager.user.id, manager.user.displayName, 'isms_manager', null],
      [null, 'External adviser', 'other', null],
    ]);
    expect(review.agenda).toEqual(reviews.defaultAgenda('en'));
    expect(review.agenda).toHaveLength(9);

    const ja = await plan(
      { attendees: [{ userId: top.user.id, role: 'top_management' }] },
      managerJa,
    );
    expect(ja.agenda).toEqual(reviews.defaultAgenda('ja'));
    expect(ja.agenda.join('')).not.toMatch(/Feedback/);
    expect(ja.number).toBe(review.number + 1);
    const own = await plan({ agenda: ['Opening', 'Inputs', 'Decisions'] });
    expect(own.agenda).toEqual(['Opening', 'Inputs', 'Decisions']);

    const events = await manager.get(`/api/v1/audit/events?entityId=${review.id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'management_review.created',
    ]);
  });

  it('refuses an attendee list without top management, with strangers or duplicates (422 with fields)', async () => {
    const noTop = await manager.post(BASE, {
      title: 'Review',
      plannedOn: `${nextYear}-01-10`,
      // Top management listed in another role does not count: the minutes look for the role.
      attendees: [
        { userId: manager.user.id, role: 'isms_manager' },
        { userId: top.user.id, role: 'other' },
      ],
    });
    expect(noTop.statusCode).toBe(422);
    expect(fieldErrors(noTop)).toEqual(['attendees:review_top_management_required']);
    expect(noTop.json().errors[0].message).toMatch(/top management/);

    const stranger = '00000000-0000-4000-8000-000000000001';
    const bad = await manager.post(BASE, {
      title: 'Review',
      plannedOn: `${nextYear}-01-10`,
      attendees: [
        { userId: top.user.id, role: 'top_management' },
        { userId: stranger, role: 'other' },
        { userId: top.user.id, role: 'other' },
        { userId: staff.user.id, role: 'top_management' },
        { name: 'Chairman (guest)', role: 'top_management' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldErrors(bad).sort()).toEqual(
      [
        'attendees.1.userId:reference_not_found',
        'attendees.2.userId:review_attendee_duplicate',
        'attendees.3.role:review_attendee_not_top_management',
        'attendees.4.role:review_attendee_not_top_management',
      ].sort(),
    );
    const nameless = await manager.post(BASE, {
      title: 'Review',
      plannedOn: `${nextYear}-01-10`,
      attendees: [{ userId: top.user.id, role: 'top_management' }, { role: 'other' }],
    });
    expect(nameless.statusCode).toBe(400);
    // PostgreSQL text cannot hold NUL: refused at the edge (plugins/nul-text.ts), never a 5xx.
    const nul = await manager.post(BASE, {
      title: 'a\u0000b',
      plannedOn: `${nextYear}-01-10`,
      agenda: ['x\u0000'],
      attendees: [
        { userId: top.user.id, role: 'top_management' },
        { name: 'g\u0000', role: 'other' },
      ],
    });
    expect(nul.statusCode, nul.body).toBe(400);
    expect(fieldErrors(nul).sort()).toEqual([
      'agenda.0:text_nul_character',
      'attendees.1.name:text_nul_character',
      'title:text_nul_character',
    ]);
    expect((await manager.get(`${BASE}?limit=200`)).json().items).toHaveLength(3);
  });

  it('changes the plan under If-Match (412 when stale, 428 without) and records the change', async () => {
    const review = await plan();
    const res = await manager.patch(
      `${BASE}/${review.id}`,
      {
        title: 'Management review (first half)',
        plannedOn: `${nextYear}-07-01`,
        attendees: [
          { userId: top.user.id, role: 'top_management' },
          { userId: auditor.user.id, role: 'other' },
        ],
      },
      ifMatch(review),
    );
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json<ManagementReview>();
    expect(updated.version).toBe(review.version + 1);
    expect(updated).toMatchObject({
      title: 'Management review (first half)',
      plannedOn: `${nextYear}-07-01`,
      location: 'Board room',
      agenda: review.agenda,
    });
    expect(updated.attendees.map((a) => a.user?.id)).toEqual([top.user.id, auditor.user.id]);

    // Attendees alone still move the version.
    const again = await manager.patch(
      `${BASE}/${review.id}`,
      { attendees: [{ userId: top.user.id, role: 'top_management' }] },
      ifMatch(updated),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().version).toBe(updated.version + 1);
    expect(again.json().attendees).toHaveLength(1);

    const stale = await manager.patch(`${BASE}/${review.id}`, { title: 'x' }, ifMatch(review));
    expect(stale.statusCode).toBe(412);
    expect((await manager.patch(`${BASE}/${review.id}`, { title: 'x' })).statusCode).toBe(428);
    const noTop = await manager.patch(
      `${BASE}/${review.id}`,
      { attendees: [{ userId: auditor.user.id, role: 'other' }] },
      ifMatch(again.json()),
    );
    expect(noTop.statusCode).toBe(422);
    expect(fieldErrors(noTop)).toEqual(['attendees:review_top_management_required']);

    const events = (await manager.get(`/api/v1/audit/events?entityId=${review.id}`)).json().items;
    // Newest first: the first of the two edits is the last one listed.
    const change = events
      .filter((e: { action: string }) => e.action === 'management_review.updated')
      .at(-1);
    expect(change.before.title).toBe('Annual management review');
    expect(change.after.title).toBe('Management review (first half)');
    expect(change.after.attendees).toHaveLength(2);
  });

  it('cancels a review not yet held, with a reason; then the plan is closed', async () => {
    const review = await plan();
    expect(
      (await manager.post(`${BASE}/${review.id}/cancel`, {}, ifMatch(review))).statusCode,
    ).toBe(400);
    const res = await manager.post(
      `${BASE}/${review.id}/cancel`,
      { reason: 'Merged into the autumn review' },
      ifMatch(review),
    );
    expect(res.statusCode, res.body).toBe(200);
    const cancelled = res.json<ManagementReview>();
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Merged into the autumn review',
    });
    const edit = await manager.patch(`${BASE}/${review.id}`, { title: 'x' }, ifMatch(cancelled));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('review_plan_closed');
    const twice = await manager.post(
      `${BASE}/${review.id}/cancel`,
      { reason: 'Again' },
      ifMatch(cancelled),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('review_not_cancellable');
  });

  it('lists by status and year, paged, and flags reviews whose date passed unheld', async () => {
    const past = await plan({ title: 'Missed review', plannedOn: '2021-03-01' });
    expect(past.overdue).toBe(true);
    const y2021 = (await manager.get(`${BASE}?year=2021`)).json();
    expect(y2021.items.map((r: ManagementReview) => r.id)).toEqual([past.id]);
    expect(y2021.items[0].attendees).toHaveLength(3);
    const cancelled = (await manager.get(`${BASE}?status=cancelled`)).json().items;
    expect(cancelled.map((r: ManagementReview) => r.status)).toEqual(['cancelled']);

    const all = (await manager.get(`${BASE}?limit=200`)).json().items as ManagementReview[];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await manager.get(`${BASE}?limit=2${query}`)).json();
      seen.push(...page.items.map((r: ManagementReview) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((r) => r.id));
    const dates = all.map((r) => r.plannedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lets only the ISMS manager plan; staff read a review only once its minutes were distributed', async () => {
    const review = await plan({ title: 'Review for staff', plannedOn: '2025-05-20' });
    for (const reader of [top, auditor, external]) {
      expect((await reader.get(`${BASE}/${review.id}`)).statusCode).toBe(200);
    }
    for (const other of [top, auditor, staff, external]) {
      const body = { title: 'x', plannedOn: `${nextYear}-01-10`, attendees: attendees() };
      expect((await other.post(BASE, body)).statusCode).toBe(403);
      const patch = await other.patch(`${BASE}/${review.id}`, { title: 'x' }, ifMatch(review));
      expect(patch.statusCode).toBe(403);
    }
    expect((await staff.get(`${BASE}/${review.id}`)).statusCode).toBe(404);
    expect((await staff.get(BASE)).json().items).toEqual([]);

    await approveAndDistribute(review.id, '2025-05-20', false);
    expect((await staff.get(`${BASE}/${review.id}`)).statusCode).toBe(404);
    await approveAndDistribute(review.id, '2025-05-20');
    const seen = await staff.get(`${BASE}/${review.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'approved', approvedBy: { id: top.user.id } });
    expect((await staff.get(BASE)).json().items.map((r: ManagementReview) => r.id)).toEqual([
      review.id,
    ]);
    const edit = await manager.patch(`${BASE}/${review.id}`, { title: 'x' }, ifMatch(seen.json()));
    expect(edit.json().code).toBe('review_plan_closed');
  });
});
