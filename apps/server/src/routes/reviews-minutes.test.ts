import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManagementReview, ReviewDecision } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { insertReview, type ReviewSeed } from './reviews-minutes.fixtures.ts';

const url = (id: string, rest = '') => `/api/v1/management-reviews/${id}${rest}`;
const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

describeEachDatabase('management review minutes, decisions and approval', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: holds the review and writes the minutes
  let top: Client;
  let top2: Client;
  let staff: Client;
  let external: Client;

  const db = () => app.database.db;
  const org = () => manager.organization.id;
  /** A review with top management and the manager invited (attendance as given). */
  const seed = (input: ReviewSeed = {}) => {
    // Attendance is recorded when the review is held; before, it is unknown.
    const attended = input.status === 'held' ? true : null;
    return insertReview(db(), org(), {
      attendees: [
        { userId: top.user.id, role: 'top_management', attended },
        { userId: manager.user.id, role: 'isms_manager', attended },
        { name: 'Outside counsel', role: 'other' },
      ],
      ...input,
    });
  };
  const decision = (overrides: Record<string, unknown> = {}) => ({
    output: 'effectiveness',
    title: 'Automate access reviews',
    ownerId: manager.user.id,
    dueDate: '2027-03-31',
    inputSections: ['a', 'd'],
    ...overrides,
  });
  const record = async (id: string, overrides: Record<string, unknown> = {}) => {
    const res = await manager.post(url(id, '/decisions'), decision(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReviewDecision>();
  };
  const submit = async (by: Client, id: string, version: number) => {
    const res = await by.post(url(id, '/submit'), {}, ifMatch(version));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ManagementReview>();
  };
  const approvalOf = async (id: string) => {
    const res = await manager.get(
      `/api/v1/approvals?entityType=management_review&entityId=${id}&status=pending`,
    );
    return res.json<{ items: { id: string; status: string }[] }>().items[0]!;
  };
  const reviewVersion = async (id: string) =>
    (
      await queryRows<{ version: number }>(
        db(),
        sql`select version from management_reviews where id = ${id}`,
      )
    )[0]!.version;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    top = await createUserAndLogin(manager, { roles: ['top_management'] });
    top2 = await createUserAndLogin(manager, { roles: ['top_management'] });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    external = await createUserAndLogin(manager, { roles: ['external_auditor'] });
  });
  afterAll(() => app.close());

  it('holds a review whose inputs are prepared, with its date and attendance', async () => {
    const planned = await seed({ status: 'planned' });
    const early = await manager.post(
      url(planned.id, '/hold'),
      { heldOn: '2026-11-20', attendance: [] },
      ifMatch(planned.version),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('review_hold_needs_inputs');

    const r = await seed();
    const body = {
      heldOn: '2026-11-21',
      attendance: [
        { attendeeId: r.attendeeIds[0], attended: true },
        { attendeeId: r.attendeeIds[2], attended: false },
      ],
    };
    expect((await manager.post(url(r.id, '/hold'), body)).statusCode).toBe(428);
    expect((await manager.post(url(r.id, '/hold'), body, ifMatch(r.version + 5))).statusCode).toBe(
      412,
    );
    const res = await manager.post(url(r.id, '/hold'), body, ifMatch(r.version));
    expect(res.statusCode, res.body).toBe(200);
    const held = res.json<ManagementReview>();
    expect(held).toMatchObject({ status: 'held', heldOn: '2026-11-21', version: r.version + 1 });
    expect(res.headers.etag).toBe(`"${held.version}"`);
    expect(held.attendees.map((a) => [a.role, a.attended])).toEqual([
      ['top_management', true],
      ['isms_manager', null],
      ['other', false],
    ]);
    expect(held.attendees[0]!.user).toEqual({ id: top.user.id, name: top.user.displayName });
  });

  it('refuses a hold dated in the future or naming someone not invited (422 with fields)', async () => {
    const r = await seed();
    const res = await manager.post(
      url(r.id, '/hold'),
      {
        heldOn: '2999-01-01',
        attendance: [{ attendeeId: '00000000-0000-4000-8000-000000000000', attended: true }],
      },
      ifMatch(r.version),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['heldOn', 'review_held_on_future'],
      ['attendance.0.attendeeId', 'reference_not_found'],
    ]);
  });

  it('writes the minutes while held: summary, attendance and the discussion of each input', async () => {
    const r = await seed({ status: 'held' });
    const res = await manager.patch(
      url(r.id, '/minutes'),
      {
        minutesSummary: 'The ISMS is suitable; access reviews need automation.',
        attendance: [{ attendeeId: r.attendeeIds[1], attended: false }],
        discussion: [
          { section: 'a', text: 'Two audits, no major findings.' },
          { section: 'readiness', text: 'Readiness is improving.' },
        ],
      },
      ifMatch(r.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    const minutes = res.json<ManagementReview>();
    expect(minutes.minutesSummary).toContain('automation');
    expect(minutes.attendees[1]!.attended).toBe(false);
    const inputs = await queryRows<{ section: string; discussion: string; figures: unknown }>(
      db(),
      sql`select section, discussion, figures from management_review_inputs
        where review_id = ${r.id} and section in ('a', 'readiness') order by section`,
    );
    expect(inputs).toEqual([
      {
        section: 'a',
        discussion: 'Two audits, no major findings.',
        figures: { auditsCompleted: 2 },
      },
      { section: 'readiness', discussion: 'Readiness is improving.', figures: {} },
    ]);
    // The figures stay frozen whoever writes the minutes.
    await expect(
      db().execute(
        sql`update management_review_inputs set figures = '{"auditsCompleted": 9}'::jsonb
          where review_id = ${r.id} and section = 'a'`,
      ),
    ).rejects.toThrow();
    const stale = await manager.patch(
      url(r.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(r.version),
    );
    expect(stale.statusCode).toBe(412);
    const notYet = await seed();
    const early = await manager.patch(
      url(notYet.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(notYet.version),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('review_minutes_not_editable');
  });

  it('records decisions with the 6.3.b reason and the 6.3.c amount, numbered in order', async () => {
    const r = await seed({ status: 'held' });
    const noReason = await manager.post(url(r.id, '/decisions'), decision({ output: 'procedure' }));
    expect(noReason.statusCode, noReason.body).toBe(422);
    expect(noReason.json().errors).toMatchObject([
      { field: 'procedureReason', code: 'decision_reason_required' },
    ]);
    const amountOnA = await manager.post(url(r.id, '/decisions'), decision({ amount: 5 }));
    expect(amountOnA.statusCode).toBe(422);
    expect(amountOnA.json().errors[0].field).toBe('amount');
    const stranger = await manager.post(
      url(r.id, '/decisions'),
      decision({ ownerId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0].field).toBe('ownerId');

    const first = await record(r.id);
    const second = await record(r.id, {
      output: 'procedure',
      procedureReason: 'risk_level',
      title: 'Revise the access control procedure',
    });
    const third = await record(r.id, {
      output: 'resources',
      amount: 1_200_000,
      title: 'Budget for a SIEM',
      ownerId: top.user.id,
    });
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect(third).toMatchObject({
      amount: 1_200_000,
      currency: 'JPY',
      owner: { id: top.user.id },
      improvement: null,
    });

    // The rule is checked on the merged decision: 6.3.b without its reason is refused.
    const toProcedure = await manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { output: 'procedure' },
      ifMatch(first.version),
    );
    expect(toProcedure.statusCode).toBe(422);
    const changed = await manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { output: 'procedure', procedureReason: 'business' },
      ifMatch(first.version),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ procedureReason: 'business', version: 2 });
    const stale = await manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { title: 'x' },
      ifMatch(first.version),
    );
    expect(stale.statusCode).toBe(412);

    const removed = await manager.delete(
      url(r.id, `/decisions/${second.id}`),
      ifMatch(second.version),
    );
    expect(removed.statusCode, removed.body).toBe(204);
    const list = (await manager.get(url(r.id, '/decisions'))).json<{ items: ReviewDecision[] }>();
    expect(list.items.map((d) => [d.number, d.title])).toEqual([
      [1, 'Automate access reviews'],
      [2, 'Budget for a SIEM'],
    ]);
    const paged = await manager.get(url(r.id, '/decisions?limit=1'));
    const next = await manager.get(
      url(r.id, `/decisions?limit=1&cursor=${paged.json().nextCursor}`),
    );
    expect(next.json().items[0].title).toBe('Budget for a SIEM');
  });

  it('submits only with a top management attendee who attended', async () => {
    const r = await seed({ status: 'held' });
    await db().execute(
      sql`update management_review_attendees set attended = false
        where review_id = ${r.id} and role = 'top_management'`,
    );
    const res = await manager.post(url(r.id, '/submit'), {}, ifMatch(r.version));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toMatchObject([
      { field: 'attendees', code: 'review_top_management_absent' },
    ]);
    const planned = await seed();
    const early = await manager.post(url(planned.id, '/submit'), {}, ifMatch(planned.version));
    expect(early.statusCode).toBe(409);
  });

  it('turns each decision into an accepted improvement when top management approves', async () => {
    const r = await seed({ status: 'held', title: 'FY2026 review' });
    const d1 = await record(r.id);
    const d2 = await record(r.id, {
      output: 'resources',
      amount: 300_000,
      title: 'Training budget',
      ownerId: top2.user.id,
      dueDate: '2027-06-30',
    });
    const submitted = await submit(manager, r.id, r.version);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).not.toBeNull();
    // Frozen while submitted.
    const late = await manager.post(url(r.id, '/decisions'), decision());
    expect(late.statusCode).toBe(409);
    const approval = await approvalOf(r.id);
    const summary = (await top.get(`/api/v1/approvals/${approval.id}/summary`)).json();
    expect(summary.link).toBe(`/management-review/${r.id}?tab=minutes`);
    expect(summary.facts.map((f: { label: { en: string } }) => f.label.en)).toEqual(
      expect.arrayContaining(['Review', 'Held on', 'Decisions', 'Decision 1', 'Decision 2']),
    );

    const decided = await top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const items = (await manager.get(url(r.id, '/decisions'))).json<{ items: ReviewDecision[] }>()
      .items;
    expect(items.map((d) => d.improvement?.status)).toEqual(['accepted', 'accepted']);
    const improvement = (
      await manager.get(`/api/v1/improvements/${items[1]!.improvement!.id}`)
    ).json();
    expect(improvement).toMatchObject({
      source: 'management_review',
      sourceLink: { type: 'management_review', id: r.id },
      status: 'accepted',
      title: 'Training budget',
      owner: { id: top2.user.id },
      dueDate: '2027-06-30',
      decidedBy: { id: top.user.id },
      code: items[1]!.improvement!.code,
    });
    expect(improvement.sourceLink.label).toMatch(/^MR-\d{4} FY2026 review$/);
    expect(items[0]!.improvement!.dueDate).toBe(d1.dueDate);
    expect(d2.improvement).toBeNull();

    const events = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_events where entity_id = ${r.id} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'management_review.approval_requested',
        'management_review.approved',
        'management_review.actions_created',
      ]),
    );
    const approved = await queryRows<{ status: string; approved_by: string }>(
      db(),
      sql`select status, approved_by from management_reviews where id = ${r.id}`,
    );
    expect(approved).toEqual([{ status: 'approved', approved_by: top.user.id }]);
    // Approved minutes stay frozen.
    const edit = await manager.patch(
      url(r.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(await reviewVersion(r.id)),
    );
    expect(edit.statusCode).toBe(409);
  });

  it('returns rejected minutes to held, with no improvement created', async () => {
    const r = await seed({ status: 'held' });
    await record(r.id);
    await submit(manager, r.id, r.version);
    const approval = await approvalOf(r.id);
    const res = await top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'rejected',
      comment: 'Add a decision on training',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await queryRows<{ status: string; submitted_at: string | null }>(
      db(),
      sql`select status, submitted_at from management_reviews where id = ${r.id}`,
    );
    expect(row).toEqual({ status: 'held', submitted_at: null });
    const items = (await manager.get(url(r.id, '/decisions'))).json().items;
    expect(items[0].improvement).toBeNull();
    // Back to the manager: the minutes can change again.
    expect((await manager.post(url(r.id, '/decisions'), decision())).statusCode).toBe(201);

    // A request the manager withdraws returns the minutes too.
    await submit(manager, r.id, await reviewVersion(r.id));
    const pending = await approvalOf(r.id);
    expect(pending.status).toBe('pending');
    const withdrawn = await manager.post(`/api/v1/approvals/${pending.id}/cancel`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const [after] = await queryRows<{ status: string }>(
      db(),
      sql`select status from management_reviews where id = ${r.id}`,
    );
    expect(after!.status).toBe('held');
  });

  it('keeps a top manager who submitted from approving their own minutes', async () => {
    const both = await createUserAndLogin(manager, { roles: ['isms_manager', 'top_management'] });
    const r = await seed({ status: 'held' });
    await submit(both, r.id, r.version);
    const approval = await approvalOf(r.id);
    const own = await both.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('approval_own_object');
    const other = await top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('lets staff read decisions only once the approved minutes are distributed', async () => {
    const r = await seed({ status: 'held' });
    await record(r.id);
    expect((await staff.get(url(r.id, '/decisions'))).statusCode).toBe(404);
    expect((await external.get(url(r.id, '/decisions'))).statusCode).toBe(200);
    const early = await manager.post(url(r.id, '/distribute'), {}, ifMatch(r.version));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('review_distribute_needs_approval');
    await submit(manager, r.id, r.version);
    const approval = await approvalOf(r.id);
    await top.post(`/api/v1/approvals/${approval.id}/decision`, { decision: 'approved' });
    expect((await staff.get(url(r.id, '/decisions'))).statusCode).toBe(404);
    const version = await reviewVersion(r.id);
    const res = await manager.post(url(r.id, '/distribute'), {}, ifMatch(version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().distributedAt).not.toBeNull();
    const read = await staff.get(url(r.id, '/decisions'));
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toHaveLength(1);
    const again = await manager.post(url(r.id, '/distribute'), {}, ifMatch(version + 1));
    expect(again.statusCode).toBe(409);
  });

  it('leaves holding, minutes and decisions to the ISMS manager', async () => {
    const r = await seed({ status: 'held' });
    const d = await record(r.id);
    for (const client of [top, staff, external]) {
      const writes = [
        await client.post(url(r.id, '/hold'), { heldOn: '2026-11-20', attendance: [] }),
        await client.patch(url(r.id, '/minutes'), { minutesSummary: 'x' }, ifMatch(r.version)),
        await client.post(url(r.id, '/decisions'), decision()),
        await client.patch(url(r.id, `/decisions/${d.id}`), { title: 'x' }, ifMatch(d.version)),
        await client.delete(url(r.id, `/decisions/${d.id}`), ifMatch(d.version)),
        await client.post(url(r.id, '/submit'), {}, ifMatch(r.version)),
        await client.post(url(r.id, '/distribute'), {}, ifMatch(r.version)),
      ];
      expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    }
    expect((await top.get(url(r.id, '/decisions'))).statusCode).toBe(200);
  });
});
