import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentDetail, EvidenceFile } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

/** Attachments of document versions: files in the evidence store owned by the version. */
describeEachDatabase('document attachments', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client;
  let staff: Client;
  let doc: DocumentDetail;

  const owner = (versionId: string) => ({ type: 'document_version', id: versionId });
  const filesOf = async (client: Client, versionId: string) => {
    const res = await client.get(
      `/api/v1/files?ownerType=document_version&ownerId=${versionId}&limit=50`,
    );
    return {
      status: res.statusCode,
      names:
        res.statusCode === 200
          ? res.json<{ items: EvidenceFile[] }>().items.map((f) => f.originalName)
          : [],
    };
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    const res = await admin.post('/api/v1/documents', {
      code: 'FRM-001',
      title: 'Visitor log form',
      type: 'form_template',
      distribution: { roles: ['staff'] },
      body: 'Fill in the attached form.',
    });
    expect(res.statusCode, res.body).toBe(201);
    doc = res.json();
  });
  afterAll(() => app.close());

  it('attaches files to a draft, freezes them with the version, and carries them to the next draft', async () => {
    const v1 = doc.working!;
    await attachFile(admin, owner(v1.id), samples.pdf(), 'visitor-log.pdf');
    expect((await filesOf(admin, v1.id)).names).toEqual(['visitor-log.pdf']);

    const sent = await admin.post(
      `/api/v1/documents/${doc.id}/versions/${v1.id}/approval`,
      {},
      { headers: { 'if-match': `"${v1.version}"` } },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    const frozen = await uploadFile(admin, owner(v1.id), samples.png(), 'late.png');
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('document_version_not_draft');

    const decided = await manager.post(`/api/v1/approvals/${sent.json().approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode).toBe(200);
    expect(
      (await admin.post(`/api/v1/documents/${doc.id}/versions/${v1.id}/issue`, {})).statusCode,
    ).toBe(200);

    const v2 = await admin.post(`/api/v1/documents/${doc.id}/versions`, {});
    expect(v2.statusCode).toBe(201);
    expect((await filesOf(admin, v2.json().id)).names).toEqual(['visitor-log.pdf']);
    // Detaching from the draft leaves the issued version's attachment alone.
    const [copy] = (
      await admin.get(`/api/v1/files?ownerType=document_version&ownerId=${v2.json().id}`)
    ).json().items;
    expect((await admin.delete(`/api/v1/files/${copy.id}`)).statusCode).toBeLessThan(300);
    expect((await filesOf(admin, v2.json().id)).names).toEqual([]);
    expect((await filesOf(admin, v1.id)).names).toEqual(['visitor-log.pdf']);
  });

  it('guards attachments like the version: staff may not upload, other tenants see nothing', async () => {
    const v1 = doc.working!; // issued by the test above
    const refused = await uploadFile(staff, owner(v1.id), samples.pdf(), 'x.pdf');
    expect(refused.statusCode).toBe(403);
    const { admin: other } = await addOrganization(app, { name: 'Other' });
    expect((await filesOf(other, v1.id)).status).toBe(404);
    expect((await uploadFile(other, owner(v1.id), samples.pdf(), 'x.pdf')).statusCode).toBe(404);
  });
});
