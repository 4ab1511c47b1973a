import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DocumentDetail, DocumentVersion, EvidenceFile } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples } from '../testing/files.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { pdfText } from '../testing/pdf.ts';

const body = [
  '# Visitor handling',
  '',
  'Every visitor signs the **visitor log** at reception &amp; wears a badge.',
  '',
  '1. Check the identity document',
  '2. Issue a badge',
  '',
  '| Area | Escort |',
  '| ---- | ------ |',
  '| Server room | Always |',
  '',
  '```',
  'badge-id: V-0001',
  '```',
  '',
  '<script>alert("raw html is skipped")</script>',
].join('\n');

/** The PDF of a version and the listing of its attachments, read like the version. */
describeEachDatabase('document exports and attachments for readers', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client;
  let staff: Client;
  let doc: DocumentDetail;
  let v1: DocumentVersion;
  let attached: EvidenceFile;
  let privateDoc: DocumentDetail;

  const version = (d: { id: string }, v: { id: string }) =>
    `/api/v1/documents/${d.id}/versions/${v.id}`;
  const exportText = async (client: Client, url: string) => {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    return pdfText(res.rawPayload);
  };
  const issue = async (d: { id: string }, v: DocumentVersion) => {
    const sent = await admin.post(
      `${version(d, v)}/approval`,
      {},
      { headers: { 'if-match': `"${v.version}"` } },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    const decided = await manager.post(`/api/v1/approvals/${sent.json().approvalId}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const issued = await admin.post(`${version(d, v)}/issue`, {});
    expect(issued.statusCode, issued.body).toBe(200);
    return issued.json<DocumentVersion>();
  };
  const create = async (code: string, roles: string[]) => {
    const res = await admin.post('/api/v1/documents', {
      code,
      title: `Visitor procedure ${code}`,
      type: 'procedure',
      ownerUserId: admin.user.id,
      distribution: { roles },
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DocumentDetail>();
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, {
      roles: ['isms_manager'],
      displayName: 'Approving Manager',
    });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    doc = await create('PRC-010', ['staff']);
    attached = await attachFile(
      admin,
      { type: 'document_version', id: doc.working!.id },
      samples.pdf(),
      'visitor-log.pdf',
    );
    privateDoc = await create('PRC-011', ['admin']);
  });
  afterAll(() => app.close());

  it('marks a draft as DRAFT, and staff may not export a draft', async () => {
    const text = await exportText(admin, `${version(doc, doc.working!)}/export.pdf?lang=en`);
    expect(text).toContain('DRAFT');
    expect(text).toContain('Visitor procedure PRC-010');
    const refused = await staff.get(`${version(doc, doc.working!)}/export.pdf`);
    expect(refused.statusCode).toBe(404);
  });

  it('exports the issued version with its facts, body and attachments, without a watermark', async () => {
    v1 = await issue(doc, doc.working!);
    const res = await admin.get(`${version(doc, v1)}/export.pdf?lang=en`);
    expect(res.headers['content-disposition']).toContain('PRC-010-rev1-en.pdf');
    const text = pdfText(res.rawPayload);
    for (const word of ['SUPERSEDED', 'OBSOLETE', 'DRAFT']) expect(text).not.toContain(word);
    expect(text).toContain('Visitor handling');
    expect(text).toContain('visitor log at reception & wears a badge');
    expect(text).toContain('Server room');
    expect(text).toContain('badge-id: V-0001');
    expect(text).not.toContain('raw html is skipped');
    expect(text).toContain('Approving Manager');
    expect(text).toContain('Procedure');
    expect(text).toContain('visitor-log.pdf');
    expect(text).toContain(createHash('sha256').update(samples.pdf()).digest('hex'));
    expect(attached.sha256).toBe(createHash('sha256').update(samples.pdf()).digest('hex'));
    // Staff read the issued version of a document distributed to them, in Japanese too.
    const ja = await exportText(staff, `${version(doc, v1)}/export.pdf?lang=ja`);
    expect(ja).toContain('文書番号');
    expect(ja).toContain('発行済み');
  });

  it('lets staff list and download the attachments of a document distributed to them', async () => {
    const listed = await staff.get(`${version(doc, v1)}/files`);
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json<{ items: EvidenceFile[] }>().items;
    expect(items.map((f) => f.originalName)).toEqual(['visitor-log.pdf']);
    const content = await staff.get(`/api/v1/files/${items[0]!.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(samples.pdf())).toBe(true);
  });

  it('refuses (404) what staff may not read: another document, a draft', async () => {
    const files = await staff.get(`${version(privateDoc, privateDoc.working!)}/files`);
    expect(files.statusCode).toBe(404);
    expect(
      (await staff.get(`${version(privateDoc, privateDoc.working!)}/export.pdf`)).statusCode,
    ).toBe(404);
    expect((await admin.get(`${version(privateDoc, privateDoc.working!)}/files`)).statusCode).toBe(
      200,
    );
    const issued = await issue(privateDoc, privateDoc.working!);
    expect((await staff.get(`${version(privateDoc, issued)}/files`)).statusCode).toBe(404);
    expect((await staff.get(`${version(privateDoc, issued)}/export.pdf`)).statusCode).toBe(404);
  });

  it('marks v1 SUPERSEDED once v2 is issued, and the withdrawn version OBSOLETE', async () => {
    const draft = await admin.post(`/api/v1/documents/${doc.id}/versions`, {});
    expect(draft.statusCode, draft.body).toBe(201);
    const v2 = await issue(doc, draft.json<DocumentVersion>());
    const en = await exportText(staff, `${version(doc, v1)}/export.pdf?lang=en`);
    expect(en).toContain('SUPERSEDED');
    expect(en).toContain('It is not the version in force');
    const ja = await exportText(admin, `${version(doc, v1)}/export.pdf?lang=ja`);
    expect(ja).toContain('旧版');
    expect(ja).toContain('SUPERSEDED');
    const current = await exportText(admin, `${version(doc, v2)}/export.pdf?lang=en`);
    expect(current).not.toContain('SUPERSEDED');

    const latest = (await admin.get(`/api/v1/documents/${doc.id}`)).json<DocumentDetail>();
    const withdrawn = await admin.post(
      `/api/v1/documents/${doc.id}/withdrawal`,
      { reason: 'Replaced by the building management company' },
      { headers: { 'if-match': `"${latest.version}"` } },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    const obsolete = await exportText(staff, `${version(doc, v2)}/export.pdf?lang=en`);
    expect(obsolete).toContain('OBSOLETE');
    expect(obsolete).toContain('retained for reference');
    expect(obsolete).toContain('Replaced by the building management company');
  });

  it('is invisible to another organization', async () => {
    const { admin: other } = await addOrganization(app, { name: 'Other' });
    expect((await other.get(`${version(doc, v1)}/export.pdf`)).statusCode).toBe(404);
    expect((await other.get(`${version(doc, v1)}/files`)).statusCode).toBe(404);
  });
});
