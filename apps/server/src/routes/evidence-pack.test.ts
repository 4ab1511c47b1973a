import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EvidencePack, EvidencePackList } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import type { evidencePacks } from '@mamoru/domain';
import {
  DEMO_COMPANY,
  openDemoCompanyDatabase,
} from '../../../../packages/domain/src/archive/testing/demo-company.ts';
import { buildTestApp, type App } from '../testing/app.ts';
import { createUserAndLogin, login, type Client } from '../testing/identity.ts';
import { pdfText } from '../testing/pdf.ts';
import { makePack, unzip } from './evidence-pack.fixtures.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const ORGANIZATION = DEMO_COMPANY.organizationName;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Manifest extends Omit<evidencePacks.PackManifest, 'files'> {
  files: { path: string; sha256: string; bytes: number; empty: boolean }[];
}

// The completed demo company is the data the pack is made from, not the subject:
// each kind's copy comes from the run's one build of it (demo-company.ts).
describeEachDatabase('evidence pack', { open: openDemoCompanyDatabase }, (ctx) => {
  let app: App;
  let admin: Client;
  let external: Client;
  let pack: EvidencePack;
  let entries: Map<string, Buffer>;
  let manifest: Manifest;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    admin = await login(app, DEMO_COMPANY.email, DEMO_COMPANY.password);
    external = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    pack = await makePack(admin, { lang: 'ja' });
    const res = await external.get(`/api/v1/evidence-packs/${pack.id}/download`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    entries = await unzip(res.rawPayload);
    manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  }, 600_000);
  afterAll(() => app.close());

  it('makes the pack in the background and lists it with its ZIP', async () => {
    expect(pack).toMatchObject({
      status: 'succeeded',
      lang: 'ja',
      asOf: new Date().toISOString().slice(0, 10),
      auditId: null,
      createdBy: { id: admin.user.id },
      error: null,
    });
    expect(pack.file?.name).toMatch(/^evidence-pack-.*\.zip$/);
    const list = (await external.get('/api/v1/evidence-packs')).json<EvidencePackList>();
    expect(list.keep).toBe(10);
    expect(list.items.map((p) => p.id)).toContain(pack.id);
  });

  it("has every part as PDF and XLSX, and a manifest whose hashes match the ZIP's files", () => {
    expect(manifest).toMatchObject({
      format: 'mamoru-evidence-pack',
      organization: { id: admin.organization.id, name: ORGANIZATION },
      asOf: pack.asOf,
      lang: 'ja',
      generatedBy: { id: admin.user.id },
    });
    expect(manifest.mamoruVersion).toMatch(/^\d+\.\d+\.\d+/);
    const listed = manifest.files.map((f) => f.path).sort();
    expect([...entries.keys()].filter((p) => p !== 'manifest.json').sort()).toEqual(listed);
    for (const file of manifest.files) {
      const body = entries.get(file.path)!;
      expect({ path: file.path, sha256: sha256(body), bytes: body.length }).toEqual({
        path: file.path,
        sha256: file.sha256,
        bytes: file.bytes,
      });
    }
    expect(sha256(Buffer.from('x'))).not.toBe(manifest.files[0]!.sha256);
    for (const part of manifest.parts) {
      expect(
        part.files.some((f) => f.endsWith('.pdf')),
        part.key,
      ).toBe(true);
      expect(
        part.files.some((f) => f.endsWith('.xlsx')),
        part.key,
      ).toBe(true);
    }
    // The completed demo has something to show in every part.
    expect(manifest.parts.filter((p) => p.empty).map((p) => p.key)).toEqual([]);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^08-internal-audit-reports\/audit-report-.*\.pdf$/),
        expect.stringMatching(/^09-management-review-minutes\/.*\.pdf$/),
        'README-ja.txt',
      ]),
    );
    expect(entries.get('README-ja.txt')!.toString('utf8')).toContain(ORGANIZATION);
  });

  it('states the audit chain head at the day, which the trail confirms', async () => {
    expect(manifest.auditHead).not.toBeNull();
    const events = await admin.get('/api/v1/audit/events', {
      query: { action: 'evidence_pack.created', limit: '5' },
    });
    const created = events.json<{ items: { seq: number; entityId: string }[] }>().items;
    const mine = created.find((e) => e.entityId === pack.id)!;
    // The pack's own event comes after the head it states.
    expect(mine.seq).toBeGreaterThan(manifest.auditHead!.seq);
  });

  it.skipIf(!hasPdftotext)('names the organization in every PDF (pdftotext)', () => {
    const pdfs = manifest.files.filter((f) => f.path.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(11);
    const missing = pdfs
      .filter((f) => !pdfText(entries.get(f.path)!).replace(/\s+/g, '').includes(ORGANIZATION))
      .map((f) => f.path);
    expect(missing).toEqual([]);
  });

  it('has XLSX files that open as workbooks', async () => {
    for (const file of manifest.files.filter((f) => f.path.endsWith('.xlsx'))) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(entries.get(file.path)! as unknown as ArrayBuffer);
      expect(book.worksheets.length, file.path).toBeGreaterThan(0);
    }
  });

  it('records each download in the audit trail, with who took it', async () => {
    const res = await admin.get('/api/v1/audit/events', {
      query: { action: 'evidence_pack.downloaded', limit: '10' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { entityId: string; actorId: string }[] }>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityId: pack.id, actorId: external.user.id }),
      ]),
    );
  });

  it('serves the ZIP with a file name and its size', async () => {
    const res = await admin.get(`/api/v1/evidence-packs/${pack.id}/download`);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent(pack.file!.name)}`,
    );
    expect(Number(res.headers['content-length'])).toBe(pack.file!.bytes);
    expect(sha256(res.rawPayload)).toBe(pack.file!.sha256);
  });

  it('says so, part by part, when nothing had been approved or held by the day', async () => {
    const early = await makePack(admin, { asOf: '2001-04-01', lang: 'en' });
    expect(early.status).toBe('succeeded');
    expect(early.emptyParts).toEqual(
      expect.arrayContaining(['soa', 'scope', 'policy', 'audit_reports', 'review_minutes']),
    );
    const zip = await unzip(
      (await admin.get(`/api/v1/evidence-packs/${early.id}/download`)).rawPayload,
    );
    const m = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(m.files.find((f) => f.path === '01-statement-of-applicability/none.pdf')).toMatchObject({
      empty: true,
    });
    expect(m.auditHead).toBeNull();
    if (hasPdftotext) {
      const text = pdfText(zip.get('01-statement-of-applicability/none.pdf')!);
      expect(text).toContain('No statement of applicability had been approved by this date.');
      expect(text.replace(/\s+/g, '')).toContain(ORGANIZATION);
    }
  });

  it("takes an internal audit's day when an audit is named", async () => {
    const audits = (await admin.get('/api/v1/audits', { query: { status: 'closed' } })).json<{
      items: { id: string }[];
    }>().items;
    expect(audits.length).toBeGreaterThan(0);
    const forAudit = await makePack(admin, { auditId: audits[0]!.id, lang: 'en' });
    expect(forAudit).toMatchObject({ status: 'succeeded', auditId: audits[0]!.id });
    expect(forAudit.emptyParts).not.toContain('audit_reports');
  });

  it('refuses a day still to come, and an audit of no one', async () => {
    const future = await admin.post('/api/v1/evidence-packs', { asOf: '2999-01-01', lang: 'ja' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ field: 'asOf', code: 'evidence_pack_as_of_future' }),
    ]);
    const unknown = await admin.post('/api/v1/evidence-packs', {
      auditId: '00000000-0000-4000-8000-000000000000',
      lang: 'ja',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
