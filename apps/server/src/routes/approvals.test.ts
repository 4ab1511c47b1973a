import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { approvals } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { TEST_ENTITY, requestTestApproval } from '../testing/approvals.ts';
import {
  createUserAndLogin,
  setupOrganization,
  tokenClient,
  type Client,
} from '../testing/identity.ts';

/** What the test area's handler saw, and whether it should fail the decision. */
const decided: { status: string; entityId: string }[] = [];
let failFor: string | null = null;
approvals.registerApprovalHandler(TEST_ENTITY, {
  onDecided: vi.fn(async (_tx, _ctx, approval: ApprovalRow) => {
    if (approval.entityId === failFor) throw new Error('the area refused the decision');
    decided.push({ status: approval.status, entityId: approval.entityId });
  }),
});

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

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((a) => a.id);

describeEachDatabase('approvals', (ctx) => {
  let app: App;
  let admin: Client;
  let author: Client; // top management, requests and authors
  let approver: Client; // another top management user
  let manager: Client; // isms manager: not the approver role of an ISMS policy
  let staff: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    author = await createUserAndLogin(admin, { roles: ['top_management'] });
    approver = await createUserAndLogin(admin, { roles: ['top_management'] });
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    decided.length = 0;
    failFor = null;
  });

  it('bars the author from approving their own request (segregation of duties)', async () => {
    const approval = await requestTestApproval(app, author);
    expect(approval).toMatchObject({ status: 'pending', assigneeRole: 'top_management' });
    const res = await author.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'approval_own_object' });
    expect(res.json().title).toMatch(/cannot approve your own work.*segregation of duties/i);
    expect((await admin.get(`/api/v1/approvals/${approval.id}`)).json().status).toBe('pending');
    expect(decided).toEqual([]);
  });

  it('lets another top manager approve; the record is listed and was in the right inbox only', async () => {
    const approval = await requestTestApproval(app, author);
    const inbox = async (client: Client) => ids(await client.get('/api/v1/approvals?mine=true'));
    expect(await inbox(approver)).toContain(approval.id);
    // Not for other roles, and not for the author, who may not decide it.
    for (const other of [manager, staff, admin, author]) {
      expect(await inbox(other)).not.toContain(approval.id);
    }

    const res = await approver.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
      comment: 'Looks right.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: approval.id,
      status: 'approved',
      decidedBy: approver.user.id,
      comment: 'Looks right.',
    });
    expect(res.json().decidedAt).toEqual(expect.any(String));
    expect(res.json().names).toEqual({
      author: author.user.displayName,
      requestedBy: author.user.displayName,
      assignee: null,
      decidedBy: approver.user.displayName,
    });
    expect(decided).toEqual([{ status: 'approved', entityId: approval.entityId }]);

    const listed = await admin.get('/api/v1/approvals?status=approved');
    expect(listed.statusCode).toBe(200);
    expect(ids(listed)).toContain(approval.id);
    expect(await inbox(approver)).not.toContain(approval.id);

    const events = await admin.get(`/api/v1/audit/events?entityId=${approval.id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'approval.approved',
      'approval.requested',
    ]);
  });

  it('refuses to decide a decided request again (409), and the row is frozen in SQL', async () => {
    const approval = await requestTestApproval(app, author);
    const first = await approver.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'rejected',
    });
    expect(first.statusCode).toBe(200);
    expect(decided).toEqual([{ status: 'rejected', entityId: approval.entityId }]);
    for (const decision of ['approved', 'rejected']) {
      const again = await approver.post(`/api/v1/approvals/${approval.id}/decision`, { decision });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('approval_not_pending');
    }
    expect((await author.post(`/api/v1/approvals/${approval.id}/cancel`)).statusCode).toBe(409);

    const db = ctx.database.db;
    expect(
      await databaseError(
        db.execute(sql`update approvals set status = 'approved' where id = ${approval.id}`),
      ),
    ).toMatch(/a decided approval cannot be changed or deleted/);
    expect(
      await databaseError(db.execute(sql`delete from approvals where id = ${approval.id}`)),
    ).toMatch(/a decided approval cannot be changed or deleted/);
    expect((await admin.get(`/api/v1/approvals/${approval.id}`)).json().status).toBe('rejected');
  });

  it('lets the author approve once top management approves turning segregation off, for new requests only', async () => {
    const change = { approverRole: 'top_management', segregateAuthor: false };
    expect((await author.put('/api/v1/approval-policies/isms_policy', change)).statusCode).toBe(
      403,
    );
    const waiting = await requestTestApproval(app, author); // made under segregation
    const set = await admin.put('/api/v1/approval-policies/isms_policy', change);
    expect(set.statusCode).toBe(202);
    expect(set.json()).toMatchObject({
      approvalType: 'isms_policy',
      segregateAuthor: true, // still in force until approved
      pendingChange: { approverRole: 'top_management', segregateAuthor: false },
    });
    const changeId = set.json().pendingChange.approvalId as string;
    const decide = (client: Client, id: string) =>
      client.post(`/api/v1/approvals/${id}/decision`, { decision: 'approved' });
    expect((await decide(admin, changeId)).json().code).toBe('approval_wrong_role');
    expect((await decide(approver, changeId)).statusCode).toBe(200);
    try {
      const approval = await requestTestApproval(app, author);
      expect(ids(await author.get('/api/v1/approvals?mine=true'))).toContain(approval.id);
      const res = await decide(author, approval.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'approved', decidedBy: author.user.id });
      // The request made before the change keeps the segregation it was made under.
      expect(ids(await author.get('/api/v1/approvals?mine=true'))).not.toContain(waiting.id);
      expect((await decide(author, waiting.id)).json().code).toBe('approval_own_object');
    } finally {
      const restore = await admin.put('/api/v1/approval-policies/isms_policy', {
        approverRole: 'top_management',
        segregateAuthor: true,
      });
      expect(restore.statusCode).toBe(202);
      expect((await decide(approver, restore.json().pendingChange.approvalId)).statusCode).toBe(
        200,
      );
      await approver.post(`/api/v1/approvals/${waiting.id}/decision`, { decision: 'rejected' });
    }
    const policies = await staff.get('/api/v1/approval-policies');
    expect(policies.json().items).toContainEqual({
      approvalType: 'isms_policy',
      approverRole: 'top_management',
      segregateAuthor: true,
      pendingChange: null,
    });
  });

  it('does not let staff decide, nor a user without the approver role', async () => {
    const approval = await requestTestApproval(app, author);
    const byStaff = await staff.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().code).toBe('forbidden');
    const byManager = await manager.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().code).toBe('approval_wrong_role');
    // Staff see only requests they are part of.
    expect(ids(await staff.get('/api/v1/approvals'))).not.toContain(approval.id);
    expect((await staff.get(`/api/v1/approvals/${approval.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/approvals/${approval.id}`)).json().status).toBe('pending');
  });

  it('lets a named assignee decide in person, but not through a token without approvals:decide', async () => {
    const approval = await requestTestApproval(app, manager, {
      approvalType: 'document',
      assigneeUserId: staff.user.id,
    });
    expect(approval).toMatchObject({ assigneeUserId: staff.user.id, assigneeRole: null });
    expect(ids(await staff.get('/api/v1/approvals?mine=true'))).toContain(approval.id);
    const created = await staff.post('/api/v1/tokens', {
      name: 'read only',
      permissions: ['approvals:read'],
    });
    expect(created.statusCode).toBe(201);
    const byToken = await tokenClient(app, created.json().token).post(
      `/api/v1/approvals/${approval.id}/decision`,
      { decision: 'approved' },
    );
    expect(byToken.statusCode).toBe(403);
    const byOther = await approver.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('approval_not_assignee');
    const inPerson = await staff.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(inPerson.statusCode).toBe(200);
    expect(inPerson.json().decidedBy).toBe(staff.user.id);
  });

  it('lets only the requester withdraw a pending request', async () => {
    const approval = await requestTestApproval(app, author);
    const byOther = await manager.post(`/api/v1/approvals/${approval.id}/cancel`);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().code).toBe('approval_not_requester');
    const res = await author.post(`/api/v1/approvals/${approval.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(decided).toEqual([{ status: 'cancelled', entityId: approval.entityId }]);
  });

  it('allows one pending request per object', async () => {
    const approval = await requestTestApproval(app, author);
    await expect(
      requestTestApproval(app, author, { entityId: approval.entityId, entityVersion: 2 }),
    ).rejects.toMatchObject({ code: 'approval_pending' });
  });

  it('decides inside the area handler transaction: a failing handler leaves the request pending', async () => {
    const approval = await requestTestApproval(app, author);
    failFor = approval.entityId;
    const res = await approver.post(`/api/v1/approvals/${approval.id}/decision`, {
      decision: 'approved',
    });
    expect(res.statusCode).toBe(500);
    expect((await admin.get(`/api/v1/approvals/${approval.id}`)).json().status).toBe('pending');
    const events = await admin.get(`/api/v1/audit/events?entityId=${approval.id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'approval.requested',
    ]);
  });
});
