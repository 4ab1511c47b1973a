import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { ManagementReview, ReviewDecision } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { ifMatch, reviewUrl as url, useMinutesTestbed } from './reviews-minutes.fixtures.ts';

describeEachDatabase('management review: holding, minutes and decisions', (ctx) => {
  const t = useMinutesTestbed(ctx);
  const { seed, decision, record } = t;
  const db = () => t.app.database.db;

  it('holds a review whose inputs are prepared, with its date and attendance', async () => {
    const planned = await seed({ status: 'planned' });
    const early = await t.manager.post(
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
    expect((await t.manager.post(url(r.id, '/hold'), body)).statusCode).toBe(428);
    expect(
      (await t.manager.post(url(r.id, '/hold'), body, ifMatch(r.version + 5))).statusCode,
    ).toBe(412);
    const res = await t.manager.post(url(r.id, '/hold'), body, ifMatch(r.version));
    expect(res.statusCode, res.body).toBe(200);
    const held = res.json<ManagementReview>();
    expect(held).toMatchObject({ status: 'held', heldOn: '2026-11-21', version: r.version + 1 });
    expect(res.headers.etag).toBe(`"${held.version}"`);
    expect(held.attendees.map((a) => [a.role, a.attended])).toEqual([
      ['top_management', true],
      ['isms_manager', null],
      ['other', false],
    ]);
    expect(held.attendees[0]!.user).toEqual({ id: t.top.user.id, name: t.top.user.displayName });
  });

  it('refuses a hold dated in the future or naming someone not invited (422 with fields)', async () => {
    const r = await seed();
    const res = await t.manager.post(
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
    const res = await t.manager.patch(
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
    const stale = await t.manager.patch(
      url(r.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(r.version),
    );
    expect(stale.statusCode).toBe(412);
    const notYet = await seed();
    const early = await t.manager.patch(
      url(notYet.id, '/minutes'),
      { minutesSummary: 'x' },
      ifMatch(notYet.version),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('review_minutes_not_editable');
  });

  it('records decisions with the 6.3.b reason and the 6.3.c amount, numbered in order', async () => {
    const r = await seed({ status: 'held' });
    const noReason = await t.manager.post(
      url(r.id, '/decisions'),
      decision({ output: 'procedure' }),
    );
    expect(noReason.statusCode, noReason.body).toBe(422);
    expect(noReason.json().errors).toMatchObject([
      { field: 'procedureReason', code: 'decision_reason_required' },
    ]);
    const amountOnA = await t.manager.post(url(r.id, '/decisions'), decision({ amount: 5 }));
    expect(amountOnA.statusCode).toBe(422);
    expect(amountOnA.json().errors[0].field).toBe('amount');
    const stranger = await t.manager.post(
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
      ownerId: t.top.user.id,
    });
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect(third).toMatchObject({
      amount: 1_200_000,
      currency: 'JPY',
      owner: { id: t.top.user.id },
      improvement: null,
    });

    // The rule is checked on the merged decision: 6.3.b without its reason is refused.
    const toProcedure = await t.manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { output: 'procedure' },
      ifMatch(first.version),
    );
    expect(toProcedure.statusCode).toBe(422);
    const changed = await t.manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { output: 'procedure', procedureReason: 'business' },
      ifMatch(first.version),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ procedureReason: 'business', version: 2 });
    const stale = await t.manager.patch(
      url(r.id, `/decisions/${first.id}`),
      { title: 'x' },
      ifMatch(first.version),
    );
    expect(stale.statusCode).toBe(412);

    const removed = await t.manager.delete(
      url(r.id, `/decisions/${second.id}`),
      ifMatch(second.version),
    );
    expect(removed.statusCode, removed.body).toBe(204);
    const list = (await t.manager.get(url(r.id, '/decisions'))).json<{ items: ReviewDecision[] }>();
    expect(list.items.map((d) => [d.number, d.title])).toEqual([
      [1, 'Automate access reviews'],
      [2, 'Budget for a SIEM'],
    ]);
    const paged = await t.manager.get(url(r.id, '/decisions?limit=1'));
    const next = await t.manager.get(
      url(r.id, `/decisions?limit=1&cursor=${paged.json().nextCursor}`),
    );
    expect(next.json().items[0].title).toBe('Budget for a SIEM');
  });
});
