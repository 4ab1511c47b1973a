import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImprovementAction, NonconformityDetail } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUser, login, setupOrganization, type Client } from '../testing/identity.ts';
import { createNonconformity, etag, today, withAction } from './improvement.fixtures.ts';

describeEachDatabase('nonconformities and corrective action', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager: manages the register
  let ownerId: string;
  let actionOwner: Client; // staff: owns an action
  let otherStaff: Client;
  let auditor: Client; // internal auditor: reads

  const post = (client: Client, path: string, body: unknown, version: { version: number }) =>
    client.post(path, body, etag(version));
  const ncStep = (nc: NonconformityDetail, path: string, body: unknown, client = manager) =>
    post(client, `/api/v1/nonconformities/${nc.id}/${path}`, body, nc);
  const actionOf = (nc: NonconformityDetail, i = 0) => nc.actions[i] as ImprovementAction;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    const owner = await createUser(manager, { roles: ['staff'], displayName: 'Action owner' });
    ownerId = owner.user.id;
    actionOwner = await login(app, owner.email);
    otherStaff = await login(app, (await createUser(manager, { roles: ['staff'] })).email);
    auditor = await login(app, (await createUser(manager, { roles: ['internal_auditor'] })).email);
  });
  afterAll(() => app.close());

  it('works a nonconformity from containment to closing, each step in the audit trail', async () => {
    let nc = await withAction(manager, ownerId);
    expect(nc).toMatchObject({
      status: 'in_action',
      cycle: 1,
      code: expect.stringMatching(/^NC-\d{4}$/),
    });
    expect(nc.analyses[0]).toMatchObject({ fishboneCategory: 'process', actionNeeded: true });
    const action = actionOf(nc);
    expect(action).toMatchObject({ status: 'planned', owner: { id: ownerId } });

    // No close and no review before the action is implemented and found effective.
    const early = await ncStep(nc, 'close', {});
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('nc_close_needs_effective_actions');

    const implemented = await post(
      actionOwner,
      `/api/v1/improvement-actions/${action.id}/implementation`,
      { note: 'Owner named in the procedure', evidence: [{ type: 'document', id: 'DOC-1' }] },
      action,
    );
    expect(implemented.statusCode, implemented.body).toBe(200);
    nc = implemented.json();
    expect(nc.status).toBe('in_review');
    expect(actionOf(nc)).toMatchObject({ status: 'implemented', reviewDue: today() });

    // The owner cannot judge their own action, whatever their permissions.
    const self = await post(
      actionOwner,
      `/api/v1/improvement-actions/${action.id}/review`,
      { effective: true, note: 'Looks fine' },
      actionOf(nc),
    );
    expect(self.statusCode).toBe(403);
    const reviewed = await post(
      manager,
      `/api/v1/improvement-actions/${action.id}/review`,
      { effective: true, note: 'Restore tests ran for a month' },
      actionOf(nc),
    );
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    nc = reviewed.json();
    expect(actionOf(nc)).toMatchObject({ status: 'effective' });
    expect(actionOf(nc).reviews[0]).toMatchObject({
      effective: true,
      reviewer: { id: manager.user.id },
    });

    const closed = await ncStep(nc, 'close', { reason: 'Cause removed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: { id: manager.user.id } });

    const events = await manager.get(`/api/v1/audit/events?entityId=${nc.id}&limit=50`);
    const actions = events.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'nonconformity.created',
        'nonconformity.contained',
        'nonconformity.analysed',
        'nonconformity.evaluated',
        'nonconformity.closed',
      ]),
    );
  });

  it('refuses a review by the action owner even when they manage the register', async () => {
    const nc = await withAction(manager, manager.user.id);
    const implemented = await post(
      manager,
      `/api/v1/improvement-actions/${actionOf(nc).id}/implementation`,
      { note: 'Done' },
      actionOf(nc),
    );
    expect(implemented.statusCode, implemented.body).toBe(200);
    const after = implemented.json<NonconformityDetail>();
    const review = await post(
      manager,
      `/api/v1/improvement-actions/${actionOf(after).id}/review`,
      { effective: true, note: 'My own' },
      actionOf(after),
    );
    expect(review.statusCode).toBe(422);
    expect(review.json().code).toBe('nc_reviewer_is_owner');
    expect(review.json().errors[0]).toMatchObject({ field: 'reviewer' });
  });

  it('reopens with a new cycle and cause analysis when an action was not effective', async () => {
    let nc = await withAction(manager, ownerId);
    nc = (
      await post(
        actionOwner,
        `/api/v1/improvement-actions/${actionOf(nc).id}/implementation`,
        { note: 'Reminder mail set up' },
        actionOf(nc),
      )
    ).json();
    const review = await post(
      manager,
      `/api/v1/improvement-actions/${actionOf(nc).id}/review`,
      { effective: false, note: 'The test was skipped again in June' },
      actionOf(nc),
    );
    expect(review.statusCode, review.body).toBe(200);
    nc = review.json();
    expect(nc).toMatchObject({ status: 'contained', cycle: 2 });
    expect(actionOf(nc).status).toBe('not_effective');
    const again = await ncStep(nc, 'analysis', {
      whySteps: ['The reminder went to a shared mailbox'],
      fishboneCategory: 'people',
      rootCause: 'Nobody reads the shared mailbox.',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<NonconformityDetail>().analyses.map((a) => a.cycle)).toEqual([1, 2]);
  });

  it('closes with the reason when no action is needed, and refuses steps out of order', async () => {
    let nc = await createNonconformity(manager, { kind: 'potential', source: 'monitoring' });
    const skipped = await ncStep(nc, 'analysis', {
      whySteps: ['x'],
      fishboneCategory: 'technology',
      rootCause: 'y',
    });
    expect(skipped.statusCode).toBe(422);
    expect(skipped.json().code).toBe('nc_step_out_of_order');
    nc = (await ncStep(nc, 'containment', { containment: 'Watched the log' })).json();
    nc = (
      await ncStep(nc, 'analysis', {
        whySteps: ['Log rotation warning'],
        fishboneCategory: 'technology',
        rootCause: 'A one-off disk spike',
      })
    ).json();
    nc = (
      await ncStep(nc, 'evaluation', { actionNeeded: false, reason: 'One-off, no recurrence' })
    ).json();
    const action = await ncStep(nc, 'actions', { title: 'x', ownerId, dueDate: today() });
    expect(action.json().code).toBe('nc_action_not_needed');
    const closed = await ncStep(nc, 'close', {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const edit = await manager.patch(
      `/api/v1/nonconformities/${nc.id}`,
      { title: 'x' },
      etag(closed.json()),
    );
    expect(edit.json().code).toBe('nc_closed');
  });

  it('refuses a review before its date, and stale versions', async () => {
    let nc = await withAction(manager, ownerId, { reviewIntervalDays: 30 });
    const stale = await post(
      actionOwner,
      `/api/v1/improvement-actions/${actionOf(nc).id}/implementation`,
      { note: 'Done' },
      { version: actionOf(nc).version + 5 },
    );
    expect(stale.statusCode).toBe(412);
    nc = (
      await post(
        actionOwner,
        `/api/v1/improvement-actions/${actionOf(nc).id}/implementation`,
        { note: 'Done' },
        actionOf(nc),
      )
    ).json();
    const early = await post(
      manager,
      `/api/v1/improvement-actions/${actionOf(nc).id}/review`,
      { effective: true, note: 'Too early' },
      actionOf(nc),
    );
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'nc_review_not_due' });
    expect(early.json().detail ?? early.json().title).toContain(actionOf(nc).reviewDue);
    const staleNc = await ncStep({ ...nc, version: nc.version - 1 }, 'close', {});
    expect(staleNc.statusCode).toBe(412);
  });

  it('names the field of a reference that does not exist (422)', async () => {
    const res = await manager.post('/api/v1/nonconformities', {
      source: 'incident',
      title: 'Lost laptop',
      detectedOn: today(),
      ownerId: '00000000-0000-4000-8000-000000000000',
      unitId: '00000000-0000-4000-8000-000000000001',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['ownerId', 'unitId']);
  });

  it('lets owners see and work on their own actions only; auditors read; staff cannot manage', async () => {
    const mine = await withAction(manager, ownerId);
    const notMine = await withAction(manager, manager.user.id);
    const list = await actionOwner.get('/api/v1/nonconformities?limit=200');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((n: { id: string }) => n.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(notMine.id);
    expect((await actionOwner.get(`/api/v1/nonconformities/${mine.id}`)).statusCode).toBe(200);
    expect((await actionOwner.get(`/api/v1/nonconformities/${notMine.id}`)).statusCode).toBe(404);
    expect((await otherStaff.get(`/api/v1/nonconformities/${mine.id}`)).statusCode).toBe(404);
    const actions = await actionOwner.get('/api/v1/improvement-actions');
    expect(actions.json().items.every((a: ImprovementAction) => a.owner?.id === ownerId)).toBe(
      true,
    );

    const foreign = await post(
      actionOwner,
      `/api/v1/improvement-actions/${actionOf(notMine).id}/implementation`,
      { note: 'Not mine' },
      actionOf(notMine),
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('forbidden_not_owner');
    expect(
      (
        await actionOwner.post('/api/v1/nonconformities', {
          source: 'incident',
          title: 'x',
          detectedOn: today(),
        })
      ).statusCode,
    ).toBe(403);

    const all = await auditor.get('/api/v1/nonconformities?limit=200');
    expect(all.json().items.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([mine.id, notMine.id]),
    );
    expect((await ncStep(mine, 'close', {}, auditor)).statusCode).toBe(403);
  });

  it('filters the register by source, status, severity, overdue and kind in SQL', async () => {
    const major = await createNonconformity(manager, {
      source: 'external_audit',
      severity: 'major',
      title: 'Filter target major',
    });
    const late = await withAction(manager, ownerId, { dueDate: '2020-01-01' });
    const q = async (query: string) =>
      (await manager.get(`/api/v1/nonconformities?limit=200&${query}`))
        .json()
        .items.map((n: { id: string }) => n.id);
    expect(await q('source=external_audit&severity=major')).toContain(major.id);
    expect(await q('source=incident')).not.toContain(major.id);
    expect(await q('overdue=true')).toEqual(expect.arrayContaining([late.id]));
    expect(await q('overdue=true')).not.toContain(major.id);
    expect(await q('status=in_action')).toContain(late.id);
    expect(await q('q=Filter%20target')).toEqual([major.id]);
    const page = await manager.get('/api/v1/nonconformities?limit=1');
    const next = await manager.get(
      `/api/v1/nonconformities?limit=1&cursor=${page.json().nextCursor}`,
    );
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
  });
});
