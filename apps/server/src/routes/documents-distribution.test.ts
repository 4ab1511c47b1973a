import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentDetail, DocumentVersion, User } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  createUser,
  createUserAndLogin,
  login,
  setupOrganization,
  type Client,
  type NewUser,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

/**
 * Distribution to an organization unit (4.3.2.g, annex 3.1.2): issuing reaches
 * every active member of the unit and of the units below it, and their heads,
 * never an external auditor; the report lists exactly who has not acknowledged.
 */
describeEachDatabase('documents distributed to a unit', (ctx) => {
  let app: App;
  let admin: Client; // admin + ISMS manager: writes the document
  let manager: Client; // ISMS manager: approves it
  const people: Record<string, { user: User; email: string }> = {};

  /** A user placed in `unitId` through the users API (PATCH with If-Match). */
  const member = async (name: string, unitId: string | null, input: Partial<NewUser> = {}) => {
    const created = await createUser(admin, { roles: ['staff'], displayName: name, ...input });
    let user = created.user;
    if (unitId) {
      const res = await admin.patch(
        `/api/v1/users/${user.id}`,
        { orgUnitId: unitId },
        { headers: { 'if-match': `"${user.version}"` } },
      );
      expect(res.statusCode, res.body).toBe(200);
      user = res.json<User>();
    }
    people[name] = { user, email: created.email };
    return user;
  };
  const idsOf = (...names: string[]) => names.map((n) => people[n]!.user.id).sort();
  const report = async (docId: string) => {
    const res = await admin.get(`/api/v1/documents/${docId}/acknowledgements`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ acknowledged: { userId: string }[]; pending: { userId: string }[] }>();
    return {
      acknowledged: body.acknowledged.map((r) => r.userId).sort(),
      pending: body.pending.map((r) => r.userId).sort(),
    };
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
  });
  afterAll(() => app.close());

  it('reaches the members of the unit and of its child units, and the heads, only', async () => {
    const parentHead = await member('Parent head', null, { roles: ['owner'] });
    const childHead = await member('Child head', null, { roles: ['owner'] });
    const otherHead = await member('Other head', null, { roles: ['owner'] });
    const parent = await createOrgUnit(admin, { name: 'Operations', managerUserId: parentHead.id });
    const child = await createOrgUnit(admin, {
      name: 'Operations / Data centre',
      parentId: parent.id,
      managerUserId: childHead.id,
    });
    const grandchild = await createOrgUnit(admin, {
      name: 'Operations / Data centre / Night shift',
      parentId: child.id,
    });
    const other = await createOrgUnit(admin, { name: 'Sales', managerUserId: otherHead.id });

    await member('Parent member', parent.id);
    await member('Child member', child.id, { roles: ['owner'] });
    await member('Grandchild member', grandchild.id);
    await member('Other member', other.id);
    await member('Unassigned', null);
    await member('Named person', other.id);
    const leaver = await member('Leaver', parent.id);
    await member('Auditor', parent.id, { roles: ['external_auditor'] });
    const off = await admin.patch(
      `/api/v1/users/${leaver.id}`,
      { active: false },
      { headers: { 'if-match': `"${leaver.version}"` } },
    );
    expect(off.statusCode, off.body).toBe(200);

    const created = await admin.post('/api/v1/documents', {
      code: 'PRO-DC-1',
      title: 'Data centre entry procedure',
      type: 'procedure',
      ownerUserId: admin.user.id,
      distribution: { orgUnitIds: [parent.id], userIds: [people['Named person']!.user.id] },
      body: 'Sign in at the front desk.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json<DocumentDetail>();
    const submitted = await admin.post(
      `/api/v1/documents/${doc.id}/versions/${doc.working!.id}/approval`,
      {},
      { headers: { 'if-match': `"${doc.working!.version}"` } },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approvalId = submitted.json<DocumentVersion>().approvalId;
    const decided = await manager.post(`/api/v1/approvals/${approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const issued = await admin.post(
      `/api/v1/documents/${doc.id}/versions/${doc.working!.id}/issue`,
      {},
    );
    expect(issued.statusCode, issued.body).toBe(200);

    const recipients = idsOf(
      'Parent head',
      'Child head',
      'Parent member',
      'Child member',
      'Grandchild member',
      'Named person',
    );
    expect(await report(doc.id)).toEqual({ acknowledged: [], pending: recipients });

    // A member of the child unit acknowledges; the report moves exactly them.
    const childMember = await login(app, people['Child member']!.email);
    const toRead = (await childMember.get('/api/v1/documents/to-read')).json().items;
    expect(toRead.map((t: { code: string }) => t.code)).toEqual(['PRO-DC-1']);
    const ack = await childMember.post(`/api/v1/documents/${doc.id}/acknowledgement`, {});
    expect(ack.statusCode, ack.body).toBe(204);
    expect(await report(doc.id)).toEqual({
      acknowledged: idsOf('Child member'),
      pending: recipients.filter((id) => id !== people['Child member']!.user.id),
    });

    // Members of other units and the unassigned were not reached.
    const outsider = await login(app, people['Other member']!.email);
    expect((await outsider.get('/api/v1/documents/to-read')).json().items).toEqual([]);
    const refused = await outsider.post(`/api/v1/documents/${doc.id}/acknowledgement`, {});
    expect(refused.statusCode).not.toBe(200);

    // Joining a unit below the named one later puts the document in force on one's list;
    // joining another unit does not.
    const unassigned = people['Unassigned']!.user;
    const moved = await admin.patch(
      `/api/v1/users/${unassigned.id}`,
      { orgUnitId: other.id },
      { headers: { 'if-match': `"${unassigned.version}"` } },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const joiner = await createUser(admin, { roles: ['staff'], displayName: 'Joiner' });
    const joined = await admin.patch(
      `/api/v1/users/${joiner.user.id}`,
      { orgUnitId: grandchild.id },
      { headers: { 'if-match': `"${joiner.user.version}"` } },
    );
    expect(joined.statusCode, joined.body).toBe(200);
    const late = await login(app, joiner.email);
    const lateList = (await late.get('/api/v1/documents/to-read')).json().items;
    expect(lateList.map((t: { code: string }) => t.code)).toEqual(['PRO-DC-1']);
    expect((await report(doc.id)).pending).toEqual(
      [...recipients.filter((id) => id !== people['Child member']!.user.id), joiner.user.id].sort(),
    );
  });
});
