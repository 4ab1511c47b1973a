import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidencePack, EvidencePackList } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import * as filesRepo from '@mamoru/db/repositories/files';
import { insertJob } from '@mamoru/db/repositories/jobs';
import {
  EVIDENCE_PACK_JOB,
  EVIDENCE_PACK_OWNER,
  setJobRequest,
} from '@mamoru/db/repositories/evidence-pack-jobs';
import { ROLES, type Role } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, setupOrganization, type Client } from '../testing/identity.ts';
import { makePack } from './evidence-pack.fixtures.ts';

/**
 * Who may make and take the evidence pack: the ISMS manager and administrators
 * make it; everyone who reads the whole ISMS (top management, internal and
 * external auditors) lists and downloads it; owners and staff do neither.
 * And the newest ten packs keep their ZIP.
 */
const MAKE: readonly Role[] = ['admin', 'isms_manager'];
const TAKE: readonly Role[] = [
  'admin',
  'top_management',
  'isms_manager',
  'internal_auditor',
  'external_auditor',
];

describeEachDatabase('evidence pack access and retention', (ctx) => {
  let app: App;
  let admin: Client;
  let pack: EvidencePack;
  const as = {} as Record<Role, Client>;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    for (const role of ROLES) as[role] = await createUserAndLogin(admin, { roles: [role] });
    pack = await makePack(admin, { lang: 'en' });
  }, 120_000);
  afterAll(() => app.close());

  describe.each(ROLES)('role %s', (role) => {
    it(MAKE.includes(role) ? 'starts a pack' : 'may not start a pack', async () => {
      if (MAKE.includes(role)) {
        const made = await makePack(as[role], { lang: 'ja' });
        expect(made.status).toBe('succeeded');
        expect(made.createdBy?.id).toBe(as[role].user.id);
      } else {
        const res = await as[role].post('/api/v1/evidence-packs', { lang: 'ja' });
        expect(res.statusCode).toBe(403);
      }
    });

    it(TAKE.includes(role) ? 'lists and downloads packs' : 'sees no pack', async () => {
      const list = await as[role].get('/api/v1/evidence-packs');
      const one = await as[role].get(`/api/v1/evidence-packs/${pack.id}`);
      const download = await as[role].get(`/api/v1/evidence-packs/${pack.id}/download`);
      // The ZIP is also a file of the store, read like its pack.
      const file = await as[role].get(`/api/v1/files?ownerType=evidence_pack&ownerId=${pack.id}`);
      const expected = TAKE.includes(role) ? 200 : 403;
      expect([list.statusCode, one.statusCode, download.statusCode, file.statusCode]).toEqual([
        expected,
        expected,
        expected,
        expected,
      ]);
      if (expected === 200) {
        expect(list.json<EvidencePackList>().items.map((p) => p.id)).toContain(pack.id);
        expect(download.headers['content-type']).toBe('application/zip');
      }
    });
  });

  it('refuses to attach or detach files of a pack by hand', async () => {
    const listed = await admin.get(`/api/v1/files?ownerType=evidence_pack&ownerId=${pack.id}`);
    const [file] = listed.json<{ items: { id: string }[] }>().items;
    const res = await admin.delete(`/api/v1/files/${file!.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('evidence_pack_files_fixed');
  });

  it('keeps the ZIPs of the newest ten packs and says when an older one is gone', async () => {
    // Ten more finished packs, quickly: rows of their own sharing the first pack's bytes
    // (the store is content-addressed), then one pack made for real, which prunes.
    const db = app.database.db;
    const org = admin.organization.id;
    const listed = await admin.get(`/api/v1/files?ownerType=evidence_pack&ownerId=${pack.id}`);
    const stored = (await filesRepo.getFile(db, org, listed.json().items[0].id))!;
    for (let i = 0; i < 10; i += 1) {
      const job = await insertJob(db, {
        organizationId: org,
        kind: EVIDENCE_PACK_JOB,
        createdBy: admin.user.id,
        status: 'succeeded',
      });
      await setJobRequest(db, org, job.id, {
        request: { asOf: pack.asOf, auditId: null, lang: 'en' },
        filename: stored.originalName,
        sha256: stored.sha256,
        bytes: stored.size,
      });
      await filesRepo.insertFile(db, {
        organizationId: org,
        blobId: stored.blobId,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: 'application/zip',
        originalName: stored.originalName,
        ownerType: EVIDENCE_PACK_OWNER,
        ownerId: job.id,
        uploadedBy: admin.user.id,
      });
    }
    const newest = await makePack(admin, { lang: 'en' });
    const { items, keep } = (await admin.get('/api/v1/evidence-packs')).json<EvidencePackList>();
    expect(keep).toBe(10);
    const withZip = items.filter((p) => p.file !== null);
    expect(withZip).toHaveLength(10);
    expect(withZip[0]!.id).toBe(newest.id);
    expect(withZip.map((p) => p.id)).toEqual(
      items
        .filter((p) => p.status === 'succeeded')
        .slice(0, 10)
        .map((p) => p.id),
    );
    const first = items.find((p) => p.id === pack.id)!;
    expect(first).toMatchObject({ status: 'succeeded', file: null });
    const res = await admin.get(`/api/v1/evidence-packs/${pack.id}/download`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('evidence_pack_pruned');
    // The kept packs sharing those bytes still download whole.
    const kept = await admin.get(`/api/v1/evidence-packs/${withZip[9]!.id}/download`);
    expect(kept.statusCode).toBe(200);
    expect(kept.rawPayload.length).toBe(stored.size);
  });
});
