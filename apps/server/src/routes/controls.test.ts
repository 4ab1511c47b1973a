import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { EvidenceRecord } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';

/**
 * Controls one person could otherwise undo (issue 14): an administrator alone
 * cannot approve their own policy, make themselves top management, or delete
 * evidence; a legal hold freezes a record; downloads refuse altered bytes.
 */
describeEachDatabase('controls that need a second person', (ctx) => {
  let app: App;
  let admin: Client; // the first user: administrator and ISMS manager
  let top: Client; // appointed during first-run set-up
  let manager: Client;
  let record: EvidenceRecord;
  let typeId: string;

  const decide = (client: Client, id: string, decision = 'approved') =>
    client.post(`/api/v1/approvals/${id}/decision`, { decision });
  const userOf = async (client: Client, id: string) =>
    (await client.get(`/api/v1/users/${id}`)).json();

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    top = await createUserAndLogin(admin, { roles: ['top_management'] });
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    const type = await admin.post('/api/v1/record-types', {
      code: 'HOLD',
      name: { ja: '保全', en: 'Hold' },
      retention: { value: 1, unit: 'years' },
    });
    typeId = type.json().id as string;
    record = (
      await admin.post('/api/v1/records', {
        typeId,
        title: 'Incident log',
        recordDate: '2026-04-01',
      })
    ).json();
  });
  afterAll(() => app.close());

  it('one administrator cannot make themselves top management; a second person decides', async () => {
    const me = await userOf(admin, admin.user.id);
    const res = await admin.patch(
      `/api/v1/users/${admin.user.id}`,
      { roles: [...me.roles, 'top_management'] },
      { headers: { 'if-match': `"${me.version}"` } },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).not.toContain('top_management');
    const grant = res.json().pendingRoleGrant;
    expect(grant.roles).toEqual(['top_management']);
    // Not the requester, not through the inbox, not twice.
    expect((await decide(admin, grant.approvalId)).json().code).toBe('approval_own_object');
    const inbox = (await admin.get('/api/v1/approvals?mine=true')).json().items;
    expect(inbox.map((a: { id: string }) => a.id)).not.toContain(grant.approvalId);
    const listed = (await admin.get(`/api/v1/approvals/${grant.approvalId}`)).json();
    expect(listed).toMatchObject({
      approvalType: 'role_grant',
      entityType: 'user',
      entityId: admin.user.id,
      proposal: { roles: ['top_management'] },
    });
    expect((await decide(manager, grant.approvalId)).json().code).toBe('approval_wrong_role');
    // Top management rejects: nothing changes.
    expect((await decide(top, grant.approvalId, 'rejected')).statusCode).toBe(200);
    const after = await userOf(admin, admin.user.id);
    expect(after.roles).not.toContain('top_management');
    expect(after.pendingRoleGrant).toBeNull();
  });

  it('after set-up, a new administrator waits for approval by another administrator or top management', async () => {
    const created = await admin.post('/api/v1/users', {
      email: `second-admin-${Date.now()}@example.test`,
      displayName: 'Second Admin',
      password: 'Velvet-Orbit-Lantern-7319',
      locale: 'en',
      roles: ['admin', 'staff'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().roles).toEqual(['staff']);
    const { approvalId } = created.json().pendingRoleGrant;
    const approved = await decide(top, approvalId);
    expect(approved.statusCode, approved.body).toBe(200);
    const user = await userOf(admin, created.json().id);
    expect(user.roles.sort()).toEqual(['admin', 'staff']);
    const events = (await admin.get('/api/v1/audit/events?action=user.role_granted')).json();
    expect(events.items.map((e: { entityId: string }) => e.entityId)).toContain(user.id);
  });

  it('one administrator cannot approve their own policy change; top management does, for new requests only', async () => {
    const res = await admin.put('/api/v1/approval-policies/isms_policy', {
      approverRole: 'isms_manager',
      segregateAuthor: false,
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().pendingChange.approvalId as string;
    expect((await decide(admin, id)).statusCode).toBe(403);
    expect((await decide(manager, id)).json().code).toBe('approval_wrong_role');
    const again = await admin.put('/api/v1/approval-policies/isms_policy', {
      approverRole: 'top_management',
      segregateAuthor: false,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('approval_pending');
    expect((await decide(top, id, 'rejected')).statusCode).toBe(200);
    const policy = (await admin.get('/api/v1/approval-policies'))
      .json()
      .items.find((p: { approvalType: string }) => p.approvalType === 'isms_policy');
    expect(policy).toMatchObject({ approverRole: 'top_management', segregateAuthor: true });
    // The fixed types cannot be configured at all.
    const fixed = await admin.put('/api/v1/approval-policies/role_grant', {
      approverRole: 'isms_manager',
      segregateAuthor: false,
    });
    expect(fixed.statusCode).toBe(422);
  });

  it('deleting evidence asks for disposal approval; a legal hold freezes fields and files', async () => {
    const file = await attachFile(admin, { type: 'record', id: record.id }, samples.pdf(), 'a.pdf');
    const asked = await admin.delete(`/api/v1/files/${file.id}`);
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ approvalType: 'record_disposal', entityType: 'file' });
    expect((await decide(admin, asked.json().id)).json().code).toBe('approval_own_object');
    // A hold placed while the request waits wins over the approval.
    const hold = await admin.put(
      `/api/v1/records/${record.id}/legal-hold`,
      { active: true, reason: 'Litigation 2026-17' },
      { headers: { 'if-match': `"${record.version}"` } },
    );
    expect(hold.statusCode, hold.body).toBe(200);
    expect((await decide(manager, asked.json().id)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/files/${file.id}`)).statusCode).toBe(200);
    const held = hold.json();
    for (const res of [
      await admin.delete(`/api/v1/files/${file.id}`),
      await uploadFile(admin, { type: 'record', id: record.id }, samples.pdf(), 'b.pdf'),
      await admin.patch(
        `/api/v1/records/${record.id}`,
        { title: 'Edited under hold' },
        { headers: { 'if-match': `"${held.version}"` } },
      ),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('legal_hold');
    }
  });

  it('refuses a download whose bytes no longer match, records it and shows it on the file', async () => {
    const other = (
      await admin.post('/api/v1/records', {
        typeId,
        title: 'Access review',
        recordDate: '2026-04-02',
      })
    ).json();
    const file = await attachFile(
      admin,
      { type: 'record', id: other.id },
      samples.png(1000),
      'x.png',
    );
    expect((await admin.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(200);
    await app.database.db
      .execute(sql`update file_chunks set data = overlay(data placing '\\x00'::bytea from 20)
      where seq = 0 and blob_id = (select blob_id from files where id = ${file.id}::uuid)`);
    const refused = await admin.get(`/api/v1/files/${file.id}/content`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('file_integrity_failed');
    const shown = (await admin.get(`/api/v1/files/${file.id}`)).json();
    expect(shown.integrityFailedAt).not.toBeNull();
    const events = (await admin.get('/api/v1/audit/events?action=file.integrity_failed')).json();
    expect(events.items.map((e: { entityId: string }) => e.entityId)).toContain(file.id);
    // Refused from then on, without reading the bytes again.
    expect((await admin.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(409);
  });
});
