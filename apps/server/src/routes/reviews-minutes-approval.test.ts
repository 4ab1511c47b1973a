import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ReviewDecision } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { createUserAndLogin } from '../testing/identity.ts';
import { ifMatch, reviewUrl as url, useMinutesTestbed } from './reviews-minutes.fixtures.ts';

describeEachDatabase('management review: approval of the minutes and distribution', (ctx) => {
  const t = useMinutesTestbed(ctx);
  const { seed, decision, record, submit, approvalOf, reviewVersion } = t;
  const db = () => t.app.database.db;

  it('submits only with a top management attendee who attended', async () => {
    const r = await seed({ status: 'held' });
    await db().execute(
      sql`update management_review_attendees set attended = false
        where review_id = ${r.id} and role = 'top_management'`,
    );
    const res = await t.manager.post(url(r.id, '/submit'), {}, ifMatch(r.version));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toMatchObject([
      { field: 'attendees', code: 'review_top_management_absent' },
    ]);
    const planned = await seed();
    const early = await t.manager.post(url(planned.id, '/submit'), {}, ifMatch(planned.version));
    expect(early.statusCode).toBe(409);
  });

  it('turns each decision into an accepted improvement when top management approves', async () => {
    const r = await seed({ status: 'held', title: 'FY2026 review' });
    const d1 = await record(r.id);
    const d2 = await record(r.id, {
      output: 'resources',
      amount: 300_000,
      title: 'Training budget',
      ownerId: t.top2.user.id,
      dueDate: '2027-06-30',
    });
    const submitted = await submit(t.manager, r.id, r.version);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).not.toBeNull();
    // Frozen while submitted.
    const late = await t.manager.post(url(r.id, '/decisions'), decision());
    expect(late.statusCode).toBe(409);
    const approval = await approvalOf(r.id);
    const summary = (await t.top.get(`/api/v1/approvals/${approval.id}/summary`)).json();
    expect(summary.link).toBe(`/management-review/${r.id}?tab=minutes`);
    expect(summary.facts.map((f: { label: { en: string } }) => f.label.en)).toEqual(
      expect.arrayContaining(['Review', 'Held on', 'Decisions', 'Decision 1', 'Decision 2']),
    );

    const decided = await t.top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const items = (await t.manager.get(url(r.id, '/decisions'))).json<{ items: ReviewDecision[] }>()
      .items;
    expect(items.map((d) => d.improvement?.status)).toEqual(['accepted', 'accepted']);
    const improvement = (
      await t.manager.get(`/api/v1/improvements/${items[1]!.improvement!.id}`)
    ).json();
    expect(improvement).toMatchObject({
      source: 'management_review',
      sourceLink: { type: 'management_review', id: r.id },
      status: 'accepted',
      title: 'Training budget',
      owner: { id: t.top2.user.id },
      dueDate: '2027-06-30',
      decidedBy: { id: t.top.user.id },
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
    expect(approved).toEqual([{ status: 'approved', approved_by: t.top.user.id }]);
    // Approved minutes stay frozen.
    const edit = await t.manager.patch(
      url(r.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(await reviewVersion(r.id)),
    );
    expect(edit.statusCode).toBe(409);
  });

  it('returns rejected minutes to held, with no improvement created', async () => {
    const r = await seed({ status: 'held' });
    await record(r.id);
    await submit(t.manager, r.id, r.version);
    const approval = await approvalOf(r.id);
    const res = await t.top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'rejected',
      comment: 'Add a decision on training',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await queryRows<{ status: string; submitted_at: string | null }>(
      db(),
      sql`select status, submitted_at from management_reviews where id = ${r.id}`,
    );
    expect(row).toEqual({ status: 'held', submitted_at: null });
    const items = (await t.manager.get(url(r.id, '/decisions'))).json().items;
    expect(items[0].improvement).toBeNull();
    // Back to the manager: the minutes can change again.
    expect((await t.manager.post(url(r.id, '/decisions'), decision())).statusCode).toBe(201);

    // A request the manager withdraws returns the minutes too.
    await submit(t.manager, r.id, await reviewVersion(r.id));
    const pending = await approvalOf(r.id);
    expect(pending.status).toBe('pending');
    const withdrawn = await t.manager.post(`/api/v1/approvals/${pending.id}/cancel`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const [after] = await queryRows<{ status: string }>(
      db(),
      sql`select status from management_reviews where id = ${r.id}`,
    );
    expect(after!.status).toBe('held');
  });

  it('keeps a top manager who submitted from approving their own minutes', async () => {
    const both = await createUserAndLogin(t.manager, { roles: ['isms_manager', 'top_management'] });
    const r = await seed({ status: 'held' });
    await submit(both, r.id, r.version);
    const approval = await approvalOf(r.id);
    const own = await both.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('approval_own_object');
    const other = await t.top.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('lets staff read decisions only once the approved minutes are distributed', async () => {
    const r = await seed({ status: 'held' });
    await record(r.id);
    expect((await t.staff.get(url(r.id, '/decisions'))).statusCode).toBe(404);
    expect((await t.external.get(url(r.id, '/decisions'))).statusCode).toBe(200);
    const early = await t.manager.post(url(r.id, '/distribute'), {}, ifMatch(r.version));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('review_distribute_needs_approval');
    await submit(t.manager, r.id, r.version);
    const approval = await approvalOf(r.id);
    await t.top.post(`/api/v1/approvals/${approval.id}/decision`, { decision: 'approved' });
    expect((await t.staff.get(url(r.id, '/decisions'))).statusCode).toBe(404);
    const version = await reviewVersion(r.id);
    const res = await t.manager.post(url(r.id, '/distribute'), {}, ifMatch(version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().distributedAt).not.toBeNull();
    const read = await t.staff.get(url(r.id, '/decisions'));
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toHaveLength(1);
    const again = await t.manager.post(url(r.id, '/distribute'), {}, ifMatch(version + 1));
    expect(again.statusCode).toBe(409);
  });

  it('leaves holding, minutes and decisions to the ISMS manager', async () => {
    const r = await seed({ status: 'held' });
    const d = await record(r.id);
    for (const client of [t.top, t.staff, t.external]) {
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
    expect((await t.top.get(url(r.id, '/decisions'))).statusCode).toBe(200);
  });
});
