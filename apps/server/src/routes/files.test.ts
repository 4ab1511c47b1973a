import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { EvidenceRecord } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { countBlobs } from '@mamoru/db/repositories/files';
import { evidenceFiles } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { attachFile, samples, uploadFile } from '../testing/files.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';

const LIMIT = 600 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeEachDatabase('evidence files', (ctx) => {
  let app: App;
  let admin: Client;
  let owner: Client;
  let staff: Client;
  let record: EvidenceRecord;
  let otherOrgAdmin: Client;
  let manager: Client; // approves the deletion of a record's evidence (disposal)
  const owned = () => ({ type: 'record', id: record.id });
  const blobs = () => countBlobs(app.database.db, admin.organization.id);

  beforeAll(async () => {
    app = await buildTestApp(ctx.database, { maxUploadBytes: LIMIT });
    ({ admin } = await setupOrganization(app));
    owner = await createUserAndLogin(admin, { roles: ['owner'] });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    manager = await createUserAndLogin(admin, { roles: ['isms_manager'] });
    const type = await admin.post('/api/v1/record-types', {
      code: 'EVIDENCE',
      name: { ja: '証跡', en: 'Evidence' },
      retention: { value: 1, unit: 'years' },
    });
    expect(type.statusCode, type.body).toBe(201);
    const res = await admin.post('/api/v1/records', {
      typeId: type.json().id,
      title: 'Backup restore test',
      recordDate: '2026-04-01',
    });
    record = res.json();
    otherOrgAdmin = (await addOrganization(app, { name: 'Other org' })).admin;
  });
  afterAll(() => app.close());

  /** A record's evidence goes only when a second person approves its disposal. */
  async function deleteApproved(id: string) {
    const asked = await admin.delete(`/api/v1/files/${id}`);
    expect(asked.statusCode, asked.body).toBe(202);
    const decided = await manager.post(`/api/v1/approvals/${asked.json().id}/decision`, {
      decision: 'approved',
    });
    expect(decided.statusCode, decided.body).toBe(200);
  }

  it('stores an upload in chunks, detects its type from content and streams it back', async () => {
    const content = samples.png(LIMIT - 100); // three 256 KiB chunks
    const file = await attachFile(admin, owned(), content, 'diagram.bin');
    expect(file).toMatchObject({
      sha256: sha256(content),
      size: content.length,
      mediaType: 'image/png',
      originalName: 'diagram.bin',
      owner: owned(),
      uploadedBy: { id: admin.user.id },
    });
    const down = await admin.get(`/api/v1/files/${file.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-disposition']).toBe("attachment; filename*=UTF-8''diagram.bin");
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(down.rawPayload)).toBe(sha256(content));
    const list = (await admin.get(`/api/v1/files?ownerType=record&ownerId=${record.id}`)).json();
    expect(list.items.map((f: { id: string }) => f.id)).toContain(file.id);
  });

  it('keeps the same bytes once per organization', async () => {
    const before = await blobs();
    const a = await attachFile(admin, owned(), samples.pdf(), 'a.pdf');
    const b = await attachFile(admin, owned(), samples.pdf(), 'b.pdf');
    expect(a.sha256).toBe(b.sha256);
    expect(a.mediaType).toBe('application/pdf');
    expect(await blobs()).toBe(before + 1);
    // Detaching one keeps the bytes for the other; detaching both removes them.
    await deleteApproved(a.id);
    expect(await blobs()).toBe(before + 1);
    expect((await admin.get(`/api/v1/files/${b.id}/content`)).statusCode).toBe(200);
    await deleteApproved(b.id);
    expect(await blobs()).toBe(before);
  });

  it('checks the type from the content, not the name', async () => {
    const exe = await uploadFile(admin, owned(), samples.exe(), 'invoice.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'file_type_not_allowed' });
    const text = await attachFile(
      admin,
      owned(),
      Buffer.from('議事録\n出席者: 3名\n'),
      'notes.png',
    );
    expect(text.mediaType).toBe('text/plain');
    const csv = await attachFile(admin, owned(), Buffer.from('a,b\n1,2\n'), 'log.csv');
    expect(csv.mediaType).toBe('text/csv');
  });

  it('refuses an upload over the limit with 413 and stores nothing', async () => {
    const before = await blobs();
    const files = (
      await admin.get(`/api/v1/files?ownerType=record&ownerId=${record.id}&limit=200`)
    ).json().items.length;
    const res = await uploadFile(admin, owned(), samples.png(LIMIT + 10), 'big.png');
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'file_too_large' });
    expect(await blobs()).toBe(before);
    const chunks = await app.database.db.execute(
      sql`select count(*)::int as n from file_chunks c join file_blobs b on b.id = c.blob_id
          where b.organization_id = ${admin.organization.id} and b.sha256 is null`,
    );
    expect((chunks as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const after = (
      await admin.get(`/api/v1/files?ownerType=record&ownerId=${record.id}&limit=200`)
    ).json().items.length;
    expect(after).toBe(files);
  });

  it('refuses requests that are not multipart, an unknown owner type, a missing owner', async () => {
    const json = await admin.post(`/api/v1/files?ownerType=record&ownerId=${record.id}`, {});
    expect(json.statusCode).toBe(415);
    const unknown = await uploadFile(
      admin,
      { type: 'spaceship', id: record.id },
      samples.pdf(),
      'x.pdf',
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'ownerType',
      code: 'file_owner_type_unknown',
    });
    const missing = await uploadFile(
      admin,
      { type: 'record', id: crypto.randomUUID() },
      samples.pdf(),
      'x.pdf',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('authorizes files like their record', async () => {
    const file = await attachFile(admin, owned(), samples.pdf(), 'evidence.pdf');
    expect((await owner.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(200);
    expect((await uploadFile(owner, owned(), samples.pdf(), 'x.pdf')).statusCode).toBe(403);
    expect((await owner.delete(`/api/v1/files/${file.id}`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(403);
    expect((await otherOrgAdmin.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
    expect((await otherOrgAdmin.get(`/api/v1/files/${file.id}/content`)).statusCode).toBe(404);
    const foreign = await uploadFile(otherOrgAdmin, owned(), samples.pdf(), 'x.pdf');
    expect(foreign.statusCode).toBe(404);
  });

  it('verify re-hashes every stored file and reports altered or missing bytes', async () => {
    const db = app.database.db;
    const org = admin.organization.id;
    const file = await attachFile(admin, owned(), samples.png(300 * 1024), 'to-alter.png');
    const clean = await evidenceFiles.verifyStoredFiles(db, { organizationId: org });
    expect(clean.problems).toEqual([]);
    expect(clean.checked).toBeGreaterThan(0);
    await db.execute(sql`update file_chunks set data = overlay(data placing '\\x00'::bytea from 20)
      where seq = 1 and blob_id = (select blob_id from files where id = ${file.id}::uuid)`);
    const altered = await evidenceFiles.verifyStoredFiles(db, { organizationId: org });
    expect(altered.problems).toEqual([
      {
        organizationId: org,
        sha256: file.sha256,
        problem: 'altered',
        files: [{ id: file.id, originalName: 'to-alter.png' }],
      },
    ]);
    await db.execute(sql`delete from file_chunks
      where seq = 0 and blob_id = (select blob_id from files where id = ${file.id}::uuid)`);
    const missing = await evidenceFiles.verifyStoredFiles(db, { organizationId: org });
    expect(missing.problems.map((p) => p.problem)).toEqual(['missing']);
    // Leave the store clean for the other tests of this suite.
    await deleteApproved(file.id);
  });
});
